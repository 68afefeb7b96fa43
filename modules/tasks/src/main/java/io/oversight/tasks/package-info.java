/**
 * Tasks module API: intake of predictions, routing decisions, tiered review queues with leases,
 * SLAs and active-learning order (SPEC T2-T9). Other modules use only this package; sub-packages
 * are internal.
 */
package io.oversight.tasks;
