package io.oversight.tasks;

import java.util.Objects;

/** A review queue: one per workflow and tier (1 crowd, 2 trained, 3 expert). */
public record QueueKey(String workflowKey, int tier) {

    public QueueKey {
        Objects.requireNonNull(workflowKey, "workflowKey");
        if (tier < 1 || tier > 3) {
            throw new IllegalArgumentException("tier must be 1, 2 or 3, got " + tier);
        }
    }

    @Override
    public String toString() {
        return workflowKey + "/tier-" + tier;
    }
}
