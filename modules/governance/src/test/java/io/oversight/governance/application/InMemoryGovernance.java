package io.oversight.governance.application;

import io.oversight.governance.GovernanceChanged;
import io.oversight.governance.GuidelineStatus;
import io.oversight.governance.ModelStatus;
import io.oversight.governance.PolicyStatus;
import io.oversight.governance.domain.GovernanceRepository;
import io.oversight.governance.domain.GuidelineVersionEntity;
import io.oversight.governance.domain.LabelEntity;
import io.oversight.governance.domain.ModelSnapshotEntity;
import io.oversight.governance.domain.RoutingPolicyEntity;
import io.oversight.governance.domain.WorkflowEntity;
import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.RecordId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The governance services wired to an in-memory repository and a recorder that keeps what it is
 * given, so unit tests can check state and ledger records together. Like the database, it refuses
 * a second active version of one workflow.
 */
final class InMemoryGovernance implements GovernanceRepository, AuditRecorder {

    final List<LedgerRecord> recorded = new ArrayList<>();
    final RecordingEvent<GovernanceChanged> changes = new RecordingEvent<>();
    private final Map<String, WorkflowEntity> workflows = new LinkedHashMap<>();
    private final List<LabelEntity> labels = new ArrayList<>();
    private final Map<String, GuidelineVersionEntity> guidelines = new LinkedHashMap<>();
    private final Map<String, ModelSnapshotEntity> models = new LinkedHashMap<>();
    private final Map<String, RoutingPolicyEntity> policies = new LinkedHashMap<>();

    final DefaultWorkflowService workflowService = new DefaultWorkflowService();
    final DefaultGuidelineService guidelineService = new DefaultGuidelineService();
    final DefaultModelRegistry modelRegistry = new DefaultModelRegistry();
    final DefaultRoutingPolicyService policyService = new DefaultRoutingPolicyService();

    InMemoryGovernance() {
        GovernanceLedger ledger = new GovernanceLedger();
        ledger.recorder = this;
        ledger.clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        ledger.changes = changes;
        workflowService.repository = this;
        workflowService.ledger = ledger;
        guidelineService.repository = this;
        guidelineService.workflows = workflowService;
        guidelineService.ledger = ledger;
        modelRegistry.repository = this;
        modelRegistry.workflows = workflowService;
        modelRegistry.ledger = ledger;
        // the one completed training-set export these tests know
        modelRegistry.exports = "export-1"::equals;
        // no acceptance criteria in these tests: the gate's arithmetic is tested against a database
        modelRegistry.gate = new PromotionGate() {
            @Override
            public Verdict check(String workflowKey, String candidateId, java.util.Optional<String> activeId,
                    Instant since, Instant now) {
                return new Verdict(false, Map.of("gate", "no acceptance criteria configured"));
            }
        };
        policyService.repository = this;
        policyService.workflows = workflowService;
        policyService.ledger = ledger;
    }

    DemoGovernanceData demoData() {
        DemoGovernanceData demo = new DemoGovernanceData();
        demo.workflows = workflowService;
        demo.guidelines = guidelineService;
        demo.policies = policyService;
        demo.models = modelRegistry;
        return demo;
    }

    @Override
    public RecordId record(LedgerRecord record) {
        recorded.add(record);
        return new RecordId(recorded.size());
    }

    @Override
    public void recordAll(List<LedgerRecord> records) {
        recorded.addAll(records);
    }

    List<LedgerRecord> recordedOf(String actionType) {
        return recorded.stream().filter(r -> r.actionType().equals(actionType)).toList();
    }

    @Override
    public Optional<WorkflowEntity> workflow(String key) {
        return Optional.ofNullable(workflows.get(key));
    }

    @Override
    public Optional<WorkflowEntity> workflowForUpdate(String key) {
        return workflow(key);
    }

    @Override
    public List<WorkflowEntity> workflows() {
        return List.copyOf(workflows.values());
    }

    @Override
    public void add(WorkflowEntity workflow) {
        workflows.put(workflow.key(), workflow);
    }

    @Override
    public List<LabelEntity> labels(String workflowKey, int taxonomyVersion) {
        return labels.stream().filter(l -> l.workflowKey().equals(workflowKey) && l.taxonomyVersion() == taxonomyVersion)
                .sorted(Comparator.comparingInt(LabelEntity::sortOrder)).toList();
    }

    @Override
    public void add(LabelEntity label) {
        labels.add(label);
    }

    @Override
    public Optional<GuidelineVersionEntity> guideline(String id) {
        return Optional.ofNullable(guidelines.get(id));
    }

    @Override
    public List<GuidelineVersionEntity> guidelines(String workflowKey) {
        List<GuidelineVersionEntity> list = new ArrayList<>(guidelines.values().stream()
                .filter(g -> g.workflowKey().equals(workflowKey)).toList());
        java.util.Collections.reverse(list);
        return list;
    }

    @Override
    public Optional<GuidelineVersionEntity> activeGuideline(String workflowKey) {
        return guidelines(workflowKey).stream().filter(g -> g.status() == GuidelineStatus.ACTIVE).findFirst();
    }

    @Override
    public void add(GuidelineVersionEntity guideline) {
        guidelines.put(guideline.id(), guideline);
    }

    @Override
    public Optional<ModelSnapshotEntity> model(String id) {
        return Optional.ofNullable(models.get(id));
    }

    @Override
    public List<ModelSnapshotEntity> models(String workflowKey) {
        return models.values().stream().filter(m -> m.workflowKey().equals(workflowKey)).toList();
    }

    @Override
    public Optional<ModelSnapshotEntity> activeModel(String workflowKey) {
        return models(workflowKey).stream().filter(m -> m.status() == ModelStatus.ACTIVE).findFirst();
    }

    @Override
    public boolean modelExists(String workflowKey, String name, String version) {
        return models(workflowKey).stream().anyMatch(m -> m.toView().name().equals(name) && m.toView().version().equals(version));
    }

    @Override
    public void add(ModelSnapshotEntity model) {
        models.put(model.id(), model);
    }

    @Override
    public Optional<RoutingPolicyEntity> policy(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    @Override
    public List<RoutingPolicyEntity> policies(String workflowKey) {
        return policies.values().stream().filter(p -> p.workflowKey().equals(workflowKey)).toList();
    }

    @Override
    public Optional<RoutingPolicyEntity> activePolicy(String workflowKey) {
        return policies(workflowKey).stream().filter(p -> p.status() == PolicyStatus.ACTIVE).findFirst();
    }

    @Override
    public void add(RoutingPolicyEntity policy) {
        policies.put(policy.id(), policy);
    }

    @Override
    public void flush() {
        for (String key : workflows.keySet()) {
            if (guidelines(key).stream().filter(g -> g.status() == GuidelineStatus.ACTIVE).count() > 1
                    || models(key).stream().filter(m -> m.status() == ModelStatus.ACTIVE).count() > 1
                    || policies(key).stream().filter(p -> p.status() == PolicyStatus.ACTIVE).count() > 1) {
                throw new IllegalStateException("unique active marker violated for " + key);
            }
        }
    }
}
