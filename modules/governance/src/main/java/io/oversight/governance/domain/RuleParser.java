package io.oversight.governance.domain;

import io.oversight.governance.Condition;
import io.oversight.governance.Condition.Operator;
import io.oversight.governance.RoutingRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses routing rules of the form {@code amount > 10000 and country == "FR" -> tier 3}. The grammar is
 * deliberately tiny, and nothing in it can run code (no script engine):
 * <pre>
 * rule       = condition "->" "tier" ("1" | "2" | "3")
 * condition  = comparison { "and" comparison }
 * comparison = path operator literal
 * path       = name { "." name }          name = letter { letter | digit | "_" }
 * operator   = "&gt;" | "&gt;=" | "&lt;" | "&lt;=" | "==" | "!="
 * literal    = number | '"' chars '"' | "'" chars "'" | "true" | "false"
 * </pre>
 * Errors name the 1-based column and what was expected there.
 */
public final class RuleParser {

    /** Longest rule accepted, in characters. */
    public static final int MAX_LENGTH = 500;

    private final String text;
    private int pos;

    private RuleParser(String text) {
        this.text = text;
    }

    /** A rule that does not parse. */
    public static final class RuleSyntaxException extends IllegalArgumentException {
        public RuleSyntaxException(String message) {
            super(message);
        }
    }

    public static RoutingRule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RuleSyntaxException("the rule is empty; write e.g. amount > 10000 -> tier 3");
        }
        if (text.length() > MAX_LENGTH) {
            throw new RuleSyntaxException("the rule is " + text.length() + " characters long, limit " + MAX_LENGTH);
        }
        return new RuleParser(text).rule();
    }

    private RoutingRule rule() {
        List<Condition> comparisons = new ArrayList<>();
        comparisons.add(comparison());
        while (peekWord("and")) {
            expectWord("and");
            comparisons.add(comparison());
        }
        skipSpaces();
        if (!text.startsWith("->", pos)) {
            throw error("expected 'and' or '->'");
        }
        pos += 2;
        expectWord("tier");
        skipSpaces();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a tier number (1, 2 or 3)");
        }
        int tier = Integer.parseInt(text.substring(start, Math.min(pos, start + 9)));
        if (tier < 1 || tier > 3) {
            throw new RuleSyntaxException("at column " + (start + 1) + ": unknown tier " + text.substring(start, pos)
                    + "; tiers are 1, 2 and 3");
        }
        skipSpaces();
        if (pos != text.length()) {
            throw error("unexpected text after the tier");
        }
        Condition condition = comparisons.size() == 1 ? comparisons.get(0) : new Condition.AllOf(comparisons);
        return new RoutingRule(text.strip(), condition, tier);
    }

    private Condition comparison() {
        String path = path();
        skipSpaces();
        int opColumn = pos;
        Operator operator = operator();
        Object literal = literal();
        if (operator.ordering() && !(literal instanceof BigDecimal)) {
            throw new RuleSyntaxException("at column " + (opColumn + 1) + ": operator " + operator.symbol()
                    + " compares numbers, not " + (literal instanceof String ? "text" : "true/false"));
        }
        return new Condition.Comparison(path, operator, literal);
    }

    private String path() {
        skipSpaces();
        StringBuilder path = new StringBuilder(name());
        while (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            path.append('.').append(name());
        }
        return path.toString();
    }

    private String name() {
        int start = pos;
        if (pos >= text.length() || !Character.isLetter(text.charAt(pos))) {
            throw error("expected a payload field name");
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private Operator operator() {
        for (String symbol : List.of(">=", "<=", "==", "!=", ">", "<")) {
            if (text.startsWith(symbol, pos)) {
                pos += symbol.length();
                for (Operator op : Operator.values()) {
                    if (op.symbol().equals(symbol)) {
                        return op;
                    }
                }
            }
        }
        throw error("expected an operator (>, >=, <, <=, ==, !=)");
    }

    private Object literal() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("expected a value (number, quoted text, true or false)");
        }
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            int end = text.indexOf(c, pos + 1);
            if (end < 0) {
                throw error("text value is not closed with " + c);
            }
            String value = text.substring(pos + 1, end);
            pos = end + 1;
            return value;
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos;
            pos++;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            try {
                return new BigDecimal(text.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("malformed number");
            }
        }
        if (peekWord("true")) {
            expectWord("true");
            return Boolean.TRUE;
        }
        if (peekWord("false")) {
            expectWord("false");
            return Boolean.FALSE;
        }
        throw error("expected a value (number, quoted text, true or false)");
    }

    private boolean peekWord(String word) {
        skipSpaces();
        return text.startsWith(word, pos)
                && (pos + word.length() == text.length() || !Character.isLetterOrDigit(text.charAt(pos + word.length())));
    }

    private void expectWord(String word) {
        if (!peekWord(word)) {
            throw error("expected '" + word + "'");
        }
        pos += word.length();
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private RuleSyntaxException error(String expected) {
        String found = pos >= text.length() ? "end of rule" : "'" + text.charAt(pos) + "'";
        return new RuleSyntaxException("at column " + (pos + 1) + ": " + expected + ", found " + found);
    }
}
