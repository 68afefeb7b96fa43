package io.oversight.review.quality;

import io.oversight.kernel.TooManyException;
import java.time.Duration;

/** A claim refused because the reviewer reached a fatigue cap: HTTP 429 with Retry-After. */
public class FatigueLimitException extends TooManyException {

    public FatigueLimitException(String message, Duration retryAfter) {
        super(message, retryAfter);
    }

    @Override
    public String problemType() {
        return "fatigue-limit";
    }
}
