package io.oversight.governance;

/**
 * Fired, in the changing transaction, by every recorded change of a workflow's governance
 * configuration (workflow, taxonomy, policies, model snapshots, guidelines, and the intake and review
 * settings other modules keep). Observers that cache that configuration listen after the commit
 * ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}), so a change is seen by the next
 * request on this server. Other servers get no event: their caches bound the delay by a time to live.
 *
 * @param workflowKey the workflow changed, empty when the change belongs to none
 */
public record GovernanceChanged(String workflowKey) {
}
