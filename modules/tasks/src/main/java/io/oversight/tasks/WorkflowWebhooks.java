package io.oversight.tasks;

import java.util.Optional;

/**
 * Notifications other modules send to a workflow's webhook through the decision webhooks' outbox: the
 * delivery row is written in the caller's JTA transaction, then signed (HMAC-SHA256, header
 * {@code Oversight-Signature}), sent and retried by the same dispatcher as decisions and alerts.
 */
public interface WorkflowWebhooks {

    /**
     * Queues {@code jsonBody} for the workflow's webhook URL, in the caller's transaction.
     *
     * @return the delivery id, or empty when the workflow has no webhook configured (nothing is queued)
     */
    Optional<String> queue(String workflowKey, String jsonBody);
}
