package io.oversight.ledger;

import io.oversight.ledger.format.Checkpoint;
import java.util.Objects;

/**
 * A checkpoint and its C2SP signed note.
 *
 * @param checkpoint the parsed checkpoint text
 * @param note       the signed note, exactly as signed and stored
 * @param keyLabel   {@code name+keyid} of the key that signed it
 */
public record SignedCheckpoint(Checkpoint checkpoint, String note, String keyLabel) {

    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(keyLabel, "keyLabel");
    }

    public long size() {
        return checkpoint.size();
    }
}
