package io.oversight.ledger.format;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a ledger bundle offline, trusting nothing but the pinned origin and the
 * trusted keys given to the constructor. Immutable and thread-safe; one {@link #verify} call streams
 * the entries once, in O(log n) memory.
 *
 * <p>Checks, in this order; the first failure ends verification and is reported:
 * <ol>
 *   <li>the manifest names the pinned origin; {@code prefix.bin} covers exactly the entries before
 *       the first bundled one;
 *   <li>every checkpoint note verifies ({@link CheckpointVerifier}); their sizes are distinct and
 *       within the bundled range; their times do not decrease with size; likewise the caller's
 *       earlier checkpoint, if given;
 *   <li>in a format-2 bundle not starting at 0, {@code previous-entry.bin} is entry {@code first - 1},
 *       decodes strictly and hashes to the chain hash of {@code prefix.bin}; its {@code loggedAt}
 *       bounds the times checked below (format 1 lacks it: those two time checks are skipped, with a
 *       notice);
 *   <li>for each entry in order: it decodes strictly; its sequence number is the next one; its
 *       {@code loggedAt} is not before the previous entry's; its previous-entry hash equals the
 *       chain hash of the entry before it (from {@code prefix.bin} for the first one);
 *   <li>at each checkpoint size: the checkpoint's chain head equals the chain hash of the last entry,
 *       its root equals the root recomputed from the prefix and the entries' leaf hashes (the chain
 *       and the tree are each checked on their own terms), and its time is not before the last
 *       entry's {@code loggedAt};
 *   <li>no entry lies beyond the last checkpoint, none is missing before it, and the manifest's
 *       entry count is right;
 *   <li>the log extends the caller's earlier checkpoint: recomputed in the stream when its size lies
 *       within the bundle, else by the bundled proof {@code proofs/consistency-<a>-<b>.bin} between
 *       it and the latest bundled checkpoint. An earlier checkpoint of size 0 proves nothing
 *       ({@link EmptyTreeConsistencyException}) and yields a notice.
 * </ol>
 */
public final class BundleVerifier {

    private final CheckpointVerifier checkpoints;

    public BundleVerifier(String origin, List<TrustedKey> trustedKeys) {
        this.checkpoints = new CheckpointVerifier(origin, trustedKeys);
    }

    /**
     * Verifies a bundle, optionally against a signed checkpoint of the same log the caller kept from
     * earlier. Never throws for bad data: failures are in the report.
     *
     * @throws IOException only if reading the bundle fails
     */
    public VerificationReport verify(BundleReader bundle, Optional<byte[]> earlierCheckpointNote) throws IOException {
        Run run = new Run(bundle);
        try {
            run.verify(earlierCheckpointNote);
        } catch (VerificationException e) {
            run.failure = Optional.of(e);
        }
        return new VerificationReport(checkpoints.origin(), bundle.manifest().firstSequence(), run.entriesChecked,
                run.verified, run.earlierVerified, run.notices, run.failure);
    }

    /** The mutable state of one verification. */
    private final class Run {
        private final BundleReader bundle;
        private final List<Checkpoint> verified = new ArrayList<>();
        private final List<String> notices = new ArrayList<>();
        private Optional<Checkpoint> earlierVerified = Optional.empty();
        private Optional<VerificationException> failure = Optional.empty();
        private long entriesChecked;

        private CompactRange tree;
        private byte[] chainHead;
        private long lastLoggedAt;
        private boolean sawEntry;

        Run(BundleReader bundle) {
            this.bundle = bundle;
        }

