package io.oversight.review.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.tasks.QueueKey;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.StuckTask;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sweep's half of the dead-end rule (ADR 0040): a task nobody may claim moves on once it has
 * waited the timeout, not before, and only if an adjudication can settle it. (The move itself is the
 * one a skip triggers, exercised end to end by ReviewLoopIT.)
 */
class DeadEndsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private static StuckTask stuck(String id, TaskPurpose purpose, Duration waited) {
        return new StuckTask(new ReviewTask(id, "item-" + id, new QueueKey("wf", 1), purpose, 1, TaskStatus.OPEN, 0,
                Optional.empty(), 0.5, Optional.empty(), Optional.empty(), 0, NOW.minus(waited), Optional.empty(),
                Optional.empty()), 0);
    }

    @Test
    void aTaskMovesOnOnceItHasWaitedTheTimeoutAndNotBefore() {
        List<StuckTask> stuck = List.of(stuck("old", TaskPurpose.REVIEW, DAY.plusMinutes(1)),
                stuck("exactly", TaskPurpose.REVIEW, DAY), stuck("young", TaskPurpose.REVIEW, DAY.minusSeconds(1)));
        assertEquals(List.of("old", "exactly"), DeadEnds.due(stuck, NOW, DAY).stream().map(s -> s.task().id()).toList());
    }

    @Test
    void onlyReviewsAndEscalationsHaveAnAdjudicationToGoTo() {
        List<StuckTask> stuck = List.of(stuck("review", TaskPurpose.REVIEW, DAY.multipliedBy(2)),
                stuck("escalation", TaskPurpose.ESCALATION, DAY.multipliedBy(2)),
                stuck("audit", TaskPurpose.AUDIT, DAY.multipliedBy(2)),
                stuck("feedback", TaskPurpose.FEEDBACK, DAY.multipliedBy(2)));
        assertEquals(List.of("review", "escalation"), DeadEnds.due(stuck, NOW, DAY).stream().map(s -> s.task().id()).toList(),
                "audit samples and feedback reviews stay, listed as stuck");
    }

    @Test
    void aZeroTimeoutMovesOnEveryAdjudicableTaskAtOnce() {
        assertEquals(1, DeadEnds.due(List.of(stuck("now", TaskPurpose.REVIEW, Duration.ZERO)), NOW, Duration.ZERO).size());
    }
}
