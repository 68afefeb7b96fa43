package io.oversight.governance.application;

import io.oversight.governance.GovernanceChanged;
import io.oversight.kernel.ConflictException;
import io.oversight.kernel.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.ContentFormat;
import io.oversight.governance.ExampleKind;
import io.oversight.governance.GuidelineStatus;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.IntegrationMode;
import io.oversight.governance.LabelSelection;
import io.oversight.governance.LowConfidenceOutcome;
import io.oversight.governance.ModelSnapshot;
import io.oversight.governance.ModelStatus;
import io.oversight.governance.PolicyStatus;
import io.oversight.governance.RiskLevel;
import io.oversight.governance.RouteDecision;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.TaskKind;
import io.oversight.governance.domain.ExampleSpec;
import io.oversight.governance.domain.GuidelineContent;
import io.oversight.governance.domain.LabelSpec;
import io.oversight.governance.domain.ModelRegistration;
import io.oversight.governance.domain.PolicyContent;
import io.oversight.governance.domain.WorkflowSettings;
import io.oversight.ledger.Actor;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.PlatformStarted;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Life-cycle rules of guideline versions, model snapshots and policies, with what each step records. */
class LifecycleTest {

    private static final Actor GRETA = new Actor("p-greta", "governance");
    private static final String KEY = "claims";

    private InMemoryGovernance g;

    @BeforeEach
    void workflowWithTwoLevelTaxonomy() {
        g = new InMemoryGovernance();
        g.workflowService.create(settings(KEY), GRETA);
        g.workflowService.replaceTaxonomy(KEY, List.of(
                new LabelSpec("fraud", null, "Fraud", "", null),
                new LabelSpec("card-not-present", "fraud", "Card not present", "", null),
                new LabelSpec("ok", null, "OK", "", null)), GRETA);
        g.recorded.clear();
    }

    static WorkflowSettings settings(String key) {
        return new WorkflowSettings(key, "Claims", "", RiskLevel.HIGH, RiskLevel.LOW, RiskLevel.MEDIUM,
                IntegrationMode.ASYNC, 2, 365, false, List.of("customer.email"), TaskKind.CLASSIFICATION,
                LabelSelection.LEAF_ONLY);
    }

    private GuidelineVersion draft(String text) {
        return g.guidelineService.createDraft(KEY, new GuidelineContent(ContentFormat.MARKDOWN, text,
                List.of(new ExampleSpec("card-not-present", ExampleKind.EXAMPLE, "web shop", "no card"))), GRETA);
    }

    private GuidelineVersion activate(GuidelineVersion v) {
        g.guidelineService.moveTo(v.id(), GuidelineStatus.PILOT, GRETA);
        return g.guidelineService.moveTo(v.id(), GuidelineStatus.ACTIVE, GRETA);
    }

    @Test
    void eachGuidelineStepWritesExactlyOneEntryWithTheVersionAndItsDigest() {
        GuidelineVersion v1 = draft("# One");
        assertEquals(1, g.recorded.size());
        g.guidelineService.moveTo(v1.id(), GuidelineStatus.PILOT, GRETA);
        assertEquals(2, g.recorded.size());
        g.guidelineService.moveTo(v1.id(), GuidelineStatus.ACTIVE, GRETA);
        assertEquals(3, g.recorded.size());

        LedgerRecord activated = g.recorded.get(2);
        assertEquals(DefaultGuidelineService.ACTIVATED, activated.actionType());
        assertEquals(v1.id(), activated.guidelineVersionId());
        assertEquals(Optional.of(v1.contentDigest()), activated.guidelineDigest());
        assertEquals(KEY, activated.workflow());
        assertEquals(GRETA, activated.actor());
    }

