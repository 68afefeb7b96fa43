package io.oversight.export;

import io.oversight.ledger.Actor;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Training-set exports: the labels people released on a workflow, as JSONL or CSV (or
 * prompt/chosen/rejected JSONL for pairwise preferences), made by a background job like reports. A
 * finished export never changes: its files, and a manifest whose SHA-256 is the ledger entry
 * {@value #DATASET_CREATED}.
 */
public interface TrainingSets {

    /** Action type of the ledger entry that records an export's manifest digest. */
    String DATASET_CREATED = "export.dataset.created";

    /**
     * Validates the request and queues its job.
     *
     * @throws InvalidExportRequestException if the period, the workflow or a filter is not acceptable; nothing is created
     */
    DatasetJob request(DatasetRequest request, Actor requestedBy);

    /** How many rows the request would export now (the preview of counts). */
    long preview(DatasetRequest request);

    Optional<DatasetJob> find(String id);

    /** The most recent exports first. */
    List<DatasetJob> recent(int limit);

    /** Whether a completed export with this id exists (model registration names it). */
    boolean completed(String id);

    /**
     * Streams one of a completed export's files ({@link DatasetJob#files()} names them).
     *
     * @throws UnknownExportException if there is no such export or file
     * @throws ExportConflictException if the export has not completed, or its files were removed by retention
     */
    void writeFile(String id, String name, OutputStream out) throws IOException;
}
