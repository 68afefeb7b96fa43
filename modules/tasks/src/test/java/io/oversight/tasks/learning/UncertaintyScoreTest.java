package io.oversight.tasks.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.oversight.tasks.OrderingMethod;
import org.junit.jupiter.api.Test;

class UncertaintyScoreTest {

    @Test
    void theBoundsOfTheUnitIntervalAreScores() {
        assertEquals(0.0, new UncertaintyScore(OrderingMethod.MARGIN, OrderingMethod.MARGIN, 0.0, "certain").score());
        assertEquals(1.0, new UncertaintyScore(OrderingMethod.MARGIN, OrderingMethod.MARGIN, 1.0, "tied").score());
    }

    @Test
    void aScoreOutsideTheUnitIntervalIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new UncertaintyScore(OrderingMethod.ENTROPY, OrderingMethod.ENTROPY, 1.0001, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new UncertaintyScore(OrderingMethod.ENTROPY, OrderingMethod.ENTROPY, -0.0001, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new UncertaintyScore(OrderingMethod.ENTROPY, OrderingMethod.ENTROPY, Double.NaN, "x"));
    }
}
