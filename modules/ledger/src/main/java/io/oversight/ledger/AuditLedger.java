package io.oversight.ledger;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The auditor's view of the ledger: filtered listing, entries with their
 * inclusion proofs, signed checkpoints, consistency proofs, online verification and bundle export.
 * Everything here reads; nothing changes the log.
 */
public interface AuditLedger {

    /** Largest page {@link #entries} returns. */
    int MAX_PAGE = 1000;

    /**
     * Entries matching {@code filter} with sequence numbers above {@code afterSequence} (all when
     * empty), in sequence order, at most {@code limit}.
     */
    EntryPage entries(@NotNull EntryFilter filter, @NotNull OptionalLong afterSequence,
            @Min(1) @Max(MAX_PAGE) int limit);

    /** The sealed entry at {@code sequence}, if the log has it. */
    Optional<SealedEntry> entry(@Min(0) long sequence);

    /**
     * The inclusion proof of entry {@code sequence} in the tree of the latest signed checkpoint;
     * empty if no checkpoint covers it yet.
     */
    Optional<InclusionProof> inclusionProof(@Min(0) long sequence);

    /** The latest signed checkpoint, once there is one. */
    Optional<SignedCheckpoint> latestCheckpoint();

    /** The signed checkpoint at exactly {@code treeSize}, if one was signed at that size. */
    Optional<SignedCheckpoint> checkpoint(@Min(1) long treeSize);

    /**
     * The consistency proof between two tree sizes, both at most the latest checkpoint's size.
     *
     * @throws LedgerRangeException unless {@code 1 <= fromSize <= toSize <= latest checkpoint size}
     */
    ConsistencyProof consistencyProof(@Min(1) long fromSize, @Min(1) long toSize);

    /**
     * Starts verifying the stored log (from {@code fromSequence}, to its end) in the background: the
     * chain, the Merkle roots against every signed checkpoint, the checkpoints' signatures, the stored
     * tiles and leaf hashes against recomputed ones.
     *
     * @return the job's initial status; poll {@link #verification} for progress
     */
    VerificationStatus startVerification(@Min(0) long fromSequence, @NotNull Actor requestedBy);

    /** A verification job's progress or result. */
    Optional<VerificationStatus> verification(@NotNull String jobId);

    /**
     * Streams a bundle (zip) of the requested range to {@code out}, in constant memory.
     *
     * @throws LedgerRangeException if the range has no signed checkpoint covering it
     */
    void exportBundle(@NotNull BundleRequest request, @NotNull OutputStream out) throws IOException;
}
