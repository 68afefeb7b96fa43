package io.oversight.review.agreement;

import io.oversight.review.PredictionExposureReport;
import io.oversight.review.decision.ExposureStore.Exposure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the two conditions of automation-bias control over a set of recorded reviews (pure):
 * for each review of the period, whether its answer is the model's, and how many of the other reviews of
 * its item say the same.
 */
public final class PredictionExposureComparison {

    private PredictionExposureComparison() {
    }

    /**
     * @param recorded the period's reviews and their items' other reviews
     * @param counted  which of {@code recorded} are the period's reviews (the others only serve as peers)
     */
    public static PredictionExposureReport compare(String workflowKey, Instant from, Instant to, Optional<Integer> tier,
            List<Exposure> recorded, java.util.function.Predicate<Exposure> counted, boolean truncated) {
        Map<String, List<Exposure>> byItem = new LinkedHashMap<>();
        recorded.forEach(e -> byItem.computeIfAbsent(e.itemId(), i -> new ArrayList<>()).add(e));
        int[][] counts = new int[2][4]; // [shown?1:0][reviews, agreeWithModel, peerPairs, agreeingPeerPairs]
        for (Exposure review : recorded) {
            if (!counted.test(review)) {
                continue;
            }
            int[] c = counts[review.predictionShown() ? 1 : 0];
            c[0]++;
            if (review.answerKey().equals(review.modelKey())) {
                c[1]++;
            }
            for (Exposure peer : byItem.get(review.itemId())) {
                if (!peer.taskId().equals(review.taskId())) {
                    c[2]++;
                    if (peer.answerKey().equals(review.answerKey())) {
                        c[3]++;
                    }
                }
            }
        }
        PredictionExposureReport.Condition shown = condition(true, counts[1]);
        PredictionExposureReport.Condition hidden = condition(false, counts[0]);
        Optional<Double> difference = shown.modelAgreement().isPresent() && hidden.modelAgreement().isPresent()
                ? Optional.of(shown.modelAgreement().get() - hidden.modelAgreement().get()) : Optional.empty();
        return new PredictionExposureReport(workflowKey, from, to, tier, shown, hidden, difference, truncated);
    }

    private static PredictionExposureReport.Condition condition(boolean shown, int[] c) {
        return new PredictionExposureReport.Condition(shown, c[0], c[1], share(c[1], c[0]), c[2], c[3], share(c[3], c[2]));
    }

    private static Optional<Double> share(int part, int whole) {
        return whole == 0 ? Optional.empty() : Optional.of((double) part / whole);
    }
}
