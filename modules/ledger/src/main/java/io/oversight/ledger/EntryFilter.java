package io.oversight.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The auditor's filters over sealed entries; every present field must match, absent
 * fields match everything. Times bound {@code loggedAt}: {@code from} inclusive, {@code to} exclusive.
 * {@code actionContains} matches part of the action name, case-insensitively, for people who remember
 * "decision" but not {@code review.decision.approved}; {@code newestFirst} pages from the latest entry
 * down instead of from the first up.
 */
public record EntryFilter(
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<String> actorPseudonym,
        Optional<String> actionType,
        Optional<String> workflow,
        Optional<String> subjectKind,
        Optional<String> subjectId,
        Optional<String> guidelineVersionId,
        Optional<String> modelSnapshotId,
        Optional<String> actionContains,
        boolean newestFirst) {

    /** Exact filters only, oldest entry first: the REST API's filter. */
    public EntryFilter(Optional<Instant> from, Optional<Instant> to, Optional<String> actorPseudonym,
            Optional<String> actionType, Optional<String> workflow, Optional<String> subjectKind,
            Optional<String> subjectId, Optional<String> guidelineVersionId, Optional<String> modelSnapshotId) {
        this(from, to, actorPseudonym, actionType, workflow, subjectKind, subjectId, guidelineVersionId,
                modelSnapshotId, Optional.empty(), false);
    }

    public EntryFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actorPseudonym, "actorPseudonym");
        Objects.requireNonNull(actionType, "actionType");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(subjectKind, "subjectKind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(guidelineVersionId, "guidelineVersionId");
        Objects.requireNonNull(modelSnapshotId, "modelSnapshotId");
        Objects.requireNonNull(actionContains, "actionContains");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("time range starts at " + from.get() + ", after its end " + to.get());
        }
    }

    /** The filter that matches every entry. */
    public static EntryFilter all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Assembles an {@link EntryFilter}; not thread-safe. */
    public static final class Builder {
        private Optional<Instant> from = Optional.empty();
        private Optional<Instant> to = Optional.empty();
        private Optional<String> actorPseudonym = Optional.empty();
        private Optional<String> actionType = Optional.empty();
        private Optional<String> workflow = Optional.empty();
        private Optional<String> subjectKind = Optional.empty();
        private Optional<String> subjectId = Optional.empty();
        private Optional<String> guidelineVersionId = Optional.empty();
        private Optional<String> modelSnapshotId = Optional.empty();
        private Optional<String> actionContains = Optional.empty();
        private boolean newestFirst;

        private Builder() {
        }

        public Builder loggedFrom(Instant from) {
            this.from = Optional.of(from);
            return this;
        }

        public Builder loggedBefore(Instant to) {
            this.to = Optional.of(to);
            return this;
        }

        public Builder actorPseudonym(String pseudonym) {
            this.actorPseudonym = Optional.of(pseudonym);
            return this;
        }

        public Builder actionType(String actionType) {
            this.actionType = Optional.of(actionType);
            return this;
        }

        public Builder workflow(String workflow) {
            this.workflow = Optional.of(workflow);
            return this;
        }

        public Builder subjectKind(String kind) {
            this.subjectKind = Optional.of(kind);
            return this;
        }

        public Builder subjectId(String id) {
            this.subjectId = Optional.of(id);
            return this;
        }

        public Builder guidelineVersionId(String id) {
            this.guidelineVersionId = Optional.of(id);
            return this;
        }

        public Builder modelSnapshotId(String id) {
            this.modelSnapshotId = Optional.of(id);
            return this;
        }

        public Builder actionContains(String text) {
            this.actionContains = Optional.of(text);
            return this;
        }

        public Builder newestFirst(boolean newestFirst) {
            this.newestFirst = newestFirst;
            return this;
        }

        public EntryFilter build() {
            return new EntryFilter(from, to, actorPseudonym, actionType, workflow, subjectKind, subjectId,
                    guidelineVersionId, modelSnapshotId, actionContains, newestFirst);
        }
    }
}
