package io.oversight.review;

import java.time.Instant;
import java.util.Optional;

public record ReviewerPause(String id, String reviewer, String workflowKey, String reason, double accuracy, int answers,
        Instant pausedAt, Optional<Instant> resumedAt) {
}
