package io.oversight.review.quality;

import io.oversight.kernel.ForbiddenException;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Database;
import io.oversight.review.ReviewerWorkload;
import io.oversight.review.decision.ReviewSettings;
import io.oversight.review.decision.ReviewSettingsService;
import io.oversight.tasks.TaskLeases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a reviewer may take more work in a workflow: not while paused there, not past a fatigue cap
 * ({@link Workload} over their completions of the last day against the workflow's review settings).
 */
@ApplicationScoped
public class WorkloadLimits {

    /** How far back a session may reach: the completions of the last day are the most a workload reads. */
    private static final Duration LOOK_BACK = Duration.ofDays(1);

    @Inject
    Database database;

    @Inject
    Callers callers;

    @Inject
    TaskLeases leases;

    @Inject
    ReviewSettingsService reviewSettings;

    @Inject
    PauseStore pauseStore;

    @Inject
    ReviewerStandings standings;

    @Inject
    Clock clock;

    /**
     * Refuses more work to {@code login} in the workflow while they are paused there or at a cap.
     * Only as many of their latest completions are read as the larger cap counts (none when both caps
     * are off): whether a cap is reached, and until when, depends on those alone.
     *
     * @throws ForbiddenException while they are paused
     * @throws FatigueLimitException at a cap, with when to retry
     */
    public void refuseIfPausedOrTired(String login, String workflowKey, ReviewSettings review) {
        standings.of(login, workflowKey).pause().ifPresent(pause -> {
            throw new ForbiddenException("You are paused in " + workflowKey + " since " + pause.pausedAt() + ": "
                    + pause.reason() + ". An administrator must resume you.");
        });
        int counted = Math.max(review.maxItemsPerHour(), review.maxItemsPerSession());
        if (counted <= 0) {
            return; // no cap to reach
        }
        Instant now = clock.instant();
        Workload workload = Workload.of(leases.latestCompletionTimes(login, workflowKey, now.minus(LOOK_BACK), counted),
                now, review);
        if (workload.capReached().isPresent()) {
            throw new FatigueLimitException(workload.capReached().get(), workload.retryAfter().orElse(Duration.ZERO));
        }
    }

    /** The caller's work in a workflow against its fatigue caps, and whether they are paused there. */
    public ReviewerWorkload workload(String workflowKey) {
        String login = callers.login();
        ReviewSettings review = reviewSettings.of(workflowKey);
        Instant now = clock.instant();
        Workload w = Workload.of(leases.completionTimes(login, workflowKey, now.minus(LOOK_BACK)), now, review);
        Optional<String> paused = database.run("reading pauses", c -> pauseStore.activePause(c, login, workflowKey))
                .map(PauseStore.Pause::reason);
        return new ReviewerWorkload(workflowKey, w.completedLastHour(), review.maxItemsPerHour(), w.completedThisSession(),
                review.maxItemsPerSession(), w.sessionStartedAt(), w.capReached(), w.retryAfter(), w.breakDue(), paused);
    }
}