    @Test
    void activatingASecondVersionRetiresTheFirstSoOnlyOneIsActive() {
        GuidelineVersion v1 = activate(draft("# One"));
        GuidelineVersion v2 = draft("# Two");
        g.guidelineService.moveTo(v2.id(), GuidelineStatus.PILOT, GRETA);
        g.recorded.clear();

        g.guidelineService.moveTo(v2.id(), GuidelineStatus.ACTIVE, GRETA);

        assertEquals(GuidelineStatus.RETIRED, g.guidelineService.find(v1.id()).orElseThrow().status());
        assertEquals(v2.id(), g.guidelineService.activeFor(KEY).orElseThrow().id());
        assertEquals(1, g.guidelineService.versionsOf(KEY).stream().filter(v -> v.status() == GuidelineStatus.ACTIVE).count());
        assertEquals(List.of(DefaultGuidelineService.RETIRED, DefaultGuidelineService.ACTIVATED),
                g.recorded.stream().map(LedgerRecord::actionType).toList());
        assertEquals(v1.id(), g.recorded.get(0).guidelineVersionId());
        assertEquals(Optional.of(v1.contentDigest()), g.recorded.get(0).guidelineDigest());
        assertEquals(Optional.of(v2.contentDigest()), g.recorded.get(1).guidelineDigest());
    }

    @Test
    void aVersionThatLeftDraftCannotBeEditedNorSkipSteps() {
        GuidelineVersion v1 = draft("# One");
        g.guidelineService.moveTo(v1.id(), GuidelineStatus.PILOT, GRETA);
        g.recorded.clear();

        ConflictException edit = assertThrows(ConflictException.class, () -> g.guidelineService.revise(v1.id(),
                new GuidelineContent(ContentFormat.MARKDOWN, "# changed", List.of()), GRETA));
        assertTrue(edit.getMessage().contains("PILOT"), edit.getMessage());
        assertEquals("# One", g.guidelineService.find(v1.id()).orElseThrow().instructions());

        GuidelineVersion v2 = draft("# Two");
        g.recorded.clear();
        assertThrows(ConflictException.class, () -> g.guidelineService.moveTo(v2.id(), GuidelineStatus.ACTIVE, GRETA));
        assertEquals(GuidelineStatus.DRAFT, g.guidelineService.find(v2.id()).orElseThrow().status());
        assertTrue(g.recorded.isEmpty());
    }

    @Test
    void aDraftCanBeRevisedAndItsDigestFollowsItsContent() {
        GuidelineVersion v1 = draft("# One");
        GuidelineVersion revised = g.guidelineService.revise(v1.id(), new GuidelineContent(ContentFormat.MARKDOWN,
                "# One, clearer", List.of()), GRETA);
        assertTrue(!v1.contentDigest().equals(revised.contentDigest()));
        assertEquals(Optional.of(revised.contentDigest()), g.recorded.get(1).guidelineDigest());
    }

