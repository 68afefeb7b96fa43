package io.oversight.simulator.model;

import io.oversight.simulator.corpus.Labels;
import io.oversight.simulator.corpus.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small generated mails for tests that cannot use the real corpus (CI does not fetch it): spam draws mostly from
 * a spam vocabulary, ham from a ham one, both with shared filler words and a little of the other class' words, so
 * a classifier has something real but not trivial to learn.
 */
public final class SyntheticMessages {

    private static final String[] SPAM_WORDS = {"free", "money", "win", "offer", "click", "cash", "prize", "credit",
        "cheap", "deal", "limited", "guarantee", "earn", "income", "viagra", "winner", "unsubscribe", "bonus"};
    private static final String[] HAM_WORDS = {"meeting", "project", "code", "review", "lunch", "schedule", "patch",
        "release", "thanks", "team", "report", "build", "tests", "kernel", "mailing", "debian", "agenda", "minutes"};
    private static final String[] FILLER_WORDS = {"the", "and", "you", "this", "for", "with", "please", "today",
        "about", "will", "have", "our", "from", "more", "time"};
    private static final double OWN_CLASS_SHARE = 0.45;
    private static final double OTHER_CLASS_SHARE = 0.1;
    private static final int WORDS_PER_MAIL = 25;

    private SyntheticMessages() {
    }

    /** {@code spam} spam and {@code ham} ham messages with ids {@code <prefix>-spam-N} and {@code <prefix>-ham-N}. */
    public static List<Message> generate(String idPrefix, int spam, int ham, long seed) {
        Random random = new Random(seed);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < spam; i++) {
            messages.add(mail(idPrefix + "-spam-" + i, Labels.SPAM, SPAM_WORDS, HAM_WORDS, random));
        }
        for (int i = 0; i < ham; i++) {
            messages.add(mail(idPrefix + "-ham-" + i, Labels.HAM, HAM_WORDS, SPAM_WORDS, random));
        }
        return messages;
    }

    /**
     * A message of the given label made only of words the generated mails never use, so a classifier trained on
     * them has no evidence either way.
     */
    public static Message unseenWords(String id, String label) {
        return new Message(id, "synthetic", label, "zebra quartz " + id, "nobody@example.org",
                "xylophone juniper walrus " + id);
    }

    public static List<LabelledText> withTrueLabels(List<Message> messages) {
        return messages.stream().map(LabelledText::withTrueLabel).toList();
    }

    private static Message mail(String id, String label, String[] own, String[] other, Random random) {
        StringBuilder body = new StringBuilder();
        for (int word = 0; word < WORDS_PER_MAIL; word++) {
            double draw = random.nextDouble();
            String[] vocabulary = draw < OWN_CLASS_SHARE ? own
                    : draw < OWN_CLASS_SHARE + OTHER_CLASS_SHARE ? other : FILLER_WORDS;
            body.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
        }
        String subject = FILLER_WORDS[random.nextInt(FILLER_WORDS.length)] + " " + own[random.nextInt(own.length)];
        return new Message(id, "synthetic-" + label, label, subject, "sender@example.org", body.toString().strip());
    }
}
