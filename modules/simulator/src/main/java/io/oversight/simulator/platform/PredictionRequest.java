package io.oversight.simulator.platform;

import java.util.Map;

/** One prediction as the model service posts it: the message as payload, the model's label and scores. */
public record PredictionRequest(String clientKey, String modelSnapshotId, Map<String, Object> payload, String label,
        Map<String, Double> scores) {
}
