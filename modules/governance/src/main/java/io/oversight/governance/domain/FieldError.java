package io.oversight.governance.domain;

/** One invalid field of a governance request and what is wrong with it. */
public record FieldError(String field, String message) {
}
