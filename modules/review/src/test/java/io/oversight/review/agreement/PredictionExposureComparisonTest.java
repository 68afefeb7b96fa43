package io.oversight.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.review.PredictionExposureReport;
import io.oversight.review.decision.ExposureStore.Exposure;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredictionExposureComparisonTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-08T00:00:00Z");

    private static Exposure review(String task, String item, boolean shown, String answer, String model) {
        return new Exposure(task, item, "claims", 1, shown, answer, model, FROM.plusSeconds(60));
    }

    @Test
    void comparesAgreementWithTheModelAndWithPeersPerCondition() {
        // item 1: two seeing reviewers follow the model (spam); item 2: two blind reviewers split; item 3: one
        // seeing reviewer agrees with the model, one blind reviewer does not, and they disagree with each other.
        List<Exposure> reviews = List.of(
                review("t1", "i1", true, "spam", "spam"), review("t2", "i1", true, "spam", "spam"),
                review("t3", "i2", false, "spam", "spam"), review("t4", "i2", false, "ham", "spam"),
                review("t5", "i3", true, "ham", "ham"), review("t6", "i3", false, "spam", "ham"));
        PredictionExposureReport report = PredictionExposureComparison.compare("claims", FROM, TO, Optional.empty(), reviews,
                r -> true, false);
        PredictionExposureReport.Condition shown = report.shown();
        assertEquals(3, shown.reviews());
        assertEquals(3, shown.agreeWithModel());
        assertEquals(Optional.of(1.0), shown.modelAgreement());
        assertEquals(3, shown.peerPairs()); // t1-t2, t2-t1, t5-t6
        assertEquals(2, shown.agreeingPeerPairs());
        PredictionExposureReport.Condition hidden = report.hidden();
        assertEquals(3, hidden.reviews());
        assertEquals(1, hidden.agreeWithModel());
        assertEquals(1.0 / 3, hidden.modelAgreement().orElseThrow(), 1e-12);
        assertEquals(3, hidden.peerPairs()); // t3-t4, t4-t3, t6-t5
        assertEquals(0, hidden.agreeingPeerPairs());
        assertEquals(Optional.of(0.0), hidden.peerAgreement());
        assertEquals(2.0 / 3, report.modelAgreementDifference().orElseThrow(), 1e-12);
    }

    @Test
    void peersOutsideThePeriodCountAsPeersOnly() {
        List<Exposure> reviews = List.of(review("t1", "i1", false, "spam", "ham"), review("old", "i1", true, "spam", "ham"));
        PredictionExposureReport report = PredictionExposureComparison.compare("claims", FROM, TO, Optional.of(1), reviews,
                r -> !r.taskId().equals("old"), false);
        assertEquals(0, report.shown().reviews());
        assertTrue(report.shown().modelAgreement().isEmpty());
        assertTrue(report.shown().peerAgreement().isEmpty());
        assertTrue(report.modelAgreementDifference().isEmpty());
        assertEquals(1, report.hidden().reviews());
        assertEquals(1, report.hidden().peerPairs());
        assertEquals(1, report.hidden().agreeingPeerPairs());
    }
}
