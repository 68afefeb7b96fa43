package io.oversight.kernel;

/** One invalid field of a request: its name as the caller wrote it, and what is wrong with it. */
public record FieldError(String field, String message) {
}
