package io.oversight.ledger.storage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Microseconds since the epoch, the ledger's unit of time in entries, checkpoints and tables. */
public final class Micros {

    private Micros() {
    }

    public static long now(Clock clock) {
        return of(clock.instant());
    }

    static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Instant toInstant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
