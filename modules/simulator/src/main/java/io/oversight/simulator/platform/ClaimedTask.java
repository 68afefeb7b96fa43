package io.oversight.simulator.platform;

import java.util.List;

/** A task a simulated reviewer holds; {@code messageId} is the corpus message in its payload. */
public record ClaimedTask(String taskId, String itemId, List<String> predictedLabels, String messageId) {

    public String predictedLabel() {
        return predictedLabels.isEmpty() ? "" : predictedLabels.get(0);
    }
}
