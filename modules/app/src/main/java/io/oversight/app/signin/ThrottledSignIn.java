package io.oversight.app.signin;

import java.time.Instant;

/**
 * What administrators see of recent failed sign-ins: per account and address, and per address as a
 * whole ({@code username} null), the failures within the window, the last one, and until when
 * attempts are refused ({@code refusedUntil} null when they are not).
 *
 * @param state {@code counting}, {@code slowed}, {@code locked} (the account from this address) or
 *              {@code address-locked}
 */
public record ThrottledSignIn(String username, String address, int failures, Instant lastFailureAt,
                              Instant refusedUntil, String state) {
}
