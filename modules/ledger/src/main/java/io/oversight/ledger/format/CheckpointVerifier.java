package io.oversight.ledger.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies signed checkpoints of one log against the auditor's trust anchors: the log's origin and
 * the trusted keys with their validity ranges, both obtained out of band and never from the data
 * being verified (immudb CVE-2022-39199). Immutable and thread-safe.
 *
 * <p>Rules, in order: the note must parse strictly; signatures by keys not in the trust list are
 * ignored (C2SP signed-note: they may be witnesses' cosignatures); a signature whose key name and ID
 * match a trusted key must verify, else the whole note is rejected; at least one must verify; only
 * then is the text read as a checkpoint, whose origin must be the pinned one and whose time must lie
 * within the validity range of a key that signed it.
 */
public final class CheckpointVerifier {

    private final String origin;
    private final List<TrustedKey> trustedKeys;

    /**
     * @param origin      the pinned origin of the log
     * @param trustedKeys at least one trusted key
     */
    public CheckpointVerifier(String origin, List<TrustedKey> trustedKeys) {
        Checkpoint.checkName("origin", origin);
        if (trustedKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted key is required");
        }
        this.origin = origin;
        this.trustedKeys = List.copyOf(trustedKeys);
    }

    public String origin() {
        return origin;
    }

    /**
     * Verifies a signed checkpoint note and returns its content.
     *
     * @throws MalformedNoteException  if the note or the checkpoint text is not in the strict format
     * @throws BadSignatureException   if a signature by a trusted key does not verify
     * @throws UnknownKeyException     if no trusted key signed the note
     * @throws OriginMismatchException if the checkpoint is for another log
     * @throws KeyNotValidException    if no signing key was valid at the checkpoint's time
     */
    public Checkpoint verify(byte[] signedNote) throws VerificationException {
        SignedNote note = SignedNote.parse(signedNote);
        byte[] message = note.text().getBytes(StandardCharsets.UTF_8);
        List<TrustedKey> signers = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (SignedNote.Signature signature : note.signatures()) {
            List<TrustedKey> candidates = trustedKeys.stream()
                    .filter(k -> k.key().name().equals(signature.keyName()) && k.key().keyId() == signature.keyId())
                    .toList();
            if (candidates.isEmpty()) {
                unknown.add(signature.keyLabel());
                continue;
            }
            List<TrustedKey> verified = candidates.stream()
                    .filter(k -> k.key().verifies(message, signature.signature()))
                    .toList();
            if (verified.isEmpty()) {
                throw new BadSignatureException(signature.keyName(), signature.keyId());
            }
            signers.addAll(verified);
        }
        if (signers.isEmpty()) {
            throw new UnknownKeyException(new ArrayList<>(unknown));
        }
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        if (!checkpoint.origin().equals(origin)) {
            throw new OriginMismatchException("the checkpoint names origin", origin, checkpoint.origin());
        }
        if (signers.stream().noneMatch(k -> k.validAt(checkpoint.time()))) {
            TrustedKey first = signers.get(0);
            throw new KeyNotValidException(first.key().label(), checkpoint.time(), first.validity());
        }
        return checkpoint;
    }

    @Override
    public String toString() {
        return "CheckpointVerifier[origin=" + origin + ", keys=" + trustedKeys.size() + "]";
    }
}
