package io.oversight.simulator.platform;

/**
 * A harness workflow: two labels ({@code ham}, {@code spam}), everything the policy does not
 * auto-accept goes to tier 1, and how many people review each item.
 *
 * @param reviewersPerItem independent reviews per item in {@code FIXED} mode
 * @param reviewMode {@code FIXED} or {@code DYNAMIC}
 * @param onDisagreement {@code DYNAMIC} only: {@code ADD_REVIEWER} or {@code ADJUDICATE}
 * @param maxReviewers {@code DYNAMIC} only: most reviews before adjudication
 * @param goldRate share of claims served a gold item
 * @param autoAcceptAtOrAbove confidence from which the policy accepts the model's label without review
 */
public record WorkflowPlan(String key, String name, int reviewersPerItem, String reviewMode, String onDisagreement,
        int maxReviewers, double goldRate, double autoAcceptAtOrAbove) {

    /** One review per item, no gold, every prediction reviewed. */
    public static WorkflowPlan singleReview(String key, String name) {
        return new WorkflowPlan(key, name, 1, "FIXED", "ADJUDICATE", 3, 0.0, 1.0);
    }

    public WorkflowPlan withAutoAccept(double threshold) {
        return new WorkflowPlan(key, name, reviewersPerItem, reviewMode, onDisagreement, maxReviewers, goldRate, threshold);
    }
}
