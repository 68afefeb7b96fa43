package io.oversight.app.tokens;

import java.time.Instant;

/**
 * What the API and the accounts page show of a token: never its secret or digest.
 *
 * @param hint   the token's first characters, to tell tokens apart
 * @param status {@code active}, {@code expired} or {@code revoked}
 */
public record ApiTokenView(String id, String username, String name, String hint, Instant createdAt,
                           Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String status) {

    static ApiTokenView of(ApiTokenEntity token, Instant now) {
        String status = token.revokedAt().isPresent() ? "revoked"
                : token.unusableBecause(now).isPresent() ? "expired" : "active";
        return new ApiTokenView(token.id(), token.username(), token.name(), token.tokenHint(), token.createdAt(),
                token.expiresAt().orElse(null), token.lastUsedAt().orElse(null), token.revokedAt().orElse(null), status);
    }

    public boolean isActive() {
        return "active".equals(status);
    }
}
