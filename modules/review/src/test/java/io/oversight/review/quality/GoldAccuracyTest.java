package io.oversight.review.quality;

import io.oversight.review.decision.ReviewSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoldAccuracyTest {

    private static ReviewSettings rule(int minAnswers, int window, double below) {
        ReviewSettings d = ReviewSettings.defaults("w");
        return new ReviewSettings("w", d.reviewMode(), d.maxReviewers(), d.onDisagreement(), d.rationaleRequired(), false,
                0.1, minAnswers, window, below, 0, 0, 15, 0);
    }

    @Test
    void pausesOnlyOnceEnoughAnswersShowAccuracyUnderTheThreshold() {
        assertFalse(GoldAccuracy.of(List.of(false, false), rule(3, 5, 0.6)).pause(), "two answers are not enough");
        GoldAccuracy low = GoldAccuracy.of(List.of(false, true, false), rule(3, 5, 0.6));
        assertTrue(low.pause());
        assertEquals(1.0 / 3, low.accuracy().orElseThrow(), 1e-12);
    }

    @Test
    void looksOnlyAtTheLatestWindow() {
        GoldAccuracy recovered = GoldAccuracy.of(List.of(true, true, true, false, false, false), rule(3, 3, 0.6));
        assertEquals(3, recovered.answers());
        assertFalse(recovered.pause(), "older mistakes have left the window");
        assertEquals(Optional.empty(), GoldAccuracy.of(List.of(), rule(1, 3, 0.6)).accuracy());
    }
}
