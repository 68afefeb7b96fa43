package io.oversight.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoPredictionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final List<String> DISPUTE_LABELS =
            List.of("card-not-present", "account-takeover", "duplicate-charge", "wrong-amount", "no-dispute");
    private static final List<String> POST_LABELS = List.of("allowed", "harassment", "hate", "spam");
    private static final int MANY = 2000;

    private static List<DemoPrediction> many(long seed, DemoWorkflow workflow, List<String> labelSpace) {
        DemoPredictions predictions = new DemoPredictions(seed, TODAY);
        return IntStream.range(0, MANY).mapToObj(i -> predictions.next(workflow, labelSpace)).toList();
    }

    @Test
    void labelsAndScoresStayInTheLabelSpaceAndAgreeWithTheConfidence() {
        for (DemoWorkflow workflow : DemoWorkflow.values()) {
            List<String> space = workflow == DemoWorkflow.LOAN_DISPUTES ? DISPUTE_LABELS : POST_LABELS;
            for (DemoPrediction p : many(7, workflow, space)) {
                assertEquals(1, p.labels().size(), p.toString());
                String label = p.labels().get(0);
                assertTrue(space.contains(label), p.toString());
                assertTrue(space.contains(p.actualLabel()), p.toString());
                assertTrue(p.confidence() > 0 && p.confidence() < 1, p.toString());
                assertEquals(Set.copyOf(space), p.scores().keySet(), p.toString());
                assertEquals(p.confidence(), p.scores().get(label), 1e-9, "the label's score is the confidence");
                assertEquals(1.0, p.scores().values().stream().mapToDouble(Double::doubleValue).sum(), 0.001, p.toString());
                p.scores().forEach((code, score) -> assertTrue(code.equals(label) || score < p.confidence(),
                        "the model's label has the highest score: " + p));
            }
        }
    }

    @Test
    void theModelIsRightMostOfTheTimeButNotAlways() {
        List<DemoPrediction> predictions = many(11, DemoWorkflow.LOAN_DISPUTES, DISPUTE_LABELS);
        long right = predictions.stream().filter(p -> p.labels().get(0).equals(p.actualLabel())).count();
        assertTrue(right > MANY * 0.7 && right < MANY * 0.9, right + " of " + MANY + " right");
        assertEquals(Set.copyOf(DISPUTE_LABELS),
                Set.copyOf(predictions.stream().map(DemoPrediction::actualLabel).toList()), "every label occurs");
    }

    @Test
    void mostPredictionsAreUnsureEnoughForReviewAndSomeSureEnoughToBeAccepted() {
        for (DemoWorkflow workflow : DemoWorkflow.values()) {
            List<DemoPrediction> predictions = many(13, workflow,
                    workflow == DemoWorkflow.LOAN_DISPUTES ? DISPUTE_LABELS : POST_LABELS);
            long sure = predictions.stream().filter(p -> p.confidence() >= 0.95).count();
            long tooUnsure = predictions.stream().filter(p -> p.confidence() <= 0.2).count();
            assertTrue(sure > MANY * 0.08 && sure < MANY * 0.25, sure + " of " + MANY + " sure");
            assertEquals(0, tooUnsure, "none so unsure that the policy settles it without people");
        }
    }

    @Test
    void theSameSeedGivesTheSamePredictionsAndAnotherSeedOthers() {
        assertEquals(many(42, DemoWorkflow.LOAN_DISPUTES, DISPUTE_LABELS), many(42, DemoWorkflow.LOAN_DISPUTES, DISPUTE_LABELS));
        assertEquals(many(42, DemoWorkflow.CONTENT_MODERATION, POST_LABELS),
                many(42, DemoWorkflow.CONTENT_MODERATION, POST_LABELS));
        assertNotEquals(many(42, DemoWorkflow.LOAN_DISPUTES, DISPUTE_LABELS).get(0).payload(),
                many(43, DemoWorkflow.LOAN_DISPUTES, DISPUTE_LABELS).get(0).payload());
    }

    @Test
    void clientKeysAreUniqueWithinARunAndDifferBetweenRuns() {
        DemoPredictions predictions = new DemoPredictions(5, TODAY);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < MANY; i++) {
            assertTrue(keys.add(predictions.next(DemoWorkflow.values()[i % 2], i % 2 == 0 ? DISPUTE_LABELS : POST_LABELS)
                    .clientKey()));
        }
        assertTrue(keys.stream().allMatch(key -> key.matches("[A-Za-z0-9._:~@/+-]{1,200}")), "the API's key syntax");
        assertTrue(keys.stream().noneMatch(new DemoPredictions(6, TODAY).next(DemoWorkflow.LOAN_DISPUTES, DISPUTE_LABELS)
                .clientKey()::equals));
    }

    @Test
    void disputesCarryTheTransactionAndTheCustomersPersonalDataTheWorkflowMasks() {
        for (DemoPrediction p : many(17, DemoWorkflow.LOAN_DISPUTES, DISPUTE_LABELS)) {
            Map<String, Object> payload = p.payload();
            BigDecimal amount = (BigDecimal) payload.get("amount");
            assertTrue(amount.signum() > 0 && amount.scale() == 2, p.toString());
            assertTrue(!((String) payload.get("merchant")).isBlank(), p.toString());
            LocalDate date = LocalDate.parse((String) payload.get("date"));
            assertTrue(!date.isAfter(TODAY) && date.isAfter(TODAY.minusDays(90)), p.toString());
            assertTrue(!((String) payload.get("text")).isBlank(), p.toString());
            Map<?, ?> customer = (Map<?, ?>) payload.get("customer");
            assertTrue(((String) customer.get("name")).contains(" "), p.toString());
            assertTrue(((String) customer.get("email")).matches("[a-z.]+@example\\.com"), p.toString());
            assertValidIban((String) customer.get("iban"));
        }
    }

    @Test
    void postsCarryTextTheAuthorsHandleAndReports() {
        for (DemoPrediction p : many(19, DemoWorkflow.CONTENT_MODERATION, POST_LABELS)) {
            Map<String, Object> payload = p.payload();
            assertTrue(!((String) payload.get("text")).isBlank(), p.toString());
            assertTrue(((String) ((Map<?, ?>) payload.get("author")).get("handle")).matches("[a-z]+_[a-z]+\\d+"), p.toString());
            int reports = (Integer) payload.get("reports");
            assertTrue(reports >= 0 && reports <= 8, p.toString());
        }
    }

    @Test
    void aLabelSpaceWithLabelsItHasNoTextsForStillGetsPredictions() {
        DemoPrediction p = new DemoPredictions(23, TODAY).next(DemoWorkflow.CONTENT_MODERATION, List.of("satire", "scam"));
        assertTrue(List.of("satire", "scam").contains(p.labels().get(0)), p.toString());
        assertTrue(p.confidence() > 0.5, "above the other label: " + p);
        assertTrue(!((String) p.payload().get("text")).isBlank(), p.toString());
    }

    @Test
    void sharesAreProportionalUnderTheCapAndAddUpToTheTotal() {
        Map<String, Double> shares = DemoPredictions.share(Map.of("a", 10.0, "b", 1.0, "c", 1.0), 0.6, 0.35);
        assertEquals(0.35, shares.get("a"), 1e-9, "capped");
        assertEquals(0.125, shares.get("b"), 1e-9, "the rest, in proportion");
        assertEquals(0.125, shares.get("c"), 1e-9);
        Map<String, Double> uncapped = DemoPredictions.share(Map.of("a", 2.0, "b", 1.0), 0.3, 0.35);
        assertEquals(0.2, uncapped.get("a"), 1e-9);
        assertEquals(0.1, uncapped.get("b"), 1e-9);
    }

    private static void assertValidIban(String iban) {
        assertTrue(iban.matches("DE\\d{20}"), iban);
        String rearranged = iban.substring(4) + "1314" + iban.substring(2, 4);
        assertEquals(1, new BigInteger(rearranged).mod(BigInteger.valueOf(97)).intValue(), "check digits of " + iban);
    }
}
