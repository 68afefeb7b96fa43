package io.oversight.governance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The condition of a {@link RoutingRule}: comparisons of payload fields with literals, joined by
 * {@code and}. Evaluation is total: a missing field or a value of another type makes a comparison
 * false, never an error, so a malformed payload cannot bypass routing by making a rule throw.
 */
public sealed interface Condition permits Condition.Comparison, Condition.AllOf {

    boolean test(Map<String, ?> payload);

    enum Operator {
        GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean ordering() {
            return this == GT || this == GE || this == LT || this == LE;
        }
    }

    /**
     * {@code fieldPath operator literal}; the literal is a {@link BigDecimal}, a {@link String} or a
     * {@link Boolean}. Ordering operators take numbers only.
     */
    record Comparison(String fieldPath, Operator operator, Object literal) implements Condition {

        public Comparison {
            Objects.requireNonNull(fieldPath, "fieldPath");
            Objects.requireNonNull(operator, "operator");
            if (!(literal instanceof BigDecimal || literal instanceof String || literal instanceof Boolean)) {
                throw new IllegalArgumentException("literal must be a number, a string or a boolean");
            }
            if (operator.ordering() && !(literal instanceof BigDecimal)) {
                throw new IllegalArgumentException("operator " + operator.symbol() + " compares numbers only");
            }
        }

        @Override
        public boolean test(Map<String, ?> payload) {
            Optional<Object> value = lookup(payload, fieldPath);
            if (value.isEmpty()) {
                return false;
            }
            Object actual = value.get();
            if (literal instanceof BigDecimal number) {
                Optional<BigDecimal> actualNumber = asNumber(actual);
                if (actualNumber.isEmpty()) {
                    return false;
                }
                int c = actualNumber.get().compareTo(number);
                return switch (operator) {
                    case GT -> c > 0;
                    case GE -> c >= 0;
                    case LT -> c < 0;
                    case LE -> c <= 0;
                    case EQ -> c == 0;
                    case NE -> c != 0;
                };
            }
            boolean equal = literal.equals(actual);
            return switch (operator) {
                case EQ -> equal;
                case NE -> !equal && actual.getClass() == literal.getClass();
                default -> false;
            };
        }

        private static Optional<BigDecimal> asNumber(Object value) {
            if (value instanceof BigDecimal d) {
                return Optional.of(d);
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d)) : Optional.empty();
            }
            if (value instanceof java.math.BigInteger i) {
                return Optional.of(new BigDecimal(i));
            }
            return Optional.empty();
        }

        private static Optional<Object> lookup(Map<String, ?> payload, String path) {
            Object current = payload;
            for (String part : path.split("\\.")) {
                if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                    return Optional.empty();
                }
                current = map.get(part);
            }
            return Optional.ofNullable(current);
        }
    }

    /** Every one of its conditions holds. */
    record AllOf(List<Condition> conditions) implements Condition {

        public AllOf {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(Map<String, ?> payload) {
            return conditions.stream().allMatch(c -> c.test(payload));
        }
    }
}
