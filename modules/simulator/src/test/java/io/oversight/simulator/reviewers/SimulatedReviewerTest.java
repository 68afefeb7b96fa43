package io.oversight.simulator.reviewers;

import io.oversight.simulator.corpus.Labels;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SimulatedReviewerTest {

    private static final int ANSWERS = 10_000;

    @Test
    void honestReviewerIsRightAsOftenAsTheirAccuracy() {
        SimulatedReviewer reviewer = new SimulatedReviewer("r1", 0.8, SimulatedReviewer.Behaviour.HONEST);

        assertEquals(0.8, shareOfTrueAnswers(reviewer, new Random(1)), 0.02);
    }

    @Test
    void adversarialReviewerIsWrongAsOftenAsTheirAccuracy() {
        SimulatedReviewer reviewer = new SimulatedReviewer("r1", 0.9, SimulatedReviewer.Behaviour.ADVERSARIAL);

        assertEquals(0.1, shareOfTrueAnswers(reviewer, new Random(2)), 0.02);
    }

    @Test
    void sloppyReviewerAlwaysAnswersTheModelsLabel() {
        SimulatedReviewer reviewer = new SimulatedReviewer("r1", 0.95, SimulatedReviewer.Behaviour.SLOPPY);
        Random random = new Random(3);

        for (int i = 0; i < 1_000; i++) {
            String truth = random.nextBoolean() ? Labels.SPAM : Labels.HAM;
            String modelLabel = random.nextBoolean() ? Labels.SPAM : Labels.HAM;
            assertEquals(modelLabel, reviewer.answer(truth, modelLabel, random));
        }
    }

    @Test
    void sameRandomStateGivesTheSameAnswers() {
        SimulatedReviewer reviewer = new SimulatedReviewer("r1", 0.6, SimulatedReviewer.Behaviour.HONEST);
        Random first = new Random(4);
        Random second = new Random(4);

        for (int i = 0; i < 100; i++) {
            assertEquals(reviewer.answer(Labels.SPAM, Labels.HAM, first), reviewer.answer(Labels.SPAM, Labels.HAM, second));
        }
    }

    @Test
    void refusesAnAccuracyOutsideTheUnitIntervalAndUnknownLabels() {
        assertThrows(IllegalArgumentException.class,
                () -> new SimulatedReviewer("r1", 1.1, SimulatedReviewer.Behaviour.HONEST));
        SimulatedReviewer reviewer = new SimulatedReviewer("r1", 0.9, SimulatedReviewer.Behaviour.HONEST);
        assertThrows(IllegalArgumentException.class, () -> reviewer.answer("maybe", Labels.SPAM, new Random(1)));
    }

    private static double shareOfTrueAnswers(SimulatedReviewer reviewer, Random random) {
        int right = 0;
        for (int i = 0; i < ANSWERS; i++) {
            String truth = i % 2 == 0 ? Labels.SPAM : Labels.HAM;
            if (reviewer.answer(truth, Labels.SPAM, random).equals(truth)) {
                right++;
            }
        }
        return (double) right / ANSWERS;
    }
}
