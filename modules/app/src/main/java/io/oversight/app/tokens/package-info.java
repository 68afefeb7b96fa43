/**
 * API tokens of integration accounts (ADR 0033): created, listed and revoked by administrators, shown
 * once, kept only as SHA-256 digests, and accepted as {@code Authorization: Bearer} by the
 * authentication mechanism.
 */
package io.oversight.app.tokens;
