package io.oversight.simulator.corpus;

import java.util.Objects;

/**
 * One mail of the corpus, reduced to what a reviewer and the classifier see.
 *
 * @param id      group + "/" + the corpus' file number, unique in the corpus
 * @param group   the corpus directory it came from, e.g. {@code spam-2} or {@code hard-ham-1}
 * @param label   the true class, {@link Labels#SPAM} or {@link Labels#HAM}
 * @param subject decoded Subject header, empty when absent
 * @param sender  decoded From header, empty when absent
 * @param body    readable text of the body, whitespace collapsed, at most {@link MailParser#MAX_BODY_LENGTH} characters
 */
public record Message(String id, String group, String label, String subject, String sender, String body) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        Labels.requireKnown(label);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(body, "body");
    }
}