        void verify(Optional<byte[]> earlierNote) throws IOException, VerificationException {
            BundleManifest manifest = bundle.manifest();
            if (!manifest.origin().equals(checkpoints.origin())) {
                throw new OriginMismatchException("bundle.properties names origin", checkpoints.origin(), manifest.origin());
            }
            long first = manifest.firstSequence();
            BundlePrefix prefix = bundle.prefix();
            if (prefix.treeSize() != first) {
                throw new MalformedBundleException("prefix.bin covers " + prefix.treeSize()
                        + " entries but the bundle starts at entry " + first);
            }
            List<Checkpoint> signed = verifiedCheckpoints(first);
            Checkpoint latest = signed.get(signed.size() - 1);
            Optional<Checkpoint> earlier = Optional.empty();
            if (earlierNote.isPresent()) {
                earlier = Optional.of(checkpoints.verify(earlierNote.get()));
            }
            if (first > 0) {
                notices.add("the bundle starts at entry " + first + "; earlier entries are represented by prefix.bin,"
                        + " which the signed roots authenticate");
            }

            tree = prefix.toCompactRange();
            chainHead = prefix.previousChainHash().bytes();
            if (prefix.previousEntry().isPresent()) {
                checkPreviousEntry(first, prefix.previousEntry().get());
            } else if (first > 0) {
                notices.add("bundle format " + manifest.formatVersion() + " carries no entry " + (first - 1)
                        + ": the time order between it and entry " + first + ", and the time of a checkpoint at size "
                        + first + ", cannot be checked");
            }
            int next = 0;
            boolean earlierChecked = false;
            long sequence = first;
            try (BundleReader.EntryStream entries = bundle.entries()) {
                while (true) {
                    while (next < signed.size() && signed.get(next).size() == sequence) {
                        checkAgainst(signed.get(next++));
                    }
                    if (earlier.isPresent() && earlier.get().size() == sequence) {
                        checkEarlier(earlier.get(), latest);
                        earlierChecked = true;
                    }
                    Optional<byte[]> stored = entries.next();
                    if (stored.isEmpty()) {
                        break;
                    }
                    if (sequence == latest.size()) {
                        throw new SequenceMismatchException(sequence, "found entry data beyond the last signed"
                                + " checkpoint (size " + latest.size() + "), which no signature covers");
                    }
                    checkEntry(sequence, stored.get());
                    sequence++;
                }
            }
            if (sequence < latest.size()) {
                throw new SequenceMismatchException(sequence, "entries.bin ends there, while the signed checkpoint"
                        + " at size " + latest.size() + " covers entries up to " + (latest.size() - 1));
            }
            if (sequence != manifest.endSequence()) {
                throw new MalformedBundleException("bundle.properties declares " + manifest.entryCount()
                        + " entries but entries.bin holds " + (sequence - first));
            }
            if (earlier.isPresent() && !earlierChecked) {
                checkEarlierByProof(earlier.get(), latest);
            }
        }

        private List<Checkpoint> verifiedCheckpoints(long first) throws IOException, VerificationException {
            List<Checkpoint> signed = new ArrayList<>();
            for (byte[] note : bundle.checkpointNotes()) {
                signed.add(checkpoints.verify(note));
            }
            if (signed.isEmpty()) {
                throw new MalformedBundleException("bundle has no checkpoint");
            }
            signed.sort(Comparator.comparingLong(Checkpoint::size));
            for (int i = 0; i < signed.size(); i++) {
                Checkpoint c = signed.get(i);
                if (c.size() < first) {
                    throw new MalformedBundleException("checkpoint at size " + c.size()
                            + " lies before the bundle's first entry " + first);
                }
                if (i > 0 && signed.get(i - 1).size() == c.size()) {
                    throw new MalformedBundleException("two checkpoints at size " + c.size());
                }
                if (i > 0 && c.timeMicros() < signed.get(i - 1).timeMicros()) {
                    throw new TimeOrderException(c.size() - 1, "the checkpoint at size " + c.size() + " is dated "
                            + c.time() + ", before the checkpoint at size " + signed.get(i - 1).size());
                }
            }
            return signed;
        }

        /**
         * Entry {@code first - 1} of a format-2 bundle: it must be that entry, decode strictly and
         * hash to the chain hash of {@code prefix.bin}, which the first bundled entry (or a
         * checkpoint at size {@code first}) must continue; its {@code loggedAt} then bounds the times
         * that follow.
         */
        private void checkPreviousEntry(long first, byte[] previous) throws VerificationException {
            long sequence = first - 1;
            EntryCodec.Header entry;
            try {
                entry = EntryCodec.validate(previous);
            } catch (MalformedEntryException e) {
                throw new MalformedEntryException(sequence, e);
            }
            if (entry.sequence() != sequence) {
                throw new SequenceMismatchException(sequence, BundleWriter.PREVIOUS_ENTRY + " holds entry " + entry.sequence());
            }
            if (!MessageDigest.isEqual(LedgerHashes.chainHash(previous), chainHead)) {
                throw new MalformedBundleException(BundleWriter.PREVIOUS_ENTRY + " (entry " + sequence + ") hashes to chain hash "
                        + Digest.of(LedgerHashes.chainHash(previous)) + " but prefix.bin gives " + Digest.of(chainHead));
            }
            lastLoggedAt = entry.loggedAtMicros();
            sawEntry = true;
        }

