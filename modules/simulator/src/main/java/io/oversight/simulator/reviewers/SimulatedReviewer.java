package io.oversight.simulator.reviewers;

import io.oversight.simulator.corpus.Labels;

import java.util.Objects;
import java.util.Random;

/**
 * A simulated person who reviews the model's predictions on the platform.
 *
 * @param login     the platform account the reviewer works under
 * @param accuracy  for HONEST, the chance of answering the true label; for ADVERSARIAL, the chance of answering
 *                  the wrong one; not used by SLOPPY
 * @param behaviour how the reviewer arrives at an answer
 */
public record SimulatedReviewer(String login, double accuracy, Behaviour behaviour) {

    public enum Behaviour {
        /** Looks at the message and answers the true label with probability {@code accuracy}, else the other one. */
        HONEST,
        /** Rubber-stamps: always answers the model's label without reading the message. */
        SLOPPY,
        /** Answers the wrong label with probability {@code accuracy}, else the true one. */
        ADVERSARIAL
    }

    public SimulatedReviewer {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(behaviour, "behaviour");
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0, 1]: " + accuracy);
        }
    }

    /**
     * The label this reviewer submits. SLOPPY draws nothing from {@code random}, HONEST and ADVERSARIAL one double.
     *
     * @param truth      the message's true label
     * @param modelLabel the label the model predicted, shown to the reviewer on the platform
     */
    public String answer(String truth, String modelLabel, Random random) {
        Labels.requireKnown(truth);
        Labels.requireKnown(modelLabel);
        return switch (behaviour) {
            case HONEST -> random.nextDouble() < accuracy ? truth : Labels.other(truth);
            case SLOPPY -> modelLabel;
            case ADVERSARIAL -> random.nextDouble() < accuracy ? Labels.other(truth) : truth;
        };
    }
}
