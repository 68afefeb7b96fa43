package io.oversight.tasks.intake;

import io.oversight.kernel.JsonFactories;
import io.oversight.tasks.queue.TaskStore;
import io.oversight.tasks.settings.SettingsService;
import io.oversight.tasks.recording.TasksLedger;
import io.oversight.ledger.InTransaction;
import io.oversight.ledger.Database;
import io.oversight.kernel.ConflictException;
import io.oversight.kernel.NotFoundException;
import io.oversight.kernel.Violations;
import io.oversight.governance.RoutingPolicies;
import io.oversight.ledger.Actor;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.TaskPurpose;
import io.oversight.tasks.settings.IntakeSettings;
import io.oversight.tasks.learning.SimHash;
import io.oversight.tasks.queue.TaskRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * User-reported errors: a thumbs-down or an issue report on a decided item opens a
 * feedback review task, at the workflow's feedback tier and priority, whose result corrects the
 * decision.
 */
@ApplicationScoped
public class FeedbackService {

    public enum Kind { THUMBS_DOWN, REPORT_ISSUE }

    public record Feedback(String id, String itemId, Kind kind, String taskId, int tier, int priority,
            Instant receivedAt) {
    }

    static final int MAX_COMMENT = 4000;

    @Inject
    Database database;

    @Inject
    SettingsService settingsService;

    @Inject
    RoutingPolicies policies;

    @Inject
    TasksLedger ledger;

    @Inject
    Clock clock;

    @Inject
    InTransaction inTransaction;

    @Inject
    FeedbackStore feedbackStore;

    @Inject
    ItemStore itemStore;

    @Inject
    TaskStore taskStore;

    public Feedback report(String workflowKey, String itemId, Kind kind, String comment, Actor reporter) {
        Violations v = new Violations();
        v.check(kind != null, "kind", "is required (THUMBS_DOWN or REPORT_ISSUE)");
        String text = comment == null ? "" : comment;
        v.check(text.length() <= MAX_COMMENT, "comment", "must be at most " + MAX_COMMENT + " characters");
        v.check(kind != Kind.REPORT_ISSUE || !text.isBlank(), "comment", "is required for REPORT_ISSUE: what is wrong");
        v.throwIfAny("The feedback");
        IntakeSettings settings = settingsService.of(workflowKey);
        var sla = policies.activeFor(workflowKey).flatMap(p -> p.slaFor(settings.feedbackTier()));
        return inTransaction.call(() -> report(workflowKey, itemId, kind, text, reporter, settings, sla));
    }

    // Settings and policy are read first: inside the transaction they would take a second connection.
    private Feedback report(String workflowKey, String itemId, Kind kind, String text, Actor reporter,
            IntakeSettings settings, Optional<io.oversight.governance.SlaTarget> sla) {
        ReviewItem item = database.run("reading an item", c -> itemStore.findItem(c, itemId, true))
                .map(StoredItem::item).filter(i -> i.workflowKey().equals(workflowKey))
                .orElseThrow(() -> new NotFoundException("No item " + itemId + " in workflow " + workflowKey + "."));
        if (item.status() == ItemStatus.IN_REVIEW || item.status() == ItemStatus.NEEDS_ADJUDICATION) {
            throw new ConflictException("Item " + itemId + " has no decision yet (it is " + item.status()
                    + "); feedback applies to decisions.");
        }
        Instant now = clock.instant();
        int tier = settings.feedbackTier();
        long simHash = SimHash.of(JsonFactories.PROVIDER.createReader(new StringReader(item.payloadJson())).readObject());
        TaskRow task = new TaskRow(UUID.randomUUID().toString(), itemId, workflowKey, tier, TaskPurpose.FEEDBACK, 1,
                settings.feedbackPriority(),
                sla.map(s -> now.plusSeconds(60L * s.minutesToReview())),
                item.uncertainty(), simHash, now, Optional.of(kind + (text.isBlank() ? "" : ": " + text)));
        String feedbackId = UUID.randomUUID().toString();
        database.run("storing feedback", c -> {
            taskStore.insertTasks(c, List.of(task));
            feedbackStore.insertFeedback(c, feedbackId, itemId, kind.name(), text, task.id(), now);
            return null;
        });
        var record = ledger.record(TasksLedger.FEEDBACK_RECEIVED, reporter, workflowKey)
                .subject("item", itemId)
                .modelSnapshot(item.modelSnapshotId())
                .occurredAt(now)
                .attribute("kind", kind.name())
                .attribute("feedback", feedbackId)
                .attribute("task", task.id())
                .attribute("tier", Integer.toString(tier))
                .attribute("priority", Integer.toString(settings.feedbackPriority()));
        if (!text.isBlank()) {
            record.rationale(text);
        }
        ledger.write(record);
        return new Feedback(feedbackId, itemId, kind, task.id(), tier, settings.feedbackPriority(), now);
    }
}
