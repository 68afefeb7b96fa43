package io.oversight.app.tokens;

/**
 * A token just created: its description and, this once, its secret. The server keeps only the
 * secret's digest, so a lost token cannot be shown again; revoke it and create another.
 */
public record CreatedApiToken(ApiTokenView token, String secret) {
}
