package io.oversight.governance.domain;

import io.oversight.kernel.CanonicalJson;
import io.oversight.governance.IntegrationMode;
import io.oversight.governance.LabelSelection;
import io.oversight.governance.RiskLevel;
import io.oversight.governance.RiskProfile;
import io.oversight.governance.TaskKind;
import io.oversight.governance.Taxonomy;
import io.oversight.governance.Workflow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A workflow: the aggregate root of its settings and the number of its current taxonomy
 * version. Labels, guideline versions, policies and snapshots are their own aggregates and refer to
 * it by key. Changes go through {@link #change}; the key never changes.
 */
@Entity
@Table(name = "gov_workflow")
public class WorkflowEntity {

    @Id
    @Column(name = "workflow_key", length = 64)
    private String workflowKey;
    @Column(name = "name", nullable = false, length = 200)
    private String name;
    @Column(name = "description", nullable = false, length = 4000)
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(name = "consequence", nullable = false, length = 16)
    private RiskLevel consequence;
    @Enumerated(EnumType.STRING)
    @Column(name = "volume", nullable = false, length = 16)
    private RiskLevel volume;
    @Enumerated(EnumType.STRING)
    @Column(name = "accuracy", nullable = false, length = 16)
    private RiskLevel accuracy;
    @Enumerated(EnumType.STRING)
    @Column(name = "integration_mode", nullable = false, length = 16)
    private IntegrationMode integrationMode;
    @Column(name = "reviewers_per_item", nullable = false)
    private int reviewersPerItem;
    @Column(name = "retention_days", nullable = false)
    private int retentionDays;
    @Column(name = "legal_hold", nullable = false)
    private boolean legalHold;
    /** Newline-separated; paths cannot contain newlines. */
    @Column(name = "pii_field_paths", nullable = false, length = 20000)
    private String piiFieldPaths;
    @Enumerated(EnumType.STRING)
    @Column(name = "task_kind", nullable = false, length = 32)
    private TaskKind taskKind;
    @Enumerated(EnumType.STRING)
    @Column(name = "label_selection", nullable = false, length = 16)
    private LabelSelection labelSelection;
    @Column(name = "taxonomy_version", nullable = false)
    private int taxonomyVersion;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected WorkflowEntity() {
    }

    /** A new workflow with an empty taxonomy (version 0); the settings must be validated. */
    public WorkflowEntity(WorkflowSettings settings, Instant now) {
        this.workflowKey = Objects.requireNonNull(settings.key(), "key");
        this.createdAt = now;
        this.taxonomyVersion = 0;
        change(settings, now);
    }

    /** Replaces every setting but the key; the settings must be validated. */
    public void change(WorkflowSettings s, Instant now) {
        this.name = s.name().strip();
        this.description = s.descriptionOrEmpty();
        this.consequence = s.consequence();
        this.volume = s.volume();
        this.accuracy = s.accuracy();
        this.integrationMode = s.integrationMode();
        this.reviewersPerItem = s.reviewersPerItem();
        this.retentionDays = s.retentionDays();
        this.legalHold = Boolean.TRUE.equals(s.legalHold());
        this.piiFieldPaths = String.join("\n", s.piiFieldPathsOrEmpty());
        this.taskKind = s.taskKind();
        this.labelSelection = s.labelSelection();
        this.changedAt = now;
    }

    /** Starts the next taxonomy version and returns its number. */
    public int nextTaxonomyVersion(Instant now) {
        taxonomyVersion++;
        changedAt = now;
        return taxonomyVersion;
    }

    public String key() {
        return workflowKey;
    }

    public int taxonomyVersion() {
        return taxonomyVersion;
    }

    public List<String> piiFieldPaths() {
        return piiFieldPaths.isEmpty() ? List.of() : Arrays.asList(piiFieldPaths.split("\n"));
    }

    public Workflow toView(Taxonomy taxonomy) {
        return new Workflow(workflowKey, name, description, new RiskProfile(consequence, volume, accuracy), integrationMode,
                reviewersPerItem, retentionDays, legalHold, piiFieldPaths(), taskKind, labelSelection, taxonomy,
                createdAt, changedAt);
    }

    /** The canonical serialization of the settings, whose digest the ledger entry of a change carries. */
    public String canonicalSettings() {
        CanonicalJson json = new CanonicalJson().beginObject()
                .field("key", workflowKey).field("name", name).field("description", description)
                .field("consequence", consequence.name()).field("volume", volume.name()).field("accuracy", accuracy.name())
                .field("integrationMode", integrationMode.name()).field("reviewersPerItem", reviewersPerItem)
                .field("retentionDays", retentionDays).field("legalHold", legalHold)
                .beginArray("piiFieldPaths");
        piiFieldPaths().forEach(json::element);
        return json.endArray().field("taskKind", taskKind.name()).field("labelSelection", labelSelection.name())
                .endObject().toString();
    }
}
