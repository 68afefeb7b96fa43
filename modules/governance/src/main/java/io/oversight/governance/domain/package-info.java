/**
 * Governance's domain: workflow, label, guideline-version, routing-policy and model-snapshot
 * entities (with the snapshot's promotion transitions), the routing-rule parser, the contents that
 * are digested into the ledger, and the monitoring statistics in {@code monitoring} and
 * {@code stats}.
 */
package io.oversight.governance.domain;
