package io.oversight.simulator.model;

import io.oversight.simulator.corpus.Labels;
import io.oversight.simulator.corpus.Message;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpamClassifierTest {

    private static final List<Message> TRAINING = SyntheticMessages.generate("train", 20, 20, 1);
    private static final List<Message> TEST = SyntheticMessages.generate("test", 100, 100, 2);

    @Test
    void learnsToSeparateSpamFromHamWellAboveChance() {
        SpamClassifier classifier = SpamClassifier.train(SyntheticMessages.withTrueLabels(TRAINING), 7);

        assertTrue(classifier.accuracy(TEST) > 0.9, "accuracy " + classifier.accuracy(TEST));
    }

    @Test
    void scoresAreProbabilitiesWhoseLargestIsThePredictedLabel() {
        SpamClassifier classifier = SpamClassifier.train(SyntheticMessages.withTrueLabels(TRAINING), 7);

        List<ClassScores> scores = classifier.scoreAll(TEST);

        assertEquals(TEST.size(), scores.size());
        for (int i = 0; i < TEST.size(); i++) {
            ClassScores score = scores.get(i);
            assertEquals(1.0, score.spam() + score.ham(), 1e-9);
            assertTrue(score.spam() > 0 && score.spam() < 1);
            assertEquals(score.spam() > score.ham() ? Labels.SPAM : Labels.HAM, score.label());
            assertEquals(Math.max(score.spam(), score.ham()), score.confidence());
            assertEquals(classifier.score(TEST.get(i)), score);
        }
    }

    @Test
    void scoringWithSeveralClassifiersAtOnceGivesEachOnesOwnScores() {
        SpamClassifier first = SpamClassifier.train(SyntheticMessages.withTrueLabels(TRAINING), 7);
        SpamClassifier inverted = SpamClassifier.train(TRAINING.stream()
                .map(message -> new LabelledText(message, Labels.other(message.label()))).toList(), 7);

        List<List<ClassScores>> scores = SpamClassifier.scoreWithEach(List.of(first, inverted), TEST);

        assertEquals(List.of(first.scoreAll(TEST), inverted.scoreAll(TEST)), scores);
        assertNotEquals(scores.get(0), scores.get(1));
    }

    @Test
    void sameExamplesAndSeedGiveTheSameModelWhateverTheirOrder() {
        List<LabelledText> examples = SyntheticMessages.withTrueLabels(TRAINING);
        List<LabelledText> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(5));

        SpamClassifier first = SpamClassifier.train(examples, 7);
        SpamClassifier second = SpamClassifier.train(shuffled, 7);

        assertEquals(first.scoreAll(TEST), second.scoreAll(TEST));
        assertEquals(first.fingerprint(), second.fingerprint());
    }

    @Test
    void anotherSeedShufflesTrainingDifferently() {
        List<LabelledText> examples = SyntheticMessages.withTrueLabels(TRAINING);

        SpamClassifier first = SpamClassifier.train(examples, 7);
        SpamClassifier second = SpamClassifier.train(examples, 8);

        assertNotEquals(first.scoreAll(TEST), second.scoreAll(TEST));
        assertNotEquals(first.fingerprint(), second.fingerprint());
    }

    @Test
    void fingerprintIsSha256HexAndChangesWithASingleReleasedLabel() {
        List<LabelledText> examples = new ArrayList<>(SyntheticMessages.withTrueLabels(TRAINING));
        String original = SpamClassifier.train(examples, 7).fingerprint();
        LabelledText first = examples.get(0);
        examples.set(0, new LabelledText(first.message(), Labels.other(first.label())));

        assertTrue(original.matches("[0-9a-f]{64}"), original);
        assertNotEquals(original, SpamClassifier.train(examples, 7).fingerprint());
    }

    @Test
    void learnsTheReleasedLabelsNotTheTrueOnes() {
        List<LabelledText> inverted = TRAINING.stream()
                .map(message -> new LabelledText(message, Labels.other(message.label())))
                .toList();

        SpamClassifier classifier = SpamClassifier.train(inverted, 7);

        assertTrue(classifier.accuracy(TEST) < 0.1, "accuracy " + classifier.accuracy(TEST));
    }

    @Test
    void scoresAMessageWhoseWordsItHasNeverSeen() {
        SpamClassifier classifier = SpamClassifier.train(SyntheticMessages.withTrueLabels(TRAINING), 7);

        ClassScores scores = classifier.score(SyntheticMessages.unseenWords("unseen", Labels.HAM));

        assertTrue(scores.margin() < 0.5, "a message without evidence should be uncertain: " + scores);
    }

    @Test
    void refusesToTrainWithoutBothClasses() {
        List<LabelledText> onlySpam = SyntheticMessages.withTrueLabels(SyntheticMessages.generate("s", 5, 0, 3));

        assertThrows(IllegalArgumentException.class, () -> SpamClassifier.train(onlySpam, 7));
    }

    @Test
    void refusesAnEmptyTestSet() {
        SpamClassifier classifier = SpamClassifier.train(SyntheticMessages.withTrueLabels(TRAINING), 7);

        assertThrows(IllegalArgumentException.class, () -> classifier.accuracy(List.of()));
    }
}
