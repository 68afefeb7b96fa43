package io.oversight.review.adjudication;

import io.oversight.review.quality.NoticeStore;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.ItemOutcomes;
import io.oversight.tasks.TaskLeases;
import io.oversight.review.decision.ReviewLedger;
import io.oversight.review.decision.Decisions;
import io.oversight.review.decision.ResultRules;
import io.oversight.review.decision.ReviewSettingsService;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.Database;
import io.oversight.ledger.Callers;
import io.oversight.kernel.ConflictException;
import io.oversight.kernel.NotFoundException;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Actor;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.Roles;
import io.oversight.review.AdjudicationCase;
import io.oversight.review.AdjudicationQueue;
import io.oversight.review.Adjudications;
import io.oversight.review.ReviewAnswer;
import io.oversight.tasks.ReviewItem;
import io.oversight.review.ReviewSummary;
import io.oversight.tasks.TaskResult;
import io.oversight.review.decision.ReviewSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The adjudication queue. An adjudicator takes the oldest waiting item they did not review,
 * sees every review with its rationale, and settles the item; reviewers whose answer changed may be
 * told why. Lead time runs from the disagreement to the adjudicator's decision.
 */
@ApplicationScoped
public class AdjudicationService implements Adjudications {

    @Inject
    Database database;

    @Inject
    Callers callers;

    @Inject
    ReviewLedger ledger;

    @Inject
    InTransaction inTransaction;

    @Inject
    Workflows workflows;

    @Inject
    Guidelines guidelines;

    @Inject
    ReviewSettingsService reviewSettings;

    @Inject
    TaskLeases leases;

    @Inject
    ItemOutcomes outcomes;

    @Inject
    Decisions decisions;

    @Inject
    Clock clock;

    @Inject
    NoticeStore noticeStore;

    @Inject
    AdjudicationStore adjudicationStore;

    @Override
    public Optional<AdjudicationCase> claimNext(String workflowKey) {
        Actor actor = callers.actorIn(Roles.ADJUDICATOR);
        String login = callers.login();
        if (workflows.find(workflowKey).isEmpty()) {
            throw new NotFoundException("No workflow " + workflowKey + ".");
        }
        ReviewSettings settings = reviewSettings.of(workflowKey);
        int leaseSeconds = leases.termsOf(workflowKey).leaseSeconds();
        return inTransaction.call(() -> {
            Instant now = clock.instant();
            Optional<String> taken = database.run("claiming an adjudication", c -> {
                for (String id : adjudicationStore.adjudicationCandidates(c, workflowKey, login, now, 16)) {
                    if (adjudicationStore.claimAdjudication(c, id, login, now, now.plusSeconds(leaseSeconds))) {
                        return Optional.of(id);
                    }
                }
                return Optional.<String>empty();
            });
            return taken.map(id -> {
                AdjudicationCase adjudication = caseOf(id, settings);
                ledger.write(ledger.record(ReviewLedger.ADJUDICATION_CLAIMED, actor, workflowKey)
                        .subject("adjudication", id).modelSnapshot(adjudication.item().modelSnapshotId()).occurredAt(now)
                        .attribute("item", adjudication.item().id())
                        .attribute("leaseExpiresAt", adjudication.leaseExpiresAt().orElseThrow().toString()));
                return adjudication;
            });
        });
    }

    @Override
    public List<AdjudicationCase> mine() {
        callers.actorIn(Roles.ADJUDICATOR);
        String login = callers.login();
        List<AdjudicationStore.Adjudication> held = database.run("reading adjudications", c -> adjudicationStore.adjudicationsHeldBy(c, login));
        List<AdjudicationCase> cases = new ArrayList<>();
        for (AdjudicationStore.Adjudication a : held) {
            cases.add(caseOf(a.id(), reviewSettings.of(a.workflowKey())));
        }
        return cases;
    }

    @Override
    public AdjudicationCase release(String adjudicationId) {
        Actor actor = callers.actorIn(Roles.ADJUDICATOR);
        String login = callers.login();
        return inTransaction.call(() -> {
            AdjudicationStore.Adjudication a = held(adjudicationId, login);
            database.run("releasing an adjudication", c -> adjudicationStore.releaseAdjudication(c, adjudicationId, login));
            ledger.write(ledger.record(ReviewLedger.ADJUDICATION_RELEASED, actor, a.workflowKey())
                    .subject("adjudication", adjudicationId).occurredAt(clock.instant()).attribute("item", a.itemId()));
            return caseOf(adjudicationId, reviewSettings.of(a.workflowKey()));
        });
    }

