package io.oversight.review.decision;

import io.oversight.tasks.DecisionSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.review.ReviewAnswer;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewConsensusTest {

    private static final List<String> PREDICTED = List.of("fraud");

    private static ReviewAnswer approve() {
        return ReviewAnswer.of(new TaskResult(Verdict.APPROVE, List.of(), Optional.empty(), ""), PREDICTED, Optional.empty());
    }

    private static ReviewAnswer correct(String... labels) {
        return ReviewAnswer.of(new TaskResult(Verdict.CORRECT, List.of(labels), Optional.empty(), "why"), PREDICTED,
                Optional.empty());
    }

    private static ReviewAnswer reject() {
        return ReviewAnswer.of(new TaskResult(Verdict.REJECT, List.of(), Optional.empty(), "why"), PREDICTED, Optional.empty());
    }

    private static ReviewSettings dynamic(ReviewSettings.DisagreementPolicy policy) {
        ReviewSettings d = ReviewSettings.defaults("w");
        return new ReviewSettings("w", ReviewSettings.ReviewMode.DYNAMIC, 3, policy, d.rationaleRequired(), false,
                d.goldRate(), d.goldMinAnswers(), d.goldWindow(), d.goldPauseBelow(), d.maxItemsPerSession(),
                d.maxItemsPerHour(), d.sessionGapMinutes(), d.breakReminderMinutes());
    }

    @Test
    void anApprovalAndACorrectionToTheModelsOwnLabelsAgree() {
        assertTrue(approve().agreesWith(correct("fraud")));
        assertFalse(approve().agreesWith(reject()), "rejecting is not approving, whatever the labels");
        assertTrue(correct("a", "b").agreesWith(correct("b", "a")), "label order does not matter");
        assertEquals("a+b", correct("b", "a").key());
        assertEquals("REJECT", reject().key());
    }

    @Test
    void fixedModeWaitsForEveryReviewThenDecidesOrAdjudicates() {
        ReviewSettings fixed = ReviewSettings.defaults("w");
        assertEquals(ReviewConsensus.Step.WAIT, ReviewConsensus.evaluate(List.of(approve()), 2, fixed).step());
        ReviewConsensus.Outcome agreed = ReviewConsensus.evaluate(List.of(approve(), correct("fraud")), 2, fixed);
        assertEquals(ReviewConsensus.Step.DECIDE, agreed.step());
        assertEquals(DecisionSource.CONSENSUS, agreed.source().orElseThrow());
        assertEquals(DecisionSource.REVIEW,
                ReviewConsensus.evaluate(List.of(reject()), 1, fixed).source().orElseThrow());
        assertEquals(ReviewConsensus.Step.ADJUDICATE,
                ReviewConsensus.evaluate(List.of(approve(), correct("ok"), approve()), 3, fixed).step(),
                "fixed mode does not settle by majority");
    }

    @Test
    void dynamicModeEndsOnAgreementAfterTwoAndAddsAReviewerOnDisagreement() {
        ReviewSettings addReviewer = dynamic(ReviewSettings.DisagreementPolicy.ADD_REVIEWER);
        assertEquals(2, ReviewConsensus.initialReviews(addReviewer, 5), "dynamic mode starts with two");
        assertEquals(5, ReviewConsensus.initialReviews(ReviewSettings.defaults("w"), 5));
        assertEquals(ReviewConsensus.Step.DECIDE,
                ReviewConsensus.evaluate(List.of(approve(), approve()), 2, addReviewer).step());
        assertEquals(ReviewConsensus.Step.ADD_REVIEWER,
                ReviewConsensus.evaluate(List.of(approve(), correct("ok")), 2, addReviewer).step());
        ReviewConsensus.Outcome majority = ReviewConsensus.evaluate(List.of(approve(), correct("ok"), correct("ok")), 3,
                addReviewer);
        assertEquals(ReviewConsensus.Step.DECIDE, majority.step());
        assertEquals(DecisionSource.MAJORITY, majority.source().orElseThrow());
        assertEquals(Verdict.CORRECT, majority.answer().orElseThrow().verdict());
        assertEquals(ReviewConsensus.Step.ADJUDICATE,
                ReviewConsensus.evaluate(List.of(approve(), correct("ok"), reject()), 3, addReviewer).step(),
                "three different answers at the maximum go to adjudication");
    }

    @Test
    void dynamicModeWithAdjudicationSendsTheFirstDisagreementToAnAdjudicator() {
        assertEquals(ReviewConsensus.Step.ADJUDICATE, ReviewConsensus.evaluate(List.of(approve(), reject()), 2,
                dynamic(ReviewSettings.DisagreementPolicy.ADJUDICATE)).step());
    }
}
