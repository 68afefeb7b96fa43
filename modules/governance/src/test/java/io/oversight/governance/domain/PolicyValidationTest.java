package io.oversight.governance.domain;

import io.oversight.kernel.FieldError;
import io.oversight.kernel.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.LowConfidenceOutcome;
import io.oversight.governance.Taxonomy;
import io.oversight.governance.TaxonomyLabel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bad routing-policy input is refused field by field, with a message that says what is wrong. */
class PolicyValidationTest {

    private static final Taxonomy TAXONOMY = new Taxonomy(1, List.of(
            new TaxonomyLabel("fraud", Optional.empty(), "Fraud", "", Optional.empty()),
            new TaxonomyLabel("ok", Optional.empty(), "OK", "", Optional.empty())));

    private static PolicyContent content(Double accept, Double low, List<PolicyContent.BandSpec> bands,
            List<PolicyContent.ThresholdSpec> thresholds, List<String> rules) {
        return new PolicyContent(accept, low, LowConfidenceOutcome.AUTO_REJECT, bands, thresholds, rules, 0.1,
                List.of(new PolicyContent.SlaSpec(1, 60, 10)));
    }

    private static InvalidInputException refused(PolicyContent content) {
        return assertThrows(InvalidInputException.class, () -> content.validate(Optional.of(TAXONOMY)));
    }

    private static final List<PolicyContent.BandSpec> ONE_BAND = List.of(new PolicyContent.BandSpec(0.3, 1));

    @Test
    void aValidPolicyRoundTripsThroughItsCanonicalForm() {
        PolicyContent c = content(0.9, 0.2, List.of(new PolicyContent.BandSpec(0.2, 2), new PolicyContent.BandSpec(0.6, 1)),
                List.of(new PolicyContent.ThresholdSpec("fraud", 0.99, 0.5)), List.of("amount > 10000 -> tier 3"));
        PolicyContent.Parts parts = c.validate(Optional.of(TAXONOMY));
        String canonical = PolicyContent.canonical("w", parts);
        assertEquals(canonical, PolicyContent.canonical("w", PolicyContent.fromCanonical(canonical).validate(Optional.empty())));
        assertTrue(canonical.startsWith("{\"workflow\":\"w\",\"autoAcceptAtOrAbove\":0.9,"), canonical);
    }

    @Test
    void boundsOutOfOrder() {
        InvalidInputException e = refused(content(0.3, 0.6, ONE_BAND, List.of(), List.of()));
        assertEquals("lowAtOrBelow", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("below autoAcceptAtOrAbove"));
    }

    @Test
    void boundsOutsideZeroOne() {
        InvalidInputException e = refused(content(1.5, -0.1, ONE_BAND, List.of(), List.of()));
        assertEquals(List.of("autoAcceptAtOrAbove", "lowAtOrBelow"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void notANumber() {
        InvalidInputException e = refused(content(Double.NaN, 0.1, ONE_BAND, List.of(), List.of()));
        assertTrue(e.errors().get(0).message().contains("NaN"));
    }

    @Test
    void bandsOutOfOrderOrOutsideTheBounds() {
        InvalidInputException e = refused(content(0.9, 0.2, List.of(new PolicyContent.BandSpec(0.6, 1),
                new PolicyContent.BandSpec(0.4, 2), new PolicyContent.BandSpec(0.95, 3)), List.of(), List.of()));
        assertEquals(List.of("reviewBands[1].atOrAbove", "reviewBands[2].atOrAbove"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void unknownTier() {
        InvalidInputException e = refused(content(0.9, 0.2, List.of(new PolicyContent.BandSpec(0.3, 4)), List.of(), List.of()));
        assertEquals("reviewBands[0].tier", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("unknown tier 4"));
    }

    @Test
    void unparseableRuleAndUnknownRuleTier() {
        InvalidInputException e = refused(content(0.9, 0.2, ONE_BAND, List.of(),
                List.of("amount >> 5 -> tier 1", "amount > 5 -> tier 7", "System.exit(0)")));
        assertEquals(List.of("rules[0]", "rules[1]", "rules[2]"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().get(0).message().contains("column 9"), e.errors().get(0).message());
        assertTrue(e.errors().get(1).message().contains("unknown tier 7"));
    }

    @Test
    void unknownLabelCodeInThresholds() {
        InvalidInputException e = refused(content(0.9, 0.2, ONE_BAND,
                List.of(new PolicyContent.ThresholdSpec("nope", 0.9, 0.1)), List.of()));
        assertEquals("labelThresholds[0].labelCode", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("'nope'"));
    }
}
