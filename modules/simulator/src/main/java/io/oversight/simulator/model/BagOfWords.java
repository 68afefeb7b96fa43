package io.oversight.simulator.model;

import io.oversight.simulator.corpus.Message;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message into sparse word features: lower-cased tokens of the subject (prefixed {@code s:}) and of the
 * body (prefixed {@code b:}), each valued log(1 + count), the vector scaled to unit length so that long mails do
 * not get larger logits merely for being long.
 */
final class BagOfWords {

    /**
     * Present in every message, so that Tribuo never sees an example without a known feature (it refuses to
     * predict one), e.g. a mail whose words were all unseen in training.
     */
    static final String ALWAYS_PRESENT = "always-present";

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?|[$!]");
    private static final int MAX_TOKEN_LENGTH = 30;

    private BagOfWords() {
    }

    /** Feature name to value, sorted by name. */
    static Map<String, Double> features(Message message) {
        Map<String, Integer> counts = new TreeMap<>();
        countTokens("s:", message.subject(), counts);
        countTokens("b:", message.body(), counts);
        Map<String, Double> features = new TreeMap<>();
        double squaredNorm = 0;
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            double value = Math.log1p(count.getValue());
            features.put(count.getKey(), value);
            squaredNorm += value * value;
        }
        double norm = Math.sqrt(squaredNorm);
        if (norm > 0) {
            features.replaceAll((name, value) -> value / norm);
        }
        features.put(ALWAYS_PRESENT, 1.0);
        return features;
    }

    private static void countTokens(String prefix, String text, Map<String, Integer> counts) {
        Matcher token = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (token.find()) {
            if (token.end() - token.start() <= MAX_TOKEN_LENGTH) {
                counts.merge(prefix + token.group(), 1, Integer::sum);
            }
        }
    }
}