        private void checkEntry(long sequence, byte[] stored) throws MalformedEntryException, SequenceMismatchException,
                TimeOrderException, ChainMismatchException {
            EntryCodec.Header entry;
            try {
                entry = EntryCodec.validate(stored);
            } catch (MalformedEntryException e) {
                throw new MalformedEntryException(sequence, e);
            }
            if (entry.sequence() != sequence) {
                throw new SequenceMismatchException(sequence, "found entry " + entry.sequence());
            }
            if (sawEntry && entry.loggedAtMicros() < lastLoggedAt) {
                throw new TimeOrderException(sequence, "sealed at " + micros(entry.loggedAtMicros())
                        + ", before entry " + (sequence - 1) + " sealed at " + micros(lastLoggedAt));
            }
            if (!EntryCodec.previousHashEquals(stored, chainHead)) {
                throw new ChainMismatchException(sequence, Digest.of(chainHead), EntryCodec.previousHash(stored));
            }
            // Hash the stored bytes, never a re-encoding (Rekor #1943).
            tree.appendLeaf(LedgerHashes.leafHash(stored));
            chainHead = LedgerHashes.chainHash(stored);
            lastLoggedAt = entry.loggedAtMicros();
            sawEntry = true;
            entriesChecked++;
        }

        private void checkAgainst(Checkpoint checkpoint) throws VerificationException {
            if (!checkpoint.chainHead().matches(chainHead)) {
                throw new ChainHeadMismatchException(checkpoint.size(), checkpoint.chainHead(), Digest.of(chainHead));
            }
            byte[] root = tree.root();
            if (!checkpoint.rootHash().matches(root)) {
                throw new RootMismatchException("Merkle root of the first " + checkpoint.size()
                        + " entries (signed checkpoint at size " + checkpoint.size() + ")", checkpoint.rootHash().bytes(), root);
            }
            if (sawEntry && checkpoint.timeMicros() < lastLoggedAt) {
                throw new TimeOrderException(checkpoint.size() - 1, "the checkpoint at size " + checkpoint.size()
                        + " is dated " + checkpoint.time() + ", before its last entry was sealed at " + micros(lastLoggedAt));
            }
            verified.add(checkpoint);
        }

        private void checkEarlier(Checkpoint earlier, Checkpoint latest) throws VerificationException {
            try {
                if (!earlier.chainHead().matches(chainHead)) {
                    throw new ChainHeadMismatchException(earlier.size(), earlier.chainHead(), Digest.of(chainHead));
                }
                byte[] root = tree.root();
                if (!earlier.rootHash().matches(root)) {
                    throw new RootMismatchException("Merkle root recomputed at size " + earlier.size(),
                            earlier.rootHash().bytes(), root);
                }
            } catch (ChainHeadMismatchException | RootMismatchException e) {
                throw new InconsistentCheckpointsException(earlier.size(), latest.size(), e);
            }
            if (earlier.size() == 0) {
                notices.add("your earlier checkpoint is of the empty log, which every log extends: it proves nothing");
            } else {
                notices.add("the log extends your earlier checkpoint at size " + earlier.size()
                        + " (root recomputed from the entries)");
            }
            earlierVerified = Optional.of(earlier);
        }

        private void checkEarlierByProof(Checkpoint earlier, Checkpoint latest) throws IOException, VerificationException {
            Checkpoint older = earlier.size() <= latest.size() ? earlier : latest;
            Checkpoint newer = older == earlier ? latest : earlier;
            try {
                List<byte[]> proof = older.size() == 0 || older.size() == newer.size()
                        ? List.of()
                        : bundle.consistencyProof(older.size(), newer.size()).orElseThrow(() -> new MalformedBundleException(
                                "cannot check consistency with your earlier checkpoint: the bundle has no "
                                        + BundleWriter.proofName(older.size(), newer.size())));
                ProofVerifier.verifyConsistency(older.size(), newer.size(), proof,
                        older.rootHash().bytes(), newer.rootHash().bytes());
            } catch (EmptyTreeConsistencyException e) {
                notices.add("your earlier checkpoint is of the empty log, which every log extends: it proves nothing");
                return;
            } catch (InvalidProofException | RootMismatchException e) {
                throw new InconsistentCheckpointsException(earlier.size(), latest.size(), e);
            }
            if (earlier.size() > latest.size()) {
                notices.add("your earlier checkpoint (size " + earlier.size() + ") is newer than this bundle (size "
                        + latest.size() + "); the bundle is a consistent older state of the log");
            } else {
                notices.add("the log extends your earlier checkpoint at size " + earlier.size()
                        + " (bundled consistency proof)");
            }
            earlierVerified = Optional.of(earlier);
        }
    }

    private static Instant micros(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }
}
