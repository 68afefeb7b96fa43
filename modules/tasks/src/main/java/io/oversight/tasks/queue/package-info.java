/**
 * Tiered queues and leases: the leases review takes through TaskLeases, the lease reaper, queue
 * statistics and the SLA monitor, and their stores, one per table or responsibility, each an injectable
 * bean on the caller's connection: task rows and their life-cycle writes (TaskStore, its SQL guards
 * built from TaskTransition), claim candidates, item reviewers and exclusions, expired leases, queue
 * counts, completed tasks, SLA episodes.
 */
package io.oversight.tasks.queue;
