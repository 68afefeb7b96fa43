package io.oversight.review.quality;

import io.oversight.tasks.TaskLeases;
import io.oversight.review.decision.ReviewLedger;
import io.oversight.review.decision.ResultRules;
import io.oversight.review.decision.ReviewSettingsService;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.Database;
import io.oversight.ledger.Callers;
import io.oversight.kernel.ConflictException;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Actor;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.Roles;
import io.oversight.tasks.ClaimedTask;
import io.oversight.review.GoldItem;
import io.oversight.review.GoldStandard;
import io.oversight.tasks.QueueKey;
import io.oversight.review.ReviewAnswer;
import io.oversight.tasks.ReviewItem;
import io.oversight.review.ReviewerAccuracy;
import io.oversight.review.ReviewerPause;
import io.oversight.tasks.TaskResult;
import io.oversight.review.decision.ReviewSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gold items: marked by governance, served inside ordinary claims at the workflow's rate,
 * scored on completion, and the pause of a reviewer whose recent accuracy falls under the threshold.
 */
@ApplicationScoped
public class GoldService implements GoldStandard {

    /** Tells this server's kept standings of a pause or a resume once it commits. */
    @Inject
    Event<ReviewerStandings.Changed> standingChanges;

    /** How far back accuracy and its trend look. */
    static final Duration HISTORY = Duration.ofDays(90);
    /** A served gold item is drawn at random from the reviewer's this many longest-standing unseen ones. */
    private static final int GOLD_DRAW = 32;

    @Inject
    Database database;

    @Inject
    Workflows workflows;

    @Inject
    TaskLeases leases;

    @Inject
    Callers callers;

    @Inject
    ReviewLedger ledger;

    @Inject
    InTransaction inTransaction;

    @Inject
    ReviewSettingsService reviewSettings;

    @Inject
    Clock clock;

    @Inject
    PauseStore pauseStore;

    @Inject
    GoldStore goldStore;

    @Override
    public GoldItem mark(String itemId, TaskResult answer) {
        // Checked here rather than in the resource so that the gold items page refuses it the same way.
        if (itemId == null || itemId.isBlank()) {
            throw InvalidInputException.of("itemId", "is required: the item whose known answer this is");
        }
        Actor actor = callers.actorIn(List.of(Roles.GOVERNANCE, Roles.ADMIN));
        String login = callers.login();
        return inTransaction.call(() -> {
            ReviewItem item = leases.item(itemId, false)
                    .orElseThrow(() -> new NotFoundException("No item " + itemId + "."));
            Workflow workflow = workflows.find(item.workflowKey()).orElseThrow();
            ResultRules.check(answer, workflow, item, ReviewSettings.RationaleRule.NEVER);
            ReviewAnswer resolved = ReviewAnswer.of(answer, item.predictedLabels(), item.predictedOutput());
            Instant now = clock.instant();
            GoldStore.Gold gold = new GoldStore.Gold(itemId, item.workflowKey(), resolved.verdict(),
                    resolved.labels().stream().sorted().toList(), resolved.output(), login, now);
            database.run("marking a gold item", c -> {
                if (goldStore.gold(c, itemId).isPresent()) {
                    throw InvalidInputException.of("itemId", "is already a gold item");
                }
                goldStore.insertGold(c, gold);
                return null;
            });
            LedgerRecord.Builder record = ledger.record(ReviewLedger.GOLD_MARKED, actor, item.workflowKey())
                    .subject("item", itemId).modelSnapshot(item.modelSnapshotId()).occurredAt(now)
                    .attribute("verdict", gold.verdict().name())
                    .attribute("labels", String.join(",", gold.labels()));
            gold.output().ifPresent(o -> record.attribute("outputDigest", LedgerRecord.digestOf(o).hex()));
            if (!answer.rationale().isBlank()) {
                record.rationale(answer.rationale());
            }
            ledger.write(record);
            return toItem(gold);
        });
    }

