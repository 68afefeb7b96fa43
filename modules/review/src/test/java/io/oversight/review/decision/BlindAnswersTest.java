package io.oversight.review.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.IntegrationMode;
import io.oversight.governance.TaskKind;
import io.oversight.kernel.InvalidInputException;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.OrderingMethod;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.TaskResult;
import io.oversight.tasks.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlindAnswersTest {

    private static ReviewItem item(List<String> labels, Optional<String> output) {
        return new ReviewItem("i1", "claims", "c1", IntegrationMode.ASYNC, "m1", labels, output, 0.9, Map.of(), List.of(),
                "{}", Optional.empty(), 0, "HUMAN_REVIEW", 1, "band", "p1", 1, false, OrderingMethod.values()[0], 0.1, "",
                ItemStatus.values()[0], 1, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Instant.EPOCH, Optional.empty());
    }

    private static TaskResult correct(List<String> labels, Optional<String> output) {
        return new TaskResult(Verdict.CORRECT, labels, output, "");
    }

    @Test
    void anAnswerEqualToTheModelsIsRecordedAsAnApproval() {
        TaskResult recorded = BlindAnswers.asRecorded(correct(List.of("b", "a"), Optional.empty()),
                item(List.of("a", "b"), Optional.empty()), TaskKind.CLASSIFICATION);
        assertEquals(Verdict.APPROVE, recorded.verdict());
        assertTrue(recorded.labels().isEmpty());
    }

    @Test
    void anotherAnswerStaysACorrection() {
        TaskResult answer = correct(List.of("c"), Optional.empty());
        assertSame(answer, BlindAnswers.asRecorded(answer, item(List.of("a"), Optional.empty()), TaskKind.CLASSIFICATION));
    }

    @Test
    void freeTextComparesTheOutput() {
        assertEquals(Verdict.APPROVE, BlindAnswers.asRecorded(correct(List.of(), Optional.of("same")),
                item(List.of(), Optional.of("same")), TaskKind.FREE_TEXT).verdict());
        assertEquals(Verdict.CORRECT, BlindAnswers.asRecorded(correct(List.of(), Optional.of("mine")),
                item(List.of(), Optional.of("same")), TaskKind.FREE_TEXT).verdict());
    }

    @Test
    void approvingOrRejectingAnUnseenPredictionIsRefused() {
        for (Verdict verdict : List.of(Verdict.APPROVE, Verdict.REJECT)) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> BlindAnswers.asRecorded(
                    new TaskResult(verdict, List.of(), Optional.empty(), "x"), item(List.of("a"), Optional.empty()),
                    TaskKind.CLASSIFICATION));
            assertEquals("verdict", e.errors().get(0).field());
        }
    }

    @Test
    void onlyAnAlwaysRationaleRuleBindsABlindReviewer() {
        assertEquals(ReviewSettings.RationaleRule.NEVER, BlindAnswers.rationaleRule(ReviewSettings.RationaleRule.ON_CHANGE));
        assertEquals(ReviewSettings.RationaleRule.NEVER, BlindAnswers.rationaleRule(ReviewSettings.RationaleRule.NEVER));
        assertEquals(ReviewSettings.RationaleRule.ALWAYS, BlindAnswers.rationaleRule(ReviewSettings.RationaleRule.ALWAYS));
    }
}
