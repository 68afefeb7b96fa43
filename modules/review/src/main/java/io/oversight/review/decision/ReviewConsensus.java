package io.oversight.review.decision;

import io.oversight.review.ReviewAnswer;
import java.util.ArrayList;
import io.oversight.tasks.DecisionSource;
import java.util.List;
import java.util.Optional;

/**
 * What an item's completed independent reviews lead to. In fixed mode the item waits for
 * its N reviews, then is decided when they all agree and adjudicated otherwise. In dynamic mode it
 * starts with two; a disagreement adds one reviewer at a time (when so configured) until a strict
 * majority agrees or the maximum is reached, and then goes to adjudication.
 */
public final class ReviewConsensus {


    public enum Step { WAIT, DECIDE, ADD_REVIEWER, ADJUDICATE }

    /** @param answer the deciding answer, with {@link Step#DECIDE} */
    public record Outcome(Step step, Optional<ReviewAnswer> answer, Optional<DecisionSource> source, String explanation) {
    }

    private ReviewConsensus() {
    }

    /** How many independent reviews an item starts with. */
    public static int initialReviews(ReviewSettings settings, int workflowReviewersPerItem) {
        return settings.reviewMode() == ReviewSettings.ReviewMode.DYNAMIC ? 2 : Math.max(1, workflowReviewersPerItem);
    }

    /**
     * @param answers  the completed reviews, in completion order
     * @param required how many reviews the item currently asks for
     */
    public static Outcome evaluate(List<ReviewAnswer> answers, int required, ReviewSettings settings) {
        if (answers.size() < required) {
            return new Outcome(Step.WAIT, Optional.empty(), Optional.empty(),
                    answers.size() + " of " + required + " reviews in");
        }
        ReviewAnswer first = answers.get(0);
        if (answers.stream().allMatch(first::agreesWith)) {
            DecisionSource source = answers.size() == 1 ? DecisionSource.REVIEW : DecisionSource.CONSENSUS;
            return new Outcome(Step.DECIDE, Optional.of(first), Optional.of(source),
                    answers.size() == 1 ? "one review" : "all " + answers.size() + " reviews agree");
        }
        boolean dynamic = settings.reviewMode() == ReviewSettings.ReviewMode.DYNAMIC;
        if (dynamic && answers.size() >= 3) {
            Optional<ReviewAnswer> majority = strictMajority(answers);
            if (majority.isPresent()) {
                return new Outcome(Step.DECIDE, majority, Optional.of(DecisionSource.MAJORITY),
                        "a strict majority of " + answers.size() + " reviews agree");
            }
        }
        if (dynamic && settings.onDisagreement() == ReviewSettings.DisagreementPolicy.ADD_REVIEWER
                && answers.size() < settings.maxReviewers()) {
            return new Outcome(Step.ADD_REVIEWER, Optional.empty(), Optional.empty(),
                    answers.size() + " reviews disagree: review " + (answers.size() + 1) + " of at most "
                            + settings.maxReviewers() + " added");
        }
        return new Outcome(Step.ADJUDICATE, Optional.empty(), Optional.empty(),
                answers.size() + " reviews disagree");
    }

    private static Optional<ReviewAnswer> strictMajority(List<ReviewAnswer> answers) {
        List<ReviewAnswer> distinct = new ArrayList<>();
        for (ReviewAnswer answer : answers) {
            if (distinct.stream().noneMatch(answer::agreesWith)) {
                distinct.add(answer);
            }
        }
        for (ReviewAnswer candidate : distinct) {
            long votes = answers.stream().filter(candidate::agreesWith).count();
            if (votes * 2 > answers.size()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
