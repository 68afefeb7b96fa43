/**
 * The SpamAssassin public corpus the harness labels: reading its mail files, their labels, and
 * reproducible splits and slices.
 */
package io.oversight.simulator.corpus;
