package io.oversight.ledger;

import java.time.Duration;
import java.util.Objects;

/**
 * What keeps a subject's data from being erased: a legal hold, or a minimum retention
 * period counted from the last time the subject's pseudonym was used in the ledger (EU AI Act
 * Art. 19 and 26(6): at least six months; GDPR Art. 17(3)(b)). Workflows own these settings; the
 * caller passes the policy that applies.
 *
 * @param minimumRetention how long after last use the data must be kept, not negative
 * @param legalHold        whether a legal hold forbids erasure outright
 */
public record RetentionPolicy(Duration minimumRetention, boolean legalHold) {

    /** Six months, the floor the EU AI Act sets for logs of high-risk systems. */
    public static final Duration SIX_MONTHS = Duration.ofDays(183);

    public RetentionPolicy {
        Objects.requireNonNull(minimumRetention, "minimumRetention");
        if (minimumRetention.isNegative()) {
            throw new IllegalArgumentException("minimum retention must not be negative: " + minimumRetention);
        }
    }
}
