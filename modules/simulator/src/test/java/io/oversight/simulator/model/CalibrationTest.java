package io.oversight.simulator.model;

import io.oversight.simulator.corpus.Labels;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CalibrationTest {

    @Test
    void confidenceMatchingAccuracyHasNoCalibrationError() {
        List<ClassScores> scores = Collections.nCopies(10, new ClassScores(0.8, 0.2));
        List<String> truth = labels(8, 2);

        assertEquals(0.0, Calibration.expectedCalibrationError(scores, truth, 10), 1e-12);
    }

    @Test
    void overconfidenceIsTheCountWeightedGapBetweenConfidenceAndAccuracy() {
        List<ClassScores> scores = new ArrayList<>(Collections.nCopies(10, new ClassScores(0.9, 0.1)));
        scores.addAll(Collections.nCopies(10, new ClassScores(0.4, 0.6)));
        List<String> truth = new ArrayList<>(labels(5, 5));
        truth.addAll(Collections.nCopies(10, Labels.HAM));

        // half the predictions are 0.9 confident and half right (gap 0.4), half 0.6 confident and all right (gap 0.4)
        assertEquals(0.4, Calibration.expectedCalibrationError(scores, truth, 10), 1e-12);
    }

    @Test
    void reliabilityBinsCountPredictionsByConfidence() {
        List<ClassScores> scores = List.of(new ClassScores(0.95, 0.05), new ClassScores(0.3, 0.7),
                new ClassScores(0.5, 0.5));
        List<String> truth = List.of(Labels.SPAM, Labels.SPAM, Labels.HAM);

        List<Calibration.Bin> bins = Calibration.reliability(scores, truth, 5);

        assertEquals(List.of(0, 0, 1, 1, 1), bins.stream().map(Calibration.Bin::count).toList());
        assertEquals(0.0, bins.get(3).accuracy());
        assertEquals(1.0, bins.get(4).accuracy());
        assertEquals(0.95, bins.get(4).meanConfidence(), 1e-12);
        assertEquals(Double.NaN, bins.get(0).accuracy());
    }

    @Test
    void brierScoreIsTheMeanSquaredErrorOfTheSpamProbability() {
        List<ClassScores> scores = List.of(new ClassScores(1, 0), new ClassScores(0.5, 0.5), new ClassScores(0.2, 0.8));
        List<String> truth = List.of(Labels.SPAM, Labels.HAM, Labels.SPAM);

        assertEquals((0 + 0.25 + 0.64) / 3, Calibration.brierScore(scores, truth), 1e-12);
    }

    @Test
    void refusesMismatchedOrEmptyInput() {
        assertThrows(IllegalArgumentException.class,
                () -> Calibration.expectedCalibrationError(List.of(new ClassScores(1, 0)), List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> Calibration.expectedCalibrationError(List.of(), List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> Calibration.brierScore(List.of(), List.of()));
    }

    private static List<String> labels(int spam, int ham) {
        List<String> labels = new ArrayList<>(Collections.nCopies(spam, Labels.SPAM));
        labels.addAll(Collections.nCopies(ham, Labels.HAM));
        return labels;
    }
}
