package io.oversight.review.quality;

import io.oversight.review.decision.ReviewSettings;
import java.util.List;
import java.util.Optional;

/**
 * A reviewer's accuracy on gold items and whether it calls for a pause: over the latest
 * {@code goldWindow} answers given since they were last resumed, once there are at least
 * {@code goldMinAnswers}.
 *
 * @param accuracy correct / answers on the window, empty with no answers
 */
public record GoldAccuracy(int answers, int correct, Optional<Double> accuracy, boolean pause) {

    /** @param correctness the reviewer's gold answers since their last resume, newest first */
    public static GoldAccuracy of(List<Boolean> correctness, ReviewSettings settings) {
        List<Boolean> window = correctness.subList(0, Math.min(correctness.size(), settings.goldWindow()));
        int correct = (int) window.stream().filter(Boolean::booleanValue).count();
        Optional<Double> accuracy = window.isEmpty() ? Optional.empty() : Optional.of((double) correct / window.size());
        boolean pause = window.size() >= settings.goldMinAnswers() && accuracy.orElse(1.0) < settings.goldPauseBelow();
        return new GoldAccuracy(window.size(), correct, accuracy, pause);
    }
}
