package io.oversight.export.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.export.JobState;
import io.oversight.export.ReportFormat;
import io.oversight.export.ReportJob;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Report jobs and their files on H2 and PostgreSQL: read back whole, newest first; moved between
 * states only from the states given; progress, cancellation, failure; stale jobs shown and marked as
 * interrupted; files stored on completion, streamed, and purged by retention.
 */
class JobStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant FROM = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-01T00:00:00Z");

    private final JobStore store = new JobStore();

    private void fresh(TestDatabase database) {
        store.dataSource = database.fresh(ExportTestSchema.MIGRATIONS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNewJobReadsBackQueuedAndTheNewestComeFirst(TestDatabase database) {
        fresh(database);
        store.insert("j1", Optional.of("loans"), FROM, TO, "aud", "auditor", T0);
        store.insert("j2", Optional.empty(), FROM, TO, "aud", "auditor", T0.plusSeconds(2));
        store.insert("j3", Optional.empty(), FROM, TO, "alex", "admin", T0.plusSeconds(1));

        assertEquals(Optional.of(new ReportJob("j1", Optional.of("loans"), FROM, TO, JobState.QUEUED, "aud", "auditor", T0,
                Optional.empty(), Optional.empty(), 0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 1)), store.find("j1", T0));
        assertEquals(Optional.empty(), store.find("j9", T0));
        assertEquals(List.of("j2", "j3"), store.recent(2, T0.plusSeconds(3)).stream().map(ReportJob::id).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aJobMovesOnlyFromTheStatesGivenAndARequeueCountsAnAttempt(TestDatabase database) {
        fresh(database);
        store.insert("j1", Optional.empty(), FROM, TO, "aud", "auditor", T0);

        assertTrue(store.transition("j1", List.of(JobState.QUEUED), JobState.RUNNING, T0.plusSeconds(1)));
        assertFalse(store.transition("j1", List.of(JobState.QUEUED), JobState.RUNNING, T0.plusSeconds(2)), "not queued");
        assertEquals(Optional.of(T0.plusSeconds(1)), store.find("j1", T0.plusSeconds(2)).orElseThrow().startedAt());
        assertTrue(store.transition("j1", List.of(JobState.RUNNING), JobState.CANCELLED, T0.plusSeconds(3)));
        assertTrue(store.transition("j1", List.of(JobState.FAILED, JobState.CANCELLED), JobState.QUEUED, T0.plusSeconds(4)));

        ReportJob requeued = store.find("j1", T0.plusSeconds(5)).orElseThrow();
        assertEquals(JobState.QUEUED, requeued.state());
        assertEquals(2, requeued.attempts());
        assertFalse(store.transition("j9", List.of(JobState.QUEUED), JobState.RUNNING, T0), "no such job");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void progressIsRecordedAndAnswersWhetherACancelWasAsked(TestDatabase database) {
        fresh(database);
        store.insert("j1", Optional.empty(), FROM, TO, "aud", "auditor", T0);
        store.transition("j1", List.of(JobState.QUEUED), JobState.RUNNING, T0);

        assertFalse(store.progress("j1", 25, 100, T0.plusSeconds(10)));
        ReportJob running = store.find("j1", T0.plusSeconds(10)).orElseThrow();
        assertEquals(25, running.rowsDone());
        assertEquals(100, running.rowsTotal());
        assertEquals(Optional.of(Duration.ofSeconds(30)), running.eta(), "three times the ten seconds a quarter took");

        assertTrue(store.requestCancel("j1"));
        assertTrue(store.progress("j1", 50, 100, T0.plusSeconds(20)));
        store.transition("j1", List.of(JobState.RUNNING), JobState.CANCELLED, T0.plusSeconds(21));
        assertFalse(store.requestCancel("j1"), "already finished");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyARunningJobFailsAndItsFailureIsCutTo2000Characters(TestDatabase database) {
        fresh(database);
        store.insert("j1", Optional.empty(), FROM, TO, "aud", "auditor", T0);
        store.fail("j1", JobState.FAILED, "too early", T0);
        assertEquals(JobState.QUEUED, store.find("j1", T0).orElseThrow().state());

        store.transition("j1", List.of(JobState.QUEUED), JobState.RUNNING, T0);
        store.fail("j1", JobState.FAILED, "x".repeat(2500), T0.plusSeconds(5));

        ReportJob failed = store.find("j1", T0.plusSeconds(5)).orElseThrow();
        assertEquals(JobState.FAILED, failed.state());
        assertEquals(Optional.of("x".repeat(2000)), failed.failure());
        assertEquals(Optional.of(T0.plusSeconds(5)), failed.finishedAt());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void jobsWithAStaleHeartbeatAreShownAndMarkedInterrupted(TestDatabase database) {
        fresh(database);
        store.insert("stale", Optional.empty(), FROM, TO, "aud", "auditor", T0);
        store.transition("stale", List.of(JobState.QUEUED), JobState.RUNNING, T0);
        store.insert("fresh", Optional.empty(), FROM, TO, "aud", "auditor", T0.plusSeconds(50));
        Instant now = T0.plusSeconds(60);

        assertEquals(JobState.INTERRUPTED, store.find("stale", now).orElseThrow().state(), "shown before it is marked");
        assertEquals(1, store.markInterrupted(now));
        assertEquals(0, store.markInterrupted(now));

        ReportJob stale = store.find("stale", T0).orElseThrow();
        assertEquals(JobState.INTERRUPTED, stale.state());
        assertEquals(Optional.of("the server running it stopped"), stale.failure());
        assertEquals(JobState.QUEUED, store.find("fresh", now).orElseThrow().state());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCompletedJobsFilesAreStreamedUntilRetentionPurgesThem(TestDatabase database) {
        fresh(database);
        byte[] xml = "<report/>".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = "%PDF-1.7".getBytes(StandardCharsets.UTF_8);
        for (String id : List.of("old", "new")) {
            store.insert(id, Optional.empty(), FROM, TO, "aud", "auditor", T0);
            store.transition(id, List.of(JobState.QUEUED), JobState.RUNNING, T0);
        }
        assertFalse(store.writeArtifact("old", ReportFormat.PDF, new ByteArrayOutputStream()), "not completed");
        store.complete("old", xml, "x-sha", pdf, "p-sha", T0.plusSeconds(10));
        store.complete("new", xml, "x-sha", pdf, "p-sha", T0.plusSeconds(100));
        store.ledgerSequence("old", 42);

        ReportJob old = store.find("old", T0.plusSeconds(10)).orElseThrow();
        assertEquals(JobState.COMPLETED, old.state());
        assertEquals(Optional.of("x-sha"), old.xmlSha256());
        assertEquals(Optional.of("p-sha"), old.pdfSha256());
        assertEquals(Optional.of(42L), old.ledgerSequence());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(store.writeArtifact("old", ReportFormat.PDF, out));
        assertArrayEquals(pdf, out.toByteArray());
        assertThrows(IllegalStateException.class, () -> store.complete("old", xml, "x", pdf, "p", T0), "no longer running");

        assertEquals(2, store.purgeArtifacts(T0.plusSeconds(50)), "both files of the older job");
        assertFalse(store.writeArtifact("old", ReportFormat.XML, new ByteArrayOutputStream()));
        assertTrue(store.writeArtifact("new", ReportFormat.XML, new ByteArrayOutputStream()));
        assertEquals(JobState.COMPLETED, store.find("old", T0).orElseThrow().state(), "the job stays");
    }
}
