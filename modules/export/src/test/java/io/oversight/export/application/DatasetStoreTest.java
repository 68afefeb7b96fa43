package io.oversight.export.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.export.DatasetFormat;
import io.oversight.export.DatasetJob;
import io.oversight.export.DatasetRequest;
import io.oversight.export.JobState;
import io.oversight.tasks.DecisionSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training-set exports and their files on H2 and PostgreSQL: read back whole, newest first; started
 * once; progress and failure; stale exports shown and marked as interrupted; files stored on
 * completion in order, streamed, and emptied by retention while their digests stay.
 */
class DatasetStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant FROM = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-01T00:00:00Z");
    private static final byte[] LINES = "{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8);

    private final DatasetStore store = new DatasetStore();

    private void fresh(TestDatabase database) {
        store.dataSource = database.fresh(ExportTestSchema.MIGRATIONS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNewExportReadsBackQueuedAndTheNewestComeFirst(TestDatabase database) {
        fresh(database);
        DatasetRequest request = new DatasetRequest("loans", FROM, TO, DatasetFormat.CSV, Optional.of("snap-1"),
                Optional.of("guide-2"), Set.of(DecisionSource.REVIEW, DecisionSource.ADJUDICATION), Optional.of("fraud"));
        store.insert("d1", request, "greta", "governance", T0);
        store.insert("d2", request(), "greta", "governance", T0.plusSeconds(2));
        store.insert("d3", request(), "greta", "governance", T0.plusSeconds(1));

        assertEquals(Optional.of(new DatasetJob("d1", "loans", FROM, TO, DatasetFormat.CSV, Optional.of("snap-1"),
                Optional.of("guide-2"), Set.of(DecisionSource.REVIEW, DecisionSource.ADJUDICATION), Optional.of("fraud"),
                JobState.QUEUED, "greta", "governance", T0, Optional.empty(), Optional.empty(), 0, 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty())), store.find("d1", T0));
        assertEquals(Optional.empty(), store.find("d9", T0));
        assertEquals(List.of("d2", "d3"), store.recent(2, T0.plusSeconds(3)).stream().map(DatasetJob::id).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anExportStartsOnceAndRecordsProgressAndOnlyARunningOneFails(TestDatabase database) {
        fresh(database);
        store.insert("d1", request(), "greta", "governance", T0);
        store.fail("d1", "too early", T0);
        assertEquals(JobState.QUEUED, store.find("d1", T0).orElseThrow().state());

        assertTrue(store.start("d1", T0));
        assertFalse(store.start("d1", T0), "another server took it");
        store.progress("d1", 10, 40, T0.plusSeconds(10));
        DatasetJob running = store.find("d1", T0.plusSeconds(10)).orElseThrow();
        assertEquals(10, running.rowsDone());
        assertEquals(Optional.of(Duration.ofSeconds(30)), running.eta());

        store.fail("d1", "y".repeat(2100), T0.plusSeconds(20));
        DatasetJob failed = store.find("d1", T0.plusSeconds(20)).orElseThrow();
        assertEquals(JobState.FAILED, failed.state());
        assertEquals(Optional.of("y".repeat(2000)), failed.failure());
        assertFalse(store.completed("d1"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void exportsWithAStaleHeartbeatAreShownAndMarkedInterrupted(TestDatabase database) {
        fresh(database);
        store.insert("stale", request(), "greta", "governance", T0);
        store.start("stale", T0);
        store.insert("fresh", request(), "greta", "governance", T0.plusSeconds(50));
        Instant now = T0.plusSeconds(60);

        assertEquals(JobState.INTERRUPTED, store.find("stale", now).orElseThrow().state(), "shown before it is marked");
        assertEquals(1, store.markInterrupted(now));
        assertEquals(0, store.markInterrupted(now));
        assertEquals(JobState.INTERRUPTED, store.find("stale", T0).orElseThrow().state());
        assertEquals(JobState.QUEUED, store.find("fresh", now).orElseThrow().state());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCompletedExportListsItsFilesInOrderAndStreamsThemUntilRetentionEmptiesThem(TestDatabase database) {
        fresh(database);
        DatasetJob.DatasetFile data = new DatasetJob.DatasetFile("items.jsonl", "application/jsonl", 2, LINES.length, "d-sha");
        DatasetJob.DatasetFile card = new DatasetJob.DatasetFile("README.md", "text/markdown", 0, 3, "r-sha");
        for (String id : List.of("old", "new")) {
            store.insert(id, request(), "greta", "governance", T0);
            store.start(id, T0);
        }
        store.storeFile("old", 2, card, new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)), T0);
        store.storeFile("old", 1, data, new ByteArrayInputStream(LINES), T0);
        store.complete("old", "{\"files\":2}", "m-sha", 2, T0.plusSeconds(10));
        store.storeFile("new", 1, data, new ByteArrayInputStream(LINES), T0);
        store.complete("new", "{\"files\":1}", "m-sha", 2, T0.plusSeconds(100));
        store.ledgerSequence("old", 7);

        assertTrue(store.completed("old"));
        DatasetJob old = store.find("old", T0.plusSeconds(10)).orElseThrow();
        assertEquals(List.of(data, card), old.files());
        assertEquals(Optional.of("{\"files\":2}"), old.manifest());
        assertEquals(Optional.of("m-sha"), old.manifestSha256());
        assertEquals(Optional.of(7L), old.ledgerSequence());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(store.writeFile("old", "items.jsonl", out));
        assertArrayEquals(LINES, out.toByteArray());
        assertFalse(store.writeFile("old", "other.csv", new ByteArrayOutputStream()));
        assertThrows(IllegalStateException.class, () -> store.complete("old", "{}", "m", 0, T0), "no longer running");

        assertEquals(2, store.purgeFiles(T0.plusSeconds(50)), "both files of the older export");
        assertEquals(0, store.purgeFiles(T0.plusSeconds(50)), "already emptied");
        assertFalse(store.writeFile("old", "items.jsonl", new ByteArrayOutputStream()));
        assertTrue(store.writeFile("new", "items.jsonl", new ByteArrayOutputStream()));
        assertEquals(List.of(data, card), store.find("old", T0).orElseThrow().files(), "names and digests stay");
    }

    private static DatasetRequest request() {
        return new DatasetRequest("loans", FROM, TO, DatasetFormat.JSONL, Optional.empty(), Optional.empty(),
                Set.of(DecisionSource.REVIEW), Optional.empty());
    }
}
