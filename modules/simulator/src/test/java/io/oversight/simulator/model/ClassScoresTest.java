package io.oversight.simulator.model;

import io.oversight.simulator.corpus.Labels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClassScoresTest {

    @Test
    void derivesLabelConfidenceMarginAndEntropyFromTheProbabilities() {
        ClassScores scores = new ClassScores(0.8, 0.2);

        assertEquals(Labels.SPAM, scores.label());
        assertEquals(0.8, scores.confidence());
        assertEquals(0.6, scores.margin(), 1e-12);
        assertEquals(-(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2)), scores.entropy(), 1e-12);
        assertEquals(0.2, scores.probability(Labels.HAM));
    }

    @Test
    void certaintyHasNoEntropyAndATieIsHamWithMaximalEntropy() {
        assertEquals(0.0, new ClassScores(1, 0).entropy());
        ClassScores tie = new ClassScores(0.5, 0.5);
        assertEquals(Labels.HAM, tie.label());
        assertEquals(Math.log(2), tie.entropy(), 1e-12);
        assertEquals(0.0, tie.margin());
    }

    @Test
    void refusesValuesThatAreNotADistribution() {
        assertThrows(IllegalArgumentException.class, () -> new ClassScores(0.7, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new ClassScores(1.2, -0.2));
        assertThrows(IllegalArgumentException.class, () -> new ClassScores(Double.NaN, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ClassScores(0.5, 0.5).probability("maybe"));
    }
}
