package io.oversight.simulator.learning;

import io.oversight.simulator.corpus.Labels;
import io.oversight.simulator.corpus.Message;
import io.oversight.simulator.model.ClassScores;
import io.oversight.simulator.model.LabelledText;
import io.oversight.simulator.model.SpamClassifier;
import io.oversight.simulator.model.SyntheticMessages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectionStrategyTest {

    private static final List<LabelledText> LABELLED =
            SyntheticMessages.withTrueLabels(SyntheticMessages.generate("seed", 20, 20, 1));
    private static final SpamClassifier CLASSIFIER = SpamClassifier.train(LABELLED, 3);
    private static final Message UNSEEN_SPAM = SyntheticMessages.unseenWords("pool-unseen-a", Labels.SPAM);
    private static final Message UNSEEN_HAM = SyntheticMessages.unseenWords("pool-unseen-b", Labels.HAM);
    private static final List<Message> CLEAR_CASES = SyntheticMessages.generate("pool", 15, 15, 2);
    private static final List<Message> POOL = pool();

    @Test
    void marginAndEntropyChooseTheMessagesTheModelIsLeastSureAbout() {
        for (SelectionStrategy strategy : List.of(SelectionStrategy.MARGIN, SelectionStrategy.ENTROPY)) {
            List<Message> chosen = strategy.select(POOL, LABELLED, CLASSIFIER, 2, new Random(1));

            assertEquals(Set.of(UNSEEN_SPAM, UNSEEN_HAM), Set.copyOf(chosen), strategy.name());
        }
    }

    @Test
    void marginRanksByDistanceFromTheDecisionBoundary() {
        List<Message> chosen = SelectionStrategy.MARGIN.select(POOL, LABELLED, CLASSIFIER, 10, new Random(1));

        for (int i = 1; i < chosen.size(); i++) {
            assertTrue(CLASSIFIER.score(chosen.get(i - 1)).margin() <= CLASSIFIER.score(chosen.get(i)).margin());
        }
        double largestChosen = CLASSIFIER.score(chosen.get(chosen.size() - 1)).margin();
        for (Message left : POOL) {
            if (!chosen.contains(left)) {
                assertTrue(CLASSIFIER.score(left).margin() >= largestChosen);
            }
        }
    }

    @Test
    void queryByCommitteeIsDeterministicForASeedAndVariesWithTheSeed() {
        List<Message> chosen = SelectionStrategy.QBC.select(POOL, LABELLED, CLASSIFIER, 5, new Random(42));

        assertEquals(chosen, SelectionStrategy.QBC.select(shuffled(POOL), LABELLED, CLASSIFIER, 5, new Random(42)));
        assertNotEquals(chosen, SelectionStrategy.QBC.select(POOL, LABELLED, CLASSIFIER, 5, new Random(43)));
    }

    @Test
    void queryByCommitteeChoosesTheMessagesItsCommitteeDisputesMost() {
        List<Message> chosen = SelectionStrategy.QBC.select(POOL, LABELLED, CLASSIFIER, 5, new Random(42));
        SelectionStrategy.Committee sameCommittee =
                SelectionStrategy.Committee.train(LABELLED, SelectionStrategy.COMMITTEE_SIZE, new Random(42));
        List<List<ClassScores>> votes = sameCommittee.scoreAll(POOL);

        double leastDisputedChosen = Double.MAX_VALUE;
        double mostDisputedChosen = 0;
        double mostDisputedLeft = 0;
        for (int i = 0; i < POOL.size(); i++) {
            int message = i;
            double disagreement = SelectionStrategy.Committee.voteEntropy(
                    votes.stream().map(member -> member.get(message)).toList());
            if (chosen.contains(POOL.get(i))) {
                leastDisputedChosen = Math.min(leastDisputedChosen, disagreement);
                mostDisputedChosen = Math.max(mostDisputedChosen, disagreement);
            } else {
                mostDisputedLeft = Math.max(mostDisputedLeft, disagreement);
            }
        }
        assertTrue(mostDisputedChosen > 0, "the committee disputes some message of this pool");
        assertTrue(leastDisputedChosen >= mostDisputedLeft, leastDisputedChosen + " < " + mostDisputedLeft);
    }

    @Test
    void committeeVoteEntropyIsZeroWhenUnanimousAndLn2WhenSplit() {
        ClassScores spamSure = new ClassScores(0.9, 0.1);
        ClassScores hamSure = new ClassScores(0.2, 0.8);

        assertEquals(0.0, SelectionStrategy.Committee.voteEntropy(List.of(spamSure, spamSure)));
        assertEquals(Math.log(2), SelectionStrategy.Committee.voteEntropy(List.of(spamSure, hamSure)), 1e-12);
        assertEquals(0.0, SelectionStrategy.Committee.meanDivergenceFromConsensus(List.of(spamSure, spamSure)), 1e-12);
        assertTrue(SelectionStrategy.Committee.meanDivergenceFromConsensus(List.of(spamSure, hamSure)) > 0);
    }

    @Test
    void stratifiedBootstrapKeepsTheSizeOfEachClass() {
        List<LabelledText> resample = SelectionStrategy.Committee.stratifiedBootstrap(
                LABELLED.subList(18, 22), new Random(9));

        assertEquals(2, resample.stream().filter(example -> example.label().equals(Labels.SPAM)).count());
        assertEquals(2, resample.stream().filter(example -> example.label().equals(Labels.HAM)).count());
    }

    @Test
    void randomIsDeterministicForASeedIndependentOfPoolOrderAndVariesWithTheSeed() {
        List<Message> chosen = SelectionStrategy.RANDOM.select(POOL, LABELLED, CLASSIFIER, 5, new Random(11));

        assertEquals(chosen, SelectionStrategy.RANDOM.select(shuffled(POOL), LABELLED, CLASSIFIER, 5, new Random(11)));
        assertNotEquals(chosen, SelectionStrategy.RANDOM.select(POOL, LABELLED, CLASSIFIER, 5, new Random(12)));
        assertEquals(5, new HashSet<>(chosen).size());
        assertTrue(POOL.containsAll(chosen));
    }

    @Test
    void randomDrawsEveryMessageAboutEquallyOften() {
        List<Message> smallPool = POOL.subList(0, 10);
        Map<Message, Integer> draws = new HashMap<>();
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            for (Message message : SelectionStrategy.RANDOM.select(smallPool, LABELLED, CLASSIFIER, 2, random)) {
                draws.merge(message, 1, Integer::sum);
            }
        }

        assertEquals(10, draws.size());
        for (int count : draws.values()) {
            assertTrue(Math.abs(count - 2_000) < 150, "draws per message " + draws.values());
        }
    }

    @Test
    void choosesTheWholePoolWhenItIsSmallerThanAskedAndNothingForZero() {
        List<Message> small = POOL.subList(0, 3);

        for (SelectionStrategy strategy : SelectionStrategy.values()) {
            assertEquals(Set.copyOf(small), Set.copyOf(strategy.select(small, LABELLED, CLASSIFIER, 10, new Random(1))));
            assertEquals(List.of(), strategy.select(small, LABELLED, CLASSIFIER, 0, new Random(1)));
        }
        assertThrows(IllegalArgumentException.class,
                () -> SelectionStrategy.MARGIN.select(small, LABELLED, CLASSIFIER, -1, new Random(1)));
    }

    private static List<Message> pool() {
        List<Message> pool = new ArrayList<>(CLEAR_CASES);
        pool.add(UNSEEN_SPAM);
        pool.add(UNSEEN_HAM);
        return List.copyOf(pool);
    }

    private static List<Message> shuffled(List<Message> messages) {
        List<Message> shuffled = new ArrayList<>(messages);
        Collections.shuffle(shuffled, new Random(77));
        return shuffled;
    }
}
