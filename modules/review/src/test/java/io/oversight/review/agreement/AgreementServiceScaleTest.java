package io.oversight.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.IntegrationMode;
import io.oversight.governance.LabelSelection;
import io.oversight.governance.RiskLevel;
import io.oversight.governance.RiskProfile;
import io.oversight.governance.TaskKind;
import io.oversight.governance.Taxonomy;
import io.oversight.governance.TaxonomyLabel;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.review.AgreementQuery;
import io.oversight.review.AgreementReport;
import io.oversight.review.CompletedReviewRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The agreement report of a workflow whose taxonomy is a rating scale carries ordinal, interval and
 * ratio alpha, each metric has a machine-readable id, and the confusion matrices follow the taxonomy.
 */
class AgreementServiceScaleTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static TaxonomyLabel label(String code, Double value) {
        return new TaxonomyLabel(code, Optional.empty(), code, "", Optional.ofNullable(value));
    }

    private static AgreementService service(List<TaxonomyLabel> labels, List<CompletedReviewRecord> reviews) {
        Workflow workflow = new Workflow("stars", "Stars", "", new RiskProfile(RiskLevel.LOW, RiskLevel.LOW, RiskLevel.LOW), IntegrationMode.ASYNC, 2, 365, false, List.of(),
                TaskKind.CLASSIFICATION, LabelSelection.LEAF_ONLY, new Taxonomy(1, labels), AT, AT);
        AgreementService service = new AgreementService();
        service.history = (key, from, to, limit) -> reviews;
        service.workflows = new Workflows() {
            @Override
            public Optional<Workflow> find(String key) {
                return Optional.of(workflow);
            }

            @Override
            public List<Workflow> list() {
                return List.of(workflow);
            }
        };
        return service;
    }

    /** Two reviewers who are never more than one star apart, and one rejection. */
    private static List<CompletedReviewRecord> nearMisses() {
        String[][] answers = {{"poor", "fair"}, {"fair", "fair"}, {"good", "fair"}, {"poor", "poor"}, {"good", "good"},
                {"REJECT", "good"}};
        List<CompletedReviewRecord> reviews = new ArrayList<>();
        for (int i = 0; i < answers.length; i++) {
            for (int r = 0; r < 2; r++) {
                reviews.add(new CompletedReviewRecord("item-" + i, "stars", 1, "reviewer-" + r, answers[i][r], "fair",
                        List.of(answers[i][r]), Optional.empty(), AT.plusSeconds(i * 10L + r)));
            }
        }
        return reviews;
    }

    private static AgreementReport report(AgreementService service) {
        return service.report(new AgreementQuery("stars", AT.minusSeconds(3600), AT.plusSeconds(3600), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void aRatingScaleAddsOrdinalIntervalAndRatioAlphaWhichCreditNearMisses() {
        AgreementReport report = report(service(List.of(label("poor", 1.0), label("fair", 2.0), label("good", 3.0)),
                nearMisses()));
        Map<String, AgreementReport.Metric> byId = report.metrics().stream()
                .collect(Collectors.toMap(AgreementReport.Metric::id, m -> m));
        assertEquals(List.of("percent_agreement", "cohens_kappa", "fleiss_kappa", "alpha_nominal", "alpha_ordinal",
                "alpha_interval", "alpha_ratio"), report.metrics().stream().map(AgreementReport.Metric::id).toList());
        double nominal = byId.get("alpha_nominal").value().orElseThrow();
        double interval = byId.get("alpha_interval").value().orElseThrow();
        assertTrue(interval > nominal, "one star apart counts as nearly agreeing: interval " + interval + ", nominal " + nominal);
        assertEquals(5, byId.get("alpha_interval").units(), "the rejected item has one rating on the scale and drops out");
        assertEquals(6, byId.get("alpha_nominal").units());
        assertEquals("Krippendorff's alpha (ordinal)", byId.get("alpha_ordinal").name());
    }

    @Test
    void aNegativeValueLeavesRatioOutAndATaxonomyWithoutValuesStaysNominal() {
        List<String> negative = report(service(List.of(label("poor", -1.0), label("fair", 0.0), label("good", 1.0)),
                nearMisses())).metrics().stream().map(AgreementReport.Metric::id).toList();
        assertTrue(negative.contains("alpha_interval") && !negative.contains("alpha_ratio"), negative.toString());
        List<String> nominal = report(service(List.of(label("poor", null), label("fair", null), label("good", null)),
                nearMisses())).metrics().stream().map(AgreementReport.Metric::id).toList();
        assertEquals(List.of("percent_agreement", "cohens_kappa", "fleiss_kappa", "alpha_nominal"), nominal);
    }

    @Test
    void confusionMatricesFollowTheTaxonomyOrderWithOtherAnswersAfterIt() {
        AgreementReport report = report(service(List.of(label("poor", null), label("fair", null), label("good", null)),
                nearMisses()));
        assertEquals(List.of("poor", "fair", "good", "REJECT"), report.betweenReviewers().categories());
        assertEquals(List.of("poor", "fair", "good", "REJECT"), report.humanVsModel().categories());
    }
}
