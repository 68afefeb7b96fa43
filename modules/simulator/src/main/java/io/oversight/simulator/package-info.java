/**
 * The evaluation harness (ADR 0014): drives a running Oversight server through its public REST API
 * with a simulated model and simulated reviewers over a public corpus, and writes the experiments'
 * tables and charts. A test dependency only: not part of the product's WAR.
 */
package io.oversight.simulator;
