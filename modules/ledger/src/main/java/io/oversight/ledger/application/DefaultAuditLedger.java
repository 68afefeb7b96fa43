package io.oversight.ledger.application;

import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditLedger;
import io.oversight.ledger.BundleRequest;
import io.oversight.ledger.ConsistencyProof;
import io.oversight.ledger.EntryFilter;
import io.oversight.ledger.EntryPage;
import io.oversight.ledger.InclusionProof;
import io.oversight.ledger.LedgerRangeException;
import io.oversight.ledger.LedgerStorageException;
import io.oversight.ledger.SealedEntry;
import io.oversight.ledger.SignedCheckpoint;
import io.oversight.ledger.VerificationStatus;
import io.oversight.ledger.storage.BundleExporter;
import io.oversight.ledger.storage.KeyManagement;
import io.oversight.ledger.storage.LedgerQueries;
import io.oversight.ledger.storage.LogStatus;
import io.oversight.ledger.storage.Micros;
import io.oversight.ledger.storage.OnlineVerifier;
import io.oversight.ledger.storage.Sql;
import io.oversight.ledger.storage.VerificationJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The auditor's read side. Plain reads use autocommit connections; exports and verification jobs
 * read one consistent snapshot (REPEATABLE READ) in a local transaction, outside any JTA transaction
 * (NOT_SUPPORTED), so PostgreSQL streams rows with a cursor instead of loading them.
 */
@ApplicationScoped
public class DefaultAuditLedger implements AuditLedger {

    private static final Logger LOG = Logger.getLogger(DefaultAuditLedger.class.getName());

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    LedgerConfiguration configuration;

    private final LedgerQueries queries = new LedgerQueries();

    @Override
    public EntryPage entries(EntryFilter filter, OptionalLong afterSequence,
            int limit) {
        return Sql.withConnection(dataSource, "listing ledger entries", c -> queries.entries(c, filter, afterSequence, limit));
    }

    @Override
    public Optional<SealedEntry> entry(long sequence) {
        return Sql.withConnection(dataSource, "reading entry " + sequence, c -> queries.entry(c, sequence));
    }

    @Override
    public Optional<InclusionProof> inclusionProof(long sequence) {
        return Sql.withConnection(dataSource, "proving entry " + sequence, c -> queries.inclusionProof(c, sequence));
    }

    @Override
    public Optional<SignedCheckpoint> latestCheckpoint() {
        return Sql.withConnection(dataSource, "reading the latest checkpoint", queries::latestCheckpoint);
    }

    @Override
    public Optional<SignedCheckpoint> checkpoint(long treeSize) {
        return Sql.withConnection(dataSource, "reading checkpoint " + treeSize, c -> queries.checkpoint(c, treeSize));
    }

    @Override
    public ConsistencyProof consistencyProof(long fromSize, long toSize) {
        return Sql.withConnection(dataSource, "proving consistency", c -> queries.consistencyProof(c, fromSize, toSize));
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public VerificationStatus startVerification(long fromSequence, Actor requestedBy) {
        String jobId = UUID.randomUUID().toString();
        long now = Micros.now(configuration.clock());
        Sql.withConnection(dataSource, "creating a verification job", c -> {
            long size = LogStatus.read(c).treeSize();
            if (fromSequence > size) {
                throw new LedgerRangeException("cannot verify from entry " + fromSequence + ": the log has " + size + " entries");
            }
            VerificationJobs.create(c, jobId, fromSequence, size, requestedBy.pseudonym(), now);
            return null;
        });
        executor.execute(() -> runVerification(jobId, fromSequence));
        return verification(jobId).orElseThrow();
    }

    @Override
    public Optional<VerificationStatus> verification(String jobId) {
        return Sql.withConnection(dataSource, "reading verification job " + jobId, c -> VerificationJobs.find(c, jobId));
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public void exportBundle(BundleRequest request, OutputStream out) throws IOException {
        try {
            Sql.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, "exporting a bundle", c -> {
                String trust = new KeyManagement(configuration.settings(), configuration.keyStore(), configuration.clock())
                        .trustFile(c);
                try {
                    return new BundleExporter(configuration.settings().origin()).export(c, request, trust, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void runVerification(String jobId, long from) {
        try {
            OnlineVerifier.Outcome outcome = Sql.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ,
                    "verifying the ledger", c -> new OnlineVerifier(configuration.settings().origin())
                            .verify(c, from, checked -> reportProgress(jobId, checked)));
            Sql.withConnection(dataSource, "recording a verification result", c -> {
                VerificationJobs.finish(c, jobId, outcome, Micros.now(configuration.clock()));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ledger verification job " + jobId + " could not finish", e);
            try {
                Sql.withConnection(dataSource, "recording an aborted verification", c -> {
                    VerificationJobs.abort(c, jobId, e.getMessage() == null ? e.toString() : e.getMessage(),
                            Micros.now(configuration.clock()));
                    return null;
                });
            } catch (LedgerStorageException unrecorded) {
                e.addSuppressed(unrecorded);
                LOG.log(Level.SEVERE, "Cannot record the end of verification job " + jobId, unrecorded);
            }
        }
    }

    private void reportProgress(String jobId, long checked) {
        Sql.withConnection(dataSource, "recording verification progress", c -> {
            VerificationJobs.progress(c, jobId, checked);
            return null;
        });
    }
}
