package io.oversight.ledger;

/**
 * Fired once by the application after every module's schema is migrated and the accounts are
 * seeded: the moment modules may start background work (the sequencer) and seed demo data.
 *
 * @param demoMode whether the server runs in demo mode ({@code oversight.demo})
 */
public record PlatformStarted(boolean demoMode) {
}
