package io.oversight.review;

import java.time.Instant;
import java.util.Optional;

/** What adjudication tells a reviewer whose answer it changed ("your label was changed because..."). */
public record ReviewerNotice(String id, String itemId, String workflowKey, String message, Instant createdAt,
        Optional<Instant> readAt) {
}
