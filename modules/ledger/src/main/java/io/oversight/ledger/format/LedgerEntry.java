package io.oversight.ledger.format;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One ledger entry: who did what to which subject, under which guideline version and model
 * snapshot, when, and the hash of the entry before it. Its bytes are produced by
 * {@link EntryCodec}; the components are listed in encoding order.
 *
 * <p>Invariants, checked on construction (violations are programming errors and throw
 * {@link IllegalArgumentException}): {@code sequence >= 0}; {@code actionType}, {@code actorPseudonym}
 * and {@code actorRole} are non-empty; every string is well-formed UTF-16 (no lone surrogates) and at
 * most {@value #MAX_STRING_BYTES} bytes in UTF-8; at most {@value #MAX_ATTRIBUTES} attributes with
 * non-empty keys. {@link #attributes()} iterates in canonical order: by the keys' UTF-8 bytes.
 * Actors and subjects appear only as pseudonyms; payload and rationale only as digests.
 *
 * @param sequence           position in the log, from 0, contiguous
 * @param previousEntryHash  chain hash of entry {@code sequence - 1}; all zero for entry 0
 * @param loggedAtMicros     server sealing time, microseconds since the Unix epoch; never decreases along the log
 * @param occurredAtMicros   time the action happened as reported by the client, microseconds since the epoch
 * @param workflow           workflow id, empty when the action belongs to none
 * @param actionType         dotted action name such as {@code review.decision.approved}
 * @param actorPseudonym     pseudonym of the person or system that acted
 * @param actorRole          role the actor acted in
 * @param subjectKind        kind of subject (item, task, guideline, model, ...), may be empty
 * @param subjectId          subject id, may be empty
 * @param guidelineVersionId guideline version in force, may be empty
 * @param guidelineDigest    SHA-256 of that guideline version's content, when known
 * @param modelSnapshotId    model snapshot concerned, may be empty
 * @param modelArtifactDigest SHA-256 of the model artifact, when known
 * @param payloadDigest      SHA-256 of the action's payload, when it has one
 * @param rationaleDigest    SHA-256 of the human rationale, when given
 * @param attributes         the action's own small fields
 */
public record LedgerEntry(
        long sequence,
        Digest previousEntryHash,
        long loggedAtMicros,
        long occurredAtMicros,
        String workflow,
        String actionType,
        String actorPseudonym,
        String actorRole,
        String subjectKind,
        String subjectId,
        String guidelineVersionId,
        Optional<Digest> guidelineDigest,
        String modelSnapshotId,
        Optional<Digest> modelArtifactDigest,
        Optional<Digest> payloadDigest,
        Optional<Digest> rationaleDigest,
        Map<String, String> attributes) {

    /** Maximum UTF-8 length of any string field, attribute key or attribute value. */
    public static final int MAX_STRING_BYTES = 4096;
    /** Maximum number of attributes. */
    public static final int MAX_ATTRIBUTES = 64;

    /** Canonical key order: by UTF-8 bytes, which for well-formed strings is code point order. */
    static final Comparator<String> UTF8_ORDER = LedgerEntry::compareCodePoints;

    public LedgerEntry {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0: " + sequence);
        }
        Objects.requireNonNull(previousEntryHash, "previousEntryHash");
        checkString("workflow", workflow, true);
        checkString("actionType", actionType, false);
        checkString("actorPseudonym", actorPseudonym, false);
        checkString("actorRole", actorRole, false);
        checkString("subjectKind", subjectKind, true);
        checkString("subjectId", subjectId, true);
        checkString("guidelineVersionId", guidelineVersionId, true);
        Objects.requireNonNull(guidelineDigest, "guidelineDigest");
        checkString("modelSnapshotId", modelSnapshotId, true);
        Objects.requireNonNull(modelArtifactDigest, "modelArtifactDigest");
        Objects.requireNonNull(payloadDigest, "payloadDigest");
        Objects.requireNonNull(rationaleDigest, "rationaleDigest");
        Objects.requireNonNull(attributes, "attributes");
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("at most " + MAX_ATTRIBUTES + " attributes, got " + attributes.size());
        }
        SortedMap<String, String> sorted = new TreeMap<>(UTF8_ORDER);
        attributes.forEach((key, value) -> {
            checkString("attribute key", key, false);
            checkString("attribute value", value, true);
            sorted.put(key, value);
        });
        attributes = Collections.unmodifiableSortedMap(sorted);
    }

    /** A builder with empty optional fields, no attributes and all other fields unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** UTF-8 length of a well-formed string, or -1 if it contains a lone surrogate. */
    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return -1;
                }
                bytes += 4;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return -1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static void checkString(String field, String value, boolean mayBeEmpty) {
        Objects.requireNonNull(value, field);
        int length = utf8Length(value);
        if (length < 0) {
            throw new IllegalArgumentException(field + " is not well-formed Unicode (lone surrogate)");
        }
        if (length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException(field + " is " + length + " UTF-8 bytes, limit " + MAX_STRING_BYTES);
        }
        if (!mayBeEmpty && length == 0) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Assembles a {@link LedgerEntry}; not thread-safe. */
    public static final class Builder {
        private long sequence = -1;
        private Digest previousEntryHash;
        private long loggedAtMicros;
        private long occurredAtMicros;
        private String workflow = "";
        private String actionType;
        private String actorPseudonym;
        private String actorRole;
        private String subjectKind = "";
        private String subjectId = "";
        private String guidelineVersionId = "";
        private Optional<Digest> guidelineDigest = Optional.empty();
        private String modelSnapshotId = "";
        private Optional<Digest> modelArtifactDigest = Optional.empty();
        private Optional<Digest> payloadDigest = Optional.empty();
        private Optional<Digest> rationaleDigest = Optional.empty();
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder sequence(long sequence) {
            this.sequence = sequence;
            return this;
        }

        public Builder previousEntryHash(Digest previousEntryHash) {
            this.previousEntryHash = previousEntryHash;
            return this;
        }

        public Builder loggedAtMicros(long loggedAtMicros) {
            this.loggedAtMicros = loggedAtMicros;
            return this;
        }

        public Builder occurredAtMicros(long occurredAtMicros) {
            this.occurredAtMicros = occurredAtMicros;
            return this;
        }

        public Builder workflow(String workflow) {
            this.workflow = workflow;
            return this;
        }

        public Builder actionType(String actionType) {
            this.actionType = actionType;
            return this;
        }

        public Builder actor(String pseudonym, String role) {
            this.actorPseudonym = pseudonym;
            this.actorRole = role;
            return this;
        }

        public Builder subject(String kind, String id) {
            this.subjectKind = kind;
            this.subjectId = id;
            return this;
        }

        public Builder guideline(String versionId, Optional<Digest> digest) {
            this.guidelineVersionId = versionId;
            this.guidelineDigest = digest;
            return this;
        }

        public Builder modelSnapshot(String snapshotId, Optional<Digest> artifactDigest) {
            this.modelSnapshotId = snapshotId;
            this.modelArtifactDigest = artifactDigest;
            return this;
        }

        public Builder payloadDigest(Optional<Digest> payloadDigest) {
            this.payloadDigest = payloadDigest;
            return this;
        }

        public Builder rationaleDigest(Optional<Digest> rationaleDigest) {
            this.rationaleDigest = rationaleDigest;
            return this;
        }

        /** Adds or replaces one attribute. */
        public Builder attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        public LedgerEntry build() {
            return new LedgerEntry(sequence, previousEntryHash, loggedAtMicros, occurredAtMicros, workflow,
                    actionType, actorPseudonym, actorRole, subjectKind, subjectId, guidelineVersionId,
                    guidelineDigest, modelSnapshotId, modelArtifactDigest, payloadDigest, rationaleDigest,
                    attributes);
        }
    }
}
