package io.oversight.simulator.platform;

import java.util.List;

/** A disagreement an adjudicator holds, with the labels the reviewers gave. */
public record AdjudicationCase(String id, String itemId, List<String> predictedLabels, String messageId,
        List<List<String>> reviewLabels) {

    public String predictedLabel() {
        return predictedLabels.isEmpty() ? "" : predictedLabels.get(0);
    }
}
