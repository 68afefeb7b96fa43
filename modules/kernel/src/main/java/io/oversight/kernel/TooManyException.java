package io.oversight.kernel;

import java.time.Duration;

/** 429: the caller has done this too often; answered with {@code Retry-After: }{@link #retryAfter()}. */
public class TooManyException extends RefusalException {

    private final Duration retryAfter;

    public TooManyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String problemType() {
        return "too-many-requests";
    }

    @Override
    public String title() {
        return "Too Many Requests";
    }
}
