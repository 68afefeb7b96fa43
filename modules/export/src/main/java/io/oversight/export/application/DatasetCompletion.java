package io.oversight.export.application;

import io.oversight.export.DatasetJob;
import io.oversight.export.TrainingSets;
import io.oversight.kernel.CanonicalJson;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.Database;
import io.oversight.ledger.LedgerRecord;
import io.oversight.export.RetrainTriggers;
import io.oversight.tasks.WorkflowWebhooks;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Completes a training-set export in one transaction: its files, the manifest, the COMPLETED state
 * and the ledger record of the manifest's digest commit together, so no export exists that the ledger
 * does not record. An export a retrain rule's firing made also queues, in that transaction, the webhook
 * that tells the workflow's pipeline where to fetch it (ADR 0056).
 */
@ApplicationScoped
public class DatasetCompletion {

    @Inject
    DatasetStore store;

    @Inject
    AuditRecorder recorder;

    @Inject
    Database database;

    @Inject
    WorkflowWebhooks webhooks;

    @Inject
    TriggerStore triggerStore;

    @Transactional
    public void complete(String id, String workflow, Actor requestedBy, List<DatasetJob.DatasetFile> files, List<Path> contents,
            String manifest, long rows, Instant now) {
        for (int i = 0; i < files.size(); i++) {
            try (InputStream in = Files.newInputStream(contents.get(i))) {
                store.storeFile(id, i, files.get(i), in, now);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String manifestSha = HexFormat.of().formatHex(CanonicalJson.sha256(manifest));
        store.complete(id, manifest, manifestSha, rows, now);
        LedgerRecord.Builder record = LedgerRecord.builder(TrainingSets.DATASET_CREATED, requestedBy)
                .workflow(workflow)
                .subject("dataset", id)
                .occurredAt(now)
                .payloadDigest(LedgerRecord.digestOf(manifest.getBytes(StandardCharsets.UTF_8)))
                .attribute("manifestSha256", manifestSha)
                .attribute("rows", Long.toString(rows));
        record.attribute("files", String.join(",", files.stream().map(f -> f.name() + ":" + f.sha256()).toList()));
        recorder.record(record.build());
        database.run("reading the rule of an export", c -> triggerStore.triggerOfExport(c, id))
                .ifPresent(trigger -> webhooks.queue(workflow, retrainReady(id, workflow, trigger, files, manifestSha, rows, now)));
    }

    /** The webhook body: where the pipeline fetches the export (paths under the API root) and the digests to check. */
    static String retrainReady(String id, String workflow, String trigger, List<DatasetJob.DatasetFile> files,
            String manifestSha, long rows, Instant now) {
        String base = "/api/v1/datasets/" + id;
        JsonArrayBuilder fileList = Json.createArrayBuilder();
        for (DatasetJob.DatasetFile f : files) {
            fileList.add(Json.createObjectBuilder().add("name", f.name()).add("sha256", f.sha256()).add("rows", f.rows())
                    .add("url", base + "/files/" + f.name()));
        }
        return Json.createObjectBuilder()
                .add("type", RetrainTriggers.WEBHOOK_TYPE)
                .add("workflow", workflow)
                .add("triggerId", trigger)
                .add("datasetId", id)
                .add("rows", rows)
                .add("manifestSha256", manifestSha)
                .add("manifestUrl", base + "/manifest")
                .add("datasetUrl", base)
                .add("files", fileList)
                .add("completedAt", now.toString())
                .build().toString();
    }
}
