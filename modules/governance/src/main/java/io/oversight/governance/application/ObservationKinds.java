package io.oversight.governance.application;

import io.oversight.governance.LoopObservations;
import io.oversight.governance.domain.monitoring.Counts;
import io.oversight.governance.domain.monitoring.WindowAggregate;
import io.oversight.governance.infrastructure.ObservationStore.Observation;
import java.time.Instant;
import java.util.Optional;

/**
 * How each {@link LoopObservations} record is stored as an outbox row and read back. One row layout
 * for every kind keeps the outbox a single append-only table.
 */
final class ObservationKinds {

    static final String PREDICTION = "PREDICTION";
    static final String DECISION = "DECISION";
    static final String AUDIT = "AUDIT";
    static final String ACTION = "ACTION";
    static final String GOLD = "GOLD";
    static final String QUEUE = "QUEUE";
    static final String REVIEWERS = "REVIEWERS";
    static final String INPUT = "INPUT";

    private ObservationKinds() {
    }

    static Observation of(LoopObservations.Prediction p) {
        return new Observation(0, p.workflowKey(), p.snapshotId(), PREDICTION, p.at(), Optional.of(p.confidence()),
                Optional.of(p.label()), Optional.of(p.routeOutcome()), Optional.empty(), Optional.empty());
    }

    static Observation of(LoopObservations.Decision d) {
        return new Observation(0, d.workflowKey(), d.snapshotId(), DECISION, d.at(), Optional.of(d.confidence()),
                Optional.of(d.verdict()), Optional.of(d.source()), Optional.of(d.modelAgreed()), Optional.empty());
    }

    static Observation of(LoopObservations.Audit a) {
        return new Observation(0, a.workflowKey(), a.snapshotId(), AUDIT, a.at(), Optional.of(a.confidence()),
                Optional.empty(), Optional.empty(), Optional.of(a.modelAgreed()), Optional.empty());
    }

    static Observation of(LoopObservations.ReviewAction a) {
        return new Observation(0, a.workflowKey(), a.snapshotId(), ACTION, a.at(), Optional.empty(), Optional.empty(),
                Optional.of(a.action()), Optional.empty(), Optional.empty());
    }

    static Observation of(LoopObservations.GoldAnswer g) {
        return new Observation(0, g.workflowKey(), "", GOLD, g.at(), Optional.empty(), Optional.of(g.reviewer()),
                Optional.empty(), Optional.of(g.correct()), Optional.empty());
    }

    static Observation of(LoopObservations.ReviewerAnswers r) {
        return new Observation(0, r.workflowKey(), r.snapshotId(), REVIEWERS, r.at(), Optional.empty(),
                Optional.of(Counts.encode(r.answers())), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** One declared field's value: the field path in label, the value's count key in detail. */
    static Observation input(String workflowKey, Instant at, String path, String key) {
        return new Observation(0, workflowKey, "", INPUT, at, Optional.empty(), Optional.of(path), Optional.of(key),
                Optional.empty(), Optional.empty());
    }

    static Observation of(LoopObservations.QueueState q) {
        return new Observation(0, q.workflowKey(), "", QUEUE, q.at(), Optional.of(q.oldestAgeRatio()),
                Optional.of(Integer.toString(q.tier())), Optional.empty(), Optional.empty(), Optional.of(q.open()));
    }

    /** Adds a stored row to an aggregate, as the record it came from. */
    static void addTo(WindowAggregate a, Observation o) {
        switch (o.kind()) {
            case PREDICTION -> a.add(new LoopObservations.Prediction(o.workflowKey(), o.snapshotId(), o.at(),
                    o.score().orElseThrow(), o.label().orElse(""), o.detail().orElse("")));
            case DECISION -> a.add(new LoopObservations.Decision(o.workflowKey(), o.snapshotId(), o.at(),
                    o.score().orElseThrow(), o.agreed().orElseThrow(), o.label().orElse(""), o.detail().orElse("")));
            case AUDIT -> a.add(new LoopObservations.Audit(o.workflowKey(), o.snapshotId(), o.at(), o.score().orElseThrow(),
                    o.agreed().orElseThrow()));
            case ACTION -> a.add(new LoopObservations.ReviewAction(o.workflowKey(), o.snapshotId(), o.at(),
                    o.detail().orElse("")));
            case GOLD -> a.add(new LoopObservations.GoldAnswer(o.workflowKey(), o.at(), o.label().orElse(""),
                    o.agreed().orElseThrow()));
            case REVIEWERS -> a.add(new LoopObservations.ReviewerAnswers(o.workflowKey(), o.snapshotId(), o.at(),
                    Counts.decode(o.label().orElse(""))));
            case INPUT -> a.addInputValue(o.detail().orElseThrow());
            case QUEUE -> a.add(new LoopObservations.QueueState(o.workflowKey(), Integer.parseInt(o.label().orElse("0")),
                    o.at(), o.amount().orElse(0L), o.score().orElse(0.0)));
            default -> throw new IllegalStateException("unknown observation kind " + o.kind());
        }
    }
}
