package io.oversight.tasks.domain;

import io.oversight.tasks.TasksException;

import java.time.Duration;

/** A claim refused because the reviewer reached a fatigue cap (SPEC R8): HTTP 429 with Retry-After. */
public class FatigueLimitException extends TasksException {

    private final Duration retryAfter;

    public FatigueLimitException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
