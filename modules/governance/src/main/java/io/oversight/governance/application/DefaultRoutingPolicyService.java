package io.oversight.governance.application;

import io.oversight.kernel.NotFoundException;
import io.oversight.governance.RoutingPolicies;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.domain.GovernanceRepository;
import io.oversight.governance.domain.PolicyContent;
import io.oversight.governance.domain.RoutingPolicyEntity;
import io.oversight.governance.domain.WorkflowEntity;
import io.oversight.ledger.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Routing-policy versions: drafts validated on every save, one active version per
 * workflow, each step one ledger entry carrying the policy's content digest.
 */
@ApplicationScoped
@Transactional
public class DefaultRoutingPolicyService implements RoutingPolicies {

    public static final String DRAFTED = "governance.policy.drafted";
    public static final String REVISED = "governance.policy.revised";
    public static final String ACTIVATED = "governance.policy.activated";
    public static final String RETIRED = "governance.policy.retired";
    static final String SUBJECT = "routing-policy";

    @Inject
    GovernanceRepository repository;

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    GovernanceLedger ledger;

    @Override
    public Optional<RoutingPolicy> activeFor(String workflowKey) {
        return repository.activePolicy(workflowKey).map(RoutingPolicyEntity::toView);
    }

    @Override
    public Optional<RoutingPolicy> find(String id) {
        return repository.policy(id).map(RoutingPolicyEntity::toView);
    }

    @Override
    public List<RoutingPolicy> versionsOf(String workflowKey) {
        workflows.require(workflowKey);
        return repository.policies(workflowKey).stream().map(RoutingPolicyEntity::toView).toList();
    }

    public RoutingPolicy createDraft(String workflowKey, PolicyContent content, Actor actor) {
        WorkflowEntity workflow = workflows.lock(workflowKey);
        PolicyContent.Parts parts = content.validate(Optional.of(workflows.taxonomy(workflowKey, workflow.taxonomyVersion())));
        int number = repository.policies(workflowKey).stream().mapToInt(p -> p.toView().number()).max().orElse(0) + 1;
        RoutingPolicyEntity policy = new RoutingPolicyEntity(UUID.randomUUID().toString(), workflowKey, number, parts,
                ledger.clock().instant());
        repository.add(policy);
        record(DRAFTED, policy, actor);
        return policy.toView();
    }

    public RoutingPolicy revise(String id, PolicyContent content, Actor actor) {
        RoutingPolicyEntity policy = require(id);
        WorkflowEntity workflow = workflows.lock(policy.workflowKey());
        policy.requireDraft();
        policy.revise(content.validate(Optional.of(workflows.taxonomy(workflow.key(), workflow.taxonomyVersion()))));
        record(REVISED, policy, actor);
        return policy.toView();
    }

    /** Activates a draft; the previously active version is retired (its own entry). */
    public RoutingPolicy activate(String id, Actor actor) {
        RoutingPolicyEntity policy = require(id);
        workflows.lock(policy.workflowKey());
        policy.requireDraft();
        Optional<RoutingPolicyEntity> previous = repository.activePolicy(policy.workflowKey());
        if (previous.isPresent()) {
            previous.get().retire(ledger.clock().instant());
            record(RETIRED, previous.get(), actor);
            repository.flush();
        }
        policy.activate(ledger.clock().instant());
        record(ACTIVATED, policy, actor);
        return policy.toView();
    }

    /** Discards a draft, or retires the active version (leaving the workflow without a policy). */
    public RoutingPolicy retire(String id, Actor actor) {
        RoutingPolicyEntity policy = require(id);
        workflows.lock(policy.workflowKey());
        policy.retire(ledger.clock().instant());
        record(RETIRED, policy, actor);
        return policy.toView();
    }

    private RoutingPolicyEntity require(String id) {
        return repository.policy(id).orElseThrow(() -> new NotFoundException("No routing policy with id '" + id + "'."));
    }

    private void record(String action, RoutingPolicyEntity policy, Actor actor) {
        RoutingPolicy view = policy.toView();
        ledger.write(ledger.record(action, actor, policy.workflowKey(), SUBJECT, policy.id())
                .payloadDigest(policy.contentDigest())
                .attribute("version", Integer.toString(view.number()))
                .attribute("status", view.status().name())
                .attribute("contentDigest", policy.contentDigest().hex()));
    }
}
