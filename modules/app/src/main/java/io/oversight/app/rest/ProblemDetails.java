package io.oversight.app.rest;

import io.oversight.kernel.FieldError;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is a stable URI per kind of problem so that clients
 * can branch on it; {@code errors} lists field-level validation failures when there are any.
 */
public record ProblemDetails(String type, String title, int status, String detail, String instance,
                             List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://oversight.io/problems/";

    public static ProblemDetails of(int status, String title, String detail, String instance) {
        return new ProblemDetails(typeFor(status), title, status, detail, instance, null);
    }

    /** A problem with its own stable type, for refusals made outside JAX-RS (servlet filters). */
    public static ProblemDetails ofType(String typeName, int status, String title, String detail, String instance) {
        return new ProblemDetails(TYPE_BASE + typeName, title, status, detail, instance, null);
    }

    public static ProblemDetails invalid(String detail, String instance, List<FieldError> errors) {
        return new ProblemDetails(TYPE_BASE + "validation", "Invalid request", 400, detail, instance, List.copyOf(errors));
    }

    private static String typeFor(int status) {
        return switch (status) {
            case 400 -> TYPE_BASE + "bad-request";
            case 401 -> TYPE_BASE + "unauthorized";
            case 403 -> TYPE_BASE + "forbidden";
            case 404 -> TYPE_BASE + "not-found";
            case 405 -> TYPE_BASE + "method-not-allowed";
            case 409 -> TYPE_BASE + "conflict";
            case 413 -> TYPE_BASE + "payload-too-large";
            case 415 -> TYPE_BASE + "unsupported-media-type";
            case 500 -> TYPE_BASE + "internal";
            default -> "about:blank";
        };
    }
}
