package io.oversight.ledger.storage;

import io.oversight.kernel.testing.TestDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The process {@link CrashTest} kills: three threads commit small transactions of fixture records
 * and print {@code C <record id>} for each record once its transaction has committed, while a
 * sequencer seals and signs. It runs until killed.
 *
 * <p>Arguments: database name, keystore path.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        DataSource dataSource = TestDatabase.postgres(args[0]);
        LedgerKeyStore keyStore = LedgerKeyStore.open(Path.of(args[1]), "test-password".toCharArray(),
                LedgerHarness.ORIGIN, LedgerHarness.FIRST_KEY, true);
        Sequencer sequencer = new Sequencer(new LedgerSettings(LedgerHarness.ORIGIN, LedgerHarness.FIRST_KEY, 500, 1_000,
                Duration.ofMillis(200)), keyStore, Clock.systemUTC());
        PrintStream out = new PrintStream(System.out, true);
        for (int t = 0; t < 3; t++) {
            int thread = t;
            Thread recorder = new Thread(() -> {
                int n = 0;
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    while (true) {
                        List<Long> ids = new ArrayList<>();
                        for (int i = 1 + ThreadLocalRandom.current().nextInt(3); i > 0; i--) {
                            ids.add(Outbox.append(connection, FixtureRecords.record("crash-" + thread + "-" + n++),
                                    Micros.now(Clock.systemUTC())).value());
                        }
                        connection.commit();
                        StringBuilder lines = new StringBuilder();
                        ids.forEach(id -> lines.append("C ").append(id).append('\n'));
                        synchronized (out) {
                            out.print(lines);
                            out.flush();
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            recorder.start();
        }
        try (Connection connection = dataSource.getConnection()) {
            while (true) {
                sequencer.runCycle(connection);
            }
        }
    }
}
