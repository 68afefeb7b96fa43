package io.oversight.export.application;

import io.oversight.export.DatasetJob;
import io.oversight.export.JobState;
import io.oversight.export.dataset.GuidelineRef;
import io.oversight.export.dataset.Manifest;
import io.oversight.export.dataset.TrainingSetWriter;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.ModelSnapshots;
import io.oversight.governance.TaskKind;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Actor;
import io.oversight.tasks.ReleasedLabels;
import io.oversight.tasks.ReleasedLabels.ReleasedLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one training-set export on a managed executor thread: counts the released labels, reads them
 * in keyset pages through the tasks API (one page in memory), writes the files to temporary files
 * while digesting them, builds the manifest, and completes the export with its ledger record. The
 * guideline versions and snapshots it meets are kept by id (a workflow has few), nothing per row.
 */
@ApplicationScoped
public class DatasetRunner {

    private static final Logger LOG = Logger.getLogger(DatasetRunner.class.getName());
    private static final int PAGE = 500;

    @Inject
    DatasetStore store;

    @Inject
    DatasetCompletion completion;

    @Inject
    ReleasedLabels released;

    @Inject
    Workflows workflows;

    @Inject
    Guidelines guidelines;

    @Inject
    ModelSnapshots models;

    @Inject
    Clock clock;

    void run(String id) {
        if (!store.start(id, clock.instant())) {
            return; // another server took it
        }
        List<Path> temporary = new ArrayList<>();
        try {
            DatasetJob job = store.find(id, clock.instant()).orElseThrow();
            export(job, temporary);
        } catch (Exception | LinkageError e) {
            // a class missing at run time too: the export is marked failed, never left running
            LOG.log(Level.WARNING, "Training-set export " + id + " failed", e);
            store.fail(id, JobFailure.describe(id, e), clock.instant());
        } finally {
            for (Path p : temporary) {
                try {
                    Files.deleteIfExists(p);
                } catch (java.io.IOException e) {
                    LOG.log(Level.WARNING, "could not delete " + p, e);
                }
            }
        }
    }

    private void export(DatasetJob job, List<Path> temporary) throws Exception {
        Instant started = clock.instant();
        Workflow workflow = workflows.find(job.workflow())
                .orElseThrow(() -> new JobFailure("Workflow " + job.workflow() + " no longer exists."));
        boolean preference = workflow.taskKind() == TaskKind.PAIRWISE_PREFERENCE;
        ReleasedLabels.Query query = DefaultTrainingSets.query(job.workflow(), job.from(), job.to(), job.modelSnapshotId(),
                job.guidelineVersionId(), job.sources(), job.label());
        long total = released.count(query);
        store.progress(job.id(), 0, total, clock.instant());

        List<String> names = TrainingSetWriter.fileNames(preference, job.format());
        Path mainPath = Files.createTempFile("oversight-dataset-", ".part");
        temporary.add(mainPath);
        Path unpairedPath = Files.createTempFile("oversight-dataset-", ".part");
        temporary.add(unpairedPath);
        Map<String, Optional<GuidelineRef>> guidelineRefs = new HashMap<>();
        Map<String, Manifest.SnapshotRef> snapshots = new HashMap<>();
        long done = 0;
        TrainingSetWriter writer;
        try (OutputStream mainOut = new BufferedOutputStream(Files.newOutputStream(mainPath));
                OutputStream unpairedOut = new BufferedOutputStream(Files.newOutputStream(unpairedPath))) {
            writer = new TrainingSetWriter(preference, job.format(), mainOut, unpairedOut);
            Optional<ReleasedLabels.Position> after = Optional.empty();
            while (true) {
                List<ReleasedLabel> page = released.page(query, after, PAGE);
                for (ReleasedLabel row : page) {
                    Optional<GuidelineRef> guideline = row.guidelineVersionId().flatMap(gid -> guidelineRefs.computeIfAbsent(
                            gid, k -> guidelines.find(k).map(DatasetRunner::ref)));
                    snapshots.computeIfAbsent(row.modelSnapshotId(), sid -> models.find(sid)
                            .map(s -> new Manifest.SnapshotRef(s.id(), s.name(), s.version(), s.artifactDigest().hex()))
                            .orElse(new Manifest.SnapshotRef(sid, "", "", "")));
                    writer.write(row, guideline);
                }
                done += page.size();
                store.progress(job.id(), done, Math.max(total, done), clock.instant());
                if (page.size() < PAGE) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1).position());
            }
            writer.close();
        }
        List<DatasetJob.DatasetFile> files = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        TrainingSetWriter.FileSummary main = writer.mainFile();
        files.add(new DatasetJob.DatasetFile(names.get(0), job.format().mediaType(), main.rows(), main.bytes(), main.sha256()));
        paths.add(mainPath);
        if (preference) {
            TrainingSetWriter.FileSummary unpaired = writer.unpairedFile().orElseThrow();
            files.add(new DatasetJob.DatasetFile(names.get(1), job.format().mediaType(), unpaired.rows(), unpaired.bytes(),
                    unpaired.sha256()));
            paths.add(unpairedPath);
        }
        Manifest.Filters filters = new Manifest.Filters(job.from(), job.to(), job.format().name(), job.modelSnapshotId(),
                job.guidelineVersionId(), job.sources().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
                job.label());
        String manifest = Manifest.text(job.id(), job.workflow(), workflow.taskKind().name(), filters, job.requestedBy(),
                job.requestedRole(), job.requestedAt(), files, writer.rowsPerLabel(), writer.rowsPerSource(),
                guidelineRefs.values().stream().flatMap(Optional::stream).toList(), snapshots.values());
        completion.complete(job.id(), job.workflow(), new Actor(job.requestedBy(), job.requestedRole()), files, paths,
                manifest, done, clock.instant());
        long rows = done;
        LOG.info(() -> "Training-set export " + job.id() + " completed: " + rows + " rows in "
                + Duration.between(started, clock.instant()).toMillis() + " ms");
    }

    private static GuidelineRef ref(GuidelineVersion v) {
        return new GuidelineRef(v.id(), v.number(), v.contentDigest().hex());
    }
}
