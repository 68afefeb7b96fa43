/**
 * The harness's client of the Oversight REST API: accounts, workflow set-up, predictions, claims,
 * decisions, adjudications, gold scores and the autonomy advice, as an integration would call them.
 */
package io.oversight.simulator.platform;
