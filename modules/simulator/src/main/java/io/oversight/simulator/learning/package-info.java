/**
 * How the harness picks items for review in the active-learning experiments.
 */
package io.oversight.simulator.learning;
