package io.oversight.ledger.format;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A verifier key an auditor trusts for checkpoints signed within {@code [notBefore, notAfter)}
 *. Listing several keys with successive ranges keeps old checkpoints verifiable after a
 * key rotation.
 *
 * @param key       the verifier key
 * @param notBefore first instant the key may sign at, inclusive; empty for no lower bound
 * @param notAfter  first instant the key may no longer sign at, exclusive; empty for no upper bound
 */
public record TrustedKey(VerifierKey key, Optional<Instant> notBefore, Optional<Instant> notAfter) {

    public TrustedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (notBefore.isPresent() && notAfter.isPresent() && !notBefore.get().isBefore(notAfter.get())) {
            throw new IllegalArgumentException("notBefore must be before notAfter");
        }
    }

    /** A key trusted at all times. */
    public static TrustedKey always(VerifierKey key) {
        return new TrustedKey(key, Optional.empty(), Optional.empty());
    }

    /** Whether the key may sign at {@code time}. */
    public boolean validAt(Instant time) {
        return notBefore.map(nb -> !time.isBefore(nb)).orElse(true)
                && notAfter.map(time::isBefore).orElse(true);
    }

    /** The range as written in trust files: {@code notBefore notAfter}, {@code -} when open. */
    public String validity() {
        return notBefore.map(Instant::toString).orElse("-") + " " + notAfter.map(Instant::toString).orElse("-");
    }
}
