package io.oversight.export.application;

import io.oversight.kernel.FieldError;
import io.oversight.export.ComplianceReports;
import io.oversight.export.ExportConflictException;
import io.oversight.export.InvalidExportRequestException;
import io.oversight.export.JobState;
import io.oversight.export.ReportFormat;
import io.oversight.export.ReportJob;
import io.oversight.export.ReportRequest;
import io.oversight.export.UnknownExportException;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditLedger;
import io.oversight.ledger.EntryFilter;
import io.oversight.ledger.PlatformStarted;
import io.oversight.ledger.Roles;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Report jobs on the server's managed executor with their state in the database (ADR 0015). Any
 * server answers for any job; the server that accepted a request runs it.
 */
@ApplicationScoped
public class DefaultComplianceReports implements ComplianceReports {

    private static final Logger LOG = Logger.getLogger(DefaultComplianceReports.class.getName());

    @Inject
    JobStore store;

    @Inject
    ReportRunner runner;

    @Inject
    Workflows workflows;

    @Inject
    AuditLedger ledger;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "oversight.export.retentionDays", defaultValue = "365")
    int retentionDays;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** At start-up: jobs whose server stopped are marked, never silently lost; old files go per retention. */
    void started(@Observes PlatformStarted started) {
        int interrupted = store.markInterrupted(clock.instant());
        int purged = store.purgeArtifacts(clock.instant().minus(Duration.ofDays(retentionDays)));
        LOG.info(() -> "Export jobs: " + interrupted + " marked interrupted, " + purged + " old file(s) removed");
    }

    @Override
    public ReportJob request(ReportRequest request, Actor requestedBy) {
        if (!Roles.AUDITOR.equals(requestedBy.role()) && !Roles.GOVERNANCE.equals(requestedBy.role())) {
            throw new IllegalArgumentException("reports are requested as auditor or governance, not " + requestedBy.role());
        }
        List<FieldError> problems = new ArrayList<>(request.problems(clock));
        request.workflow().filter(key -> workflows.find(key).isEmpty()).ifPresent(key -> problems.add(
                new FieldError("workflow", "no workflow has the key '" + key + "'")));
        if (!problems.isEmpty()) {
            throw new InvalidExportRequestException(problems);
        }
        String id = UUID.randomUUID().toString();
        store.insert(id, request.workflow(), request.from(), request.to(), requestedBy.pseudonym(), requestedBy.role(),
                clock.instant());
        executor.submit(() -> runner.run(id));
        return find(id).orElseThrow();
    }

    @Override
    public Optional<ReportJob> find(String id) {
        return store.find(id, clock.instant()).map(this::withSequence);
    }

    @Override
    public List<ReportJob> recent(int limit) {
        return store.recent(limit, clock.instant()).stream().map(this::withSequence).toList();
    }

    /**
     * The report's ledger entry gets its sequence number when the sequencer seals it, after the job
     * completed; the first reader after that looks it up once and keeps it with the job.
     */
    private ReportJob withSequence(ReportJob job) {
        if (job.state() != JobState.COMPLETED || job.ledgerSequence().isPresent()) {
            return job;
        }
        EntryFilter filter = EntryFilter.builder().actionType(REPORT_GENERATED).subjectKind("report").subjectId(job.id())
                .loggedFrom(job.finishedAt().orElse(job.requestedAt()).minusSeconds(60)).build();
        return ledger.entries(filter, OptionalLong.empty(), 1).entries().stream().findFirst().map(e -> {
            store.ledgerSequence(job.id(), e.sequence());
            return store.find(job.id(), clock.instant()).orElseThrow();
        }).orElse(job);
    }

    @Override
    public ReportJob cancel(String id) {
        ReportJob job = find(id).orElseThrow(() -> new UnknownExportException(id));
        if (job.state().finished() || !store.requestCancel(id)) {
            throw new ExportConflictException("Report job " + id + " is " + job.state() + "; only a queued or running job "
                    + "can be cancelled.");
        }
        // a queued job never reaches its runner's first progress check: cancel it here
        store.transition(id, List.of(JobState.QUEUED), JobState.CANCELLED, clock.instant());
        return find(id).orElseThrow();
    }

    @Override
    public ReportJob restart(String id) {
        ReportJob job = find(id).orElseThrow(() -> new UnknownExportException(id));
        if (job.state() == JobState.INTERRUPTED) {
            // shown as interrupted because its heartbeat is stale: record it so before requeueing
            store.markInterrupted(clock.instant());
        }
        if (!store.transition(id, List.of(JobState.INTERRUPTED, JobState.FAILED, JobState.CANCELLED), JobState.QUEUED,
                clock.instant())) {
            throw new ExportConflictException("Report job " + id + " is " + job.state() + "; only an interrupted, failed "
                    + "or cancelled job can be restarted.");
        }
        executor.submit(() -> runner.run(id));
        return find(id).orElseThrow();
    }

    @Override
    public void writeArtifact(String id, ReportFormat format, OutputStream out) throws IOException {
        ReportJob job = find(id).orElseThrow(() -> new UnknownExportException(id));
        if (job.state() != JobState.COMPLETED) {
            throw new ExportConflictException("Report job " + id + " is " + job.state() + "; its files exist once it completed.");
        }
        try {
            if (!store.writeArtifact(id, format, out)) {
                throw new ExportConflictException("The files of report " + id + " were removed by the retention setting ("
                        + retentionDays + " days); its digests stay in the ledger.");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
