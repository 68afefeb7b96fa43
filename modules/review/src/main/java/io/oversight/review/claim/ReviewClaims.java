package io.oversight.review.claim;

import io.oversight.kernel.ForbiddenException;
import io.oversight.kernel.InvalidInputException;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Callers;
import io.oversight.ledger.Database;
import io.oversight.ledger.InTransaction;
import io.oversight.review.decision.ReviewLedger;
import io.oversight.review.decision.ReviewSettings;
import io.oversight.review.decision.ReviewConfigurations;
import io.oversight.review.decision.TierRoles;
import io.oversight.review.quality.FatigueLimitException;
import io.oversight.review.quality.GoldService;
import io.oversight.review.quality.QualificationStore;
import io.oversight.review.quality.ReviewerStandings;
import io.oversight.review.quality.WorkloadLimits;
import io.oversight.tasks.ClaimedTask;
import io.oversight.tasks.QueueKey;
import io.oversight.tasks.QueueOverview;
import io.oversight.tasks.QueueStatistics;
import io.oversight.tasks.TaskLeases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A reviewer's claims on the tiered queues: the queues they are qualified for, claim-next on one queue
 * or across their workflows in rotation (gold items served in, pauses and fatigue caps enforced), and
 * the tasks they hold. A claim's leases and its ledger records commit together in one transaction.
 */
@ApplicationScoped
public class ReviewClaims {

    /** Most tasks one claim may take. */
    public static final int MAX_CLAIM = 20;

    @Inject
    Database database;

    @Inject
    Callers callers;

    @Inject
    ReviewLedger ledger;

    @Inject
    TaskLeases leases;

    @Inject
    QueueOverview queueOverview;

    @Inject
    ReviewConfigurations configurations;

    @Inject
    ReviewerStandings standings;

    @Inject
    GoldService gold;

    @Inject
    InTransaction inTransaction;

    @Inject
    Clock clock;

    @Inject
    QualificationStore qualificationStore;

    @Inject
    WorkloadLimits limits;

    /** The queues the caller is qualified for, with what they could be given there. */
    public List<QueueStatistics> myQueues() {
        String login = callers.login();
        List<QualificationStore.Qualification> qualifications = database.run("reading qualifications",
                c -> qualificationStore.qualificationsOf(c, login));
        Map<QueueKey, QueueStatistics> all = new HashMap<>();
        queueOverview.statistics().forEach(s -> all.put(s.queue(), s));
        Map<QueueKey, Long> claimable = queueOverview.claimableBy(login);
        List<QueueStatistics> mine = new ArrayList<>();
        for (QualificationStore.Qualification q : qualifications) {
            for (int tier = 1; tier <= q.maxTier(); tier++) {
                QueueKey key = new QueueKey(q.workflowKey(), tier);
                QueueStatistics queue = all.getOrDefault(key, new QueueStatistics(key, 0, 0, Optional.empty(), Optional.empty(),
                        Optional.empty(), false, false));
                // open counts what the caller could be given: items they had or are excluded from are not theirs
                mine.add(new QueueStatistics(key, claimable.getOrDefault(key, 0L), queue.claimed(), queue.oldestOpenAge(),
                        queue.maxMinutesToReview(), queue.maxDepth(), queue.reviewTimeBreached(), queue.depthBreached()));
            }
        }
        return mine;
    }

    /** Claims at most {@code count} tasks of one queue for the caller. */
    public List<ClaimedTask> claimNext(QueueKey queue, int count) {
        if (count < 1 || count > MAX_CLAIM) {
            throw InvalidInputException.of("count", "must be between 1 and " + MAX_CLAIM);
        }
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        return inTransaction.call(() -> {
            QualificationStore.Qualification qualification = standings.of(login, queue.workflowKey()).qualification()
                    .orElseThrow(() -> new ForbiddenException("You hold no qualification for workflow "
                            + queue.workflowKey() + "."));
            if (qualification.maxTier() < queue.tier()) {
                throw new ForbiddenException("Your qualification for " + queue.workflowKey() + " reaches tier "
                        + qualification.maxTier() + ", not tier " + queue.tier() + ".");
            }
            Actor actor = callers.actorIn(TierRoles.of(queue.tier()), pseudonym);
            ReviewConfigurations.Configuration configuration = configurations.of(queue.workflowKey());
            limits.refuseIfPausedOrTired(login, queue.workflowKey(), configuration.settings());
            TaskLeases.LeaseTerms terms = configuration.leaseTerms();
            return claim(queue, count, login, actor, terms, configuration.settings(),
                    terms.diversityLambda() > 0 && count > 1);
        });
    }

