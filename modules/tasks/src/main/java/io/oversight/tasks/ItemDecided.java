package io.oversight.tasks;

import java.util.List;
import java.util.Optional;

/**
 * CDI event fired (after commit observers see it only once the decision is durable) when people
 * settle an item: its reviews agreed, or an adjudicator decided.
 */
public record ItemDecided(String itemId, String workflowKey, List<String> labels, Optional<String> output,
        DecisionSource source) {

    public ItemDecided {
        labels = List.copyOf(labels);
    }
}
