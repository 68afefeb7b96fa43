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
 * batch stores nothing.
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

    /** A checked prediction, ready to write. */
    private record Accepted(PredictionRequest request, ModelSnapshot snapshot, IntegrationMode mode, String canonicalPayload) {
    }

    /**
     * Checks and prepares outside any transaction (vault pseudonyms are issued on their own
     * connections), then writes items, tasks and ledger records in one transaction. Two concurrent
     * first submissions of one client key: one wins, the other gets a retryable 409.
     */
    public List<Submission> submit(String workflowKey, List<PredictionRequest> requests, Actor caller, boolean batch) {
        IntakeConfigurations.Configuration configuration = configurations.of(workflowKey);
        Workflow workflow = configuration.workflow();
        RoutingPolicy policy = configuration.policy().orElseThrow(() -> new ConflictException(
                "Workflow " + workflowKey + " has no active routing policy; a governance lead must activate one first."));
        IntakeSettings settings = configuration.settings();
        int initialReviews = configuration.initialReviews();
        List<Accepted> accepted = check(configuration, requests, batch);

        List<Submission> submissions = new ArrayList<>(requests.size());
        List<ItemRow> items = new ArrayList<>();
        List<TaskRow> tasks = new ArrayList<>();
        Map<String, Set<String>> exclusions = new HashMap<>();
        List<LedgerRecord.Builder> records = new ArrayList<>();
        Optional<GuidelineVersion> guideline = configuration.guideline();
        Instant now = clock.instant();
        Map<String, StoredItem> known = database.run("looking up client keys", c -> clientKeyStore.findByClientKeys(c,
                workflowKey, accepted.stream().map(a -> a.request().clientKey()).toList()));
        List<String> newSubjects = accepted.stream()
                .filter(a -> !known.containsKey(a.request().clientKey()) && holdsPersonalData(workflow, a.request()))
                .map(a -> subjectIdentity(workflowKey, a.request())).distinct().toList();
        Map<String, Pseudonyms.SubjectPseudonym> subjects = pseudonyms.subjectPseudonyms(PersonKind.DATA_SUBJECT, newSubjects);
        Map<String, Map<String, String>> personalData = new HashMap<>();
        for (Accepted a : accepted) {
            PredictionRequest request = a.request();
            Optional<StoredItem> existing = Optional.ofNullable(known.get(request.clientKey()));
            if (existing.isPresent()) {
                if (!existing.get().requestDigest().equals(request.requestDigest())) {
                    throw new ConflictException("Client key " + request.clientKey() + " was already used for a different "
                            + "prediction of workflow " + workflowKey + "; a client key must identify one prediction.");
                }
                submissions.add(new Submission(existing.get().item(), true, a.mode(), settings));
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
            records.add(routedRecord(caller, workflowKey, itemId, a, plan, uncertainty, policy, payloadDigest, guideline, now));
            submissions.add(new Submission(toItem(item), false, a.mode(), settings));
        }
        if (items.isEmpty()) {
            return submissions;
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
        return submissions;
    }

    private List<Accepted> check(IntakeConfigurations.Configuration configuration, List<PredictionRequest> requests,
                                 boolean batch) {
        Workflow workflow = configuration.workflow();
        Violations violations = new Violations();
        Map<String, Optional<ModelSnapshot>> snapshotsById = new HashMap<>();
        List<Accepted> accepted = new ArrayList<>(requests.size());
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
                accepted.add(new Accepted(request, snapshot.get(),
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

    private LedgerRecord.Builder routedRecord(Actor caller, String workflowKey, String itemId, Accepted a,
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
