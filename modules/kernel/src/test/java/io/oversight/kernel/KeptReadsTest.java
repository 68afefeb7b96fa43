package io.oversight.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What a kept value is, by how old it is, what committed meanwhile and who else is reading it. */
class KeptReadsTest {

    private static final long MILLI = 1_000_000L;

    /** The database: the current value of every key, and how often it was read. */
    private final AtomicReference<String> stored = new AtomicReference<>("v1");
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(7_000 * MILLI);
    private final Function<String, String> fromDatabase = key -> {
        reads.incrementAndGet();
        return key + ":" + stored.get();
    };

    @Test
    void aValueIsKeptForTheBoundThenReadAgain() {
        KeptReads<String, String> kept = new KeptReads<>(() -> 1000, 10, nanos::get);
        assertEquals("a:v1", kept.get("a", fromDatabase));
        stored.set("v2"); // changed on another server
        nanos.addAndGet(999 * MILLI);
        assertEquals("a:v1", kept.get("a", fromDatabase), "within the bound");
        assertEquals(1, reads.get());
        nanos.addAndGet(MILLI);
        assertEquals("a:v2", kept.get("a", fromDatabase), "at the bound it is read again");
        assertEquals("a:v2", kept.get("a", fromDatabase));
        assertEquals(2, reads.get());
    }

    @Test
    void aChangeCommittedHereIsSeenByTheNextCall() {
        KeptReads<String, String> kept = new KeptReads<>(() -> 60_000, 10, nanos::get);
        kept.get("a", fromDatabase);
        stored.set("v2");
        kept.forgetAll();
        assertEquals("a:v2", kept.get("a", fromDatabase));
    }

    @Test
    void aValueReadWhileAChangeCommittedIsNotKeptPastTheChange() {
        KeptReads<String, String> kept = new KeptReads<>(() -> 60_000, 10, nanos::get);
        Function<String, String> readRacingAChange = key -> {
            String read = fromDatabase.apply(key);
            stored.set("v2");
            kept.forgetAll(); // the change commits while the read is under way
            return read;
        };
        assertEquals("a:v1", kept.get("a", readRacingAChange), "the read in progress saw v1");
        assertEquals("a:v2", kept.get("a", fromDatabase), "the next call does not reuse it");
    }

    @Test
    void whileOneCallReReadsAnAgedValueTheOthersGoOnWithTheKeptOne() {
        KeptReads<String, String> kept = new KeptReads<>(() -> 1000, 10, nanos::get);
        kept.get("a", fromDatabase);
        stored.set("v2");
        nanos.addAndGet(1000 * MILLI);
        AtomicReference<String> seenMeanwhile = new AtomicReference<>();
        Function<String, String> slowRead = key -> {
            // another caller arriving during the re-read (called from inside it, as another thread would)
            seenMeanwhile.set(kept.get(key, fromDatabase));
            return fromDatabase.apply(key);
        };
        assertEquals("a:v2", kept.get("a", slowRead), "the call that re-read it");
        assertEquals("a:v1", seenMeanwhile.get(), "the one meanwhile used the kept value, without a read");
        assertEquals(2, reads.get(), "one read when first used, one when it aged: none per waiting caller");
    }

    @Test
    void aZeroBoundReadsEveryTime() {
        KeptReads<String, String> kept = new KeptReads<>(() -> 0, 10, nanos::get);
        kept.get("a", fromDatabase);
        kept.get("a", fromDatabase);
        assertEquals(2, reads.get());
    }

    @Test
    void pastTheMostKeysKeptEveryValueIsForgottenAndReadAgain() {
        KeptReads<String, String> kept = new KeptReads<>(() -> 60_000, 2, nanos::get);
        kept.get("a", fromDatabase);
        kept.get("b", fromDatabase);
        kept.get("a", fromDatabase);
        assertEquals(2, reads.get(), "two keys fit");
        kept.get("c", fromDatabase); // a third: a and b are forgotten
        kept.get("c", fromDatabase);
        kept.get("a", fromDatabase);
        assertEquals(4, reads.get());
    }
}
