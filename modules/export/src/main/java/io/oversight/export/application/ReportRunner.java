package io.oversight.export.application;

import io.oversight.export.JobState;
import io.oversight.export.report.ComplianceReport;
import io.oversight.export.report.ReportComputation;
import io.oversight.export.report.ReportPdf;
import io.oversight.export.report.ReportXml;
import io.oversight.governance.Guidelines;
import io.oversight.governance.ModelSnapshots;
import io.oversight.governance.RoutingPolicies;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditLedger;
import io.oversight.ledger.EntryFilter;
import io.oversight.ledger.EntryPage;
import io.oversight.ledger.SealedEntry;
import io.oversight.ledger.SignedCheckpoint;
import io.oversight.export.ReportJob;
import io.oversight.review.AgreementQuery;
import io.oversight.review.AgreementReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one report job on a managed executor thread: finds the period's range in the log, reads it in
 * keyset pages through the ledger API (constant memory), feeds {@link ReportComputation}, waits for a
 * signed checkpoint covering the range, renders XML then PDF, and completes the job with its ledger
 * record. Progress and the heartbeat are written after every page; a cancel request is honoured there.
 */
@ApplicationScoped
public class ReportRunner {

    private static final Logger LOG = Logger.getLogger(ReportRunner.class.getName());
    private static final int PAGE = AuditLedger.MAX_PAGE;
    /** How long to wait for the sequencer to sign a checkpoint covering the period's last entry. */
    private static final Duration CHECKPOINT_WAIT = Duration.ofSeconds(60);

    @Inject
    JobStore store;

    @Inject
    ReportCompletion completion;

    @Inject
    AuditLedger ledger;

    @Inject
    Workflows workflows;

    @Inject
    RoutingPolicies policies;

    @Inject
    Guidelines guidelines;

    @Inject
    ModelSnapshots models;

    @Inject
    AgreementReports agreement;

    @Inject
    Clock clock;

    /** Thrown inside the run when someone cancelled the job. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    void run(String id) {
        if (!store.transition(id, List.of(JobState.QUEUED), JobState.RUNNING, clock.instant())) {
            return; // cancelled before it started, or another server took it
        }
        try {
            ReportJob job = store.find(id, clock.instant()).orElseThrow();
            generate(job);
        } catch (Cancelled c) {
            store.fail(id, JobState.CANCELLED, "cancelled on request", clock.instant());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Report job " + id + " failed", e);
            store.fail(id, JobState.FAILED, JobFailure.describe(id, e), clock.instant());
        }
    }

    private void generate(ReportJob job) throws Exception {
        Instant started = clock.instant();
        ReportComputation computation = new ReportComputation(job.id(), job.workflow(), job.from(), job.to(),
                job.requestedBy(), job.requestedRole(), started);
        List<Workflow> scope = job.workflow().isPresent()
                ? List.of(workflows.find(job.workflow().get()).orElseThrow(
                        () -> new JobFailure("Workflow " + job.workflow().get() + " no longer exists.")))
                : workflows.list();
        for (Workflow w : scope) {
            computation.configuration(w, policies.versionsOf(w.key()), guidelines.versionsOf(w.key()), models.of(w.key()));
            computation.agreement(w.key(), 0, agreement.report(new AgreementQuery(w.key(), job.from(), job.to(),
                    Optional.empty(), Optional.empty(), Optional.empty())));
            for (int tier = 1; tier <= 3; tier++) {
                computation.agreement(w.key(), tier, agreement.report(new AgreementQuery(w.key(), job.from(), job.to(),
                        Optional.of(tier), Optional.empty(), Optional.empty())));
            }
        }
        Optional<Long> first = firstAtOrAfter(job.from()).filter(s -> loggedAt(s).isBefore(job.to()));
        Optional<Long> last = first.isEmpty() ? Optional.empty() : Optional.of(lastBefore(job.to()));
        Optional<SignedCheckpoint> checkpoint = Optional.empty();
        if (first.isPresent()) {
            long total = last.get() - first.get() + 1;
            checkProgress(job.id(), 0, total);
            EntryFilter.Builder filter = EntryFilter.builder();
            job.workflow().ifPresent(filter::workflow);
            EntryFilter entries = filter.build();
            OptionalLong after = first.get() == 0 ? OptionalLong.empty() : OptionalLong.of(first.get() - 1);
            read:
            while (true) {
                EntryPage page = ledger.entries(entries, after, PAGE);
                long position = after.orElse(first.get() - 1);
                for (SealedEntry e : page.entries()) {
                    if (e.sequence() > last.get()) {
                        break read;
                    }
                    computation.accept(e.entry());
                    position = e.sequence();
                }
                checkProgress(job.id(), Math.min(total, position - first.get() + 1), total);
                if (page.nextAfterSequence().isEmpty()) {
                    break;
                }
                after = page.nextAfterSequence();
            }
            checkpoint = Optional.of(checkpointCovering(job.id(), last.get(), total));
        }
        computation.anchoring(first, last, checkpoint);
        ComplianceReport report = computation.finish();
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        ReportXml.write(report, xml);
        byte[] xmlBytes = xml.toByteArray();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ReportPdf.write(report, xmlBytes, pdf);
        byte[] pdfBytes = pdf.toByteArray();
        completion.complete(job.id(), job.workflow(), new Actor(job.requestedBy(), job.requestedRole()), xmlBytes,
                sha256(xmlBytes), pdfBytes, sha256(pdfBytes), first, last, clock.instant());
        LOG.info(() -> "Report " + job.id() + " completed: " + report.anchoring().entriesCounted() + " entries in "
                + Duration.between(started, clock.instant()).toMillis() + " ms");
    }

    private void checkProgress(String id, long done, long total) {
        if (store.progress(id, done, total, clock.instant())) {
            throw new Cancelled();
        }
    }

    /** The first entry logged at or after {@code t}. */
    private Optional<Long> firstAtOrAfter(Instant t) {
        return ledger.entries(EntryFilter.builder().loggedFrom(t).build(), OptionalLong.empty(), 1).entries().stream()
                .findFirst().map(SealedEntry::sequence);
    }

    /** The last entry logged before {@code t}: the one before the first at or after it, or the log's last one. */
    private long lastBefore(Instant t) {
        Optional<Long> next = firstAtOrAfter(t);
        if (next.isPresent()) {
            return next.get() - 1;
        }
        long last = ledger.latestCheckpoint().map(c -> c.size() - 1).orElse(0L);
        while (ledger.entry(last + 1).isPresent()) {
            last++;
        }
        return last;
    }

    private Instant loggedAt(long sequence) {
        long micros = ledger.entry(sequence).orElseThrow().entry().loggedAtMicros();
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }

    private SignedCheckpoint checkpointCovering(String id, long last, long total) throws InterruptedException {
        Instant deadline = clock.instant().plus(CHECKPOINT_WAIT);
        while (true) {
            Optional<SignedCheckpoint> latest = ledger.latestCheckpoint();
            if (latest.isPresent() && latest.get().size() > last) {
                return latest.get();
            }
            if (clock.instant().isAfter(deadline)) {
                throw new JobFailure("No signed checkpoint covered the period's last ledger entry within "
                        + CHECKPOINT_WAIT.toSeconds() + " s: the ledger's sequencer may be stopped (see the operator guide).");
            }
            checkProgress(id, total, total);
            Thread.sleep(250);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
