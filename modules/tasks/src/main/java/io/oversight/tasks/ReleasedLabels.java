package io.oversight.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The labels people released on a workflow's items, for training sets: items decided by review,
 * consensus, majority, adjudication or feedback review with an approval or a correction (a rejection
 * carries no label to learn from; an auto-accepted item carries only the model's). Read in keyset
 * pages ordered by decision time then item id, so a reader keeps one page in memory whatever the size.
 */
public interface ReleasedLabels {

    /** Most rows one page returns. */
    int MAX_PAGE = 1000;

    /** How many released labels the query matches. */
    long count(Query query);

    /** How many of the released labels the query matches are corrections of the model (verdict CORRECT). */
    long corrections(Query query);

    /**
     * The next page of released labels after {@code after} (from the start when empty), at most
     * {@code limit} (capped at {@link #MAX_PAGE}).
     */
    List<ReleasedLabel> page(Query query, Optional<Position> after, int limit);

    /**
     * Which released labels to read: decided in {@code [from, to)}, optionally only those of one model
     * snapshot, one guideline version (the one the item's last review was made under), decision
     * sources (all released sources when empty) and one final label.
     */
    record Query(String workflowKey, Instant from, Instant to, Optional<String> modelSnapshotId,
            Optional<String> guidelineVersionId, Set<DecisionSource> sources, Optional<String> label) {

        public Query {
            sources = Set.copyOf(sources);
        }
    }

    /** Where a page ended: the last row's decision time and item id. */
    record Position(Instant decidedAt, String itemId) {
    }

    /**
     * One released label.
     *
     * @param payloadJson        the stored payload: its personal-data fields are pseudonym tokens
     * @param candidates         the two outputs of a pairwise-preference item (empty otherwise)
     * @param labels             the final labels; for a preference item the preferred candidate's id,
     *                           {@link Preference#TIE_KEY} or {@link Preference#BOTH_BAD_KEY}
     * @param reviews            completed reviews of the item (review, escalation and feedback tasks; gold excluded)
     * @param agreeingReviews    how many of them gave the final labels and output
     * @param guidelineVersionId the guideline version of the item's last review, if it recorded one
     */
    record ReleasedLabel(String itemId, String workflowKey, String payloadJson, String modelSnapshotId,
            List<String> predictedLabels, Optional<String> predictedOutput, List<Candidate> candidates,
            List<String> labels, Optional<String> output, DecisionSource source, Verdict verdict, int reviews,
            int agreeingReviews, Optional<String> guidelineVersionId, Instant decidedAt) {

        public ReleasedLabel {
            predictedLabels = List.copyOf(predictedLabels);
            candidates = List.copyOf(candidates);
            labels = List.copyOf(labels);
        }

        public Position position() {
            return new Position(decidedAt, itemId);
        }
    }
}
