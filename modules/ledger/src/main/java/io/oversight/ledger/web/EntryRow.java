package io.oversight.ledger.web;

import io.oversight.ledger.SealedEntry;
import io.oversight.ledger.format.LedgerEntry;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One line of the auditor's result table: plain strings a page shows as they are, and the time it formats. */
public record EntryRow(long sequence, Instant loggedAt, String actionType, String actor, String workflow,
                       String subject, String guidelineVersion, String modelSnapshot, boolean erasedSubject)
        implements Serializable {

    static EntryRow of(SealedEntry sealed) {
        LedgerEntry entry = sealed.entry();
        return new EntryRow(entry.sequence(),
                Instant.EPOCH.plus(entry.loggedAtMicros(), ChronoUnit.MICROS),
                entry.actionType(),
                entry.actorPseudonym() + " (" + entry.actorRole() + ")",
                entry.workflow(),
                entry.subjectKind().isEmpty() ? "" : entry.subjectKind() + ":" + entry.subjectId(),
                entry.guidelineVersionId(),
                entry.modelSnapshotId(),
                !sealed.erasedPseudonyms().isEmpty());
    }
}