    @Test
    void unknownLabelCodeAndOversizedTextAreRefusedWithNothingChanged() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> g.guidelineService.createDraft(KEY,
                new GuidelineContent(ContentFormat.MARKDOWN, "# x",
                        List.of(new ExampleSpec("no-such-label", ExampleKind.EXAMPLE, "x", ""))), GRETA));
        assertEquals("examples[0].labelCode", unknown.errors().get(0).field());
        assertTrue(unknown.getMessage().contains("no-such-label"));
        InvalidInputException big = assertThrows(InvalidInputException.class, () -> g.guidelineService.createDraft(KEY,
                new GuidelineContent(ContentFormat.HTML, "x".repeat(GuidelineContent.MAX_INSTRUCTIONS + 1), List.of()), GRETA));
        assertEquals("instructions", big.errors().get(0).field());
        assertTrue(g.guidelineService.versionsOf(KEY).isEmpty());
        assertTrue(g.recorded.isEmpty());
    }

    @Test
    void duplicateWorkflowKeyIsAConflict() {
        ConflictException e = assertThrows(ConflictException.class, () -> g.workflowService.create(settings(KEY), GRETA));
        assertTrue(e.getMessage().contains(KEY));
        assertTrue(g.recorded.isEmpty());
    }

    private ModelSnapshot register(String version) {
        return g.modelRegistry.register(new ModelRegistration(KEY, "clf", version, "a".repeat(64), "export-1",
                List.of("card-not-present", "ok")), GRETA);
    }

    @Test
    void modelPromotionRollbackRestoreAndEachStepRecordsTheArtifactDigest() {
        ModelSnapshot m1 = register("1");
        g.modelRegistry.promote(m1.id(), ModelStatus.ACTIVE, "first", GRETA);
        ModelSnapshot m2 = register("2");
        g.modelRegistry.promote(m2.id(), ModelStatus.CANARY, "try it", GRETA);
        g.recorded.clear();

        g.modelRegistry.promote(m2.id(), ModelStatus.ACTIVE, "better agreement", GRETA);
        assertEquals(List.of(DefaultModelRegistry.RETIRED, DefaultModelRegistry.PROMOTED),
                g.recorded.stream().map(LedgerRecord::actionType).toList());
        assertEquals(m1.id(), g.recorded.get(0).modelSnapshotId());
        assertEquals(m2.id(), g.recorded.get(1).modelSnapshotId());
        assertEquals(Optional.of(m2.artifactDigest()), g.recorded.get(1).modelArtifactDigest());
        assertEquals(Optional.of(LedgerRecord.digestOf("better agreement")), g.recorded.get(1).rationaleDigest());
        g.recorded.clear();

        g.modelRegistry.rollBack(m2.id(), "regression", GRETA);
        assertEquals(ModelStatus.ROLLED_BACK, g.modelRegistry.find(m2.id()).orElseThrow().status());
        assertEquals(m1.id(), g.modelRegistry.activeFor(KEY).orElseThrow().id(), "rollback restores the previous snapshot");
        assertEquals(List.of(DefaultModelRegistry.ROLLED_BACK, DefaultModelRegistry.RESTORED),
                g.recorded.stream().map(LedgerRecord::actionType).toList());
        g.recorded.clear();

        ConflictException straightBack = assertThrows(ConflictException.class,
                () -> g.modelRegistry.promote(m2.id(), ModelStatus.ACTIVE, "again", GRETA));
        assertTrue(straightBack.getMessage().contains("CANARY"), straightBack.getMessage());
        assertEquals(ModelStatus.ROLLED_BACK, g.modelRegistry.find(m2.id()).orElseThrow().status());
        assertTrue(g.recorded.isEmpty());

        g.modelRegistry.promote(m2.id(), ModelStatus.CANARY, "fixed", GRETA);
        g.modelRegistry.promote(m2.id(), ModelStatus.ACTIVE, "fixed and measured", GRETA);
        assertEquals(m2.id(), g.modelRegistry.activeFor(KEY).orElseThrow().id());
        assertEquals(3, g.recorded.size());
    }

    @Test
    void modelRegistrationChecksLabelsDigestAndDuplicates() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> g.modelRegistry.register(
                new ModelRegistration(KEY, "clf", "1", "not-a-digest", null, List.of("nope")), GRETA));
        assertEquals(List.of("artifactDigest", "labelSpace[0]"), e.errors().stream().map(f -> f.field()).toList());
        register("1");
        assertThrows(ConflictException.class, () -> register("1"));
        assertEquals(1, g.modelRegistry.of(KEY).size());
    }

    @Test
    void modelRegistrationRefusesATrainingSetExportNobodyMade() {
        g.recorded.clear();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> g.modelRegistry.register(
                new ModelRegistration(KEY, "clf", "1", "a".repeat(64), "export-2", List.of("ok")), GRETA));
        assertEquals(List.of("trainingSetExportId"), e.errors().stream().map(f -> f.field()).toList());
        assertTrue(e.getMessage().contains("export-2"), e.getMessage());
        assertTrue(g.modelRegistry.of(KEY).isEmpty(), "nothing was registered");
        assertTrue(g.recorded.isEmpty(), "nothing was recorded");
        assertEquals("export-1", register("1").trainingSetExportId().orElseThrow());
    }

    private PolicyContent policy(double accept, double low, List<String> rules) {
        return new PolicyContent(accept, low, LowConfidenceOutcome.ESCALATE,
                List.of(new PolicyContent.BandSpec(low, 2), new PolicyContent.BandSpec(0.7, 1)),
                List.of(new PolicyContent.ThresholdSpec("card-not-present", 0.99, 0.5)), rules, 0.05,
                List.of(new PolicyContent.SlaSpec(1, 60, 100)));
    }

    @Test
    void policyActivationRetiresThePreviousAndRoutesByRulesThenThresholdsThenBands() {
        RoutingPolicy p1 = g.policyService.createDraft(KEY, policy(0.95, 0.2, List.of()), GRETA);
        g.policyService.activate(p1.id(), GRETA);
        RoutingPolicy p2 = g.policyService.createDraft(KEY, policy(0.9, 0.1, List.of("amount > 10000 -> tier 3")), GRETA);
        g.recorded.clear();
        g.changes.fired.clear();

        g.policyService.activate(p2.id(), GRETA);

        assertEquals(PolicyStatus.RETIRED, g.policyService.find(p1.id()).orElseThrow().status());
        RoutingPolicy active = g.policyService.activeFor(KEY).orElseThrow();
        assertEquals(p2.id(), active.id());
        assertEquals(List.of(DefaultRoutingPolicyService.RETIRED, DefaultRoutingPolicyService.ACTIVATED),
                g.recorded.stream().map(LedgerRecord::actionType).toList());
        assertEquals(Optional.of(p2.contentDigest()), g.recorded.get(1).payloadDigest());
        assertEquals(List.of(new GovernanceChanged(KEY), new GovernanceChanged(KEY)), g.changes.fired,
                "each recorded change tells this server's configuration caches which workflow changed");

        assertEquals(new RouteDecision(RouteDecision.Outcome.HUMAN_REVIEW, 3, "rule: amount > 10000 -> tier 3"),
                active.route("ok", 0.99, Map.of("amount", 20000)));
        assertEquals(RouteDecision.Outcome.AUTO_ACCEPT, active.route("ok", 0.95, Map.of("amount", 10)).outcome());
        assertEquals(RouteDecision.Outcome.HUMAN_REVIEW, active.route("card-not-present", 0.95, Map.of()).outcome());
        assertEquals(1, active.route("ok", 0.8, Map.of()).tier());
        assertEquals(2, active.route("ok", 0.3, Map.of()).tier());
        assertEquals(RouteDecision.Outcome.ESCALATE, active.route("ok", 0.05, Map.of()).outcome());
        assertThrows(IllegalArgumentException.class, () -> active.route("ok", Double.NaN, Map.of()));

        assertThrows(ConflictException.class, () -> g.policyService.revise(p2.id(), policy(0.9, 0.1, List.of()), GRETA));
    }

    @Test
    void demoDataConfiguresTwoWorkflowsCompletelyAndOnlyOnce() {
        g.demoData().onStart(new PlatformStarted(true));
        g.demoData().onStart(new PlatformStarted(true));
        for (String key : List.of("loan-dispute-triage", "content-moderation")) {
            assertTrue(g.workflowService.find(key).orElseThrow().taxonomy().labels().size() > 3);
            assertTrue(g.guidelineService.activeFor(key).isPresent());
            assertTrue(g.policyService.activeFor(key).isPresent());
            assertTrue(g.modelRegistry.activeFor(key).isPresent());
        }
        assertEquals(1, g.guidelineService.versionsOf("loan-dispute-triage").size());
        assertEquals("system", g.recorded.get(0).actor().role());
    }
}
