package io.oversight.review.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.ReviewerView;
import io.oversight.governance.ReviewerView.Field;
import io.oversight.governance.ReviewerView.FieldFormat;
import io.oversight.review.web.ReviewerViewRendering.ShownField;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewerViewRenderingTest {

    private static final String PAYLOAD = """
            {"customer": {"name": "pii:ab12/customer.name", "note": "First paragraph\\nstill first.\\n\\n  Second <b>bold</b> <script>alert(1)</script>\\n\\n"},
             "amount": 1234567.5, "count": "42", "ratio": 0.000125, "word": "lots",
             "filed": "2026-12-05T11:31:07+01:00", "day": "2026-12-05", "local": "2026-12-05T10:31:07",
             "tags": ["urgent", 3, {"k": "v"}, "pii:ab12/tags.3"], "nothing": null, "a/b": "slash", "flag": true}
            """;

    private static List<ShownField> render(Field... fields) {
        return ReviewerViewRendering.render(new ReviewerView("claims", List.of(fields), Set.of(), Optional.empty()), PAYLOAD);
    }

    private static ShownField one(String path, FieldFormat format) {
        return render(new Field(path, "L", format)).get(0);
    }

    @Test
    void showsFieldsInTheViewsOrderUnderTheirLabels() {
        List<ShownField> shown = render(new Field("/word", "Word", FieldFormat.TEXT), new Field("/amount", "Amount", FieldFormat.NUMBER));
        assertEquals(List.of("Word", "Amount"), shown.stream().map(ShownField::label).toList());
        assertEquals(List.of("lots", "1,234,567.5"), shown.stream().map(ShownField::text).toList());
    }

    @Test
    void longTextBecomesParagraphsKeepingMarkupAsText() {
        ShownField note = one("/customer/note", FieldFormat.PARAGRAPHS);
        assertEquals(List.of("First paragraph\nstill first.", "Second <b>bold</b> <script>alert(1)</script>"), note.parts());
        assertEquals("paragraphs", note.format());
    }

    @Test
    void numbersAreGroupedAndKeepTheirDecimals() {
        assertEquals("1,234,567.5", one("/amount", FieldFormat.NUMBER).text());
        assertEquals("42", one("/count", FieldFormat.NUMBER).text());
        assertEquals("0.000125", one("/ratio", FieldFormat.NUMBER).text());
    }

    @Test
    void aValueTheFormatCannotReadIsShownAsGivenAndMarked() {
        ShownField word = one("/word", FieldFormat.NUMBER);
        assertEquals("lots", word.text());
        assertTrue(word.unreadable());
        assertTrue(one("/word", FieldFormat.DATE).unreadable());
        assertTrue(one("/amount", FieldFormat.DATE_TIME).unreadable());
        assertFalse(one("/amount", FieldFormat.NUMBER).unreadable());
    }

    @Test
    void datesAndTimesAreWrittenForPeopleInUtc() {
        assertEquals("5 Dec 2026, 10:31:07 UTC", one("/filed", FieldFormat.DATE_TIME).text());
        assertEquals("5 Dec 2026", one("/day", FieldFormat.DATE).text());
        assertEquals("5 Dec 2026", one("/filed", FieldFormat.DATE).text());
        assertEquals("5 Dec 2026, 10:31:07", one("/local", FieldFormat.DATE_TIME).text());
    }

    @Test
    void aListHasOneEntryPerElementAndPersonalDataStaysMasked() {
        assertEquals(List.of("urgent", "3", "{\"k\":\"v\"}", MaskedJson.MASK), one("/tags", FieldFormat.LIST).parts());
        assertEquals(List.of("lots"), one("/word", FieldFormat.LIST).parts());
        assertEquals(MaskedJson.MASK, one("/customer/name", FieldFormat.TEXT).text());
    }

    @Test
    void aFieldTheInputLacksIsMissingNeverAnError() {
        for (String path : List.of("/nobody", "/customer/age", "/nothing", "/tags/9", "/word/0", "/amount/x")) {
            ShownField f = one(path, FieldFormat.NUMBER);
            assertTrue(f.missing(), path);
            assertTrue(f.parts().isEmpty(), path);
        }
    }

    @Test
    void escapedPointerTokensReachKeysWithSlashes() {
        assertEquals("slash", one("/a~1b", FieldFormat.TEXT).text());
        assertEquals("true", one("/flag", FieldFormat.TEXT).text());
    }
}
