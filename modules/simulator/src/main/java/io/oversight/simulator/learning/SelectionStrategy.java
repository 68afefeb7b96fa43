package io.oversight.simulator.learning;

import io.oversight.simulator.corpus.Labels;
import io.oversight.simulator.corpus.Message;
import io.oversight.simulator.model.ClassScores;
import io.oversight.simulator.model.LabelledText;
import io.oversight.simulator.model.SpamClassifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * How the model service chooses which unlabelled messages to send to people next. Every strategy is deterministic
 * for a given state of the random generator and does not depend on the order of the pool.
 */
public enum SelectionStrategy {

    /** Uniform sample without replacement: the baseline every other strategy must beat. */
    RANDOM {
        @Override
        List<Message> choose(List<Message> pool, List<LabelledText> labelled, SpamClassifier classifier, int k,
                Random random) {
            List<Message> shuffled = new ArrayList<>(pool);
            for (int i = 0; i < k; i++) {
                Collections.swap(shuffled, i, i + random.nextInt(shuffled.size() - i));
            }
            return List.copyOf(shuffled.subList(0, k));
        }
    },

    /** Smallest difference between the two class probabilities: the messages nearest the decision boundary. */
    MARGIN {
        @Override
        List<Message> choose(List<Message> pool, List<LabelledText> labelled, SpamClassifier classifier, int k,
                Random random) {
            List<ClassScores> scores = classifier.scoreAll(pool);
            return mostInformative(pool, k, i -> -scores.get(i).margin(), i -> 0);
        }
    },

    /**
     * Highest predictive entropy. With two classes entropy is a decreasing function of the margin, so this picks
     * the same messages as {@link #MARGIN}; it is kept so that results can be compared with the literature.
     */
    ENTROPY {
        @Override
        List<Message> choose(List<Message> pool, List<LabelledText> labelled, SpamClassifier classifier, int k,
                Random random) {
            List<ClassScores> scores = classifier.scoreAll(pool);
            return mostInformative(pool, k, i -> scores.get(i).entropy(), i -> 0);
        }
    },

    /**
     * Query by committee: {@value #COMMITTEE_SIZE} classifiers trained on bootstrap resamples of the labelled set
     * vote; the messages they disagree on most (highest vote entropy) are chosen, ties (e.g. all unanimous) broken
     * by the members' mean KL divergence from the committee's consensus.
     */
    QBC {
        @Override
        List<Message> choose(List<Message> pool, List<LabelledText> labelled, SpamClassifier classifier, int k,
                Random random) {
            Committee committee = Committee.train(labelled, COMMITTEE_SIZE, random);
            List<List<ClassScores>> votes = committee.scoreAll(pool);
            double[] voteEntropy = new double[pool.size()];
            double[] meanDivergence = new double[pool.size()];
            for (int i = 0; i < pool.size(); i++) {
                List<ClassScores> opinions = new ArrayList<>(votes.size());
                for (List<ClassScores> member : votes) {
                    opinions.add(member.get(i));
                }
                voteEntropy[i] = Committee.voteEntropy(opinions);
                meanDivergence[i] = Committee.meanDivergenceFromConsensus(opinions);
            }
            return mostInformative(pool, k, i -> voteEntropy[i], i -> meanDivergence[i]);
        }
    };

    static final int COMMITTEE_SIZE = 5;

    /**
     * Chooses {@code k} messages of the pool (all of it when it is smaller) for people to label.
     *
     * @param pool       unlabelled messages to choose from
     * @param labelled   the labels released so far (QBC trains its committee on them)
     * @param classifier the model trained on {@code labelled}
     * @param random     the only source of randomness; advanced by RANDOM and QBC
     */
    public List<Message> select(List<Message> pool, List<LabelledText> labelled, SpamClassifier classifier, int k,
            Random random) {
        if (k < 0) {
            throw new IllegalArgumentException("cannot choose a negative number of messages: " + k);
        }
        List<Message> byId = pool.stream().sorted(Comparator.comparing(Message::id)).toList();
        if (k == 0 || byId.isEmpty()) {
            return List.of();
        }
        return choose(byId, labelled, classifier, Math.min(k, byId.size()), random);
    }

