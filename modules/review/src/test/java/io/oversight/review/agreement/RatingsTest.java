package io.oversight.review.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatingsTest {

    @Test
    void missingCellsMakeUnitsAndRatersKnownWithoutValues() {
        Ratings ratings = Ratings.builder()
                .add("u1", "alice", "spam")
                .add("u2", "bob", null)
                .add("u1", "bob", "ham")
                .build();
        assertEquals(2, ratings.units());
        assertEquals(2, ratings.raters());
        assertEquals(2, ratings.values());
        assertEquals(List.of("alice", "bob"), ratings.raterIds());
        assertEquals(List.of("spam", "ham"), ratings.categories());
    }

    @Test
    void aRaterRatingAUnitTwiceIsMisuse() {
        Ratings.Builder builder = Ratings.builder().add("u1", "alice", "spam").add("u2", "alice", "ham")
                .add("u1", "alice", "ham");
        assertEquals("rater 'alice' rated unit 'u1' more than once; keep one value per rater and unit",
                assertThrows(IllegalArgumentException.class, builder::build).getMessage());
    }
}
