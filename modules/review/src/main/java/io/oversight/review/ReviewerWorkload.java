package io.oversight.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The caller's work in one workflow against its fatigue caps.
 *
 * @param capReached why a claim would be refused now, if it would
 * @param breakDue   whether the session has lasted past the workflow's break reminder
 */
public record ReviewerWorkload(String workflowKey, int completedLastHour, int maxPerHour, int completedThisSession,
        int maxPerSession, Optional<Instant> sessionStartedAt, Optional<String> capReached,
        Optional<Duration> retryAfter, boolean breakDue, Optional<String> pausedBecause) {
}
