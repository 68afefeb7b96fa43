package io.oversight.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which completed reviews to measure agreement on: one workflow over a period, optionally
 * one tier, one guideline version, or one label (then each answer becomes "label / not label").
 */
public record AgreementQuery(String workflowKey, Instant from, Instant to, Optional<Integer> tier,
        Optional<String> guidelineId, Optional<String> label) {

    public AgreementQuery {
        Objects.requireNonNull(workflowKey, "workflowKey");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must start before it ends");
        }
    }
}
