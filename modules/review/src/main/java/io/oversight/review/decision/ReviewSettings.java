package io.oversight.review.decision;

import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.Violations;

/**
 * How a workflow's items are reviewed, beside intake and routing: fixed or
 * dynamic multi-review, what a disagreement leads to, when a rationale is required, gold items and
 * the accuracy under which a reviewer is paused, and the fatigue caps enforced on claim.
 *
 * @param maxReviewers         dynamic mode: most reviews an item may get before it goes to adjudication
 * @param showReviewerIdentities whether adjudicators see who wrote each review (otherwise "Reviewer 1, 2...")
 * @param goldRate             share of claims served a gold item instead, 0 to 0.5
 * @param goldMinAnswers       gold answers needed (since the last resume) before accuracy can pause anyone
 * @param goldWindow           the latest gold answers the pause looks at
 * @param goldPauseBelow       accuracy on that window under which the reviewer is paused
 * @param maxItemsPerSession   items one reviewer may complete in one session, 0 for no cap
 * @param maxItemsPerHour      items one reviewer may complete in any 60 minutes, 0 for no cap
 * @param sessionGapMinutes    a pause at least this long between two completions ends a session
 * @param breakReminderMinutes session length after which the workbench suggests a break, 0 for never
 */
public record ReviewSettings(
        String workflowKey,
        ReviewMode reviewMode,
        int maxReviewers,
        DisagreementPolicy onDisagreement,
        RationaleRule rationaleRequired,
        boolean showReviewerIdentities,
        double goldRate,
        int goldMinAnswers,
        int goldWindow,
        double goldPauseBelow,
        int maxItemsPerSession,
        int maxItemsPerHour,
        int sessionGapMinutes,
        int breakReminderMinutes) {

    public static final double MAX_GOLD_RATE = 0.5;

    /** Fixed N from the workflow; a disagreement goes to adjudication. */
    public enum ReviewMode { FIXED, DYNAMIC }

    public enum DisagreementPolicy { ADJUDICATE, ADD_REVIEWER }

    /** When a reviewer must say why: never, when they correct or reject the model, or always. */
    public enum RationaleRule {
        NEVER, ON_CHANGE, ALWAYS;

        /** Whether a reviewer choosing {@code changed} (correcting or rejecting the model) must give a rationale. */
        public boolean requires(boolean changed) {
            return this == ALWAYS || (changed && this == ON_CHANGE);
        }
    }

    /**
     * Fixed multi-review with adjudication, rationale on corrections and rejections, 5% gold with a
     * pause under 60% over the latest 20 gold answers (after at least 5), at most 150 items an hour
     * and 300 a session, a session ending after 15 idle minutes, a break suggested after 50.
     */
    public static ReviewSettings defaults(String workflowKey) {
        return new ReviewSettings(workflowKey, ReviewMode.FIXED, 3, DisagreementPolicy.ADJUDICATE,
                RationaleRule.ON_CHANGE, false, 0.05, 5, 20, 0.6, 300, 150, 15, 50);
    }

    /** @throws InvalidInputException listing every field out of range */
    public void validate() {
        Violations v = new Violations();
        v.check(reviewMode != null, "reviewMode", "is required (FIXED or DYNAMIC)");
        v.check(maxReviewers >= 2 && maxReviewers <= 9, "maxReviewers", "must be between 2 and 9");
        v.check(onDisagreement != null, "onDisagreement", "is required (ADJUDICATE or ADD_REVIEWER)");
        v.check(rationaleRequired != null, "rationaleRequired", "is required (NEVER, ON_CHANGE or ALWAYS)");
        v.check(goldRate >= 0 && goldRate <= MAX_GOLD_RATE, "goldRate", "must be between 0 and " + MAX_GOLD_RATE);
        v.check(goldMinAnswers >= 1 && goldMinAnswers <= 1000, "goldMinAnswers", "must be between 1 and 1000");
        v.check(goldWindow >= goldMinAnswers && goldWindow <= 1000, "goldWindow",
                "must be between goldMinAnswers and 1000");
        v.check(goldPauseBelow >= 0 && goldPauseBelow <= 1, "goldPauseBelow", "must be between 0 and 1");
        v.check(maxItemsPerSession >= 0 && maxItemsPerSession <= 10_000, "maxItemsPerSession",
                "must be between 0 (no cap) and 10000");
        v.check(maxItemsPerHour >= 0 && maxItemsPerHour <= 10_000, "maxItemsPerHour",
                "must be between 0 (no cap) and 10000");
        v.check(sessionGapMinutes >= 1 && sessionGapMinutes <= 24 * 60, "sessionGapMinutes",
                "must be between 1 and 1440");
        v.check(breakReminderMinutes >= 0 && breakReminderMinutes <= 24 * 60, "breakReminderMinutes",
                "must be between 0 (never) and 1440");
        v.throwIfAny("The review settings");
    }
}
