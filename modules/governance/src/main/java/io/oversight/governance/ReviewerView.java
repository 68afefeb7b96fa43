package io.oversight.governance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a reviewer sees of an item of a workflow: the input fields shown as people read
 * them, in order, under their labels and formats (the raw JSON stays one key away), and the tiers
 * whose reviewers answer blind, without the model's prediction and confidence.
 *
 * @param fields                the input fields shown, in order; empty shows the raw JSON only
 * @param predictionHiddenTiers tiers (1-3) whose reviewers do not see the prediction until they answered
 * @param changedAt             when governance last changed it; empty while it was never set
 */
public record ReviewerView(String workflowKey, List<Field> fields, Set<Integer> predictionHiddenTiers,
        Optional<Instant> changedAt) {

    /** Most fields one view shows. */
    public static final int MAX_FIELDS = 30;

    public ReviewerView {
        Objects.requireNonNull(workflowKey, "workflowKey");
        fields = List.copyOf(fields);
        predictionHiddenTiers = Set.copyOf(new TreeSet<>(predictionHiddenTiers));
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** The view of a workflow governance never configured: raw JSON, prediction shown on every tier. */
    public static ReviewerView unset(String workflowKey) {
        return new ReviewerView(workflowKey, List.of(), Set.of(), Optional.empty());
    }

    /** Whether a reviewer working tier {@code tier} sees the model's prediction before answering. */
    public boolean predictionShownTo(int tier) {
        return !predictionHiddenTiers.contains(tier);
    }

    /**
     * One shown input field.
     *
     * @param path   JSON Pointer (RFC 6901) into the item's input, e.g. {@code /customer/note}
     * @param label  what people read beside the value
     * @param format how the value is written for people
     */
    public record Field(String path, String label, FieldFormat format) {

        public Field {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(format, "format");
        }
    }

    /** How a field's value is written for people. */
    public enum FieldFormat {
        /** One line: a string as it is, anything else as compact JSON. */
        TEXT,
        /** Long text: each block of lines separated by an empty line is a paragraph. */
        PARAGRAPHS,
        /** A number with digit grouping ("1,234,567.5"). */
        NUMBER,
        /** An ISO date ("2026-12-05"), or the date of an ISO instant, as "5 Dec 2026". */
        DATE,
        /** An ISO instant or date-time with offset, in UTC: "5 Dec 2026, 10:31:07 UTC". */
        DATE_TIME,
        /** An array: one entry per element. */
        LIST
    }
}
