package io.oversight.simulator.platform;

import java.util.List;
import java.util.Optional;

/**
 * The platform's earned-autonomy advice for a workflow, as {@code GET /api/v1/advice/{workflow}}
 * gives it: the recommended auto-accept threshold for the target error bound, and the curve behind it.
 *
 * @param predictions the predictions of the period the advice rests on
 * @param recommended the recommended point of the curve; absent when no threshold meets the target
 */
public record Advice(double targetErrorBound, long predictions, Optional<Point> recommended, List<Point> curve) {

    /**
     * One candidate threshold.
     *
     * @param outcomes        human-final outcomes at or above the threshold
     * @param errorEstimate   the platform's estimate of the auto-accepted error rate
     * @param errorUpperBound the upper bound of its 95% interval (absent below the minimum outcomes)
     */
    public record Point(double threshold, double reviewShare, long outcomes, Optional<Double> errorEstimate,
            Optional<Double> errorUpperBound) {
    }

    /** Human-final outcomes the whole curve rests on (those at or above its lowest threshold). */
    public long outcomes() {
        return curve.isEmpty() ? 0 : curve.get(0).outcomes();
    }
}
