package io.oversight.tasks;

/**
 * A task its reviewer holds, with its item, both rows locked for the caller's transaction: what a
 * decision on the task needs, read in one round trip.
 *
 * @param gold whether the task was cut to serve a gold item
 */
public record HeldTask(ReviewTask task, ReviewItem item, boolean gold) {
}
