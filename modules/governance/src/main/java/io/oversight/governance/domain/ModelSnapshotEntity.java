package io.oversight.governance.domain;

import io.oversight.kernel.ConflictException;
import io.oversight.governance.ModelSnapshot;
import io.oversight.governance.ModelStatus;
import io.oversight.ledger.format.Digest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A registered model snapshot. Promotion moves it shadow → canary → active (or shadow →
 * active); rollback takes an active or canary snapshot out of service; a rolled-back snapshot comes
 * back only through a new promotion to canary, never straight to active. Only one snapshot of a
 * workflow is active: {@code active_workflow_key} is unique in the database. When a promotion
 * supersedes the active snapshot, that one is retired and remembered, so that rolling the new one
 * back restores it.
 */
@Entity
@Table(name = "gov_model_snapshot")
public class ModelSnapshotEntity {

    private static final Map<ModelStatus, Set<ModelStatus>> PROMOTIONS = Map.of(
            ModelStatus.SHADOW, EnumSet.of(ModelStatus.CANARY, ModelStatus.ACTIVE),
            ModelStatus.CANARY, EnumSet.of(ModelStatus.ACTIVE),
            ModelStatus.ROLLED_BACK, EnumSet.of(ModelStatus.CANARY),
            ModelStatus.ACTIVE, EnumSet.noneOf(ModelStatus.class),
            ModelStatus.RETIRED, EnumSet.noneOf(ModelStatus.class));

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "workflow_key", nullable = false, length = 64)
    private String workflowKey;
    @Column(name = "model_name", nullable = false, length = 200)
    private String name;
    @Column(name = "model_version", nullable = false, length = 100)
    private String version;
    @Column(name = "artifact_digest", nullable = false, length = 64)
    private String artifactDigest;
    @Column(name = "training_set_export_id", length = 200)
    private String trainingSetExportId;
    /** Newline-separated label codes. */
    @Column(name = "label_space", nullable = false, length = 70000)
    private String labelSpace;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private ModelStatus status;
    @Column(name = "active_workflow_key", length = 64, unique = true)
    private String activeWorkflowKey;
    @Column(name = "superseded_id", length = 36)
    private String supersededId;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected ModelSnapshotEntity() {
    }

    /** A new snapshot, in shadow; the registration must be validated. */
    public ModelSnapshotEntity(String id, ModelRegistration r, Instant now) {
        this.id = id;
        this.workflowKey = r.workflowKey();
        this.name = r.name().strip();
        this.version = r.version().strip();
        this.artifactDigest = r.digestHex();
        this.trainingSetExportId = r.trainingSetExportId() == null || r.trainingSetExportId().isBlank()
                ? null : r.trainingSetExportId();
        this.labelSpace = String.join("\n", r.labelSpace().stream().distinct().toList());
        this.status = ModelStatus.SHADOW;
        this.registeredAt = now;
        this.statusChangedAt = now;
    }

    /**
     * Promotes to canary or active.
     *
     * @param superseded the workflow's active snapshot, retired by a promotion to active
     * @throws ConflictException if the promotion is not allowed from the current status
     */
    public void promote(ModelStatus target, Optional<ModelSnapshotEntity> superseded, Instant now) {
        checkCanPromote(target);
        if (target == ModelStatus.ACTIVE && superseded.isPresent()) {
            supersededId = superseded.get().id;
        }
        moveTo(target, now);
    }

    /** @throws ConflictException if the promotion is not allowed from the current status */
    public void checkCanPromote(ModelStatus target) {
        if (!PROMOTIONS.get(status).contains(target)) {
            String hint = status == ModelStatus.ROLLED_BACK && target == ModelStatus.ACTIVE
                    ? " A rolled-back snapshot must first be promoted to CANARY again." : "";
            throw new ConflictException("Model snapshot " + label() + " cannot be promoted from " + status + " to "
                    + target + "." + hint);
        }
    }

    /** Retired because another snapshot of the workflow became active. */
    public void supersede(Instant now) {
        if (status != ModelStatus.ACTIVE) {
            throw new IllegalStateException("only the active snapshot can be superseded");
        }
        moveTo(ModelStatus.RETIRED, now);
    }

    /**
     * Takes an active or canary snapshot out of service.
     *
     * @throws ConflictException if it is neither
     */
    public void rollBack(Instant now) {
        if (status != ModelStatus.ACTIVE && status != ModelStatus.CANARY) {
            throw new ConflictException("Model snapshot " + label() + " is " + status
                    + "; only an ACTIVE or CANARY snapshot can be rolled back.");
        }
        moveTo(ModelStatus.ROLLED_BACK, now);
    }

    /** Becomes active again because the snapshot that superseded it was rolled back. */
    public boolean canBeRestored() {
        return status == ModelStatus.RETIRED;
    }

    public void restore(Instant now) {
        if (!canBeRestored()) {
            throw new IllegalStateException("only a retired snapshot can be restored");
        }
        moveTo(ModelStatus.ACTIVE, now);
    }

    /**
     * Retires a snapshot that is not in service.
     *
     * @throws ConflictException for an active snapshot (roll it back or promote another) or a retired one
     */
    public void retire(Instant now) {
        if (status == ModelStatus.ACTIVE || status == ModelStatus.RETIRED) {
            throw new ConflictException("Model snapshot " + label() + " is " + status + " and cannot be retired"
                    + (status == ModelStatus.ACTIVE ? "; roll it back or promote another snapshot." : "."));
        }
        moveTo(ModelStatus.RETIRED, now);
    }

    private void moveTo(ModelStatus target, Instant now) {
        status = target;
        statusChangedAt = now;
        activeWorkflowKey = target == ModelStatus.ACTIVE ? workflowKey : null;
    }

    public String id() {
        return id;
    }

    public String workflowKey() {
        return workflowKey;
    }

    public ModelStatus status() {
        return status;
    }

    public Optional<String> supersededId() {
        return Optional.ofNullable(supersededId);
    }

    public Digest artifactDigest() {
        return Digest.fromHex(artifactDigest);
    }

    String label() {
        return name + " " + version;
    }

    public ModelSnapshot toView() {
        return new ModelSnapshot(id, workflowKey, name, version, artifactDigest(), Optional.ofNullable(trainingSetExportId),
                Arrays.asList(labelSpace.split("\n")), status, registeredAt, statusChangedAt);
    }

    public List<String> labelSpace() {
        return Arrays.asList(labelSpace.split("\n"));
    }
}
