package io.oversight.simulator.corpus;

import java.util.List;

/** The two classes of the corpus, as the platform's tasks and the classifier name them. */
public final class Labels {

    public static final String SPAM = "spam";
    public static final String HAM = "ham";
    public static final List<String> ALL = List.of(SPAM, HAM);

    private Labels() {
    }

    public static String other(String label) {
        return switch (requireKnown(label)) {
            case SPAM -> HAM;
            default -> SPAM;
        };
    }

    public static String requireKnown(String label) {
        if (!SPAM.equals(label) && !HAM.equals(label)) {
            throw new IllegalArgumentException("unknown label: " + label);
        }
        return label;
    }

    /** spam-1 and spam-2 hold spam; easy-ham-1, easy-ham-2 and hard-ham-1 hold ham. */
    public static String ofGroup(String group) {
        if (group.startsWith("spam")) {
            return SPAM;
        }
        if (group.contains("ham")) {
            return HAM;
        }
        throw new IllegalArgumentException("corpus group of unknown class: " + group);
    }
}
