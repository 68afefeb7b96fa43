package io.oversight.governance;

import java.util.Objects;

/** A worked example or edge case of a guideline, for one label of the taxonomy. */
public record GuidelineExample(String labelCode, ExampleKind kind, String input, String explanation) {

    public GuidelineExample {
        Objects.requireNonNull(labelCode, "labelCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(explanation, "explanation");
    }
}
