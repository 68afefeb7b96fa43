package io.oversight.governance.domain;

import java.util.HexFormat;
import io.oversight.kernel.CanonicalJson;
import io.oversight.kernel.ConflictException;
import io.oversight.governance.ContentFormat;
import io.oversight.governance.GuidelineExample;
import io.oversight.governance.GuidelineStatus;
import io.oversight.governance.GuidelineVersion;
import io.oversight.ledger.format.Digest;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A guideline version. Its content can change only while it is a draft; every later step
 * of its life cycle (draft, pilot, active, retired) only moves forward. While active it carries its
 * workflow's key in {@code active_workflow_key}, which is unique in the database: a second active
 * version of one workflow cannot be stored, whatever the application does.
 */
@Entity
@Table(name = "gov_guideline_version")
public class GuidelineVersionEntity {

    private static final Map<GuidelineStatus, Set<GuidelineStatus>> NEXT = Map.of(
            GuidelineStatus.DRAFT, EnumSet.of(GuidelineStatus.PILOT, GuidelineStatus.RETIRED),
            GuidelineStatus.PILOT, EnumSet.of(GuidelineStatus.ACTIVE, GuidelineStatus.RETIRED),
            GuidelineStatus.ACTIVE, EnumSet.of(GuidelineStatus.RETIRED),
            GuidelineStatus.RETIRED, EnumSet.noneOf(GuidelineStatus.class));

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "workflow_key", nullable = false, length = 64)
    private String workflowKey;
    @Column(name = "version_number", nullable = false)
    private int number;
    @Column(name = "taxonomy_version", nullable = false)
    private int taxonomyVersion;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private GuidelineStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "content_format", nullable = false, length = 16)
    private ContentFormat format;
    @Column(name = "instructions", nullable = false, length = GuidelineContent.MAX_INSTRUCTIONS)
    private String instructions;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "gov_guideline_example", joinColumns = @JoinColumn(name = "guideline_id"))
    @OrderColumn(name = "sort_order")
    private List<StoredExample> examples = new ArrayList<>();
    @Column(name = "content_digest", nullable = false, length = 64)
    private String contentDigest;
    @Column(name = "active_workflow_key", length = 64, unique = true)
    private String activeWorkflowKey;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected GuidelineVersionEntity() {
    }

    public GuidelineVersionEntity(String id, String workflowKey, int number, int taxonomyVersion, ContentFormat format,
            String instructions, List<GuidelineExample> examples, Instant now) {
        this.id = id;
        this.workflowKey = workflowKey;
        this.number = number;
        this.status = GuidelineStatus.DRAFT;
        this.createdAt = now;
        this.statusChangedAt = now;
        setContent(taxonomyVersion, format, instructions, examples);
    }

    /**
     * Replaces the content of a draft.
     *
     * @throws ConflictException if the version has left draft: a change is a new version
     */
    public void revise(int taxonomyVersion, ContentFormat format, String instructions, List<GuidelineExample> examples) {
        requireDraft();
        setContent(taxonomyVersion, format, instructions, examples);
    }

    /** @throws ConflictException if the version has left draft */
    public void requireDraft() {
        if (status != GuidelineStatus.DRAFT) {
            throw new ConflictException("Guideline version " + label() + " is " + status
                    + " and can no longer be edited; create a new version instead.");
        }
    }

    /** @throws ConflictException if the step is not allowed from the current status */
    public void checkCanMoveTo(GuidelineStatus target) {
        if (!NEXT.get(status).contains(target)) {
            throw new ConflictException("Guideline version " + label() + " cannot go from " + status + " to " + target
                    + "; allowed: " + (NEXT.get(status).isEmpty() ? "none" : NEXT.get(status)) + ".");
        }
    }

    private void setContent(int taxonomyVersion, ContentFormat format, String instructions, List<GuidelineExample> examples) {
        this.taxonomyVersion = taxonomyVersion;
        this.format = format;
        this.instructions = instructions;
        this.examples = new ArrayList<>(examples.stream().map(StoredExample::new).toList());
        this.contentDigest = HexFormat.of().formatHex(canonical(workflowKey, taxonomyVersion, format, instructions, examples).sha256());
    }

    /**
     * Moves to the next life-cycle step.
     *
     * @throws ConflictException if the step is not allowed from the current status
     */
    public void moveTo(GuidelineStatus target, Instant now) {
        checkCanMoveTo(target);
        status = target;
        statusChangedAt = now;
        activeWorkflowKey = target == GuidelineStatus.ACTIVE ? workflowKey : null;
    }

    public String id() {
        return id;
    }

    public String workflowKey() {
        return workflowKey;
    }

    public GuidelineStatus status() {
        return status;
    }

    public Digest contentDigest() {
        return Digest.fromHex(contentDigest);
    }

    String label() {
        return workflowKey + " v" + number;
    }

    public GuidelineVersion toView() {
        return new GuidelineVersion(id, workflowKey, number, taxonomyVersion, status, format, instructions,
                examples.stream().map(StoredExample::toView).toList(), contentDigest(), createdAt, statusChangedAt);
    }

    /** The canonical serialization of a guideline version's content, whose SHA-256 is its content digest. */
    public static CanonicalJson canonical(String workflowKey, int taxonomyVersion, ContentFormat format,
            String instructions, List<GuidelineExample> examples) {
        CanonicalJson json = new CanonicalJson().beginObject()
                .field("workflow", workflowKey)
                .field("taxonomyVersion", taxonomyVersion)
                .field("format", format.name())
                .field("instructions", instructions)
                .beginArray("examples");
        for (GuidelineExample e : examples) {
            json.beginObject().field("labelCode", e.labelCode()).field("kind", e.kind().name())
                    .field("input", e.input()).field("explanation", e.explanation()).endObject();
        }
        return json.endArray().endObject();
    }
}
