package io.oversight.simulator.model;

import io.oversight.simulator.corpus.Labels;
import io.oversight.simulator.corpus.Message;

import java.util.Objects;

/**
 * A message with the label the platform released for it, which may differ from the message's true label when
 * reviewers erred: the classifier learns from what the humans said, not from the ground truth.
 */
public record LabelledText(Message message, String label) {

    public LabelledText {
        Objects.requireNonNull(message, "message");
        Labels.requireKnown(label);
    }

    /** Labelled with the corpus' own truth, as for a seed set labelled by experts. */
    public static LabelledText withTrueLabel(Message message) {
        return new LabelledText(message, message.label());
    }
}
