package io.oversight.tasks.queue;

import io.oversight.tasks.TaskPurpose;
import java.time.Instant;
import java.util.Optional;

/** A new open task. */
public record TaskRow(String id, String itemId, String workflowKey, int tier, TaskPurpose purpose, int slot,
        int priority, Optional<Instant> slaDeadline, double uncertainty, long simHash, Instant createdAt,
        Optional<String> note) {
}
