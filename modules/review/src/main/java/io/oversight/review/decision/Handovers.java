package io.oversight.review.decision;

import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.RoutingPolicies;
import io.oversight.governance.RoutingPolicy;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.Violations;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Callers;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.LedgerRecord;
import io.oversight.tasks.HeldTask;
import io.oversight.tasks.ReviewTask;
import io.oversight.tasks.TaskLeases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A reviewer passing a held task on without answering it: skipped (never offered to them again),
 * released back to its queue, or escalated to a higher tier's queue. The task rows change through
 * tasks' {@link TaskLeases} in this class's transaction, together with the ledger record.
 */
@ApplicationScoped
public class Handovers {

    static final int MAX_RATIONALE = ResultRules.MAX_RATIONALE;

    @Inject
    Callers callers;

    @Inject
    ReviewLedger ledger;

    @Inject
    TaskLeases leases;

    @Inject
    Guidelines guidelines;

    @Inject
    RoutingPolicies policies;

    @Inject
    InTransaction inTransaction;

    @Inject
    Clock clock;

    @Inject
    ReviewReporting reporting;

    @Inject
    DeadEnds deadEnds;

    /** Gives a held task back with a reason; the caller will not be offered that item again. */
    public ReviewTask skip(String taskId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_RATIONALE) {
            throw InvalidInputException.of("reason",
                    "is required: why you skip the item (at most " + MAX_RATIONALE + " characters)");
        }
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            HeldTask held = leases.held(taskId, login);
            Actor actor = callers.actorIn(TierRoles.of(held.task().queue().tier()), pseudonym);
            Instant now = clock.instant();
            ReviewTask reopened = leases.reopen(taskId, login, false);
            ledger.write(ledger.taskRecord(ReviewLedger.TASK_SKIPPED, actor, reopened, held.item(), now, Optional.empty())
                    .rationale(reason));
            reporting.reviewAction(held.item(), "SKIPPED", now);
            deadEnds.moveOnIfStuck(taskId);
            return leases.tasksOf(reopened.itemId()).stream().filter(t -> t.id().equals(taskId)).findFirst().orElse(reopened);
        });
    }

    /** Gives a held task back to its queue. */
    public ReviewTask release(String taskId, String reason) {
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            ReviewTask current = leases.held(taskId, login).task();
            Actor actor = callers.actorIn(TierRoles.of(current.queue().tier()), pseudonym);
            return release(taskId, reason, login, actor, Optional.empty());
        });
    }

    private ReviewTask release(String taskId, String reason, String login, Actor actor,
            Optional<GuidelineVersion> guideline) {
        HeldTask held = leases.held(taskId, login);
        Instant now = clock.instant();
        ReviewTask released = leases.reopen(taskId, login, true);
        LedgerRecord.Builder record = ledger.taskRecord(ReviewLedger.TASK_RELEASED, actor, released, held.item(), now, guideline);
        if (reason != null && !reason.isBlank()) {
            record.rationale(reason);
        }
        ledger.write(record);
        return released;
    }

    /** Moves a held task to a higher tier's queue, due by that tier's SLA. */
    public ReviewTask escalate(String taskId, int toTier, String reason) {
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            ReviewTask current = leases.held(taskId, login).task();
            checkEscalation(current, toTier, reason);
            Actor actor = callers.actorIn(TierRoles.of(current.queue().tier()), pseudonym);
            return escalate(taskId, toTier, reason, login, actor, guidelines.activeFor(current.queue().workflowKey()),
                    policies.activeFor(current.queue().workflowKey()));
        });
    }

    private static void checkEscalation(ReviewTask current, int toTier, String reason) {
        Violations v = new Violations();
        v.check(toTier > current.queue().tier() && toTier <= 3, "toTier",
                "must be a higher tier than " + current.queue().tier() + " and at most 3");
        v.check(reason != null && !reason.isBlank() && reason.length() <= MAX_RATIONALE, "reason",
                "is required: why the item needs a higher tier (at most " + MAX_RATIONALE + " characters)");
        v.throwIfAny("The escalation");
    }

    private ReviewTask escalate(String taskId, int toTier, String reason, String login, Actor actor,
            Optional<GuidelineVersion> guideline, Optional<RoutingPolicy> policy) {
        HeldTask held = leases.held(taskId, login);
        ReviewTask task = held.task();
        Instant now = clock.instant();
        Optional<Instant> dueBy = policy.flatMap(p -> p.slaFor(toTier)).map(sla -> now.plusSeconds(60L * sla.minutesToReview()));
        ReviewTask escalated = leases.escalate(taskId, login, toTier, reason, dueBy, now);
        String successorId = escalated.id();
        ledger.write(ledger.taskRecord(ReviewLedger.TASK_ESCALATED, actor, task, held.item(), now, guideline)
                .rationale(reason)
                .attribute("toTier", Integer.toString(toTier))
                .attribute("successorTask", successorId));
        reporting.reviewAction(held.item(), "ESCALATED", now);
        return escalated;
    }
}
