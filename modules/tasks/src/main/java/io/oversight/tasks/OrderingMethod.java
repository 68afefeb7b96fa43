package io.oversight.tasks;

/**
 * How a review queue orders its open tasks by uncertainty sampling (active learning): each method
 * turns a prediction into a score in [0, 1], and a higher score means the prediction is more
 * informative to a human, so it is reviewed earlier. In the formulas {@code p} is the model's
 * probability distribution over the {@code K} labels of the prediction.
 */
public enum OrderingMethod {

    /** {@code (1 - max p) / (1 - 1/K)}: how far the top label is from certainty, 1 when all labels tie. */
    LEAST_CONFIDENCE,

    /** {@code 1 - (p_top1 - p_top2)}: the closer the two best labels, the less the model can tell them apart. */
    MARGIN,

    /** {@code -Σ p log p / log K}: Shannon entropy of the whole distribution, normalised to 1 for a uniform one. */
    ENTROPY,

    /**
     * Query by committee (Dagan &amp; Engelson): each of the {@code C} committee models votes its top label;
     * {@code -Σ (V(y)/C) log(V(y)/C) / log min(C, K)}, where {@code V(y)} is the number of votes for {@code y}.
     * The committee disagrees most when the votes spread evenly.
     */
    VOTE_ENTROPY,

    /**
     * Query by committee, "KL to the mean" (McCallum &amp; Nigam): the mean over the committee of
     * {@code KL(P_m || P_c)}, where {@code P_c} is the committee's mean distribution, mapped to [0, 1]
     * as {@code 1 - exp(-x)}. Unlike vote entropy it also sees members that agree on the top label but
     * not on how sure they are.
     */
    KL_DIVERGENCE
}
