package io.oversight.tasks;

import java.time.Instant;
import java.util.Optional;

/**
 * A unit of human work on an item, in one queue.
 *
 * @param slot        which of the item's independent reviews this is (1..N), 1 for other purposes
 * @param uncertainty the item's active-learning score, copied for ordering
 * @param leaseHolder who holds it, while claimed
 */
public record ReviewTask(
        String id,
        String itemId,
        QueueKey queue,
        TaskPurpose purpose,
        int slot,
        TaskStatus status,
        int priority,
        Optional<Instant> slaDeadline,
        double uncertainty,
        Optional<String> leaseHolder,
        Optional<Instant> leaseExpiresAt,
        int claims,
        Instant createdAt,
        Optional<Instant> completedAt,
        Optional<String> note) {
}
