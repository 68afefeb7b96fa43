package io.oversight.export.application;

import io.oversight.export.ComplianceReports;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditRecorder;
import io.oversight.ledger.LedgerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * Completes a report job in one transaction: its two files, the COMPLETED state and the ledger record
 * of their digests commit together, so no report exists that the ledger does not record.
 */
@ApplicationScoped
public class ReportCompletion {

    @Inject
    JobStore store;

    @Inject
    AuditRecorder recorder;

    @Transactional
    public void complete(String id, Optional<String> workflow, Actor requestedBy, byte[] xml, String xmlSha, byte[] pdf,
            String pdfSha, Optional<Long> firstSequence, Optional<Long> lastSequence, Instant now) {
        store.complete(id, xml, xmlSha, pdf, pdfSha, now);
        LedgerRecord.Builder record = LedgerRecord.builder(ComplianceReports.REPORT_GENERATED, requestedBy)
                .workflow(workflow.orElse(""))
                .subject("report", id)
                .occurredAt(now)
                .payloadDigest(LedgerRecord.digestOf(xml))
                .attribute("xmlSha256", xmlSha)
                .attribute("pdfSha256", pdfSha)
                .attribute("xmlBytes", Integer.toString(xml.length))
                .attribute("pdfBytes", Integer.toString(pdf.length));
        firstSequence.ifPresent(s -> record.attribute("firstSequence", Long.toString(s)));
        lastSequence.ifPresent(s -> record.attribute("lastSequence", Long.toString(s)));
        recorder.record(record.build());
    }
}
