package io.oversight.governance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.RoutingRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleParserTest {

    @Test
    void comparisonsJoinedByAndOnNestedFields() {
        RoutingRule rule = RuleParser.parse("amount >= 10000 and customer.country == 'FR' and vip != true -> tier 3");
        assertEquals(3, rule.tier());
        assertTrue(rule.matches(Map.of("amount", 10000, "customer", Map.of("country", "FR"), "vip", false)));
        assertFalse(rule.matches(Map.of("amount", 9999.5, "customer", Map.of("country", "FR"), "vip", false)));
        assertFalse(rule.matches(Map.of("amount", "lots", "customer", Map.of("country", "FR"))), "wrong type is false");
        assertFalse(rule.matches(Map.of()), "missing field is false");
    }

    @Test
    void errorsSayWhereAndWhat() {
        assertEquals("at column 9: expected a value (number, quoted text, true or false), found '>'",
                assertThrows(RuleParser.RuleSyntaxException.class, () -> RuleParser.parse("amount >> 5 -> tier 1")).getMessage());
        assertTrue(RuleParser.parse("a > 1 -> tier 2").matches(Map.of("a", 2)));
        assertTrue(assertThrows(RuleParser.RuleSyntaxException.class, () -> RuleParser.parse("a > 1 -> tier 0"))
                .getMessage().contains("unknown tier 0"));
        assertTrue(assertThrows(RuleParser.RuleSyntaxException.class, () -> RuleParser.parse("a > 'x' -> tier 1"))
                .getMessage().contains("compares numbers"));
        assertTrue(assertThrows(RuleParser.RuleSyntaxException.class, () -> RuleParser.parse("a > 1"))
                .getMessage().contains("'->'"));
        assertTrue(assertThrows(RuleParser.RuleSyntaxException.class, () -> RuleParser.parse("a > 1 -> tier 1; drop"))
                .getMessage().contains("unexpected text"));
    }
}
