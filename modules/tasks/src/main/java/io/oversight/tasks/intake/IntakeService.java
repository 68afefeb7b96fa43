package io.oversight.tasks.intake;

import io.oversight.kernel.JsonFactories;
import io.oversight.tasks.queue.TaskStore;
import io.oversight.tasks.queue.ItemReviewerStore;
import io.oversight.tasks.recording.LoopReporting;
import io.oversight.tasks.settings.TasksConfiguration;
import io.oversight.tasks.recording.TasksLedger;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.Database;
import io.oversight.kernel.CanonicalJson;
import io.oversight.kernel.ConflictException;
import io.oversight.kernel.PayloadTooLargeException;
import io.oversight.kernel.Violations;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.IntegrationMode;
import io.oversight.governance.ModelSnapshot;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.Workflow;
import io.oversight.ledger.Actor;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.format.Digest;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.learning.ActiveLearning;
import io.oversight.tasks.settings.IntakeSettings;
import io.oversight.tasks.routing.RoutingPlan;
import io.oversight.tasks.learning.SimHash;
import io.oversight.tasks.learning.UncertaintyScore;
import io.oversight.tasks.queue.TaskRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Intake: checks predictions against their workflow, moves declared personal data
 * to the vault, routes each by the workflow's active policy, and writes the item, its tasks and the
 * routing decision's ledger entry in one transaction. All-or-nothing: one invalid prediction of a
 * batch stores nothing. Single predictions are checked one by one and written in groups
 * ({@link IntakeCoalescer}), each with its own caller and its own answer.
 */
@ApplicationScoped
public class IntakeService {

    @Inject
    IntakeConfigurations configurations;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    TasksConfiguration limits;

    @Inject
    Database database;

    @Inject
    TasksLedger ledger;

    @Inject
    InTransaction inTransaction;

    @Inject
    LoopReporting reporting;

    @Inject
    Clock clock;

    @Inject
    ClientKeyStore clientKeyStore;

    @Inject
    ItemReviewerStore itemReviewerStore;

    @Inject
    ItemStore itemStore;

    @Inject
    TaskStore taskStore;

    /** What became of one prediction: the item, whether it already existed, and how the caller integrates. */
    public record Submission(ReviewItem item, boolean replayed, IntegrationMode mode, IntakeSettings settings) {
    }

    /**
     * A prediction checked against its workflow (snapshot, labels, size), ready to write: made on the
     * request's own thread, so a bad prediction is refused alone before it joins a group.
     */
    public record CheckedPrediction(PredictionRequest request, ModelSnapshot snapshot, IntegrationMode mode,
                                    String canonicalPayload) {
    }

    /** A checked prediction with the caller its ledger record names: a coalesced group may mix callers. */
    record Pending(CheckedPrediction prediction, Actor caller) {
    }

    /**
     * Checks and prepares outside any transaction (vault pseudonyms are issued on their own
     * connections), then writes items, tasks and ledger records in one transaction. Two concurrent
     * first submissions of one client key: one wins, the other gets a retryable 409.
     */
    public List<Submission> submit(String workflowKey, List<PredictionRequest> requests, Actor caller, boolean batch) {
        IntakeConfigurations.Configuration configuration = configurations.of(workflowKey);
        activePolicy(workflowKey, configuration);
        List<Pending> pending = check(configuration, requests, batch).stream().map(p -> new Pending(p, caller)).toList();
        return write(workflowKey, pending, true).stream().map(GroupCommit.Outcome::value).toList();
    }

    /** Checks one prediction as {@link #submit} does, without writing it: 400, 404, 409 or 413 here. */
    public CheckedPrediction check(String workflowKey, PredictionRequest request) {
        IntakeConfigurations.Configuration configuration = configurations.of(workflowKey);
        activePolicy(workflowKey, configuration);
        return check(configuration, List.of(request), false).get(0);
    }

    /** One checked prediction alone, with exactly the answer {@link #submit} gives it: refusals are thrown. */
    Submission writeOne(String workflowKey, Pending pending) {
        return write(workflowKey, List.of(pending), true).get(0).value();
    }

    /**
     * Several callers' checked predictions in one transaction. Each is answered as if they had come one
     * after the other in this order: a client key already stored, or used earlier in the group, is a
     * replay when the prediction is the same and that prediction's own 409 when it is not. Throws when
     * the transaction fails, and then nothing of the group is stored.
     */
    List<GroupCommit.Outcome<Submission>> writeGroup(String workflowKey, List<Pending> group) {
        return write(workflowKey, group, false);
    }

