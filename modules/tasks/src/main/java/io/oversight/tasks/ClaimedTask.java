package io.oversight.tasks;

/** A task handed to a reviewer under a lease, with the item to review. */
public record ClaimedTask(ReviewTask task, ReviewItem item) {
}
