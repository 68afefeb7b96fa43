package io.oversight.tasks.delivery;

import io.oversight.kernel.JsonFactories;
import io.oversight.tasks.intake.IntakeConfigurations;
import io.oversight.tasks.intake.ItemStore;
import io.oversight.tasks.queue.CompletedTaskStore;
import io.oversight.tasks.recording.LoopReporting;
import io.oversight.tasks.recording.TasksLedger;
import io.oversight.ledger.Database;
import io.oversight.ledger.LedgerRecord;
import io.oversight.tasks.ItemDecided;
import io.oversight.tasks.ItemOutcomes;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.settings.IntakeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Items' outcomes in the caller's transaction. A release writes the decision on the item, the webhook
 * outbox row when the workflow has a webhook, the {@code tasks.item.decided} ledger record, the
 * {@link ItemDecided} event (inline callers) and the monitors' observation, all together.
 */
@ApplicationScoped
public class DefaultItemOutcomes implements ItemOutcomes {

    @Inject
    Database database;

    @Inject
    TasksLedger ledger;

    /** The workflow's webhook as intake keeps it: a change here applies at once, one made elsewhere within its bound. */
    @Inject
    IntakeConfigurations configurations;

    @Inject
    Event<ItemDecided> decided;

    @Inject
    LoopReporting reporting;

    @Inject
    CompletedTaskStore completedTaskStore;

    @Inject
    ItemStore itemStore;

    @Inject
    WebhookStore webhookStore;

    @Override
    public List<CompletedReview> completedReviews(String itemId) {
        return database.run("reading an item's reviews", c -> completedTaskStore.completedReviews(c, itemId));
    }

    @Override
    public void recordAudit(String itemId, boolean modelAgreed) {
        database.run("recording an audit", c -> {
            itemStore.setModelAgreed(c, itemId, modelAgreed);
            return null;
        });
    }

    @Override
    public void awaitAdjudication(String itemId) {
        database.run("opening an adjudication", c -> {
            itemStore.setItemStatus(c, itemId, ItemStatus.NEEDS_ADJUDICATION);
            return null;
        });
    }

    @Override
    public void release(Release release) {
        ReviewItem item = release.item();
        IntakeSettings settings = configurations.of(item.workflowKey()).settings();
        database.run("deciding an item", c -> {
            itemStore.decideItem(c, item.id(), ItemStatus.DECIDED, release.labels(), release.output(), release.source(),
                    Optional.of(release.modelAgreed()), release.at(), Optional.of(release.verdict()));
            if (settings.webhookUrl().isPresent()) {
                webhookStore.insert(c, UUID.randomUUID().toString(), item.id(), item.workflowKey(),
                        settings.webhookUrl().get().toString(), webhookBody(release), release.at());
            }
            return null;
        });
        LedgerRecord.Builder record = ledger.record(TasksLedger.ITEM_DECIDED, release.by(), item.workflowKey())
                .subject("item", item.id()).modelSnapshot(item.modelSnapshotId()).occurredAt(release.at())
                .attribute("labels", String.join(",", release.labels()))
                .attribute("verdict", release.verdict().name())
                .attribute("source", release.source().name())
                .attribute("reviews", Integer.toString(release.reviews()))
                .attribute("modelAgreed", Boolean.toString(release.modelAgreed()))
                .attribute("mode", item.integrationMode().name());
        release.output().ifPresent(o -> record.attribute("outputDigest", LedgerRecord.digestOf(o).hex()));
        ledger.write(record);
        decided.fire(new ItemDecided(item.id(), item.workflowKey(), release.labels(), release.output(), release.source()));
        reporting.decided(item, release.modelAgreed(), release.verdict(), release.source(), release.at());
    }

    @Override
    public Optional<String> dataSubject(String itemId) {
        return database.run("reading an item", c -> itemStore.dataSubject(c, itemId));
    }

    @Override
    public List<ReviewRecord> reviewRecords(String workflowKey, Instant from, Instant to, int limit) {
        return database.run("reading completed reviews", c -> completedTaskStore.reviewRecords(c, workflowKey, from, to, limit));
    }

    /** The webhook's JSON: what the receiver needs to act, and nothing personal (the payload is not sent). */
    static String webhookBody(Release release) {
        ReviewItem item = release.item();
        JsonArrayBuilder decidedLabels = JsonFactories.PROVIDER.createArrayBuilder();
        release.labels().forEach(decidedLabels::add);
        JsonArrayBuilder predicted = JsonFactories.PROVIDER.createArrayBuilder();
        item.predictedLabels().forEach(predicted::add);
        JsonObjectBuilder body = JsonFactories.PROVIDER.createObjectBuilder()
                .add("type", "item.decided")
                .add("itemId", item.id())
                .add("workflow", item.workflowKey())
                .add("clientKey", item.clientKey())
                .add("mode", item.integrationMode().name())
                .add("verdict", release.verdict().name())
                .add("labels", decidedLabels)
                .add("predictedLabels", predicted)
                .add("modelAgreed", release.modelAgreed())
                .add("source", release.source().name())
                .add("decidedAt", release.at().toString());
        release.output().ifPresent(o -> body.add("output", o));
        item.correlationId().ifPresent(id -> body.add("correlationId", id));
        return body.build().toString();
    }
}
