package io.oversight.ledger;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a filtered entry listing, in sequence order (keyset paging).
 *
 * @param entries           the matching entries of this page
 * @param nextAfterSequence pass as {@code afterSequence} to get the next page; empty on the last page
 */
public record EntryPage(List<SealedEntry> entries, OptionalLong nextAfterSequence) {

    public EntryPage {
        entries = List.copyOf(entries);
    }
}