    abstract List<Message> choose(List<Message> poolById, List<LabelledText> labelled, SpamClassifier classifier,
            int k, Random random);

    private interface Informativeness {
        double of(int poolIndex);
    }

    /** The k messages of highest informativeness, then of highest tie-breaker, then of smallest id. */
    private static List<Message> mostInformative(List<Message> poolById, int k, Informativeness primary,
            Informativeness tieBreaker) {
        List<Integer> order = new ArrayList<>(poolById.size());
        double[] primaryValues = new double[poolById.size()];
        double[] tieBreakerValues = new double[poolById.size()];
        for (int i = 0; i < poolById.size(); i++) {
            order.add(i);
            primaryValues[i] = primary.of(i);
            tieBreakerValues[i] = tieBreaker.of(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -primaryValues[i])
                .thenComparingDouble(i -> -tieBreakerValues[i])
                .thenComparingInt(i -> i));
        List<Message> chosen = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            chosen.add(poolById.get(order.get(i)));
        }
        return List.copyOf(chosen);
    }

    /** Members of a query-by-committee, each trained on its own bootstrap resample of the labelled set. */
    record Committee(List<SpamClassifier> members) {

        static Committee train(List<LabelledText> labelled, int size, Random random) {
            List<LabelledText> byId = labelled.stream()
                    .sorted(Comparator.comparing((LabelledText example) -> example.message().id())
                            .thenComparing(LabelledText::label))
                    .toList();
            List<SpamClassifier> members = new ArrayList<>(size);
            for (int member = 0; member < size; member++) {
                members.add(SpamClassifier.train(stratifiedBootstrap(byId, random), random.nextLong()));
            }
            return new Committee(List.copyOf(members));
        }

        /**
         * Resamples each class separately, keeping its size, so that no member misses a class even when the
         * labelled set is a small seed set.
         */
        static List<LabelledText> stratifiedBootstrap(List<LabelledText> labelled, Random random) {
            List<LabelledText> resample = new ArrayList<>(labelled.size());
            for (String label : Labels.ALL) {
                List<LabelledText> ofLabel = labelled.stream().filter(example -> example.label().equals(label)).toList();
                for (int i = 0; i < ofLabel.size(); i++) {
                    resample.add(ofLabel.get(random.nextInt(ofLabel.size())));
                }
            }
            return resample;
        }

        List<List<ClassScores>> scoreAll(List<Message> pool) {
            return SpamClassifier.scoreWithEach(members, pool);
        }

        /** Entropy (nats) of the members' hard votes: 0 when unanimous. */
        static double voteEntropy(List<ClassScores> opinions) {
            double spamVotes = opinions.stream().filter(scores -> scores.label().equals(Labels.SPAM)).count();
            double spamShare = spamVotes / opinions.size();
            return plogp(spamShare) + plogp(1 - spamShare);
        }

        /** Mean Kullback-Leibler divergence (nats) of each member's distribution from the members' average. */
        static double meanDivergenceFromConsensus(List<ClassScores> opinions) {
            double consensusSpam = opinions.stream().mapToDouble(ClassScores::spam).average().orElseThrow();
            double consensusHam = 1 - consensusSpam;
            double divergence = 0;
            for (ClassScores member : opinions) {
                divergence += klTerm(member.spam(), consensusSpam) + klTerm(member.ham(), consensusHam);
            }
            return divergence / opinions.size();
        }

        private static double klTerm(double p, double q) {
            return p > 0 ? p * Math.log(p / q) : 0;
        }

        private static double plogp(double p) {
            return p > 0 ? -p * Math.log(p) : 0;
        }
    }
}
