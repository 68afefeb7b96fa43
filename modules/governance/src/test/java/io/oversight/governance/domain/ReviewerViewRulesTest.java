package io.oversight.governance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.ReviewerView;
import io.oversight.governance.ReviewerView.FieldFormat;
import io.oversight.kernel.FieldError;
import io.oversight.kernel.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReviewerViewRulesTest {

    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    private static ReviewerViewRules.FieldRequest field(String path, String label, String format) {
        return new ReviewerViewRules.FieldRequest(path, label, format);
    }

    private static Map<String, String> refusal(List<ReviewerViewRules.FieldRequest> fields, List<Integer> tiers) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ReviewerViewRules.parse("claims", fields, tiers, AT));
        return e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + " / " + b));
    }

    @Test
    void keepsFieldsInOrderWithLabelsAndFormats() {
        ReviewerView view = ReviewerViewRules.parse("claims", List.of(
                field("/customer/note", "Customer's note", "PARAGRAPHS"),
                field("/amount", "Amount", "number"),
                field("/filed", "Filed", "date-time"),
                field("/tags", null, null)), List.of(2, 1), AT);
        assertEquals(List.of(
                new ReviewerView.Field("/customer/note", "Customer's note", FieldFormat.PARAGRAPHS),
                new ReviewerView.Field("/amount", "Amount", FieldFormat.NUMBER),
                new ReviewerView.Field("/filed", "Filed", FieldFormat.DATE_TIME),
                new ReviewerView.Field("/tags", "tags", FieldFormat.TEXT)), view.fields());
        assertEquals(Set.of(1, 2), view.predictionHiddenTiers());
        assertTrue(view.predictionShownTo(3));
        assertTrue(!view.predictionShownTo(1));
    }

    @Test
    void aLabelLeftOutIsTheLastTokenUnescaped() {
        ReviewerView view = ReviewerViewRules.parse("claims", List.of(field("/a~1b/c~0d", "", "TEXT")), List.of(), AT);
        assertEquals("c~d", view.fields().get(0).label());
    }

    @Test
    void namesAnUnknownFormat() {
        Map<String, String> errors = refusal(List.of(field("/a", "A", "TEXT"), field("/b", "B", "MARKDOWN")), List.of());
        assertEquals(Set.of("fields[1].format"), errors.keySet());
        assertTrue(errors.get("fields[1].format").contains("MARKDOWN"), errors.toString());
        assertTrue(errors.get("fields[1].format").contains("PARAGRAPHS"), errors.toString());
    }

    @Test
    void namesAnEmptyPathAndOneThatIsNotAPointer() {
        Map<String, String> errors = refusal(List.of(field("", "A", "TEXT"), field("customer.note", "B", "TEXT"),
                field("/", "C", "TEXT"), field("/x~2", "D", "TEXT")), List.of());
        assertEquals(Set.of("fields[0].path", "fields[1].path", "fields[2].path", "fields[3].path"), errors.keySet());
        assertTrue(errors.get("fields[0].path").startsWith("is required"), errors.toString());
        assertTrue(errors.get("fields[1].path").contains("/customer/note"), errors.toString());
    }

    @Test
    void namesADuplicatePath() {
        Map<String, String> errors = refusal(List.of(field("/a", "A", "TEXT"), field("/b", "B", "TEXT"),
                field("/a", "again", "NUMBER")), List.of());
        assertEquals(Map.of("fields[2].path", "\"/a\" is already shown by fields[0]"), errors);
    }

    @Test
    void refusesTooManyFields() {
        List<ReviewerViewRules.FieldRequest> fields = new ArrayList<>();
        IntStream.range(0, ReviewerView.MAX_FIELDS + 1).forEach(i -> fields.add(field("/f" + i, "F" + i, "TEXT")));
        assertEquals(Set.of("fields"), refusal(fields, List.of()).keySet());
        assertEquals(ReviewerView.MAX_FIELDS,
                ReviewerViewRules.parse("claims", fields.subList(0, ReviewerView.MAX_FIELDS), List.of(), AT).fields().size());
    }

    @Test
    void refusesAnOverlongLabelAndANullField() {
        Map<String, String> errors = refusal(Arrays.asList(field("/a", "x".repeat(101), "TEXT"), null), List.of());
        assertEquals(Set.of("fields[0].label", "fields[1]"), errors.keySet());
    }

    @Test
    void namesBadAndRepeatedTiers() {
        Map<String, String> errors = refusal(List.of(), Arrays.asList(1, 4, 1, null));
        assertEquals(Set.of("predictionHiddenTiers[1]", "predictionHiddenTiers[2]", "predictionHiddenTiers[3]"),
                errors.keySet());
        assertEquals("tier 1 is listed twice", errors.get("predictionHiddenTiers[2]"));
    }

    @Test
    void anEmptyRequestIsTheRawViewWithThePredictionShown() {
        ReviewerView view = ReviewerViewRules.parse("claims", null, null, AT);
        assertTrue(view.fields().isEmpty());
        assertTrue(view.predictionShownTo(1) && view.predictionShownTo(2) && view.predictionShownTo(3));
    }
}
