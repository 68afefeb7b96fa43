package io.oversight.ledger.rest;

import io.oversight.ledger.ConsistencyProof;
import io.oversight.ledger.InclusionProof;
import io.oversight.ledger.KeyRotation;
import io.oversight.ledger.RevealedSubject;
import io.oversight.ledger.SealedEntry;
import io.oversight.ledger.VerificationStatus;
import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.LedgerEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of the ledger API. Hashes and digests are lowercase hex, entry bytes standard
 * base64, times ISO-8601 UTC; absent values are omitted.
 */
public final class LedgerViews {

    private LedgerViews() {
    }

    /** A sealed entry; {@code proof} only when asked for. */
    public record EntryView(long sequence, String loggedAt, String occurredAt, String workflow, String actionType,
            String actorPseudonym, String actorRole, String subjectKind, String subjectId, String guidelineVersionId,
            String guidelineDigest, String modelSnapshotId, String modelArtifactDigest, String payloadDigest,
            String rationaleDigest, Map<String, String> attributes, String previousEntryHash, String leafHash,
            String storedBytes, List<String> erasedPseudonyms, InclusionProofView proof) {
    }

    public record EntryPageView(List<EntryView> entries, Long nextAfterSequence) {
    }

    /** Inclusion proof against the signed checkpoint given in full. */
    public record InclusionProofView(long leafIndex, long treeSize, List<String> hashes, String checkpoint) {
    }

    public record ConsistencyProofView(long fromSize, long toSize, List<String> hashes) {
    }

    public record FailureView(String kind, Long firstBadSequence, String message, String expected, String actual) {
    }

    public record VerificationView(String jobId, String state, long fromSequence, long toSequence, long checked,
            String requestedBy, String startedAt, String finishedAt, FailureView failure, List<String> notices) {
    }

    /** Who a pseudonym stands for, as revealed to an auditor. */
    public record RevealedSubjectView(String pseudonym, String kind, String identity, Map<String, String> fields) {
    }

    static RevealedSubjectView revealed(RevealedSubject subject) {
        return new RevealedSubjectView(subject.pseudonym(), subject.kind().name(), subject.identity(), subject.fields());
    }

    public record KeyRotationView(String previousKey, String newKey, String at, long recordId) {
    }

    static EntryView entry(SealedEntry sealed, Optional<InclusionProof> proof) {
        LedgerEntry e = sealed.entry();
        return new EntryView(e.sequence(), micros(e.loggedAtMicros()), micros(e.occurredAtMicros()), e.workflow(),
                e.actionType(), e.actorPseudonym(), e.actorRole(), e.subjectKind(), e.subjectId(), e.guidelineVersionId(),
                hex(e.guidelineDigest()), e.modelSnapshotId(), hex(e.modelArtifactDigest()), hex(e.payloadDigest()),
                hex(e.rationaleDigest()), e.attributes(), e.previousEntryHash().hex(), sealed.leafHash().hex(),
                Base64.getEncoder().encodeToString(sealed.storedBytes()), List.copyOf(sealed.erasedPseudonyms()),
                proof.map(LedgerViews::inclusion).orElse(null));
    }

    static InclusionProofView inclusion(InclusionProof proof) {
        return new InclusionProofView(proof.leafIndex(), proof.treeSize(), hexes(proof.hashes()), proof.checkpoint().note());
    }

    static ConsistencyProofView consistency(ConsistencyProof proof) {
        return new ConsistencyProofView(proof.fromSize(), proof.toSize(), hexes(proof.hashes()));
    }

    static VerificationView verification(VerificationStatus status) {
        FailureView failure = status.failure().map(f -> new FailureView(f.kind(),
                f.firstBadSequence().isPresent() ? f.firstBadSequence().getAsLong() : null, f.message(),
                f.expected().map(Digest::hex).orElse(null), f.actual().map(Digest::hex).orElse(null))).orElse(null);
        return new VerificationView(status.jobId(), status.state().name(), status.fromSequence(), status.toSequence(),
                status.checked(), status.requestedBy(), status.startedAt().toString(),
                status.finishedAt().map(Instant::toString).orElse(null), failure, status.notices());
    }

    static KeyRotationView rotation(KeyRotation rotation) {
        return new KeyRotationView(rotation.previousKey(), rotation.newKey(), rotation.at().toString(),
                rotation.record().value());
    }

    private static String micros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).toString();
    }

    private static String hex(Optional<Digest> digest) {
        return digest.map(Digest::hex).orElse(null);
    }

    private static List<String> hexes(List<Digest> hashes) {
        return hashes.stream().map(Digest::hex).toList();
    }
}
