package io.oversight.simulator.corpus;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitTest {

    private static final List<Message> CORPUS = corpus(300, 100);

    @Test
    void holdsOutTheFractionOfEachClassAndKeepsEveryMessageExactlyOnce() {
        Split split = Split.of(CORPUS, 7, 0.25);

        assertEquals(75, count(split.test(), Labels.HAM));
        assertEquals(25, count(split.test(), Labels.SPAM));
        assertEquals(300, split.pool().size());
        Set<String> ids = new HashSet<>(ids(split.test()));
        ids.retainAll(ids(split.pool()));
        assertTrue(ids.isEmpty(), "test and pool share " + ids);
        Set<String> all = new HashSet<>(ids(split.test()));
        all.addAll(ids(split.pool()));
        assertEquals(new HashSet<>(ids(CORPUS)), all);
    }

    @Test
    void sameSeedGivesTheSameSplitWhateverTheInputOrderAndAnotherSeedAnother() {
        List<Message> shuffled = new ArrayList<>(CORPUS);
        Collections.shuffle(shuffled, new Random(99));

        assertEquals(Split.of(CORPUS, 7, 0.25), Split.of(shuffled, 7, 0.25));
        assertNotEquals(Split.of(CORPUS, 7, 0.25).test(), Split.of(CORPUS, 8, 0.25).test());
    }

    @Test
    void listsAreShuffledSoThatAPrefixIsASampleOfBothClasses() {
        Split split = Split.of(CORPUS, 7, 0.25);

        assertEquals(2, split.test().subList(0, 20).stream().map(Message::label).distinct().count());
        assertEquals(2, split.pool().subList(0, 20).stream().map(Message::label).distinct().count());
        assertEquals(2, split.seedSet(10, 1).seed().subList(0, 4).stream().map(Message::label).distinct().count());
    }

    @Test
    void seedSetIsHalfSpamHalfHamFromThePoolAndTheRestStaysUnlabelled() {
        Split split = Split.of(CORPUS, 3, 0.2);

        Split.SeedSet seedSet = split.seedSet(21, 11);

        assertEquals(10, count(seedSet.seed(), Labels.SPAM));
        assertEquals(11, count(seedSet.seed(), Labels.HAM));
        assertTrue(split.pool().containsAll(seedSet.seed()));
        assertEquals(split.pool().size() - 21, seedSet.unlabelled().size());
        Set<Message> overlap = new HashSet<>(seedSet.seed());
        overlap.retainAll(seedSet.unlabelled());
        assertTrue(overlap.isEmpty());
        assertEquals(seedSet, split.seedSet(21, 11));
        assertNotEquals(seedSet.seed(), split.seedSet(21, 12).seed());
    }

    @Test
    void refusesASeedSetLargerThanAClassOfThePool() {
        Split split = Split.of(CORPUS, 3, 0.5);

        assertThrows(IllegalArgumentException.class, () -> split.seedSet(120, 1));
    }

    @Test
    void refusesATestFractionOutsideTheOpenUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> Split.of(CORPUS, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Split.of(CORPUS, 1, 1));
    }

    private static List<Message> corpus(int ham, int spam) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < ham; i++) {
            messages.add(new Message(String.format("easy-ham-1/%05d", i), "easy-ham-1", Labels.HAM, "s", "f", "b" + i));
        }
        for (int i = 0; i < spam; i++) {
            messages.add(new Message(String.format("spam-1/%05d", i), "spam-1", Labels.SPAM, "s", "f", "b" + i));
        }
        return messages;
    }

    private static long count(List<Message> messages, String label) {
        return messages.stream().filter(m -> m.label().equals(label)).count();
    }

    private static List<String> ids(List<Message> messages) {
        return messages.stream().map(Message::id).toList();
    }
}