    /** Claims the next task from any queue the caller is qualified for, the workflow they worked least recently first. */
    public Optional<ClaimedTask> claimNextAnywhere() {
        String login = callers.login();
        String pseudonym = callers.pseudonymOf(login);
        List<QualificationStore.Qualification> qualifications = database.run("reading qualifications",
                c -> qualificationStore.qualificationsOf(c, login));
        Map<String, Instant> lastWorked = leases.lastCompletions(login);
        List<QualificationStore.Qualification> rotation = new ArrayList<>(qualifications);
        rotation.sort(Comparator.comparing((QualificationStore.Qualification q) ->
                lastWorked.getOrDefault(q.workflowKey(), Instant.EPOCH)).thenComparing(QualificationStore.Qualification::workflowKey));
        for (QualificationStore.Qualification q : rotation) {
            try {
                Optional<ClaimedTask> claimed = inTransaction.call(() -> {
                    ReviewConfigurations.Configuration configuration = configurations.of(q.workflowKey());
                    ReviewSettings review = configuration.settings();
                    limits.refuseIfPausedOrTired(login, q.workflowKey(), review);
                    TaskLeases.LeaseTerms terms = configuration.leaseTerms();
                    for (int tier = q.maxTier(); tier >= 1; tier--) {
                        QueueKey queue = new QueueKey(q.workflowKey(), tier);
                        Actor actor = callers.actorIn(TierRoles.of(tier), pseudonym);
                        List<ClaimedTask> taken = claim(queue, 1, login, actor, terms, review, false);
                        if (!taken.isEmpty()) {
                            return Optional.of(taken.get(0));
                        }
                    }
                    return Optional.<ClaimedTask>empty();
                });
                if (claimed.isPresent()) {
                    return claimed;
                }
            } catch (FatigueLimitException | ForbiddenException notNow) {
                // paused, at a cap or without the role here: rotation moves on to the next workflow
            }
        }
        return Optional.empty();
    }

    /** The tasks the caller holds now. */
    public List<ClaimedTask> myClaims() {
        String login = callers.login();
        return leases.claimedBy(login);
    }

    // Claims run in one transaction; the pseudonym is issued first, on a connection of its own.
    // Governance's JPA reads take a connection of their own, so the hot path does not name the
    // guideline in force (completions and escalations, the decisions, do).
    private List<ClaimedTask> claim(QueueKey queue, int count, String login, Actor actor, TaskLeases.LeaseTerms terms,
            ReviewSettings review, boolean diverse) {
        Instant now = clock.instant();
        Instant leaseEnd = now.plusSeconds(terms.leaseSeconds());
        List<ClaimedTask> claimed = new ArrayList<>();
        Set<String> goldTasks = new HashSet<>();
        gold.serve(queue, login, leaseEnd, review).ifPresent(task -> {
            claimed.add(task);
            goldTasks.add(task.task().id());
        });
        double lambda = diverse ? terms.diversityLambda() : 0;
        claimed.addAll(leases.claim(queue, login, count - claimed.size(), leaseEnd, lambda));
        for (ClaimedTask task : claimed) {
            ledger.write(ledger.taskRecord(ReviewLedger.TASK_CLAIMED, actor, task.task(), task.item(), now, Optional.empty())
                    .attribute("leaseExpiresAt", leaseEnd.toString())
                    .attribute("claims", Integer.toString(task.task().claims()))
                    .attribute("diversityLambda", Double.toString(lambda))
                    .attribute("gold", Boolean.toString(goldTasks.contains(task.task().id()))));
        }
        return claimed;
    }
}
