package io.oversight.governance;

import java.util.Map;
import java.util.Objects;

/**
 * A rule on payload fields, e.g. {@code amount > 10000 -> tier 3}: when its condition holds, the item
 * goes to human review at that tier whatever the model's confidence.
 *
 * @param expression the rule as written (what people read and the digest covers)
 * @param condition  its parsed condition
 */
public record RoutingRule(String expression, Condition condition, int tier) {

    public RoutingRule {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(condition, "condition");
    }

    public boolean matches(Map<String, ?> payload) {
        return condition.test(payload);
    }
}
