/**
 * Governance's services behind its API package: workflows, guidelines (rendering and diffs),
 * routing policies, the model registry and its promotion gate, reviewer views, the monitors (the
 * scheduled tick that folds observations into windows and evaluates alert rules), alerts, the
 * autonomy advice, the demo data, and the ledger records each change writes in its transaction.
 */
package io.oversight.governance.application;
