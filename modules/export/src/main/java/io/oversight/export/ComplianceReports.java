package io.oversight.export;

import io.oversight.ledger.Actor;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Compliance reports: each request becomes a background job whose state lives in the
 * database, so every server of a cluster shows its progress and serves its files. A finished report
 * is an XML document and a PDF/A-3b rendering of it, both recorded by SHA-256 in the ledger entry
 * {@value #REPORT_GENERATED}.
 */
public interface ComplianceReports {

    /** Action type of the ledger entry that records a generated report and its two digests. */
    String REPORT_GENERATED = "export.report.generated";

    /**
     * Validates the request and queues its job.
     *
     * @throws InvalidExportRequestException if the period or the workflow is not acceptable; nothing is created
     */
    ReportJob request(ReportRequest request, Actor requestedBy);

    Optional<ReportJob> find(String id);

    /** The most recent jobs first. */
    List<ReportJob> recent(int limit);

    /**
     * Asks a queued or running job to stop; it stops at its next page of entries.
     *
     * @throws UnknownExportException if there is no such job
     * @throws ExportConflictException if the job has already finished
     */
    ReportJob cancel(String id);

    /**
     * Runs an interrupted, failed or cancelled job again from the start.
     *
     * @throws UnknownExportException if there is no such job
     * @throws ExportConflictException if the job is queued, running or completed
     */
    ReportJob restart(String id);

    /**
     * Streams a completed report's file.
     *
     * @throws UnknownExportException if there is no such job
     * @throws ExportConflictException if the job has not completed
     */
    void writeArtifact(String id, ReportFormat format, OutputStream out) throws IOException;
}