    @Override
    public void retire(String itemId) {
        Actor actor = callers.actorIn(List.of(Roles.GOVERNANCE, Roles.ADMIN));
        inTransaction.call(() -> {
            GoldStore.Gold gold = database.run("reading a gold item", c -> goldStore.gold(c, itemId))
                    .orElseThrow(() -> new NotFoundException("No active gold item " + itemId + "."));
            Instant now = clock.instant();
            database.run("retiring a gold item", c -> goldStore.retireGold(c, itemId, now));
            ledger.write(ledger.record(ReviewLedger.GOLD_RETIRED, actor, gold.workflowKey())
                    .subject("item", itemId).occurredAt(now));
            return null;
        });
    }

    @Override
    public List<GoldItem> active(String workflowKey) {
        return database.run("listing gold items", c -> goldStore.activeGold(c, workflowKey)).stream()
                .map(GoldService::toItem).toList();
    }

    @Override
    public List<ReviewerAccuracy> accuracy(String workflowKey) {
        ReviewSettings settings = reviewSettings.of(workflowKey);
        Instant since = clock.instant().minus(HISTORY);
        return database.run("measuring gold accuracy", c -> {
            Map<String, List<GoldStore.GoldAnswer>> byReviewer = new TreeMap<>();
            for (GoldStore.GoldAnswer answer : goldStore.goldAnswers(c, workflowKey, since)) {
                byReviewer.computeIfAbsent(answer.reviewer(), r -> new ArrayList<>()).add(answer);
            }
            List<ReviewerAccuracy> accuracy = new ArrayList<>();
            for (Map.Entry<String, List<GoldStore.GoldAnswer>> entry : byReviewer.entrySet()) {
                String reviewer = entry.getKey();
                List<GoldStore.GoldAnswer> answers = entry.getValue();
                int correct = (int) answers.stream().filter(GoldStore.GoldAnswer::correct).count();
                GoldAccuracy window = windowOf(c, reviewer, workflowKey, settings);
                accuracy.add(new ReviewerAccuracy(reviewer, answers.size(), correct,
                        Optional.of((double) correct / answers.size()), window.accuracy(),
                        pauseStore.activePause(c, reviewer, workflowKey).isPresent(), trend(answers)));
            }
            return accuracy;
        });
    }

    private static List<ReviewerAccuracy.DailyAccuracy> trend(List<GoldStore.GoldAnswer> answers) {
        Map<LocalDate, int[]> days = new LinkedHashMap<>();
        for (GoldStore.GoldAnswer answer : answers) {
            int[] counts = days.computeIfAbsent(answer.answeredAt().atZone(ZoneOffset.UTC).toLocalDate(), d -> new int[2]);
            counts[0]++;
            counts[1] += answer.correct() ? 1 : 0;
        }
        List<ReviewerAccuracy.DailyAccuracy> trend = new ArrayList<>();
        days.forEach((day, counts) -> trend.add(new ReviewerAccuracy.DailyAccuracy(day, counts[0], (double) counts[1] / counts[0])));
        return trend;
    }

    @Override
    public List<ReviewerPause> activePauses() {
        return database.run("listing pauses", c -> pauseStore.pauses(c, true)).stream().map(GoldService::toPause).toList();
    }

