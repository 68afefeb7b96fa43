package io.oversight.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The log's checkpoint signing keys. Private keys stay in the configured keystore; the
 * database keeps which alias signs and each key's validity range, from which the trust file is made.
 */
public interface LedgerKeys {

    /** Action type of the entry recorded by {@link #rotate}. */
    String KEY_ROTATED = "ledger.key.rotated";

    /** The verifier key string (C2SP note format) of the key signing new checkpoints. */
    String currentVerifierKey();

    /** The trust file listing every key the log ever used, with validity ranges, for auditors. */
    String trustFile();

    /**
     * Switches checkpoint signing to the keystore entry {@code newKeyAlias} and records the rotation
     * in the ledger in the current transaction. In demo mode a missing alias is generated.
     *
     * @throws IllegalArgumentException if the alias is not an Ed25519 key in the keystore, was used
     *                                  before, or the requester's role is not admin
     */
    KeyRotation rotate(@NotBlank String newKeyAlias, @NotNull Actor requestedBy);
}
