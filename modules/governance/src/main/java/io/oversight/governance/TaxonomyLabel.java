package io.oversight.governance;

import java.util.Objects;
import java.util.Optional;

/** One label of a taxonomy: a code (what decisions record), its parent, and what people read. */
public record TaxonomyLabel(String code, Optional<String> parentCode, String displayName, String description) {

    public TaxonomyLabel {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(parentCode, "parentCode");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
    }
}