    @Override
    public ReviewerPause resume(String pauseId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 4000) {
            throw InvalidInputException.of("reason", "is required: why the reviewer may work again (at most 4000 characters)");
        }
        Actor actor = callers.actorIn(Roles.ADMIN);
        String login = callers.login();
        return inTransaction.call(() -> {
            PauseStore.Pause pause = database.run("reading a pause", c -> pauseStore.pause(c, pauseId))
                    .orElseThrow(() -> new NotFoundException("No pause " + pauseId + "."));
            Instant now = clock.instant();
            boolean resumed = database.run("resuming a reviewer", c -> pauseStore.resume(c, pauseId, login, now));
            if (!resumed) {
                throw new ConflictException("Pause " + pauseId + " was already lifted.");
            }
            standingChanges.fire(new ReviewerStandings.Changed(pause.reviewer(), pause.workflowKey()));
            ledger.write(ledger.record(ReviewLedger.REVIEWER_RESUMED, actor, pause.workflowKey())
                    .subject("pause", pauseId).occurredAt(now).rationale(reason));
            return toPause(database.run("reading a pause", c -> pauseStore.pause(c, pauseId)).orElseThrow());
        });
    }

    /**
     * Draws whether this claim is served a gold item and, if so, cuts a task from one the reviewer
     * has never had and gives it to them. Runs inside the claim's transaction.
     */
    public Optional<ClaimedTask> serve(QueueKey queue, String login, Instant leaseEnd, ReviewSettings settings) {
        if (settings.goldRate() <= 0 || ThreadLocalRandom.current().nextDouble() >= settings.goldRate()) {
            return Optional.empty();
        }
        List<String> active = database.run("reading gold items", c -> goldStore.activeGoldItemIds(c, queue.workflowKey()));
        List<String> unseen = leases.unseenBy(active, login);
        if (unseen.isEmpty()) {
            return Optional.empty();
        }
        List<String> oldest = unseen.subList(0, Math.min(GOLD_DRAW, unseen.size()));
        String itemId = oldest.get(ThreadLocalRandom.current().nextInt(oldest.size()));
        return Optional.of(leases.claimNew(itemId, queue, login, leaseEnd, true));
    }

    /**
     * Scores a completed gold task and pauses the reviewer when their window falls under the
     * threshold. Runs inside the completion's transaction.
     *
     * @return whether the answer was right
     */
    public boolean score(String taskId, ReviewItem item, ReviewAnswer answer, String login, Actor reviewer,
            ReviewSettings settings, Instant now) {
        return database.run("scoring a gold answer", c -> {
            GoldStore.Gold gold = goldStore.gold(c, item.id()).orElse(null);
            boolean correct = gold != null && answer.agreesWith(new ReviewAnswer(gold.verdict(),
                    Set.copyOf(gold.labels()), gold.output()));
            goldStore.insertGoldAnswer(c, taskId, item.id(), item.workflowKey(), login, correct, now);
            GoldAccuracy window = windowOf(c, login, item.workflowKey(), settings);
            if (window.pause() && pauseStore.activePause(c, login, item.workflowKey()).isEmpty()) {
                String pauseId = UUID.randomUUID().toString();
                String reason = String.format(Locale.ROOT,
                        "gold accuracy %.0f%% over the latest %d answers is under %.0f%%",
                        100 * window.accuracy().orElse(0.0), window.answers(), 100 * settings.goldPauseBelow());
                pauseStore.insertPause(c, new PauseStore.Pause(pauseId, login, item.workflowKey(), reason,
                        window.accuracy().orElse(0.0), window.answers(), now, Optional.empty(), Optional.empty()));
                standingChanges.fire(new ReviewerStandings.Changed(login, item.workflowKey()));
                ledger.write(ledger.record(ReviewLedger.REVIEWER_PAUSED, Actor.system("gold-monitor"), item.workflowKey())
                        .subject("pause", pauseId).occurredAt(now)
                        .attribute("reviewer", reviewer.pseudonym())
                        .attribute("accuracy", String.format(Locale.ROOT, "%.4f", window.accuracy().orElse(0.0)))
                        .attribute("answers", Integer.toString(window.answers()))
                        .attribute("threshold", Double.toString(settings.goldPauseBelow()))
                        .attribute("reason", reason));
            }
            return correct;
        });
    }

    private GoldAccuracy windowOf(Connection c, String reviewer, String workflowKey, ReviewSettings settings)
            throws SQLException {
        Instant since = pauseStore.lastResume(c, reviewer, workflowKey).orElse(Instant.EPOCH);
        return GoldAccuracy.of(goldStore.goldCorrectness(c, workflowKey, reviewer, since, settings.goldWindow()), settings);
    }

    private static GoldItem toItem(GoldStore.Gold gold) {
        return new GoldItem(gold.itemId(), gold.workflowKey(), gold.verdict(), gold.labels(), gold.output(), gold.markedAt());
    }

    static ReviewerPause toPause(PauseStore.Pause p) {
        return new ReviewerPause(p.id(), p.reviewer(), p.workflowKey(), p.reason(), p.accuracy(), p.answers(),
                p.pausedAt(), p.resumedAt());
    }
}
