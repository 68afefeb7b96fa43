package io.oversight.app.demo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes the demo model's predictions: plausible inputs of each demo workflow and a model's answer to
 * them. The same seed gives the same predictions, in the same order.
 *
 * <p>The confidences are chosen for the demo workflows' routing policies: about one prediction in six
 * is sure enough to be accepted automatically, the rest fall in the review bands; a few disputes are
 * large amounts or vulnerable customers, which go to the experts. The model picks the label the input
 * was written for four times in five.
 */
public final class DemoPredictions {

    static final double ACCURACY = 0.8;
    static final double SURE_SHARE = 0.2;
    static final double SURE_FROM = 0.955;
    static final double SURE_TO = 0.995;
    static final double UNSURE_FROM = 0.35;
    static final double UNSURE_TO = 0.94;
    /** Keeps the model's label above every other score by at least this much. */
    static final double LEAD = 0.01;

    private static final List<String> MERCHANTS = List.of("Nordwind Air", "Cafe Lumiere", "MegaMart Online",
            "CityRail", "StreamBox", "Hotel Aurora", "QuickFix Garage", "PetPalace", "Bookworm & Co", "SunFit Gym");
    private static final List<String> FIRST_NAMES = List.of("Jo", "Maria", "Ahmed", "Lena", "Tomasz", "Aoife",
            "Kofi", "Ines", "Pieter", "Yuki", "Sven", "Chiara");
    private static final List<String> LAST_NAMES = List.of("Bloggs", "Garcia", "Haddad", "Schmidt", "Nowak",
            "Murphy", "Mensah", "Costa", "de Vries", "Tanaka", "Lund", "Romano");

    private static final Map<String, List<String>> DISPUTE_TEXTS = Map.of(
            "card-not-present", List.of(
                    "I never bought anything from %1$s. My card has been in my wallet the whole time.",
                    "There is a payment to %1$s on %3$s that I did not make.",
                    "Someone used my card details online at %1$s, it was not me."),
            "account-takeover", List.of(
                    "Someone changed the password and phone number of my account and then paid %2$s to %1$s.",
                    "I got a login alert from another country, then %2$s went out to %1$s.",
                    "I can no longer sign in, and there are payments to %1$s I know nothing about."),
            "duplicate-charge", List.of(
                    "%1$s charged me twice for one order.",
                    "The same payment of %2$s to %1$s appears two times on %3$s.",
                    "I paid %1$s once but my statement shows the charge of %2$s twice."),
            "wrong-amount", List.of(
                    "%1$s charged me %2$s but my receipt says less.",
                    "The price at %1$s was agreed in advance, yet I was billed %2$s.",
                    "The amount of my payment to %1$s on %3$s is wrong."),
            "no-dispute", List.of(
                    "Why did the interest rate of my loan go up this month?",
                    "Can you send me a statement of last year's repayments?",
                    "How do I change the due date of my monthly repayment?"));
    private static final String DISPUTE_TEXT_OF_OTHER_LABELS = "Please look at my payment of %2$s to %1$s on %3$s.";

    private static final List<String> HANDLE_WORDS = List.of("river", "pixel", "maple", "comet", "otter", "quartz",
            "ember", "cedar", "lumen", "falcon");
    private static final Map<String, List<String>> POST_TEXTS = Map.of(
            "allowed", List.of(
                    "Lovely sunset at the lake tonight, who else was there?",
                    "Does anyone know a good bakery near the station?",
                    "Congratulations to the team on yesterday's win!",
                    "This recipe is terrible, I burnt everything and still ate it.",
                    "Strongly disagree with the council's parking plan, here is why."),
            "harassment", List.of(
                    "@%1$s you are pathetic and everyone at school knows it.",
                    "Nobody wants you here @%1$s, just leave and never come back.",
                    "I know where you live @%1$s, watch yourself."),
            "hate", List.of(
                    "All Valedonians are thieves, do not let them into our street.",
                    "Northlanders are vermin and should be banned from this town."),
            "spam", List.of(
                    "Buy cheap watches at example.test!!! 90%% off today only",
                    "Earn 5000 a week from home, send me a message to learn how",
                    "Free coin giveaway: send one, get two back at example.test/claim"));
    private static final String POST_TEXT_OF_OTHER_LABELS = "Look at what @%1$s posted again today.";

    private final Random random;
    private final String runId;
    private final LocalDate today;
    private long sequence;

    /**
     * @param seed  of every random choice
     * @param today the date disputed payments are dated back from
     */
    public DemoPredictions(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.runId = Long.toString(seed, Character.MAX_RADIX);
        this.today = today;
    }

    /**
     * The next prediction for a workflow, whose labels are taken from {@code labelSpace}, the label
     * space of the snapshot that predicts.
     */
    public DemoPrediction next(DemoWorkflow workflow, List<String> labelSpace) {
        if (labelSpace.isEmpty()) {
            throw new IllegalArgumentException("the model snapshot of " + workflow.key() + " predicts no labels");
        }
        Map<String, List<String>> texts = workflow == DemoWorkflow.LOAN_DISPUTES ? DISPUTE_TEXTS : POST_TEXTS;
        List<String> written = labelSpace.stream().filter(texts::containsKey).toList();
        String actual = pick(written.isEmpty() ? labelSpace : written);
        String predicted = random.nextDouble() < ACCURACY || labelSpace.size() == 1 ? actual
                : pick(labelSpace.stream().filter(label -> !label.equals(actual)).toList());
        double confidence = confidence(labelSpace.size(), predicted.equals(actual));
        Map<String, Object> payload = workflow == DemoWorkflow.LOAN_DISPUTES ? dispute(actual) : post(actual);
        String clientKey = "demo-" + runId + "-" + workflow.key() + "-" + (++sequence);
        return new DemoPrediction(clientKey, List.of(predicted), confidence,
                scores(labelSpace, predicted, actual, confidence), payload, actual);
    }

