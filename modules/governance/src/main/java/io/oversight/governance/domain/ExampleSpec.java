package io.oversight.governance.domain;

import io.oversight.governance.ExampleKind;

/** A guideline example as submitted. */
public record ExampleSpec(String labelCode, ExampleKind kind, String input, String explanation) {
}
