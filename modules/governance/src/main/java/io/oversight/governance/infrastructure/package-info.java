/**
 * Where governance keeps its state: the JPA repository of workflows, guidelines, policies and
 * snapshots, and one JDBC store per monitoring table (observations, windows, monitor configuration
 * and heads, reference distributions, alerts, reviewer views), each writing in the caller's
 * transaction.
 */
package io.oversight.governance.infrastructure;
