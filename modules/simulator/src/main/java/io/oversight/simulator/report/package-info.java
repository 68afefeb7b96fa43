/**
 * Writes the experiments' results as CSV tables and PNG charts for the docs.
 */
package io.oversight.simulator.report;
