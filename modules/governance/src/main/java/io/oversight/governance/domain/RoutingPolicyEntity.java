package io.oversight.governance.domain;

import java.util.HexFormat;
import io.oversight.kernel.CanonicalJson;
import io.oversight.kernel.ConflictException;
import io.oversight.governance.PolicyStatus;
import io.oversight.governance.RoutingPolicy;
import io.oversight.ledger.format.Digest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * A routing-policy version. Its content is kept in its canonical serialization, validated
 * on every save; it can change only while it is a draft. As with guidelines, the one active version
 * of a workflow carries the workflow key in the unique {@code active_workflow_key}.
 */
@Entity
@Table(name = "gov_routing_policy")
public class RoutingPolicyEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "workflow_key", nullable = false, length = 64)
    private String workflowKey;
    @Column(name = "version_number", nullable = false)
    private int number;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private PolicyStatus status;
    @Column(name = "content", nullable = false, length = 200000)
    private String content;
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

    protected RoutingPolicyEntity() {
    }

    public RoutingPolicyEntity(String id, String workflowKey, int number, PolicyContent.Parts parts, Instant now) {
        this.id = id;
        this.workflowKey = workflowKey;
        this.number = number;
        this.status = PolicyStatus.DRAFT;
        this.createdAt = now;
        this.statusChangedAt = now;
        setContent(parts);
    }

    /** @throws ConflictException unless a draft */
    public void revise(PolicyContent.Parts parts) {
        requireDraft();
        setContent(parts);
    }

    /** @throws ConflictException unless a draft */
    public void requireDraft() {
        if (status != PolicyStatus.DRAFT) {
            throw new ConflictException("Routing policy " + label() + " is " + status
                    + " and can no longer be edited or activated; create a new version instead.");
        }
    }

    private void setContent(PolicyContent.Parts parts) {
        this.content = PolicyContent.canonical(workflowKey, parts);
        this.contentDigest = HexFormat.of().formatHex(CanonicalJson.sha256(content));
    }

    /** @throws ConflictException unless a draft */
    public void activate(Instant now) {
        requireDraft();
        status = PolicyStatus.ACTIVE;
        activeWorkflowKey = workflowKey;
        statusChangedAt = now;
    }

    /** Retires the active version (superseded) or discards a draft. */
    public void retire(Instant now) {
        if (status == PolicyStatus.RETIRED) {
            throw new ConflictException("Routing policy " + label() + " is already RETIRED.");
        }
        status = PolicyStatus.RETIRED;
        activeWorkflowKey = null;
        statusChangedAt = now;
    }

    public String id() {
        return id;
    }

    public String workflowKey() {
        return workflowKey;
    }

    public PolicyStatus status() {
        return status;
    }

    public Digest contentDigest() {
        return Digest.fromHex(contentDigest);
    }

    /** The content as written, to start a new version from (the earned-autonomy advice does). */
    public PolicyContent content() {
        return PolicyContent.fromCanonical(content);
    }

    public String label() {
        return workflowKey + " policy v" + number;
    }

    public RoutingPolicy toView() {
        PolicyContent.Parts parts = PolicyContent.fromCanonical(content).validate(Optional.empty());
        return new RoutingPolicy(id, workflowKey, number, status, parts.bands(), parts.labelThresholds(), parts.rules(),
                parts.hotlSamplingRate(), parts.slaTargets(), contentDigest(), createdAt, statusChangedAt);
    }
}
