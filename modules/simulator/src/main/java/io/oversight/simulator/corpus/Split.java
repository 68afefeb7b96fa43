package io.oversight.simulator.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A held-out test set that no strategy ever sees labels for, and the pool the experiment draws from.
 * Both lists are in a shuffled order fixed by the seed, so that any prefix of them is a random sample of both
 * classes (in id order a prefix would be all easy ham); they depend only on the seed, never on the input's order.
 */
public record Split(List<Message> test, List<Message> pool) {

    public Split {
        test = List.copyOf(test);
        pool = List.copyOf(pool);
    }

    /**
     * Holds out {@code testFraction} of each class (rounded), so the test set has the corpus' class balance even
     * when it is small.
     */
    public static Split of(List<Message> messages, long seed, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1): " + testFraction);
        }
        Random random = new Random(seed);
        List<Message> test = new ArrayList<>();
        List<Message> pool = new ArrayList<>();
        for (String label : Labels.ALL) {
            List<Message> ofLabel = shuffledOfLabel(messages, label, random);
            int testSize = (int) Math.round(ofLabel.size() * testFraction);
            test.addAll(ofLabel.subList(0, testSize));
            pool.addAll(ofLabel.subList(testSize, ofLabel.size()));
        }
        Collections.shuffle(test, random);
        Collections.shuffle(pool, random);
        return new Split(test, pool);
    }

    /**
     * Draws a seed set of {@code size} messages from the pool, half spam and half ham (ham gets the odd one), as
     * the labelled start of an active-learning run.
     */
    public SeedSet seedSet(int size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("seed set size must not be negative: " + size);
        }
        Random random = new Random(seed);
        List<Message> seedMessages = new ArrayList<>();
        int spamCount = size / 2;
        for (String label : Labels.ALL) {
            int wanted = label.equals(Labels.SPAM) ? spamCount : size - spamCount;
            List<Message> ofLabel = shuffledOfLabel(pool, label, random);
            if (ofLabel.size() < wanted) {
                throw new IllegalArgumentException("pool has " + ofLabel.size() + " " + label
                        + " messages, the seed set needs " + wanted);
            }
            seedMessages.addAll(ofLabel.subList(0, wanted));
        }
        Collections.shuffle(seedMessages, random);
        Set<String> seedIds = new HashSet<>();
        seedMessages.forEach(message -> seedIds.add(message.id()));
        List<Message> rest = pool.stream().filter(message -> !seedIds.contains(message.id())).toList();
        return new SeedSet(seedMessages, rest);
    }

    /** The labelled start of a run, shuffled, and the pool that remains unlabelled, in the pool's order. */
    public record SeedSet(List<Message> seed, List<Message> unlabelled) {

        public SeedSet {
            seed = List.copyOf(seed);
            unlabelled = List.copyOf(unlabelled);
        }
    }

    private static List<Message> shuffledOfLabel(List<Message> messages, String label, Random random) {
        List<Message> ofLabel = new ArrayList<>(byId(messages.stream().filter(m -> m.label().equals(label)).toList()));
        Collections.shuffle(ofLabel, random);
        return ofLabel;
    }

    private static List<Message> byId(List<Message> messages) {
        return messages.stream().sorted(Comparator.comparing(Message::id)).toList();
    }
}
