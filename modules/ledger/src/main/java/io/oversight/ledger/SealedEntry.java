package io.oversight.ledger;

import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.LedgerEntry;
import java.util.Objects;
import java.util.Set;

/**
 * A sealed entry as stored: its decoded fields, the exact stored bytes (what is hashed and
 * exported), and its Merkle leaf hash.
 *
 * @param entry            the decoded entry
 * @param storedBytes      the entry's bytes exactly as stored (copied in and out)
 * @param leafHash         {@code SHA-256(0x00 || storedBytes)}
 * @param erasedPseudonyms pseudonyms in this entry (actor, person subject) whose subject was erased:
 *                         the entry still verifies, but nobody can tell who they were any more
 */
public record SealedEntry(LedgerEntry entry, byte[] storedBytes, Digest leafHash, Set<String> erasedPseudonyms) {

    public SealedEntry {
        Objects.requireNonNull(entry, "entry");
        storedBytes = storedBytes.clone();
        Objects.requireNonNull(leafHash, "leafHash");
        erasedPseudonyms = Set.copyOf(erasedPseudonyms);
    }

    @Override
    public byte[] storedBytes() {
        return storedBytes.clone();
    }

    public long sequence() {
        return entry.sequence();
    }
}
