package io.oversight.app.demo;

import java.util.List;
import java.util.Map;

/**
 * One prediction of the demo model, as the fields of {@code POST /api/v1/workflows/{key}/predictions}.
 *
 * @param clientKey   unique per run of the demo model
 * @param labels      the model's label, one code of the snapshot's label space
 * @param confidence  the score of that label
 * @param scores      a score per code of the label space, summing to 1; empty when the space has one code
 * @param payload     the model's input: strings, numbers, booleans and nested maps
 * @param actualLabel the label the input was written for, which a careful reviewer chooses; the
 *                    model's label differs from it now and then, so reviewers have something to correct
 */
public record DemoPrediction(String clientKey, List<String> labels, double confidence, Map<String, Double> scores,
        Map<String, Object> payload, String actualLabel) {

    public DemoPrediction {
        labels = List.copyOf(labels);
        scores = Map.copyOf(scores);
        payload = Map.copyOf(payload);
    }
}
