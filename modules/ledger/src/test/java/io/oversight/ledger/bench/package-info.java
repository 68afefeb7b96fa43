/**
 * On-demand ledger benchmarks against the local PostgreSQL, tagged {@code benchmark} and excluded
 * from the normal build; docs/benchmarks.md has the command and the results.
 */
package io.oversight.ledger.bench;
