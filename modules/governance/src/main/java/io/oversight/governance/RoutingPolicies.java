package io.oversight.governance;

import java.util.List;
import java.util.Optional;

/** Read access to routing-policy versions: intake routes every prediction by the active one. */
public interface RoutingPolicies {

    /** The active routing policy of a workflow, if it has one. */
    Optional<RoutingPolicy> activeFor(String workflowKey);

    Optional<RoutingPolicy> find(String id);

    /** All versions of a workflow's policy, newest first. */
    List<RoutingPolicy> versionsOf(String workflowKey);
}
