package io.oversight.app.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One API token of an account: its name, the digest of its secret, when it expires and when it was
 * last used. A revoked token keeps its row, so that the list still shows what existed and when it ended.
 */
@Entity
@Table(name = "app_api_token")
public class ApiTokenEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "token_digest", nullable = false, length = 64, unique = true)
    private String tokenDigest;

    @Column(name = "token_hint", nullable = false, length = 16)
    private String tokenHint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiTokenEntity() {
    }

    ApiTokenEntity(String username, String name, ApiTokenSecret secret, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.username = Objects.requireNonNull(username, "username");
        this.name = Objects.requireNonNull(name, "name");
        this.tokenDigest = secret.digest();
        this.tokenHint = secret.hint();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = expiresAt;
    }

    /** Why the token cannot be used at {@code now}, or empty when it can. */
    Optional<String> unusableBecause(Instant now) {
        if (revokedAt != null) {
            return Optional.of("The token was revoked.");
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Optional.of("The token has expired.");
        }
        return Optional.empty();
    }

    /** Ends the token for good; false when it was already revoked. */
    boolean revoke(Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        return true;
    }

    String id() {
        return id;
    }

    String username() {
        return username;
    }

    String name() {
        return name;
    }

    String tokenHint() {
        return tokenHint;
    }

    Instant createdAt() {
        return createdAt;
    }

    Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }
}
