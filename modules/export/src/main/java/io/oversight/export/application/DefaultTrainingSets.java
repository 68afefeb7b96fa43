package io.oversight.export.application;

import io.oversight.export.DatasetJob;
import io.oversight.export.DatasetRequest;
import io.oversight.export.ExportConflictException;
import io.oversight.export.InvalidExportRequestException;
import io.oversight.export.JobState;
import io.oversight.export.TrainingSets;
import io.oversight.export.UnknownExportException;
import io.oversight.export.DatasetFormat;
import io.oversight.governance.Guidelines;
import io.oversight.governance.ModelSnapshots;
import io.oversight.governance.TaskKind;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.FieldError;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditLedger;
import io.oversight.ledger.EntryFilter;
import io.oversight.ledger.PlatformStarted;
import io.oversight.ledger.Roles;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.ReleasedLabels;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Training-set exports on the server's managed executor with their state in the database, as reports
 * (ADR 0015, 0035): any server answers for any export; the server that accepted a request runs it.
 */
@ApplicationScoped
public class DefaultTrainingSets implements TrainingSets {

    private static final Logger LOG = Logger.getLogger(DefaultTrainingSets.class.getName());

    @Inject
    DatasetStore store;

    @Inject
    DatasetRunner runner;

    @Inject
    Workflows workflows;

    @Inject
    Guidelines guidelines;

    @Inject
    ModelSnapshots models;

    @Inject
    ReleasedLabels released;

    @Inject
    AuditLedger ledger;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "oversight.export.retentionDays", defaultValue = "365")
    int retentionDays;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** At start-up: exports whose server stopped are marked, never silently lost; old files go per retention. */
    void started(@Observes PlatformStarted started) {
        int interrupted = store.markInterrupted(clock.instant());
        int purged = store.purgeFiles(clock.instant().minus(Duration.ofDays(retentionDays)));
        LOG.info(() -> "Training-set exports: " + interrupted + " marked interrupted, " + purged + " old file(s) removed");
    }

    static ReleasedLabels.Query query(String workflow, Instant from, Instant to, Optional<String> snapshot,
            Optional<String> guideline, Set<DecisionSource> sources, Optional<String> label) {
        return new ReleasedLabels.Query(workflow, from, to, snapshot, guideline, sources, label);
    }

    @Override
    public DatasetJob request(DatasetRequest request, Actor requestedBy) {
        if (!Roles.GOVERNANCE.equals(requestedBy.role()) && !Roles.INTEGRATION.equals(requestedBy.role())) {
            throw new IllegalArgumentException("training sets are requested as governance or integration, not "
                    + requestedBy.role());
        }
        validate(request);
        String id = UUID.randomUUID().toString();
        store.insert(id, request, requestedBy.pseudonym(), requestedBy.role(), clock.instant());
        executor.submit(() -> runner.run(id));
        return find(id).orElseThrow();
    }

    @Override
    public long preview(DatasetRequest request) {
        validate(request);
        return released.count(query(request.workflow(), request.from(), request.to(), request.modelSnapshotId(),
                request.guidelineVersionId(), request.sources(), request.label()));
    }

    /** The request's problems, own and looked up (workflow, snapshot, guideline version, label); refuses if any. */
    private void validate(DatasetRequest request) {
        List<FieldError> problems = new ArrayList<>(request.problems(clock));
        Optional<Workflow> workflow = request.workflow() == null ? Optional.empty() : workflows.find(request.workflow());
        if (request.workflow() != null && !request.workflow().isBlank() && workflow.isEmpty()) {
            problems.add(new FieldError("workflow", "no workflow has the key '" + request.workflow() + "'"));
        }
        workflow.ifPresent(w -> {
            if (w.taskKind() == TaskKind.PAIRWISE_PREFERENCE && request.format() == DatasetFormat.CSV) {
                problems.add(new FieldError("format", "a pairwise-preference workflow exports JSONL (prompt, chosen, rejected)"));
            }
            request.modelSnapshotId().filter(id -> models.find(id).filter(s -> s.workflowKey().equals(w.key())).isEmpty())
                    .ifPresent(id -> problems.add(new FieldError("modelSnapshotId",
                            "no model snapshot '" + id + "' is registered for workflow " + w.key())));
            request.guidelineVersionId().filter(id -> guidelines.find(id).filter(g -> g.workflowKey().equals(w.key())).isEmpty())
                    .ifPresent(id -> problems.add(new FieldError("guidelineVersionId",
                            "no guideline version '" + id + "' belongs to workflow " + w.key())));
            if (w.taskKind() == TaskKind.CLASSIFICATION) {
                request.label().filter(l -> !w.taxonomy().contains(l)).ifPresent(l -> problems.add(
                        new FieldError("label", "the taxonomy of " + w.key() + " has no label '" + l + "'")));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidExportRequestException(problems);
        }
    }

    @Override
    public Optional<DatasetJob> find(String id) {
        return store.find(id, clock.instant()).map(this::withSequence);
    }

    @Override
    public List<DatasetJob> recent(int limit) {
        return store.recent(limit, clock.instant()).stream().map(this::withSequence).toList();
    }

    @Override
    public boolean completed(String id) {
        return store.completed(id);
    }

    /** The ledger entry gets its sequence number when sealed; the first reader after that keeps it with the export. */
    private DatasetJob withSequence(DatasetJob job) {
        if (job.state() != JobState.COMPLETED || job.ledgerSequence().isPresent()) {
            return job;
        }
        EntryFilter filter = EntryFilter.builder().actionType(DATASET_CREATED).subjectKind("dataset").subjectId(job.id())
                .loggedFrom(job.finishedAt().orElse(job.requestedAt()).minusSeconds(60)).build();
        return ledger.entries(filter, OptionalLong.empty(), 1).entries().stream().findFirst().map(e -> {
            store.ledgerSequence(job.id(), e.sequence());
            return store.find(job.id(), clock.instant()).orElseThrow();
        }).orElse(job);
    }

    @Override
    public void writeFile(String id, String name, OutputStream out) throws IOException {
        DatasetJob job = find(id).orElseThrow(() -> new UnknownExportException(id));
        if (job.state() != JobState.COMPLETED) {
            throw new ExportConflictException("Training-set export " + id + " is " + job.state()
                    + "; its files exist once it completed.");
        }
        if (job.files().stream().noneMatch(f -> f.name().equals(name))) {
            throw new UnknownExportException(id + "/" + name);
        }
        try {
            if (!store.writeFile(id, name, out)) {
                throw new ExportConflictException("The files of export " + id + " were removed by the retention setting ("
                        + retentionDays + " days); its manifest and ledger entry stay.");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
