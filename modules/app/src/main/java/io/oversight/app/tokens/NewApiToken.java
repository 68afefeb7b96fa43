package io.oversight.app.tokens;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A request for a token: a name that says which system holds it, and optionally when it stops
 * working (an ISO-8601 instant in the future; absent, it works until revoked).
 */
public record NewApiToken(
        @NotBlank(message = "must name the system that will hold the token") @Size(max = 100) String name,
        Instant expiresAt) {
}
