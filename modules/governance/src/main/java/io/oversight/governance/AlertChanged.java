package io.oversight.governance;

/**
 * CDI event fired, inside the transaction, when a monitor alert opens or closes. {@code tasks}
 * observes it to queue an HMAC-signed webhook in its delivery outbox (the decision webhooks'
 * machinery, with their retries), so the delivery exists exactly when the change committed.
 *
 * @param change OPENED or CLOSED
 */
public record AlertChanged(MonitorAlert alert, String change, String monitorTitle) {
}
