package io.oversight.tasks.domain;

/** One invalid field of a request, named by its JSON path (e.g. {@code predictions[3].confidence}). */
public record FieldError(String field, String message) {
}
