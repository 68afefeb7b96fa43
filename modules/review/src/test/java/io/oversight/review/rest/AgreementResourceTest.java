package io.oversight.review.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.ContentFormat;
import io.oversight.governance.GuidelineStatus;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.IntegrationMode;
import io.oversight.governance.LabelSelection;
import io.oversight.governance.RiskLevel;
import io.oversight.governance.RiskProfile;
import io.oversight.governance.TaskKind;
import io.oversight.governance.Taxonomy;
import io.oversight.governance.TaxonomyLabel;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.NotFoundException;
import io.oversight.kernel.RefusalException;
import io.oversight.ledger.format.Digest;
import io.oversight.review.AgreementQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A filter of the agreement query that can match nothing is refused with the field it names, and no
 * report is computed: before, {@code tier=x} was a 404, an unknown workflow and a malformed guideline
 * id gave empty metrics, and a label outside the taxonomy "agreed" 100%. (Refusals are mapped to
 * problem+json once, in app; ReviewIT sees them over HTTP.)
 */
class AgreementResourceTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String GUIDELINE = "6f1c2a52-8d7e-4c55-9a55-0f6e3f1c9b10";
    private static final String OTHER_WORKFLOWS_GUIDELINE = "0b7d0a4e-3c3b-4f0e-8f7c-5b8f1d2e9a01";

    private final AgreementResource resource = resource();

    private AgreementResource resource() {
        Workflow triage = new Workflow("triage", "Triage", "", new RiskProfile(RiskLevel.LOW, RiskLevel.LOW, RiskLevel.LOW),
                IntegrationMode.ASYNC, 2, 365, false, List.of(), TaskKind.CLASSIFICATION, LabelSelection.LEAF_ONLY,
                new Taxonomy(1, List.of(label("spam"), label("ham"))), AT, AT);
        AgreementResource r = new AgreementResource();
        r.workflows = new Workflows() {
            @Override
            public Optional<Workflow> find(String key) {
                return key.equals("triage") ? Optional.of(triage) : Optional.empty();
            }

            @Override
            public List<Workflow> list() {
                return List.of(triage);
            }
        };
        r.guidelines = new Guidelines() {
            @Override
            public Optional<GuidelineVersion> activeFor(String workflowKey) {
                return Optional.empty();
            }

            @Override
            public Optional<GuidelineVersion> find(String id) {
                return switch (id) {
                    case GUIDELINE -> Optional.of(guideline(GUIDELINE, "triage"));
                    case OTHER_WORKFLOWS_GUIDELINE -> Optional.of(guideline(OTHER_WORKFLOWS_GUIDELINE, "moderation"));
                    default -> Optional.empty();
                };
            }

            @Override
            public String renderedInstructions(GuidelineVersion version) {
                return "";
            }

            @Override
            public List<GuidelineVersion> versionsOf(String workflowKey) {
                return List.of();
            }
        };
        return r;
    }

    private static TaxonomyLabel label(String code) {
        return new TaxonomyLabel(code, Optional.empty(), code, "", Optional.empty());
    }

    private static GuidelineVersion guideline(String id, String workflowKey) {
        return new GuidelineVersion(id, workflowKey, 1, 1, GuidelineStatus.ACTIVE, ContentFormat.MARKDOWN, "", List.of(),
                Digest.zero(), AT, AT);
    }

    private void refused(Class<? extends RefusalException> type, String field, Executable call) {
        RefusalException e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(field), e.getMessage());
        if (e instanceof InvalidInputException invalid) {
            assertEquals(field, invalid.errors().get(0).field());
        }
    }

    @Test
    void aTierThatIsNotANumberIsABadRequestNotAMissingResource() {
        refused(InvalidInputException.class, "tier", () -> resource.query("triage", null, null, "x", null, null));
        refused(InvalidInputException.class, "tier", () -> resource.query("triage", null, null, "7", null, null));
    }

    @Test
    void anUnknownWorkflowIsNotFound() {
        refused(NotFoundException.class, "no-such", () -> resource.query("no-such", null, null, null, null, null));
    }

    @Test
    void aLabelOutsideTheTaxonomyIsRefusedNamingTheLabelsThereAre() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> resource.query("triage", null, null, null, null, "nope"));
        assertTrue(e.getMessage().contains("spam, ham"), e.getMessage());
    }

    @Test
    void aGuidelineIdMustBeAUuidOfAVersionOfThisWorkflow() {
        refused(InvalidInputException.class, "guideline",
                () -> resource.query("triage", null, null, null, "not-a-uuid", null));
        refused(NotFoundException.class, "9d0e3c1a-0000-4000-8000-000000000000",
                () -> resource.query("triage", null, null, null, "9d0e3c1a-0000-4000-8000-000000000000", null));
        refused(NotFoundException.class, OTHER_WORKFLOWS_GUIDELINE,
                () -> resource.query("triage", null, null, null, OTHER_WORKFLOWS_GUIDELINE, null));
    }

    @Test
    void validFiltersReachTheReport() {
        AgreementQuery query = resource.query("triage", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", " 2", GUIDELINE,
                "spam");
        assertEquals(Optional.of(2), query.tier());
        assertEquals(Optional.of(GUIDELINE), query.guidelineId());
        assertEquals(Optional.of("spam"), query.label());
    }
}
