package io.oversight.tasks.recording;

import io.oversight.governance.LoopObservations;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.QueueStatistics;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.Verdict;
import io.oversight.tasks.intake.ItemRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tells governance's monitors what the loop did (ADR 0017), in the transaction of the change: tasks'
 * rows become governance's observation records here, and nowhere else. No payload is passed, so no
 * declared personal-data field can reach a monitor.
 */
@ApplicationScoped
public class LoopReporting {

    @Inject
    LoopObservations observations;

    public void predictions(List<ItemRow> items) {
        observations.predictions(items.stream().map(i -> new LoopObservations.Prediction(i.workflowKey(),
                i.modelSnapshotId(), i.receivedAt(), i.confidence(),
                i.predictedLabels().isEmpty() ? "" : i.predictedLabels().get(0), i.routeOutcome())).toList());
        // the stored payload: declared personal data already replaced by tokens, and governance keeps
        // only the fields declared for drift monitoring
        observations.inputs(items.stream().map(i -> new LoopObservations.Input(i.workflowKey(), i.receivedAt(),
                i.payloadJson())).toList());
    }

    public void decided(ReviewItem item, boolean modelAgreed, Verdict verdict, DecisionSource source, Instant at) {
        observations.decision(new LoopObservations.Decision(item.workflowKey(), item.modelSnapshotId(), at,
                item.confidence(), modelAgreed, verdict.name(), source.name()));
    }

    /** The SLA monitor's own measurements of every queue (no second scan). */
    public void queues(List<QueueStatistics> queues, Instant at) {
        observations.queues(queues.stream().map(q -> new LoopObservations.QueueState(q.queue().workflowKey(),
                q.queue().tier(), at, q.open(), q.maxMinutesToReview().filter(m -> m > 0)
                        .map(m -> q.oldestOpenAge().map(Duration::toSeconds).orElse(0L) / (60.0 * m)).orElse(0.0)))
                .toList());
    }

    public void slaEpisode(String alertId, String workflowKey, int tier, String measure, long observed, long target, Instant at,
            boolean opened) {
        observations.slaEpisode(new LoopObservations.SlaEpisode(alertId, workflowKey, tier, measure, observed, target, at,
                opened));
    }
}
