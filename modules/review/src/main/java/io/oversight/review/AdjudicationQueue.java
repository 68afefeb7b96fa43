package io.oversight.review;

import java.time.Duration;
import java.util.Optional;

/** A workflow's adjudication queue: how much waits, and how long adjudication took (created to decided). */
public record AdjudicationQueue(String workflowKey, long open, long claimed, long decidedLast30Days,
        Optional<Duration> medianLeadTime, Optional<Duration> p90LeadTime) {
}
