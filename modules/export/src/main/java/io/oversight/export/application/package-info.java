/**
 * Report jobs: the store (plain JDBC on the shared data source, like the ledger and tasks), the
 * service behind {@link io.oversight.export.ComplianceReports}, the runner on the managed executor,
 * and the transaction that completes a job and records it in the ledger.
 */
package io.oversight.export.application;
