/**
 * Tiered queues and leases: the task and item store (its SQL guards built from TaskTransition), the
 * leases review takes through TaskLeases, the lease reaper, queue statistics and the SLA monitor.
 */
package io.oversight.tasks.queue;