    private static RoutingPolicy activePolicy(String workflowKey, IntakeConfigurations.Configuration configuration) {
        return configuration.policy().orElseThrow(() -> new ConflictException(
                "Workflow " + workflowKey + " has no active routing policy; a governance lead must activate one first."));
    }

    /** Writes the new predictions; with {@code allOrNothing} a refusal of one is thrown before anything is written. */
    private List<GroupCommit.Outcome<Submission>> write(String workflowKey, List<Pending> pending, boolean allOrNothing) {
        IntakeConfigurations.Configuration configuration = configurations.of(workflowKey);
        Workflow workflow = configuration.workflow();
        RoutingPolicy policy = activePolicy(workflowKey, configuration);
        IntakeSettings settings = configuration.settings();
        int initialReviews = configuration.initialReviews();

        List<GroupCommit.Outcome<Submission>> outcomes = new ArrayList<>(pending.size());
        List<ItemRow> items = new ArrayList<>();
        List<TaskRow> tasks = new ArrayList<>();
        Map<String, Set<String>> exclusions = new HashMap<>();
        List<LedgerRecord.Builder> records = new ArrayList<>();
        Optional<GuidelineVersion> guideline = configuration.guideline();
        Instant now = clock.instant();
        Map<String, StoredItem> known = database.run("looking up client keys", c -> clientKeyStore.findByClientKeys(c,
                workflowKey, pending.stream().map(p -> p.prediction().request().clientKey()).distinct().toList()));
        ClientKeyUses<ReviewItem> keys = new ClientKeyUses<>(workflowKey);
        known.forEach((clientKey, stored) -> keys.use(clientKey, stored.item(), stored.requestDigest()));
        List<String> newSubjects = pending.stream().map(Pending::prediction)
                .filter(a -> !known.containsKey(a.request().clientKey()) && holdsPersonalData(workflow, a.request()))
                .map(a -> subjectIdentity(workflowKey, a.request())).distinct().toList();
        Map<String, Pseudonyms.SubjectPseudonym> subjects = pseudonyms.subjectPseudonyms(PersonKind.DATA_SUBJECT, newSubjects);
        Map<String, Map<String, String>> personalData = new HashMap<>();
        for (Pending p : pending) {
            CheckedPrediction a = p.prediction();
            PredictionRequest request = a.request();
            Optional<ReviewItem> replayed;
            try {
                replayed = keys.replayed(request.clientKey(), request.requestDigest());
            } catch (ConflictException reused) {
                if (allOrNothing) {
                    throw reused;
                }
                outcomes.add(GroupCommit.Outcome.refused(reused));
                continue;
            }
            if (replayed.isPresent()) {
                outcomes.add(GroupCommit.Outcome.of(new Submission(replayed.get(), true, a.mode(), settings)));
                continue;
            }
            String itemId = UUID.randomUUID().toString();
            Optional<String> dataSubject = Optional.empty();
            var payload = request.payload();
            String storedPayload = a.canonicalPayload();
            if (holdsPersonalData(workflow, request)) {
                String identity = subjectIdentity(workflowKey, request);
                String subject = subjects.get(identity).pseudonym();
                PiiTokens.Tokenized tokenized = PiiTokens.tokenize(payload, workflow.piiFieldPaths(), subject);
                personalData.put(identity, tokenized.personalData());
                payload = tokenized.payload();
                storedPayload = CanonicalJson.of(payload);
                dataSubject = Optional.of(subject);
            }
            Digest payloadDigest = LedgerRecord.digestOf(storedPayload);
            String routedLabel = request.labels().isEmpty() ? "" : request.labels().get(0);
            RoutingPlan plan = RoutingPlan.of(policy, a.mode(), routedLabel, request.confidence(),
                    JsonPlain.of(request.payload()), initialReviews, settings, request.clientKey());
            UncertaintyScore uncertainty = ActiveLearning.score(settings.orderingMethod(), request.confidence(),
                    request.scores(), request.committee());
            long simHash = SimHash.of(payload);
            boolean decidedByModel = plan.taskCount() == 0 || plan.taskPurpose().orElse(null) == TaskPurpose.AUDIT;
            ItemRow item = new ItemRow(itemId, workflowKey, request.clientKey(), request.requestDigest(), a.mode(),
                    a.snapshot().id(), request.labels(), request.output(),
                    request.candidates().isEmpty() ? Optional.empty() : Optional.of(ItemJson.candidatesJson(request.candidates())),
                    request.confidence(),
                    request.scores().isEmpty() ? Optional.empty() : Optional.of(scoresJson(request.scores())),
                    request.committee().isEmpty() ? Optional.empty() : Optional.of(committeeJson(request.committee())),
                    request.correlationId(), request.priority(), storedPayload, payloadDigest.hex(), dataSubject,
                    plan.decision().outcome().name(), plan.taskTier(), truncate(plan.reason(), 1000), policy.id(),
                    policy.number(), plan.auditSampled(), uncertainty.applied(), uncertainty.score(),
                    truncate(uncertainty.explanation(), 500), plan.status(), plan.taskCount(),
                    decidedByModel ? Optional.of(DecisionSource.MODEL) : Optional.empty(), now);
            items.add(item);
            for (int slot = 1; slot <= plan.taskCount(); slot++) {
                int tier = plan.taskTier();
                tasks.add(new TaskRow(UUID.randomUUID().toString(), itemId, workflowKey, tier, plan.taskPurpose().orElseThrow(),
                        slot, request.priority(), policy.slaFor(tier).map(s -> now.plusSeconds(60L * s.minutesToReview())),
                        uncertainty.score(), simHash, now, Optional.empty()));
            }
            Set<String> named = namedPeople(request, settings);
            if (!named.isEmpty()) {
                exclusions.put(itemId, named);
            }
            records.add(routedRecord(p.caller(), workflowKey, itemId, a, plan, uncertainty, policy, payloadDigest, guideline, now));
            ReviewItem created = toItem(item);
            keys.use(request.clientKey(), created, request.requestDigest());
            outcomes.add(GroupCommit.Outcome.of(new Submission(created, false, a.mode(), settings)));
        }
        if (items.isEmpty()) {
            return outcomes;
        }
        inTransaction.call(() -> {
            database.run("storing predictions", c -> {
                itemStore.insertItems(c, items);
                taskStore.insertTasks(c, tasks);
                for (Map.Entry<String, Set<String>> e : exclusions.entrySet()) {
                    itemReviewerStore.insertExclusions(c, e.getKey(), e.getValue());
                }
                return null;
            });
            // after the items: a concurrent first submission of the same client key fails on the item's
            // unique key (a retryable 409) before it reaches the subject's
            pseudonyms.storeSubjects(PersonKind.DATA_SUBJECT, subjects, personalData);
            ledger.writeAll(records);
            reporting.predictions(items);
            return null;
        });
        return outcomes;
    }

