/**
 * Getting a decision to the customer: releasing an item's outcome, the webhook outbox and its
 * dispatcher with signed requests and retries (its store, WebhookStore, takes due deliveries with
 * {@code FOR UPDATE SKIP LOCKED}), inline waiters, and alert webhooks.
 */
package io.oversight.tasks.delivery;
