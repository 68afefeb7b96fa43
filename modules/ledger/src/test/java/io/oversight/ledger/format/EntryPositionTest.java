package io.oversight.ledger.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link EntryCodec#withPosition} gives exactly the encoding of the entry with the sequencer's fields set. */
class EntryPositionTest {

    @Test
    void fillingInThePositionEqualsEncodingThePositionedEntry() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            Digest previous = Digest.of(TestLog.sha("p" + i));
            long loggedAt = TestLog.T0 + random.nextInt(1_000_000);
            LedgerEntry unsequenced = TestLog.entry(0, Digest.zero(), 0, new Random(i));
            LedgerEntry u = unsequenced;
            LedgerEntry positioned = new LedgerEntry(i * 1_000L, previous, loggedAt, u.occurredAtMicros(), u.workflow(),
                    u.actionType(), u.actorPseudonym(), u.actorRole(), u.subjectKind(), u.subjectId(),
                    u.guidelineVersionId(), u.guidelineDigest(), u.modelSnapshotId(), u.modelArtifactDigest(),
                    u.payloadDigest(), u.rationaleDigest(), u.attributes());
            assertArrayEquals(EntryCodec.encode(positioned),
                    EntryCodec.withPosition(EntryCodec.encode(unsequenced), i * 1_000L, previous, loggedAt));
        }
    }

    @Test
    void rejectsWhatIsNotAnEntry() {
        assertThrows(IllegalArgumentException.class, () -> EntryCodec.withPosition(new byte[10], 0, Digest.zero(), 0));
        byte[] entry = EntryCodec.encode(TestLog.entry(0, Digest.zero(), 0, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> EntryCodec.withPosition(entry, -1, Digest.zero(), 0));
    }
}