    private List<CheckedPrediction> check(IntakeConfigurations.Configuration configuration, List<PredictionRequest> requests,
                                 boolean batch) {
        Workflow workflow = configuration.workflow();
        Violations violations = new Violations();
        Map<String, Optional<ModelSnapshot>> snapshotsById = new HashMap<>();
        List<CheckedPrediction> accepted = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            PredictionRequest request = requests.get(i);
            String prefix = batch ? "predictions[" + i + "]." : "";
            String canonical = CanonicalJson.of(request.payload());
            int size = canonical.getBytes(StandardCharsets.UTF_8).length;
            if (size > limits.maxPayloadBytes()) {
                throw new PayloadTooLargeException("The " + (batch ? "payload of predictions[" + i + "]" : "payload")
                        + " is " + size + " bytes; the limit is " + limits.maxPayloadBytes() + " bytes.");
            }
            Optional<ModelSnapshot> snapshot = snapshotsById.computeIfAbsent(request.modelSnapshotId(), configuration::snapshot);
            PredictionValidator.check(request, workflow, snapshot, IntakeSettings.MAX_INLINE_TIMEOUT_MILLIS, prefix, violations);
            if (snapshot.isPresent()) {
                accepted.add(new CheckedPrediction(request, snapshot.get(),
                        PredictionValidator.effectiveMode(request, workflow, snapshot), canonical));
            }
        }
        violations.throwIfAny(batch ? "The batch" : "The prediction");
        return accepted;
    }

    private static boolean holdsPersonalData(Workflow workflow, PredictionRequest request) {
        return workflow.piiFieldPaths().stream().anyMatch(p -> JsonPaths.find(request.payload(), p).isPresent());
    }

    /** Whom a prediction's personal data is about, as the vault knows them: one subject per client key. */
    private static String subjectIdentity(String workflowKey, PredictionRequest request) {
        return workflowKey + "/" + request.clientKey();
    }

    /** Digests of the logins the payload's conflict fields name (taken before tokenization). */
    private static Set<String> namedPeople(PredictionRequest request, IntakeSettings settings) {
        Set<String> digests = new LinkedHashSet<>();
        for (String path : settings.conflictFieldPaths()) {
            JsonPaths.find(request.payload(), path).ifPresent(value -> {
                if (value instanceof JsonString s && !s.getString().isBlank()) {
                    digests.add(identityDigest(s.getString()));
                }
            });
        }
        return digests;
    }

    /** How a person's login is compared with the names in payloads, without storing the names. */
    public static String identityDigest(String login) {
        return LedgerRecord.digestOf(login.trim().toLowerCase(Locale.ROOT)).hex();
    }

    private LedgerRecord.Builder routedRecord(Actor caller, String workflowKey, String itemId, CheckedPrediction a,
            RoutingPlan plan, UncertaintyScore uncertainty, RoutingPolicy policy, Digest payloadDigest,
            Optional<GuidelineVersion> guideline, Instant now) {
        LedgerRecord.Builder record = ledger.record(TasksLedger.PREDICTION_ROUTED, caller, workflowKey)
                .subject("item", itemId)
                .modelSnapshot(a.snapshot().id(), a.snapshot().artifactDigest())
                .payloadDigest(payloadDigest)
                .occurredAt(now)
                .attribute("outcome", plan.decision().outcome().name())
                .attribute("status", plan.status().name())
                .attribute("reason", truncate(plan.reason(), 1000))
                .attribute("policyId", policy.id())
                .attribute("policyVersion", Integer.toString(policy.number()))
                .attribute("policyDigest", policy.contentDigest().hex())
                .attribute("mode", a.mode().name())
                .attribute("labels", String.join(",", a.request().labels()))
                .attribute("confidence", Double.toString(a.request().confidence()))
                .attribute("orderingMethod", uncertainty.applied().name())
                .attribute("uncertainty", Double.toString(uncertainty.score()));
        guideline.ifPresent(g -> record.guideline(g.id(), g.contentDigest()));
        plan.taskPurpose().ifPresent(p -> record.attribute("taskPurpose", p.name())
                .attribute("tier", Integer.toString(plan.taskTier()))
                .attribute("tasks", Integer.toString(plan.taskCount())));
        plan.auditDraw().ifPresent(d -> record.attribute("auditDraw", Double.toString(d))
                .attribute("auditRate", Double.toString(policy.hotlSamplingRate()))
                .attribute("auditSampled", Boolean.toString(plan.auditSampled())));
        return record;
    }

    private static ReviewItem toItem(ItemRow row) {
        boolean decided = row.decisionSource().isPresent();
        return new ReviewItem(row.id(), row.workflowKey(), row.clientKey(), row.integrationMode(), row.modelSnapshotId(),
                row.predictedLabels(), row.predictedOutput(), row.confidence(),
                row.classScoresJson().map(ItemJson::classScores).orElse(Map.of()),
                row.candidatesJson().map(ItemJson::candidates).orElse(List.of()), row.payloadJson(), row.correlationId(),
                row.priority(), row.routeOutcome(), row.routeTier(), row.routeReason(), row.policyId(), row.policyVersion(),
                row.auditSampled(), row.orderingMethod(), row.uncertainty(), row.uncertaintyNote(), row.status(),
                row.reviewsRequired(), decided ? row.predictedLabels() : List.of(), Optional.empty(), row.decisionSource(),
                Optional.empty(), Optional.empty(), Optional.empty(), row.receivedAt(),
                decided ? Optional.of(row.receivedAt()) : Optional.empty());
    }

    private static String scoresJson(Map<String, Double> scores) {
        return scoresObject(scores).build().toString();
    }

    private static JsonObjectBuilder scoresObject(Map<String, Double> scores) {
        JsonObjectBuilder object = JsonFactories.PROVIDER.createObjectBuilder();
        scores.forEach(object::add);
        return object;
    }

    private static String committeeJson(List<Map<String, Double>> committee) {
        var array = JsonFactories.PROVIDER.createArrayBuilder();
        committee.forEach(member -> array.add(scoresObject(member)));
        return array.build().toString();
    }

    public static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
