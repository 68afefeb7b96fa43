package io.oversight.governance.infrastructure;

import io.oversight.governance.domain.GovernanceRepository;
import io.oversight.governance.domain.GuidelineVersionEntity;
import io.oversight.governance.domain.LabelEntity;
import io.oversight.governance.domain.ModelSnapshotEntity;
import io.oversight.governance.domain.RoutingPolicyEntity;
import io.oversight.governance.domain.WorkflowEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** {@link GovernanceRepository} on the application's persistence unit. */
@ApplicationScoped
public class JpaGovernanceRepository implements GovernanceRepository {

    @PersistenceContext(unitName = "oversight")
    EntityManager em;

    @Override
    public Optional<WorkflowEntity> workflow(String key) {
        return Optional.ofNullable(em.find(WorkflowEntity.class, key));
    }

    @Override
    public Optional<WorkflowEntity> workflowForUpdate(String key) {
        return Optional.ofNullable(em.find(WorkflowEntity.class, key, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<WorkflowEntity> workflows() {
        return em.createQuery("SELECT w FROM WorkflowEntity w ORDER BY w.workflowKey", WorkflowEntity.class).getResultList();
    }

    @Override
    public void add(WorkflowEntity workflow) {
        em.persist(workflow);
    }

    @Override
    public List<LabelEntity> labels(String workflowKey, int taxonomyVersion) {
        return em.createQuery("SELECT l FROM LabelEntity l WHERE l.workflowKey = :w AND l.taxonomyVersion = :v"
                        + " ORDER BY l.sortOrder", LabelEntity.class)
                .setParameter("w", workflowKey).setParameter("v", taxonomyVersion).getResultList();
    }

    @Override
    public void add(LabelEntity label) {
        em.persist(label);
    }

    @Override
    public Optional<GuidelineVersionEntity> guideline(String id) {
        return Optional.ofNullable(em.find(GuidelineVersionEntity.class, id));
    }

    @Override
    public List<GuidelineVersionEntity> guidelines(String workflowKey) {
        return em.createQuery("SELECT g FROM GuidelineVersionEntity g WHERE g.workflowKey = :w ORDER BY g.number DESC",
                GuidelineVersionEntity.class).setParameter("w", workflowKey).getResultList();
    }

    @Override
    public Optional<GuidelineVersionEntity> activeGuideline(String workflowKey) {
        return em.createQuery("SELECT g FROM GuidelineVersionEntity g WHERE g.activeWorkflowKey = :w",
                GuidelineVersionEntity.class).setParameter("w", workflowKey).getResultStream().findFirst();
    }

    @Override
    public void add(GuidelineVersionEntity guideline) {
        em.persist(guideline);
    }

    @Override
    public Optional<ModelSnapshotEntity> model(String id) {
        return Optional.ofNullable(em.find(ModelSnapshotEntity.class, id));
    }

    @Override
    public List<ModelSnapshotEntity> models(String workflowKey) {
        return em.createQuery("SELECT m FROM ModelSnapshotEntity m WHERE m.workflowKey = :w ORDER BY m.registeredAt DESC",
                ModelSnapshotEntity.class).setParameter("w", workflowKey).getResultList();
    }

    @Override
    public Optional<ModelSnapshotEntity> activeModel(String workflowKey) {
        return em.createQuery("SELECT m FROM ModelSnapshotEntity m WHERE m.activeWorkflowKey = :w",
                ModelSnapshotEntity.class).setParameter("w", workflowKey).getResultStream().findFirst();
    }

    @Override
    public boolean modelExists(String workflowKey, String name, String version) {
        return em.createQuery("SELECT COUNT(m) FROM ModelSnapshotEntity m WHERE m.workflowKey = :w AND m.name = :n"
                        + " AND m.version = :v", Long.class)
                .setParameter("w", workflowKey).setParameter("n", name).setParameter("v", version)
                .getSingleResult() > 0;
    }

    @Override
    public void add(ModelSnapshotEntity model) {
        em.persist(model);
    }

    @Override
    public Optional<RoutingPolicyEntity> policy(String id) {
        return Optional.ofNullable(em.find(RoutingPolicyEntity.class, id));
    }

    @Override
    public List<RoutingPolicyEntity> policies(String workflowKey) {
        return em.createQuery("SELECT p FROM RoutingPolicyEntity p WHERE p.workflowKey = :w ORDER BY p.number DESC",
                RoutingPolicyEntity.class).setParameter("w", workflowKey).getResultList();
    }

    @Override
    public Optional<RoutingPolicyEntity> activePolicy(String workflowKey) {
        return em.createQuery("SELECT p FROM RoutingPolicyEntity p WHERE p.activeWorkflowKey = :w",
                RoutingPolicyEntity.class).setParameter("w", workflowKey).getResultStream().findFirst();
    }

    @Override
    public void add(RoutingPolicyEntity policy) {
        em.persist(policy);
    }

    @Override
    public void flush() {
        em.flush();
    }
}
