package io.oversight.governance.domain;

import java.util.List;
import java.util.Optional;

/**
 * Storage of the governance aggregates. Lists are newest first. {@link #workflowForUpdate} locks the
 * workflow's row until the transaction ends: every life-cycle step that touches "the one active X of
 * a workflow" takes that lock first, so two servers activating versions of one workflow serialize.
 */
public interface GovernanceRepository {

    Optional<WorkflowEntity> workflow(String key);

    Optional<WorkflowEntity> workflowForUpdate(String key);

    List<WorkflowEntity> workflows();

    void add(WorkflowEntity workflow);

    /** Labels of one taxonomy version, in display order. */
    List<LabelEntity> labels(String workflowKey, int taxonomyVersion);

    void add(LabelEntity label);

    Optional<GuidelineVersionEntity> guideline(String id);

    List<GuidelineVersionEntity> guidelines(String workflowKey);

    Optional<GuidelineVersionEntity> activeGuideline(String workflowKey);

    void add(GuidelineVersionEntity guideline);

    Optional<ModelSnapshotEntity> model(String id);

    List<ModelSnapshotEntity> models(String workflowKey);

    Optional<ModelSnapshotEntity> activeModel(String workflowKey);

    boolean modelExists(String workflowKey, String name, String version);

    void add(ModelSnapshotEntity model);

    Optional<RoutingPolicyEntity> policy(String id);

    List<RoutingPolicyEntity> policies(String workflowKey);

    Optional<RoutingPolicyEntity> activePolicy(String workflowKey);

    void add(RoutingPolicyEntity policy);

    /**
     * Writes pending changes now: needed between retiring the old active version and activating the
     * new one, so the unique active marker is never held by two rows in one statement batch.
     */
    void flush();
}
