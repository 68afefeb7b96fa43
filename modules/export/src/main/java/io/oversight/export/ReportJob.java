package io.oversight.export;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A report job as any server sees it.
 *
 * @param rowsDone       ledger positions of the period read so far
 * @param rowsTotal      ledger positions in the period, once known
 * @param eta            estimated time left while running
 * @param xmlSha256      hex SHA-256 of the XML, once completed
 * @param pdfSha256      hex SHA-256 of the PDF, once completed
 * @param ledgerSequence sequence number of the {@value ComplianceReports#REPORT_GENERATED} entry, once sealed
 */
public record ReportJob(String id, Optional<String> workflow, Instant from, Instant to, JobState state,
        String requestedBy, String requestedRole, Instant requestedAt, Optional<Instant> startedAt,
        Optional<Instant> finishedAt, long rowsDone, long rowsTotal, Optional<Duration> eta, Optional<String> failure,
        Optional<String> xmlSha256, Optional<String> pdfSha256, Optional<Long> ledgerSequence, int attempts) {
}
