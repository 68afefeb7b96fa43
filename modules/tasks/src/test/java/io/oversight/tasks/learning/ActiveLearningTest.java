package io.oversight.tasks.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.tasks.OrderingMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActiveLearningTest {

    private static final double EXACT = 1e-12;
    private static final List<Map<String, Double>> NO_COMMITTEE = List.of();

    private static UncertaintyScore score(OrderingMethod method, Map<String, Double> classScores) {
        return ActiveLearning.score(method, 0.9, classScores, NO_COMMITTEE);
    }

    private static UncertaintyScore committee(OrderingMethod method, List<Map<String, Double>> members) {
        return ActiveLearning.score(method, 0.9, Map.of(), members);
    }

    @Test
    void aBareConfidenceIsReadAsATwoClassDistribution() {
        // {0.5, 0.5}: entropy ln 2 / ln 2
        assertEquals(1.0, ActiveLearning.score(OrderingMethod.ENTROPY, 0.5, Map.of(), NO_COMMITTEE).score(), EXACT);
        // {0.8, 0.2}: (1 - 0.8) / (1 - 1/2)
        UncertaintyScore leastConfidence = ActiveLearning.score(OrderingMethod.LEAST_CONFIDENCE, 0.8, Map.of(), NO_COMMITTEE);
        assertEquals(0.4, leastConfidence.score(), EXACT);
        assertEquals("least confidence 0.40: top label predicted 0.80 among 2 labels", leastConfidence.explanation());
    }

    @Test
    void leastConfidenceIsNormalisedByItsMaximum() {
        // (1 - 0.7) / (1 - 1/3) = 0.3 / (2/3)
        assertEquals(0.45, score(OrderingMethod.LEAST_CONFIDENCE, Map.of("a", 0.7, "b", 0.2, "c", 0.1)).score(), EXACT);
        assertEquals(1.0, score(OrderingMethod.LEAST_CONFIDENCE,
                Map.of("a", 0.25, "b", 0.25, "c", 0.25, "d", 0.25)).score(), EXACT);
    }

    @Test
    void marginComparesTheTwoBestLabels() {
        UncertaintyScore margin = score(OrderingMethod.MARGIN, Map.of("deny", 0.37, "approve", 0.55, "escalate", 0.08));
        assertEquals(0.82, margin.score(), EXACT);
        assertEquals(OrderingMethod.MARGIN, margin.applied());
        assertEquals("margin 0.82: top two labels approve 0.55, deny 0.37", margin.explanation());
    }

    @Test
    void entropyIsNormalisedByTheLogOfTheLabelCount() {
        // -(0.5 ln 0.5 + 2 · 0.25 ln 0.25) = 0.5 ln 2 + ln 2 = 1.5 ln 2, over ln 3
        UncertaintyScore entropy = score(OrderingMethod.ENTROPY, Map.of("a", 0.5, "b", 0.25, "c", 0.25));
        assertEquals(1.5 * Math.log(2) / Math.log(3), entropy.score(), EXACT);
        assertEquals(0.9464, entropy.score(), 1e-4);
        assertEquals("entropy 0.95 over 3 labels", entropy.explanation());
    }

    @Test
    void aCertainPredictionScoresZeroByEveryMethod() {
        Map<String, Double> certain = Map.of("approve", 1.0, "deny", 0.0);
        Map<String, Double> singleLabel = Map.of("approve", 1.0);
        for (OrderingMethod method : List.of(OrderingMethod.LEAST_CONFIDENCE, OrderingMethod.MARGIN, OrderingMethod.ENTROPY)) {
            assertEquals(0.0, score(method, certain).score(), EXACT, method.name());
            assertEquals(0.0, score(method, singleLabel).score(), EXACT, method.name());
        }
    }

    @Test
    void equallyProbableLabelsRankInLabelCodeOrder() {
        UncertaintyScore margin = score(OrderingMethod.MARGIN, Map.of("b", 0.5, "a", 0.5));
        assertEquals(1.0, margin.score(), EXACT);
        assertEquals("margin 1.00: top two labels a 0.50, b 0.50", margin.explanation());
    }

    @Test
    void voteEntropyOfASplitCommittee() {
        Map<String, Double> approves = Map.of("approve", 0.7, "deny", 0.3);
        Map<String, Double> denies = Map.of("approve", 0.4, "deny", 0.6);
        UncertaintyScore vote = committee(OrderingMethod.VOTE_ENTROPY, List.of(approves, denies, approves, denies, approves));
        // votes 3 : 2 over min(C = 5, K = 2) = 2 labels
        double expected = -(0.6 * Math.log(0.6) + 0.4 * Math.log(0.4)) / Math.log(2);
        assertEquals(expected, vote.score(), EXACT);
        assertEquals(0.9710, vote.score(), 1e-4);
        assertEquals("vote entropy 0.97: 5 members voted approve 3, deny 2", vote.explanation());
    }

    @Test
    void voteEntropyIsNormalisedByTheSmallerOfCommitteeAndLabelCount() {
        Map<String, Double> a = Map.of("a", 0.4, "b", 0.3, "c", 0.3);
        Map<String, Double> b = Map.of("a", 0.3, "b", 0.4, "c", 0.3);
        // two members can disagree at most 1 : 1, which is complete disagreement although K = 3
        assertEquals(1.0, committee(OrderingMethod.VOTE_ENTROPY, List.of(a, b)).score(), EXACT);
    }

    @Test
    void aUnanimousOrSingleLabelCommitteeScoresZero() {
        Map<String, Double> approves = Map.of("approve", 0.9, "deny", 0.1);
        Map<String, Double> hesitant = Map.of("approve", 0.6, "deny", 0.4);
        assertEquals(0.0, committee(OrderingMethod.VOTE_ENTROPY, List.of(approves, hesitant)).score(), EXACT);
        assertEquals(0.0, committee(OrderingMethod.VOTE_ENTROPY, List.of(Map.of("a", 1.0), Map.of("a", 0.9))).score(), EXACT);
    }

    @Test
    void aTiedMemberVotesForTheFirstLabelCode() {
        Map<String, Double> tied = Map.of("b", 0.5, "a", 0.5);
        // both vote a: unanimous
        assertEquals(0.0, committee(OrderingMethod.VOTE_ENTROPY, List.of(tied, Map.of("a", 0.8, "b", 0.2))).score(), EXACT);
        // a against b: split
        assertEquals(1.0, committee(OrderingMethod.VOTE_ENTROPY, List.of(tied, Map.of("a", 0.1, "b", 0.9))).score(), EXACT);
    }

    @Test
    void klToTheMeanOfOpposedMembersIsLnTwoMappedToOneHalf() {
        // consensus {0.5, 0.5}; each member diverges by 1 · ln(1 / 0.5) = ln 2; 1 - exp(-ln 2) = 1/2
        UncertaintyScore kl = committee(OrderingMethod.KL_DIVERGENCE, List.of(Map.of("a", 1.0, "b", 0.0), Map.of("a", 0.0, "b", 1.0)));
        assertEquals(0.5, kl.score(), EXACT);
        assertEquals("KL divergence 0.50: members differ from their consensus by 0.693 nats on average over 2 members",
                kl.explanation());
    }

    @Test
    void aLabelAMemberDoesNotMentionHasProbabilityZero() {
        assertEquals(0.5, committee(OrderingMethod.KL_DIVERGENCE, List.of(Map.of("a", 1.0), Map.of("b", 1.0))).score(), EXACT);
    }

    @Test
    void klSeesMembersThatAgreeOnTheLabelButNotOnHowSure() {
        List<Map<String, Double>> members = List.of(Map.of("a", 0.9, "b", 0.1), Map.of("a", 0.6, "b", 0.4));
        // consensus {0.75, 0.25}
        double first = 0.9 * Math.log(0.9 / 0.75) + 0.1 * Math.log(0.1 / 0.25);
        double second = 0.6 * Math.log(0.6 / 0.75) + 0.4 * Math.log(0.4 / 0.25);
        double mean = (first + second) / 2;
        assertEquals(0.06329, mean, 1e-5);
        assertEquals(1 - Math.exp(-mean), committee(OrderingMethod.KL_DIVERGENCE, members).score(), EXACT);
        assertEquals(0.0613, committee(OrderingMethod.KL_DIVERGENCE, members).score(), 1e-4);
        assertEquals(0.0, committee(OrderingMethod.VOTE_ENTROPY, members).score(), EXACT);
    }

    @Test
    void identicalMembersDoNotDiverge() {
        Map<String, Double> member = Map.of("a", 0.7, "b", 0.3);
        assertEquals(0.0, committee(OrderingMethod.KL_DIVERGENCE, List.of(member, member, member)).score(), EXACT);
    }

    @Test
    void committeeMethodsFallBackToEntropyWithoutACommittee() {
        Map<String, Double> even = Map.of("a", 0.5, "b", 0.5);
        UncertaintyScore vote = ActiveLearning.score(OrderingMethod.VOTE_ENTROPY, 0.5, even, List.of(Map.of("a", 1.0)));
        assertEquals(OrderingMethod.VOTE_ENTROPY, vote.requested());
        assertEquals(OrderingMethod.ENTROPY, vote.applied());
        assertEquals(1.0, vote.score(), EXACT);
        assertEquals("entropy 1.00 over 2 labels (vote entropy needs 2 committee members, got 1)", vote.explanation());

        UncertaintyScore kl = ActiveLearning.score(OrderingMethod.KL_DIVERGENCE, 0.5, even, NO_COMMITTEE);
        assertEquals(OrderingMethod.KL_DIVERGENCE, kl.requested());
        assertEquals(OrderingMethod.ENTROPY, kl.applied());
        assertTrue(kl.explanation().endsWith("(KL divergence needs 2 committee members, got 0)"), kl.explanation());
    }

    @Test
    void scoresOfDistributionsThatFallShortOfOneStayInTheUnitInterval() {
        // sums to 0.74: -2 · 0.37 ln 0.37 / ln 2 would be 1.06
        assertEquals(1.0, score(OrderingMethod.ENTROPY, Map.of("a", 0.37, "b", 0.37)).score(), EXACT);
        // sums to 0.9: (1 - 0.3) / (2/3) would be 1.05
        assertEquals(1.0, score(OrderingMethod.LEAST_CONFIDENCE, Map.of("a", 0.3, "b", 0.3, "c", 0.3)).score(), EXACT);
    }

    @Test
    void invalidProbabilitiesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ActiveLearning.score(OrderingMethod.ENTROPY, Double.NaN, Map.of(), NO_COMMITTEE));
        assertThrows(IllegalArgumentException.class,
                () -> ActiveLearning.score(OrderingMethod.ENTROPY, -0.1, Map.of(), NO_COMMITTEE));
        assertThrows(IllegalArgumentException.class,
                () -> ActiveLearning.score(OrderingMethod.ENTROPY, 1.01, Map.of(), NO_COMMITTEE));
        assertThrows(IllegalArgumentException.class, () -> score(OrderingMethod.MARGIN, Map.of("a", 1.5)));
        assertThrows(IllegalArgumentException.class, () -> score(OrderingMethod.MARGIN, Map.of("a", Double.NaN)));
        IllegalArgumentException emptyMember = assertThrows(IllegalArgumentException.class,
                () -> committee(OrderingMethod.KL_DIVERGENCE, List.of(Map.of("a", 1.0), Map.of())));
        assertEquals("committee[1] has no class scores", emptyMember.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> committee(OrderingMethod.VOTE_ENTROPY, List.of(Map.of("a", 1.0), Map.of("a", -0.2))));
    }

    @Test
    void explanationsWriteDecimalsExactlyAsTheFormatterDid() {
        Random random = new Random(16);
        List<Double> values = new ArrayList<>(List.of(0.0, 1.0, 0.005, 0.015, 0.125, 0.285, 0.995, 0.9999,
                2.675, 1e-7, 123.4565));
        for (int i = 0; i < 20_000; i++) {
            values.add(random.nextDouble());
            values.add(Math.round(random.nextDouble() * 1000) / 1000.0); // three decimals: the half-up ties
        }
        for (double value : values) {
            assertEquals(String.format(Locale.ROOT, "%.2f", value), ActiveLearning.fixed(value, 2), "value " + value);
            assertEquals(String.format(Locale.ROOT, "%.3f", value), ActiveLearning.fixed(value, 3), "value " + value);
        }
    }
}
