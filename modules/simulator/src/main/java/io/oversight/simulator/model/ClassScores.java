package io.oversight.simulator.model;

import io.oversight.simulator.corpus.Labels;

/** The classifier's probabilities for the two classes of one message. */
public record ClassScores(double spam, double ham) {

    private static final double SUM_TOLERANCE = 1e-6;

    public ClassScores {
        if (!(spam >= 0 && ham >= 0 && Math.abs(spam + ham - 1) <= SUM_TOLERANCE)) {
            throw new IllegalArgumentException("not a probability distribution: spam=" + spam + ", ham=" + ham);
        }
    }

    public double probability(String label) {
        return Labels.SPAM.equals(Labels.requireKnown(label)) ? spam : ham;
    }

    /** On an exact tie the message is called ham: a filter should not discard mail it has no reason to suspect. */
    public String label() {
        return spam > ham ? Labels.SPAM : Labels.HAM;
    }

    public double confidence() {
        return Math.max(spam, ham);
    }

    /** Difference between the two class probabilities: 0 when undecided, 1 when certain. */
    public double margin() {
        return Math.abs(spam - ham);
    }

    /** Predictive entropy in nats: ln 2 when undecided, 0 when certain. */
    public double entropy() {
        return plogp(spam) + plogp(ham);
    }

    private static double plogp(double p) {
        return p > 0 ? -p * Math.log(p) : 0;
    }
}
