package io.oversight.governance.domain;

import io.oversight.kernel.Violations;
import io.oversight.governance.ContentFormat;
import io.oversight.governance.GuidelineExample;
import io.oversight.governance.Taxonomy;
import java.util.ArrayList;
import java.util.List;

/** The content of a guideline version as written: instructions and examples. */
public record GuidelineContent(ContentFormat format, String instructions, List<ExampleSpec> examples) {

    /** Longest instructions accepted, in characters. */
    public static final int MAX_INSTRUCTIONS = 100_000;
    public static final int MAX_EXAMPLE_TEXT = 10_000;
    public static final int MAX_EXAMPLES = 500;

    /** Checks the content against the taxonomy its examples refer to; returns the examples to store. */
    public List<GuidelineExample> validate(Taxonomy taxonomy) {
        Violations v = new Violations();
        v.check(format != null, "format", "is required (MARKDOWN or HTML)");
        if (v.check(instructions != null && !instructions.isBlank(), "instructions", "are required")) {
            v.check(instructions.length() <= MAX_INSTRUCTIONS, "instructions",
                    "are " + instructions.length() + " characters long, limit " + MAX_INSTRUCTIONS);
        }
        List<ExampleSpec> specs = examples == null ? List.of() : examples;
        v.check(specs.size() <= MAX_EXAMPLES, "examples", "at most " + MAX_EXAMPLES + " examples");
        List<GuidelineExample> result = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ExampleSpec e = specs.get(i);
            String field = "examples[" + i + "]";
            if (e == null) {
                v.add(field, "is empty");
                continue;
            }
            boolean ok = v.check(e.labelCode() != null && taxonomy.contains(e.labelCode()), field + ".labelCode",
                    "unknown label code '" + e.labelCode() + "' in taxonomy version " + taxonomy.version());
            ok &= v.check(e.kind() != null, field + ".kind", "is required (EXAMPLE, EDGE_CASE or COUNTER_EXAMPLE)");
            ok &= v.check(e.input() != null && !e.input().isBlank() && e.input().length() <= MAX_EXAMPLE_TEXT,
                    field + ".input", "must be 1 to " + MAX_EXAMPLE_TEXT + " characters");
            ok &= v.check(e.explanation() == null || e.explanation().length() <= MAX_EXAMPLE_TEXT,
                    field + ".explanation", "must be at most " + MAX_EXAMPLE_TEXT + " characters");
            if (ok) {
                result.add(new GuidelineExample(e.labelCode(), e.kind(), e.input(),
                        e.explanation() == null ? "" : e.explanation()));
            }
        }
        v.throwIfAny("The guideline version");
        return result;
    }
}
