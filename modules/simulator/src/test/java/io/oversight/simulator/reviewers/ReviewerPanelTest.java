package io.oversight.simulator.reviewers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewerPanelTest {

    @Test
    void honestReviewersComeFirstNumberedAndTheSloppyOneLast() {
        List<SimulatedReviewer> panel = ReviewerPanel.create("sim-r", 4, 0.9, 0.05, true, 1);

        assertEquals(List.of("sim-r1", "sim-r2", "sim-r3", "sim-r4", "sim-r5"),
                panel.stream().map(SimulatedReviewer::login).toList());
        assertTrue(panel.subList(0, 4).stream().allMatch(r -> r.behaviour() == SimulatedReviewer.Behaviour.HONEST));
        assertEquals(SimulatedReviewer.Behaviour.SLOPPY, panel.get(4).behaviour());
    }

    @Test
    void withoutSloppyAllAreHonest() {
        List<SimulatedReviewer> panel = ReviewerPanel.create("sim-r", 3, 0.9, 0.05, false, 1);

        assertEquals(3, panel.size());
        assertTrue(panel.stream().allMatch(r -> r.behaviour() == SimulatedReviewer.Behaviour.HONEST));
    }

    @Test
    void accuraciesVaryAroundTheMeanWithinTheClampAndDependOnlyOnTheSeed() {
        List<SimulatedReviewer> panel = ReviewerPanel.create("sim-r", 200, 0.85, 0.05, false, 7);

        double mean = panel.stream().mapToDouble(SimulatedReviewer::accuracy).average().orElseThrow();
        assertEquals(0.85, mean, 0.015);
        assertTrue(panel.stream().mapToDouble(SimulatedReviewer::accuracy).distinct().count() > 100);
        assertEquals(panel, ReviewerPanel.create("sim-r", 200, 0.85, 0.05, false, 7));
        assertNotEquals(panel, ReviewerPanel.create("sim-r", 200, 0.85, 0.05, false, 8));
    }

    @Test
    void extremeDrawsAreClampedBetweenACoinAndNearCertainty() {
        List<SimulatedReviewer> panel = ReviewerPanel.create("sim-r", 500, 0.75, 0.5, false, 3);

        assertEquals(ReviewerPanel.MIN_ACCURACY, panel.stream().mapToDouble(SimulatedReviewer::accuracy).min().orElseThrow());
        assertEquals(ReviewerPanel.MAX_ACCURACY, panel.stream().mapToDouble(SimulatedReviewer::accuracy).max().orElseThrow());
    }

    @Test
    void refusesLoginsThePlatformWouldRefuse() {
        assertThrows(IllegalArgumentException.class, () -> ReviewerPanel.create("Sim Reviewer", 2, 0.9, 0.05, false, 1));
    }
}
