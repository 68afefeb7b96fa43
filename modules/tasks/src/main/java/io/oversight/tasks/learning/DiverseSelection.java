package io.oversight.tasks.learning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Picks a claimed batch that is both near the head of the queue and varied: a reviewer who claims ten
 * tasks should not get ten near-copies of one payload while different tasks wait. Greedy maximal
 * marginal relevance: the head of the queue is picked first, then repeatedly the candidate maximising
 * {@code (1 - λ) · relevance + λ · novelty}, where relevance is the queue position ({@code 1 - index/size})
 * and novelty the Hamming distance of its {@link SimHash} to the nearest candidate already picked, over 64.
 * Equal values go to the earlier candidate, so {@code λ = 0} is the queue order.
 */
public final class DiverseSelection {

    /**
     * A task that could be claimed.
     *
     * @param priorityRank the rank the queue ordered the candidates by; carried for the caller, the
     *                     selection itself uses only the position in the list
     * @param simHash the {@link SimHash} of the task's payload
     */
    public record Candidate(String id, double priorityRank, long simHash) {

        public Candidate {
            Objects.requireNonNull(id, "id");
        }
    }

    private DiverseSelection() {
    }

    /**
     * @param inQueueOrder the claimable tasks, best first
     * @param count how many to pick; all of them when there are fewer
     * @param lambda weight of novelty against queue position, in [0, 1]
     * @return the picked candidates in the order they were picked
     */
    public static List<Candidate> pick(List<Candidate> inQueueOrder, int count, double lambda) {
        Objects.requireNonNull(inQueueOrder, "inQueueOrder");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda must be in [0, 1], was " + lambda);
        }
        int size = inQueueOrder.size();
        int wanted = Math.min(count, size);
        List<Candidate> picked = new ArrayList<>(wanted);
        if (wanted == 0) {
            return picked;
        }
        boolean[] taken = new boolean[size];
        int[] distanceToPicked = new int[size];
        // no fingerprint is farther than 64 bits from another, so 64 is "nothing picked yet"
        Arrays.fill(distanceToPicked, Long.SIZE);
        int next = 0;
        while (true) {
            Candidate chosen = inQueueOrder.get(next);
            picked.add(chosen);
            taken[next] = true;
            if (picked.size() == wanted) {
                return picked;
            }
            for (int i = 0; i < size; i++) {
                distanceToPicked[i] = Math.min(distanceToPicked[i],
                        SimHash.distance(chosen.simHash(), inQueueOrder.get(i).simHash()));
            }
            next = best(taken, distanceToPicked, lambda);
        }
    }

    private static int best(boolean[] taken, int[] distanceToPicked, double lambda) {
        int size = taken.length;
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            if (taken[i]) {
                continue;
            }
            double relevance = 1 - (double) i / size;
            double novelty = distanceToPicked[i] / (double) Long.SIZE;
            double value = (1 - lambda) * relevance + lambda * novelty;
            if (value > bestValue) {
                best = i;
                bestValue = value;
            }
        }
        return best;
    }
}
