package io.oversight.tasks.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.oversight.tasks.learning.DiverseSelection.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiverseSelectionTest {

    private static final long FINGERPRINT = 0x5a5a_0f0f_3c3c_9696L;
    private static final Candidate HEAD = new Candidate("head", 1, FINGERPRINT);
    private static final Candidate NEAR_COPY = new Candidate("near-copy", 2, FINGERPRINT ^ 0b1);
    private static final Candidate DIFFERENT = new Candidate("different", 3, FINGERPRINT ^ 0xffff_ffffL);

    private static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::id).toList();
    }

    @Test
    void aNearCopyIsSkippedForADifferentTask() {
        // near copy:  0.5 · (1 - 1/3) + 0.5 · 1/64  = 0.341
        // different:  0.5 · (1 - 2/3) + 0.5 · 32/64 = 0.417
        assertEquals(List.of("head", "different"), ids(DiverseSelection.pick(List.of(HEAD, NEAR_COPY, DIFFERENT), 2, 0.5)));
    }

    @Test
    void withoutNoveltyWeightTheBatchIsTheHeadOfTheQueue() {
        assertEquals(List.of("head", "near-copy"), ids(DiverseSelection.pick(List.of(HEAD, NEAR_COPY, DIFFERENT), 2, 0)));
    }

    @Test
    void noveltyIsMeasuredAgainstTheNearestPickedTask() {
        Candidate nearDifferent = new Candidate("near-different", 4, DIFFERENT.simHash() ^ 0b10);
        // after head and different: near copy is 1 bit from head, near-different 1 bit from different;
        // 0.5 · (1 - 1/4) + 0.5 · 1/64 beats 0.5 · (1 - 3/4) + 0.5 · 1/64
        assertEquals(List.of("head", "different", "near-copy", "near-different"),
                ids(DiverseSelection.pick(List.of(HEAD, NEAR_COPY, DIFFERENT, nearDifferent), 4, 0.5)));
    }

    @Test
    void onlyNoveltyStillStartsWithTheHead() {
        Candidate opposite = new Candidate("opposite", 4, ~FINGERPRINT);
        assertEquals(List.of("head", "opposite", "different", "near-copy"),
                ids(DiverseSelection.pick(List.of(HEAD, NEAR_COPY, DIFFERENT, opposite), 10, 1)));
    }

    @Test
    void equalValuesGoToTheEarlierCandidate() {
        Candidate twin = new Candidate("twin", 2, FINGERPRINT);
        Candidate triplet = new Candidate("triplet", 3, FINGERPRINT);
        assertEquals(List.of("head", "twin", "triplet"), ids(DiverseSelection.pick(List.of(HEAD, twin, triplet), 3, 1)));
    }

    @Test
    void emptyQueuesAndZeroCountsPickNothing() {
        assertEquals(List.of(), DiverseSelection.pick(List.of(), 5, 0.5));
        assertEquals(List.of(), DiverseSelection.pick(List.of(HEAD), 0, 0.5));
    }

    @Test
    void invalidArgumentsAreRejected() {
        List<Candidate> queue = List.of(HEAD, NEAR_COPY);
        assertThrows(IllegalArgumentException.class, () -> DiverseSelection.pick(queue, 1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> DiverseSelection.pick(queue, 1, 1.1));
        assertThrows(IllegalArgumentException.class, () -> DiverseSelection.pick(queue, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> DiverseSelection.pick(queue, -1, 0.5));
    }
}
