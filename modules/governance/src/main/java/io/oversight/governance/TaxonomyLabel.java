package io.oversight.governance;

import java.util.Objects;
import java.util.Optional;

/**
 * One label of a taxonomy: a code (what decisions record), its parent, what people read, and the number
 * it stands for on a rating scale (1 to 5 stars, a severity) when the taxonomy declares one. Declared
 * values order the labels and space them, which is what ordinal, interval and ratio agreement need.
 */
public record TaxonomyLabel(String code, Optional<String> parentCode, String displayName, String description,
        Optional<Double> value) {

    public TaxonomyLabel {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(parentCode, "parentCode");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(value, "value");
    }
}