    /** Only a right model is sure; a wrong one is unsure, so routing sends it to people. */
    private double confidence(int labels, boolean right) {
        if (labels == 1) {
            return 1.0;
        }
        if (right && random.nextDouble() < SURE_SHARE) {
            return round(between(SURE_FROM, SURE_TO), 3);
        }
        // the model's label must lead the others, which share what it leaves
        double from = Math.max(UNSURE_FROM, 1.0 / labels + 2 * LEAD);
        return round(between(from, right ? UNSURE_TO : (from + UNSURE_TO) / 2), 3);
    }

    /**
     * Scores of the whole label space: the model's label has the confidence; the others share the
     * rest at random, the label it should have chosen getting a larger share, none reaching the
     * model's label.
     */
    private Map<String, Double> scores(List<String> labelSpace, String predicted, String actual, double confidence) {
        if (labelSpace.size() == 1) {
            return Map.of();
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String label : labelSpace) {
            if (!label.equals(predicted)) {
                weights.put(label, (label.equals(actual) ? 3 : 1) * between(0.2, 1.0));
            }
        }
        Map<String, Double> shares = share(weights, 1 - confidence, confidence - LEAD);
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(predicted, confidence);
        shares.forEach((label, share) -> scores.put(label, round(share, 4)));
        return scores;
    }

    /**
     * Divides {@code total} in proportion to the weights, no share above {@code cap}: what a capped
     * share would exceed goes to the others, again in proportion.
     */
    static Map<String, Double> share(Map<String, Double> weights, double total, double cap) {
        Map<String, Double> shares = new HashMap<>();
        Map<String, Double> open = new HashMap<>(weights);
        double left = total;
        boolean capped = true;
        while (capped && !open.isEmpty()) {
            capped = false;
            double weightSum = open.values().stream().mapToDouble(Double::doubleValue).sum();
            for (Map.Entry<String, Double> entry : List.copyOf(open.entrySet())) {
                if (left * entry.getValue() / weightSum > cap) {
                    shares.put(entry.getKey(), cap);
                    open.remove(entry.getKey());
                    left -= cap;
                    capped = true;
                }
            }
            if (!capped) {
                for (Map.Entry<String, Double> entry : open.entrySet()) {
                    shares.put(entry.getKey(), left * entry.getValue() / weightSum);
                }
            }
        }
        return shares;
    }

    private Map<String, Object> dispute(String label) {
        boolean large = random.nextDouble() < 0.04;
        BigDecimal amount = BigDecimal.valueOf(large ? between(10_500, 48_000) : between(4.5, 2_400))
                .setScale(2, RoundingMode.HALF_UP);
        String merchant = pick(MERCHANTS);
        LocalDate date = today.minusDays(random.nextInt(60));
        String template = DISPUTE_TEXTS.containsKey(label) ? pick(DISPUTE_TEXTS.get(label)) : DISPUTE_TEXT_OF_OTHER_LABELS;
        String first = pick(FIRST_NAMES);
        String last = pick(LAST_NAMES);
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", first + " " + last);
        customer.put("email", (first + "." + last).toLowerCase(Locale.ROOT).replace(" ", "") + "@example.com");
        customer.put("iban", germanIban());
        if (random.nextDouble() < 0.03) {
            customer.put("vulnerable", true);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("amount", amount);
        payload.put("currency", "EUR");
        payload.put("merchant", merchant);
        payload.put("date", date.toString());
        payload.put("text", template.formatted(merchant, amount.toPlainString() + " EUR", date));
        payload.put("customer", customer);
        return payload;
    }

    private Map<String, Object> post(String label) {
        String template = POST_TEXTS.containsKey(label) ? pick(POST_TEXTS.get(label)) : POST_TEXT_OF_OTHER_LABELS;
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("handle", handle());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", template.formatted(handle()));
        payload.put("author", author);
        // people report harmful posts more, and five reports send a post to the trained tier
        payload.put("reports", "allowed".equals(label) ? random.nextInt(3) : 1 + random.nextInt(8));
        return payload;
    }

    private String handle() {
        return pick(HANDLE_WORDS) + "_" + pick(HANDLE_WORDS) + random.nextInt(100);
    }

    /** A German IBAN with valid check digits (ISO 13616: the BBAN, then "DE00" as digits, mod 97). */
    private String germanIban() {
        StringBuilder bban = new StringBuilder();
        for (int i = 0; i < 18; i++) {
            bban.append(random.nextInt(10));
        }
        int check = 98 - new BigInteger(bban + "131400").mod(BigInteger.valueOf(97)).intValue();
        return "DE" + String.format("%02d", check) + bban;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private double between(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
