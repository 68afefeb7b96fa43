package io.oversight.ledger;

import io.oversight.ledger.format.Digest;
import io.oversight.ledger.format.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One action to record, as a module hands it to {@link AuditRecorder}: everything an entry
 * holds except what the sequencer assigns (sequence number, previous-entry hash, loggedAt).
 *
 * <p>Only digests of payloads and rationales go in, and people appear only as pseudonyms: raw request
 * text and personal data must never reach the ledger, because nothing can redact an entry once it is
 * sealed (QLDB). Identifier fields are limited to {@value #MAX_ID_LENGTH} characters so that they can
 * be indexed for the auditor's filters; attribute values follow the entry format's limits.
 *
 * @param actionType          dotted action name, e.g. {@code review.decision.approved}
 * @param workflow            workflow id, empty when the action belongs to none
 * @param actor               who acted, and in which role
 * @param subject             what the action was about, if anything
 * @param guidelineVersionId  guideline version in force, empty if none
 * @param guidelineDigest     SHA-256 of that guideline version's content, when known
 * @param modelSnapshotId     model snapshot concerned, empty if none
 * @param modelArtifactDigest SHA-256 of the model artifact, when known
 * @param payloadDigest       SHA-256 of the action's payload, when it has one
 * @param rationaleDigest     SHA-256 of the human rationale, when given
 * @param occurredAt          when the action happened according to the client
 * @param attributes          the action's own small fields (at most 64), never personal data
 */
public record LedgerRecord(
        String actionType,
        String workflow,
        Actor actor,
        Optional<SubjectRef> subject,
        String guidelineVersionId,
        Optional<Digest> guidelineDigest,
        String modelSnapshotId,
        Optional<Digest> modelArtifactDigest,
        Optional<Digest> payloadDigest,
        Optional<Digest> rationaleDigest,
        Instant occurredAt,
        Map<String, String> attributes) {

    /** Maximum length of identifier fields: action type, workflow, pseudonyms, roles, subject, guideline, model. */
    public static final int MAX_ID_LENGTH = 256;

    public LedgerRecord {
        checkId("action type", actionType, false);
        checkId("workflow", workflow, true);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        checkId("guideline version id", guidelineVersionId, true);
        Objects.requireNonNull(guidelineDigest, "guidelineDigest");
        checkId("model snapshot id", modelSnapshotId, true);
        Objects.requireNonNull(modelArtifactDigest, "modelArtifactDigest");
        Objects.requireNonNull(payloadDigest, "payloadDigest");
        Objects.requireNonNull(rationaleDigest, "rationaleDigest");
        Objects.requireNonNull(occurredAt, "occurredAt");
        attributes = Map.copyOf(attributes);
        // The entry format has the final word on attribute limits; failing here, in the caller's
        // transaction, is what keeps an unsealable record out of the outbox.
        toUnsequencedEntry(actionType, workflow, actor, subject, guidelineVersionId, guidelineDigest,
                modelSnapshotId, modelArtifactDigest, payloadDigest, rationaleDigest, occurredAt, attributes);
    }

    public static Builder builder(String actionType, Actor actor) {
        return new Builder(actionType, actor);
    }

    /** SHA-256 of the UTF-8 bytes of a text, e.g. a rationale, so that only its digest is recorded. */
    public static Digest digestOf(String text) {
        return digestOf(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of a payload. */
    public static Digest digestOf(byte[] payload) {
        try {
            return Digest.of(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * The entry this record becomes, with sequence 0, a zero previous hash and loggedAt 0: the
     * sequencer fills in those fixed-position fields when it seals it.
     */
    public LedgerEntry toUnsequencedEntry() {
        return toUnsequencedEntry(actionType, workflow, actor, subject, guidelineVersionId, guidelineDigest,
                modelSnapshotId, modelArtifactDigest, payloadDigest, rationaleDigest, occurredAt, attributes);
    }

    private static LedgerEntry toUnsequencedEntry(String actionType, String workflow, Actor actor,
            Optional<SubjectRef> subject, String guidelineVersionId, Optional<Digest> guidelineDigest,
            String modelSnapshotId, Optional<Digest> modelArtifactDigest, Optional<Digest> payloadDigest,
            Optional<Digest> rationaleDigest, Instant occurredAt, Map<String, String> attributes) {
        LedgerEntry.Builder entry = LedgerEntry.builder()
                .sequence(0)
                .previousEntryHash(Digest.zero())
                .loggedAtMicros(0)
                .occurredAtMicros(micros(occurredAt))
                .workflow(workflow)
                .actionType(actionType)
                .actor(actor.pseudonym(), actor.role())
                .subject(subject.map(SubjectRef::kind).orElse(""), subject.map(SubjectRef::id).orElse(""))
                .guideline(guidelineVersionId, guidelineDigest)
                .modelSnapshot(modelSnapshotId, modelArtifactDigest)
                .payloadDigest(payloadDigest)
                .rationaleDigest(rationaleDigest);
        attributes.forEach(entry::attribute);
        return entry.build();
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static void checkId(String field, String value, boolean mayBeEmpty) {
        Objects.requireNonNull(value, field);
        if (!mayBeEmpty && value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters, limit " + MAX_ID_LENGTH);
        }
    }

    /** Assembles a {@link LedgerRecord}; optional fields start empty, occurredAt unset. Not thread-safe. */
    public static final class Builder {
        private final String actionType;
        private final Actor actor;
        private String workflow = "";
        private Optional<SubjectRef> subject = Optional.empty();
        private String guidelineVersionId = "";
        private Optional<Digest> guidelineDigest = Optional.empty();
        private String modelSnapshotId = "";
        private Optional<Digest> modelArtifactDigest = Optional.empty();
        private Optional<Digest> payloadDigest = Optional.empty();
        private Optional<Digest> rationaleDigest = Optional.empty();
        private Instant occurredAt;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String actionType, Actor actor) {
            this.actionType = actionType;
            this.actor = actor;
        }

        public Builder workflow(String workflow) {
            this.workflow = workflow;
            return this;
        }

        public Builder subject(SubjectRef subject) {
            this.subject = Optional.of(subject);
            return this;
        }

        public Builder subject(String kind, String id) {
            return subject(new SubjectRef(kind, id));
        }

        public Builder guideline(String versionId, Digest contentDigest) {
            this.guidelineVersionId = versionId;
            this.guidelineDigest = Optional.of(contentDigest);
            return this;
        }

        public Builder modelSnapshot(String snapshotId, Digest artifactDigest) {
            this.modelSnapshotId = snapshotId;
            this.modelArtifactDigest = Optional.of(artifactDigest);
            return this;
        }

        /** A model snapshot whose artifact digest is not known. */
        public Builder modelSnapshot(String snapshotId) {
            this.modelSnapshotId = snapshotId;
            this.modelArtifactDigest = Optional.empty();
            return this;
        }

        public Builder payloadDigest(Digest payloadDigest) {
            this.payloadDigest = Optional.of(payloadDigest);
            return this;
        }

        public Builder rationaleDigest(Digest rationaleDigest) {
            this.rationaleDigest = Optional.of(rationaleDigest);
            return this;
        }

        /** Records the digest of a rationale text; the text itself is not recorded. */
        public Builder rationale(String rationale) {
            return rationaleDigest(digestOf(rationale));
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /** Adds or replaces one of the action's own fields. */
        public Builder attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        public LedgerRecord build() {
            return new LedgerRecord(actionType, workflow, actor, subject, guidelineVersionId, guidelineDigest,
                    modelSnapshotId, modelArtifactDigest, payloadDigest, rationaleDigest, occurredAt, attributes);
        }
    }
}
