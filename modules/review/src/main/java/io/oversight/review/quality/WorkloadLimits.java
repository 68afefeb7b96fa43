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
import java.util.List;
import java.util.Optional;

/**
 * Whether a reviewer may take more work in a workflow: not while paused there, not past a fatigue cap
 * ({@link Workload} over their completions of the last day against the workflow's review settings).
 */
@ApplicationScoped
public class WorkloadLimits {

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
    Clock clock;

    /**
     * Refuses more work to {@code login} in the workflow while they are paused there or at a cap.
     *
     * @throws ForbiddenException while they are paused
     * @throws FatigueLimitException at a cap, with when to retry
     */
    public void refuseIfPausedOrTired(String login, String workflowKey, ReviewSettings review) {
        database.run("reading pauses", c -> pauseStore.activePause(c, login, workflowKey)).ifPresent(pause -> {
            throw new ForbiddenException("You are paused in " + workflowKey + " since " + pause.pausedAt() + ": "
                    + pause.reason() + ". An administrator must resume you.");
        });
        Workload workload = workloadOf(login, workflowKey, review);
        if (workload.capReached().isPresent()) {
            throw new FatigueLimitException(workload.capReached().get(), workload.retryAfter().orElse(Duration.ZERO));
        }
    }

    /** The caller's work in a workflow against its fatigue caps, and whether they are paused there. */
    public ReviewerWorkload workload(String workflowKey) {
        String login = callers.login();
        ReviewSettings review = reviewSettings.of(workflowKey);
        Workload w = workloadOf(login, workflowKey, review);
        Optional<String> paused = database.run("reading pauses", c -> pauseStore.activePause(c, login, workflowKey))
                .map(PauseStore.Pause::reason);
        return new ReviewerWorkload(workflowKey, w.completedLastHour(), review.maxItemsPerHour(), w.completedThisSession(),
                review.maxItemsPerSession(), w.sessionStartedAt(), w.capReached(), w.retryAfter(), w.breakDue(), paused);
    }

    private Workload workloadOf(String login, String workflowKey, ReviewSettings review) {
        Instant now = clock.instant();
        List<Instant> completions = leases.completionTimes(login, workflowKey, now.minus(Duration.ofDays(1)));
        return Workload.of(completions, now, review);
    }
}
