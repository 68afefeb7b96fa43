package io.oversight.review;

import java.time.Instant;
import java.util.Optional;

/** Agreement with the model and with peers, of reviews made with and without the prediction in view. */
public interface PredictionExposureReports {

    /** Over the workflow's reviews completed in [from, to), of one tier when given. */
    PredictionExposureReport report(String workflowKey, Instant from, Instant to, Optional<Integer> tier);
}
