package io.oversight.review;

import java.time.Instant;
import java.util.Optional;

/**
 * Automation-bias check: how reviews made with the model's prediction in view compare with
 * reviews made blind, over one workflow's reviews completed in a period. Agreement with the model that is
 * much higher when the prediction is shown, while peers agree no better, is the sign of reviewers
 * following the model rather than judging the item.
 *
 * @param shown     reviews whose reviewer saw the prediction before answering
 * @param hidden    reviews whose reviewer answered blind
 * @param truncated whether the period held more than {@link #MAX_REVIEWS} reviews (the first ones were compared)
 */
public record PredictionExposureReport(String workflowKey, Instant from, Instant to, Optional<Integer> tier,
        Condition shown, Condition hidden, Optional<Double> modelAgreementDifference, boolean truncated) {

    public static final int MAX_REVIEWS = 100_000;

    /**
     * One condition's numbers. A peer pair is this review and another review of the same item (any condition,
     * any time): the share of agreeing pairs is how often a second person would have said the same.
     *
     * @param modelAgreement share of reviews whose answer is the model's prediction; empty without reviews
     * @param peerAgreement  share of agreeing peer pairs; empty without pairs
     */
    public record Condition(boolean predictionShown, int reviews, int agreeWithModel, Optional<Double> modelAgreement,
            int peerPairs, int agreeingPeerPairs, Optional<Double> peerAgreement) {
    }
}
