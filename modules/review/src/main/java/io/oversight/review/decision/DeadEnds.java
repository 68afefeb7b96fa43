package io.oversight.review.decision;

import io.oversight.kernel.RefusalException;
import io.oversight.ledger.Actor;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.PlatformStarted;
import io.oversight.tasks.ItemOutcomes;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.StuckTask;
import io.oversight.tasks.TaskLeases;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.TaskStatus;
import io.oversight.tasks.UnclaimableTasks;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Items nobody left can review move on instead of waiting forever (ADR 0040). An open review task
 * nobody may claim (tasks' {@link UnclaimableTasks}) ends and its item goes to adjudication, recorded
 * as {@code tasks.task.escalated} with reason {@value #REASON} in the transaction that moves it: at
 * once after the skip that left it without reviewers, and by a sweep for tasks that lost theirs
 * otherwise (a qualification revoked, a reviewer paused) once they have waited
 * {@code oversight.review.unclaimableTimeoutMinutes}.
 */
@ApplicationScoped
public class DeadEnds {

    /** The ledger's reason of a move for lack of reviewers, distinct from a reviewer's escalation. */
    public static final String REASON = "no-eligible-reviewer";
    static final int SWEEP_BATCH = 100;
    private static final Actor MOVER = Actor.system("review-dead-ends");
    private static final Logger LOG = Logger.getLogger(DeadEnds.class.getName());

    @Inject
    UnclaimableTasks unclaimable;

    @Inject
    TaskLeases leases;

    @Inject
    ItemOutcomes outcomes;

    @Inject
    ReviewLedger ledger;

    @Inject
    Decisions decisions;

    @Inject
    InTransaction inTransaction;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "oversight.review.unclaimableTimeoutMinutes", defaultValue = "1440")
    int timeoutMinutes;

    @Inject
    @ConfigProperty(name = "oversight.review.deadEndSweepSeconds", defaultValue = "60")
    int sweepSeconds;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeping;

    /**
     * In the caller's transaction: when nobody may claim the open review task any more, it ends and its
     * item goes to adjudication; nothing when someone may.
     *
     * <p>Not to the next tier first: a qualification for a tier covers every lower one and a pause
     * covers the whole workflow, so whoever may claim at a higher tier may claim here too, and a task
     * nobody can take here has nobody above it either (ADR 0040).
     */
    public void moveOnIfStuck(String taskId) {
        unclaimable.ifStuck(taskId).filter(DeadEnds::adjudicable).ifPresent(stuck -> toAdjudication(stuck, clock.instant()));
    }

    /**
     * The stuck tasks the sweep moves on now: those that have waited at least {@code timeout} since they
     * were opened and have an adjudication to go to.
     */
    static List<StuckTask> due(List<StuckTask> stuck, Instant now, Duration timeout) {
        Instant waitedSince = now.minus(timeout);
        return stuck.stream().filter(s -> !s.task().createdAt().isAfter(waitedSince)).filter(DeadEnds::adjudicable).toList();
    }

    /** An audit sample or a feedback review has no adjudication to go to: it stays, listed as stuck. */
    private static boolean adjudicable(StuckTask stuck) {
        return stuck.task().purpose() == TaskPurpose.REVIEW || stuck.task().purpose() == TaskPurpose.ESCALATION;
    }

    private void toAdjudication(StuckTask stuck, Instant now) {
        ReviewTask task = stuck.task();
        ReviewItem item = leases.item(task.itemId(), true).orElseThrow();
        leases.passOn(task.id(), "Sent to adjudication: " + stuck.reason() + ".", now);
        LedgerRecord.Builder record = record(stuck, item, now);
        if (item.status() == ItemStatus.IN_REVIEW) {
            String adjudication = decisions.openAdjudication(item, outcomes.completedReviews(item.id()).size(),
                    "no reviewer is left who may review it: " + stuck.reason(), MOVER, now);
            ledger.write(record.attribute("adjudication", adjudication));
            endOtherOpenSlots(task, item, now);
        } else {
            ledger.write(record); // another slot already sent it; its adjudication settles it
        }
    }

    /** The adjudicator settles the item: its other open slots would only wait for reviews nobody needs. */
    private void endOtherOpenSlots(ReviewTask moved, ReviewItem item, Instant now) {
        for (ReviewTask other : leases.tasksOf(item.id())) {
            if (other.status() == TaskStatus.OPEN && !other.id().equals(moved.id()) && !leases.isGold(other.id())) {
                leases.passOn(other.id(), "Ended: the item went to adjudication.", now);
                ledger.write(ledger.record(ReviewLedger.TASK_ESCALATED, MOVER, item.workflowKey())
                        .subject("task", other.id()).modelSnapshot(item.modelSnapshotId()).occurredAt(now)
                        .attribute("item", item.id()).attribute("purpose", other.purpose().name())
                        .attribute("tier", Integer.toString(other.queue().tier()))
                        .attribute("slot", Integer.toString(other.slot()))
                        .attribute("reason", "item-adjudicated").attribute("toTier", "adjudication"));
            }
        }
    }

    private LedgerRecord.Builder record(StuckTask stuck, ReviewItem item, Instant now) {
        ReviewTask task = stuck.task();
        return ledger.record(ReviewLedger.TASK_ESCALATED, MOVER, task.queue().workflowKey())
                .subject("task", task.id())
                .modelSnapshot(item.modelSnapshotId())
                .occurredAt(now)
                .attribute("item", task.itemId())
                .attribute("purpose", task.purpose().name())
                .attribute("tier", Integer.toString(task.queue().tier()))
                .attribute("slot", Integer.toString(task.slot()))
                .attribute("reason", REASON)
                .attribute("toTier", "adjudication")
                .attribute("eligibleReviewers", Integer.toString(stuck.eligible()))
                .attribute("why", stuck.reason());
    }

    /**
     * Moves on the tasks nobody may claim that have waited the timeout, each in a transaction of its
     * own (one that a reviewer's claim or skip changed meanwhile is left to them).
     *
     * @return how many tasks it moved on
     */
    public int sweep() {
        List<StuckTask> due = due(unclaimable.stuckForSweep(SWEEP_BATCH), clock.instant(),
                Duration.ofMinutes(timeoutMinutes));
        int moved = 0;
        for (StuckTask stuck : due) {
            try {
                inTransaction.call(() -> {
                    moveOnIfStuck(stuck.task().id());
                    return null;
                });
                moved++;
            } catch (RefusalException changedMeanwhile) {
                LOG.fine(() -> "Task " + stuck.task().id() + " changed while it was being moved on: " + changedMeanwhile.getMessage());
            }
        }
        return moved;
    }

    synchronized void onPlatformStarted(@Observes PlatformStarted started) {
        if (sweeping != null) {
            return;
        }
        long millis = sweepSeconds * 1000L;
        sweeping = scheduler.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The review module's dead-end sweep failed; it runs again in " + sweepSeconds + " s", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
            sweeping = null;
        }
    }
}
