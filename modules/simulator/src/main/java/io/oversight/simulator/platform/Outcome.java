package io.oversight.simulator.platform;

import java.util.List;
import java.util.Optional;

/**
 * A prediction's state as the status API releases it: once people (or the policy) decided,
 * {@code labels} are the released labels and {@code source} says who decided.
 */
public record Outcome(String predictionId, String clientKey, String status, List<String> labels, String source) {

    public boolean decided() {
        return "DECIDED".equals(status) || "AUTO_ACCEPTED".equals(status);
    }

    /** The released label, if the prediction is decided with one. */
    public Optional<String> releasedLabel() {
        return decided() && !labels.isEmpty() ? Optional.of(labels.get(0)) : Optional.empty();
    }
}