    @Override
    public AdjudicationCase decide(String adjudicationId, TaskResult result, boolean notifyReviewers) {
        Actor actor = callers.actorIn(Roles.ADJUDICATOR);
        String login = callers.login();
        return inTransaction.call(() -> {
            AdjudicationStore.Adjudication a = held(adjudicationId, login);
            ReviewSettings settings = reviewSettings.of(a.workflowKey());
            ReviewItem item = leases.item(a.itemId(), true).orElseThrow();
            ResultRules.check(result, workflows.find(a.workflowKey()).orElseThrow(), item, ReviewSettings.RationaleRule.ALWAYS);
            Optional<GuidelineVersion> guideline = guidelines.activeFor(a.workflowKey());
            ReviewAnswer answer = ReviewAnswer.of(result, item.predictedLabels(), item.predictedOutput());
            List<String> labels = answer.labels().stream().sorted().toList();
            Instant now = clock.instant();
            database.run("deciding an adjudication", c -> {
                if (!adjudicationStore.completeAdjudication(c, adjudicationId, login, result.verdict(), labels, answer.output(),
                        result.rationale(), now)) {
                    throw new ConflictException("Adjudication " + adjudicationId + " is no longer yours to decide.");
                }
                return null;
            });
            List<ItemOutcomes.CompletedReview> reviews = outcomes.completedReviews(item.id());
            Duration leadTime = Duration.between(a.createdAt(), now);
            LedgerRecord.Builder record = ledger.record(ReviewLedger.ADJUDICATION_DECIDED, actor, a.workflowKey())
                    .subject("adjudication", adjudicationId).modelSnapshot(item.modelSnapshotId()).occurredAt(now)
                    .attribute("item", item.id())
                    .attribute("verdict", result.verdict().name())
                    .attribute("labels", String.join(",", labels))
                    .attribute("reviews", Integer.toString(reviews.size()))
                    .attribute("leadTimeSeconds", Long.toString(leadTime.toSeconds()))
                    .attribute("reviewersNotified", Boolean.toString(notifyReviewers))
                    .rationale(result.rationale());
            answer.output().ifPresent(o -> record.attribute("outputDigest", LedgerRecord.digestOf(o).hex()));
            guideline.ifPresent(g -> record.guideline(g.id(), g.contentDigest()));
            ledger.write(record);
            decisions.decide(item, answer, DecisionSource.ADJUDICATION, actor, reviews.size(), now);
            if (notifyReviewers) {
                database.run("sending notices", c -> {
                    notifyChangedReviewers(c, item, reviews, answer, result.rationale(), now);
                    return null;
                });
            }
            return caseOf(adjudicationId, settings);
        });
    }

    private void notifyChangedReviewers(Connection c, ReviewItem item, List<ItemOutcomes.CompletedReview> reviews,
            ReviewAnswer decided, String rationale, Instant now) throws SQLException {
        for (ItemOutcomes.CompletedReview review : reviews) {
            ReviewAnswer theirs = ReviewAnswer.of(review.result(), item.predictedLabels(), item.predictedOutput());
            if (theirs.agreesWith(decided)) {
                continue;
            }
            String message = "Your answer on item " + item.id() + " (" + describe(theirs) + ") was changed to "
                    + describe(decided) + " by adjudication, because: " + rationale;
            noticeStore.insertNotice(c, UUID.randomUUID().toString(), review.reviewer(), item.id(), item.workflowKey(),
                    message.length() > 6000 ? message.substring(0, 6000) : message, now);
        }
    }

    private static String describe(ReviewAnswer answer) {
        return switch (answer.verdict()) {
            case REJECT -> "reject";
            case APPROVE -> "approve " + String.join(", ", answer.labels().stream().sorted().toList());
            case CORRECT -> answer.output().isPresent() ? "a rewritten output"
                    : String.join(", ", answer.labels().stream().sorted().toList());
        };
    }

    @Override
    public List<AdjudicationQueue> queues() {
        Instant since = clock.instant().minus(Duration.ofDays(30));
        return database.run("counting adjudications", c -> {
            List<AdjudicationQueue> queues = new ArrayList<>();
            Map<String, AdjudicationStore.AdjudicationCounts> counts = new TreeMap<>();
            adjudicationStore.adjudicationCounts(c).forEach(a -> counts.put(a.workflowKey(), a));
            for (var workflow : workflows.list()) {
                counts.putIfAbsent(workflow.key(), new AdjudicationStore.AdjudicationCounts(workflow.key(), 0, 0));
            }
            for (AdjudicationStore.AdjudicationCounts count : counts.values()) {
                List<Duration> leadTimes = adjudicationStore.completedAdjudications(c, count.workflowKey(), since).stream()
                        .map(a -> Duration.between(a.createdAt(), a.completedAt().orElseThrow())).sorted().toList();
                queues.add(new AdjudicationQueue(count.workflowKey(), count.open(), count.claimed(), leadTimes.size(),
                        percentile(leadTimes, 0.5), percentile(leadTimes, 0.9)));
            }
            return queues;
        });
    }

    /** Nearest-rank percentile of sorted durations. */
    static Optional<Duration> percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return Optional.of(sorted.get(Math.max(0, rank - 1)));
    }

    private AdjudicationStore.Adjudication held(String adjudicationId, String login) {
        AdjudicationStore.Adjudication a = database.run("reading an adjudication", c -> adjudicationStore.adjudication(c, adjudicationId, true))
                .orElseThrow(() -> new NotFoundException("No adjudication " + adjudicationId + "."));
        if (!"CLAIMED".equals(a.status()) || !a.holder().orElse("").equals(login)) {
            throw new ConflictException("You do not hold adjudication " + adjudicationId + " (it is " + a.status() + ").");
        }
        if (a.leaseExpiresAt().orElseThrow().isBefore(clock.instant())) {
            throw new ConflictException("Your lease on adjudication " + adjudicationId + " expired at "
                    + a.leaseExpiresAt().get() + "; claim again.");
        }
        return a;
    }

    private AdjudicationCase caseOf(String adjudicationId, ReviewSettings settings) {
        AdjudicationStore.Adjudication a = database.run("reading an adjudication",
                c -> adjudicationStore.adjudication(c, adjudicationId, false)).orElseThrow();
        ReviewItem item = leases.item(a.itemId(), false).orElseThrow();
        List<ReviewSummary> reviews = new ArrayList<>();
        int n = 0;
        for (ItemOutcomes.CompletedReview r : outcomes.completedReviews(a.itemId())) {
            n++;
            reviews.add(new ReviewSummary(settings.showReviewerIdentities() ? r.reviewer() : "Reviewer " + n, r.tier(),
                    r.verdict(), r.labels(), r.output(), r.rationale(), r.completedAt()));
        }
        return new AdjudicationCase(a.id(), item, reviews, a.status(), a.leaseExpiresAt(), a.createdAt(), a.completedAt());
    }

}
