package io.oversight.tasks.delivery;

import io.oversight.ledger.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * A workflow's webhook deliveries as people and API callers look them over: newest first, filtered by
 * status and creation period, in keyset pages. Reading only; the dispatcher alone changes deliveries.
 */
@ApplicationScoped
public class WebhookDeliveries {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;

    /** One page; {@code nextBeforeId} (the last delivery's id) starts the next when there are more. */
    public record Page(List<WebhookStore.Listed> deliveries, Optional<String> nextBeforeId) {
    }

    @Inject
    Database database;

    @Inject
    WebhookStore webhookStore;

    public Page of(String workflowKey, WebhookStore.Filter filter, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit " + limit + " outside 1.." + MAX_PAGE);
        }
        List<WebhookStore.Listed> rows = database.run("listing a workflow's webhook deliveries",
                c -> webhookStore.ofWorkflow(c, workflowKey, filter, limit + 1));
        if (rows.size() <= limit) {
            return new Page(rows, Optional.empty());
        }
        List<WebhookStore.Listed> page = rows.subList(0, limit);
        return new Page(List.copyOf(page), Optional.of(page.get(limit - 1).delivery().id()));
    }
}
