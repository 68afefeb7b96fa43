package io.oversight.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void countsAndTotalsFromPairs() {
        ConfusionMatrix matrix = ConfusionMatrix.of("alice", "model", List.of(
                Map.entry("spam", "spam"), Map.entry("spam", "ham"), Map.entry("ham", "ham"),
                Map.entry("ham", "ham"), Map.entry("unsure", "spam")));
        assertEquals("alice", matrix.rowLabel());
        assertEquals("model", matrix.columnLabel());
        assertEquals(List.of("spam", "ham", "unsure"), matrix.categories());
        assertEquals(1, matrix.count("spam", "spam"));
        assertEquals(1, matrix.count("spam", "ham"));
        assertEquals(2, matrix.count("ham", "ham"));
        assertEquals(1, matrix.count("unsure", "spam"));
        assertEquals(0, matrix.count("ham", "spam"));
        assertEquals(0, matrix.count("spam", "not a category"));
        assertEquals(2, matrix.rowTotal("spam"));
        assertEquals(2, matrix.rowTotal("ham"));
        assertEquals(1, matrix.rowTotal("unsure"));
        assertEquals(2, matrix.columnTotal("spam"));
        assertEquals(3, matrix.columnTotal("ham"));
        assertEquals(0, matrix.columnTotal("unsure"));
        assertEquals(5, matrix.total());
    }

    @Test
    void betweenTwoRatersOfRatingsUsesTheUnitsBothRated() {
        Ratings ratings = TestRatings.byRater(
                "a b b c .",
                "a b a . c",
                "c c c c c");
        ConfusionMatrix matrix = ConfusionMatrix.between(ratings, "A", "B");
        // Units 1-3 are rated by both; "c" is used by A and B only on units the other skipped.
        assertEquals(List.of("a", "b"), matrix.categories());
        assertEquals(3, matrix.total());
        assertEquals(1, matrix.count("a", "a"));
        assertEquals(1, matrix.count("b", "b"));
        assertEquals(1, matrix.count("b", "a"));
        assertEquals(2, matrix.rowTotal("b"));
        assertEquals(2, matrix.columnTotal("a"));
        assertEquals(4, ConfusionMatrix.between(ratings, "A", "C").total());
    }

    @Test
    void unknownOrRepeatedRaterIsMisuse() {
        Ratings ratings = TestRatings.byRater("a", "b");
        assertEquals("unknown rater 'Z'; raters are [A, B]", assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.between(ratings, "A", "Z")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.between(ratings, "A", "A"));
    }
}
