package io.oversight.governance.domain.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Earned-autonomy advice: for each candidate auto-accept threshold t (auto-accept when the
 * confidence is at least t), the error rate of the items that would be auto-accepted, as the upper
 * bound of a 95% interval, and the share of predictions people would review; and, for a target error
 * bound, the lowest-load threshold whose upper bound meets it.
 *
 * <p>Estimator. Outcomes (human-final labels of reviewed items and of HOTL audit samples) are grouped
 * in the 0.01-wide confidence bins of {@link Histogram}. Within one bin they are a census (items below
 * the current threshold are all reviewed) or a random sample (audit draws above it), so the bin's error
 * share p_b = errors_b / n_b estimates that bin's error rate without selection bias, whereas pooling
 * all outcomes above t would over-weight the reviewed bins. The auto-accepted error at t is the
 * stratified mean p̂ = Σ w_b p_b with w_b the bin's share of the predictions at or above t. Its
 * interval is Wilson's with Kish's effective sample size n_eff = (Σ w_b)² / Σ (w_b² / n_b). A bin
 * that holds predictions but no outcome cannot be estimated: its whole weight is counted as errors in
 * the upper bound (conservative), so an unmeasured confidence range can never earn autonomy.
 */
public final class AutonomyAdvice {

    private AutonomyAdvice() {
    }

    /**
     * One candidate threshold.
     *
     * @param threshold        auto-accept at or above this confidence
     * @param autoAcceptShare  share of predictions that would be auto-accepted
     * @param reviewShare      share that would go to people (the reviewer load)
     * @param outcomes         human-final outcomes at or above the threshold (the sample behind the estimate)
     * @param errorEstimate    stratified error estimate, when any outcome exists at or above t
     * @param errorUpperBound  upper bound of the 95% interval, when the outcomes reach the minimum
     */
    public record Point(double threshold, double autoAcceptShare, double reviewShare, long outcomes,
            Optional<Double> errorEstimate, Optional<Double> errorUpperBound) {

        boolean meets(double target) {
            return errorUpperBound.isPresent() && errorUpperBound.get() <= target;
        }
    }

    /** The trade-off curve and the recommendation, if some threshold meets the target. */
    public record Result(double targetErrorBound, long minimumOutcomes, List<Point> curve, Optional<Point> recommended) {
    }

    /**
     * @param predictions  confidence histogram of the predictions in the period (the load)
     * @param outcomes     confidence histogram of the human-final outcomes in the period
     * @param errors       confidence histogram of those outcomes where the human-final label differed
     * @param candidates   thresholds to evaluate, each in (0, 1]
     * @param target       the governance's error bound for auto-accepted items
     * @param minimumOutcomes fewer outcomes than this at or above t: no bound ("not enough data")
     */
    public static Result advise(Histogram predictions, Histogram outcomes, Histogram errors, List<Double> candidates,
            double target, long minimumOutcomes) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("the target error bound is in (0, 1), not " + target);
        }
        for (int b = 0; b < Histogram.BINS; b++) {
            if (errors.count(b) > outcomes.count(b)) {
                throw new IllegalArgumentException("bin " + b + " has more errors than outcomes");
            }
        }
        long total = predictions.total();
        List<Point> curve = new ArrayList<>();
        for (double t : candidates) {
            curve.add(point(predictions, outcomes, errors, t, total, minimumOutcomes));
        }
        Optional<Point> best = curve.stream().filter(p -> p.meets(target))
                .min(Comparator.comparingDouble(Point::reviewShare).thenComparing(Point::threshold, Comparator.reverseOrder()));
        return new Result(target, minimumOutcomes, List.copyOf(curve), best);
    }

    /** Candidate thresholds 0.50, 0.51, ..., 0.99, 1.00 (bin edges, so every bin is wholly in or out). */
    public static List<Double> standardCandidates() {
        List<Double> thresholds = new ArrayList<>();
        for (int k = 50; k <= 100; k++) {
            thresholds.add(k / 100.0);
        }
        return thresholds;
    }

    private static Point point(Histogram predictions, Histogram outcomes, Histogram errors, double t, long total,
            long minimumOutcomes) {
        if (!(t > 0 && t <= 1)) {
            throw new IllegalArgumentException("a threshold is in (0, 1], not " + t);
        }
        // bins wholly at or above t; t = 1.0 auto-accepts only the top bin's exact 1.0 scores, which the
        // histogram cannot separate, so it is treated as accepting nothing
        int first = (int) Math.ceil(t * Histogram.BINS - 1e-9);
        long above = 0;
        long sample = 0;
        for (int b = first; b < Histogram.BINS; b++) {
            above += predictions.count(b);
            sample += outcomes.count(b);
        }
        double autoShare = total == 0 ? 0 : above / (double) total;
        double reviewShare = total == 0 ? 0 : 1 - autoShare;
        if (above == 0) {
            // nothing would be auto-accepted: no auto-accept error at all
            return new Point(t, autoShare, reviewShare, sample, Optional.of(0.0), total == 0 ? Optional.empty() : Optional.of(0.0));
        }
        double measuredWeight = 0;
        double estimate = 0;
        double varianceWeight = 0;
        for (int b = first; b < Histogram.BINS; b++) {
            if (predictions.count(b) == 0) {
                continue;
            }
            double w = predictions.count(b) / (double) above;
            if (outcomes.count(b) > 0) {
                measuredWeight += w;
                estimate += w * errors.count(b) / outcomes.count(b);
                varianceWeight += w * w / outcomes.count(b);
            }
        }
        if (measuredWeight == 0) {
            return new Point(t, autoShare, reviewShare, sample, Optional.empty(), sample >= minimumOutcomes
                    ? Optional.of(1.0) : Optional.empty());
        }
        double p = estimate / measuredWeight;
        double effectiveN = measuredWeight * measuredWeight / varianceWeight;
        Optional<Double> upper = Optional.empty();
        if (sample >= minimumOutcomes) {
            double measuredUpper = Wilson.interval(p, effectiveN, Wilson.Z95).orElseThrow().upper();
            upper = Optional.of(Math.min(1.0, measuredWeight * measuredUpper + (1 - measuredWeight)));
        }
        return new Point(t, autoShare, reviewShare, sample, Optional.of(p), upper);
    }
}
