package io.oversight.kernel;

import java.util.Map;

/**
 * A request the platform refuses for a reason the caller can act on. The application maps every
 * subclass, in one place, to an RFC 9457 problem+json response with {@link #status()} and the type
 * URI {@code https://oversight.io/problems/<problemType()>}; the message is the problem's
 * {@code detail}, so it is written for the caller and never quotes a request body.
 */
public abstract class RefusalException extends RuntimeException {

    protected RefusalException(String message) {
        super(message);
    }

    /** The HTTP status the refusal answers with. */
    public abstract int status();

    /** The last segment of the problem type URI, stable so that clients can branch on it. */
    public abstract String problemType();

    /** The problem's short, human-readable title. */
    public abstract String title();

    /** Extension members of the problem document beyond type, title, status, detail and instance. */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
