package io.oversight.tasks.delivery;

import io.oversight.kernel.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of the webhook outbox: deliveries written with the decision, and every attempt to send them. */
@ApplicationScoped
public class WebhookStore {

    public enum DeliveryStatus { PENDING, DELIVERED, FAILED }

    public record Delivery(String id, String itemId, String workflowKey, String url, String body, DeliveryStatus status,
            int attempts, Optional<Instant> nextAttemptAt, Instant createdAt, Optional<Instant> deliveredAt) {
    }

    public record Attempt(int attempt, Instant attemptedAt, Optional<Integer> statusCode, Optional<String> error,
            long durationMillis) {
    }

    /** A delivery as a workflow's list shows it: with its latest attempt, if it was tried. */
    public record Listed(Delivery delivery, Optional<Attempt> lastAttempt) {
    }

    /** Which of a workflow's deliveries to list: status, creation period [from, to), and the page's start. */
    public record Filter(Optional<DeliveryStatus> status, Optional<Instant> from, Optional<Instant> to,
            Optional<String> beforeId) {
    }

    /** Pending deliveries due by the parameter, oldest due first: a dispatcher round (and the vacuum test) reads them. */
    public static final String DUE_IN_ORDER =
            "FROM task_webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at";

    private static final String COLUMNS =
            "id, item_id, workflow_key, url, body, status, attempts, next_attempt_at, created_at, delivered_at";

    public void insert(Connection c, String id, String itemId, String workflowKey, String url, String body,
            Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_webhook_delivery (id, item_id, workflow_key, "
                + "url, body, status, attempts, next_attempt_at, created_at) VALUES (?,?,?,?,?,'PENDING',0,?,?)")) {
            insert.setString(1, id);
            insert.setString(2, itemId);
            insert.setString(3, workflowKey);
            insert.setString(4, url);
            insert.setString(5, body);
            insert.setObject(6, SqlValues.utc(at));
            insert.setObject(7, SqlValues.utc(at));
            insert.executeUpdate();
        }
    }

    /** Pending deliveries due by {@code now}, locked so that two servers never send the same one at once. */
    public List<Delivery> lockDue(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " " + DUE_IN_ORDER
                + " LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setObject(1, SqlValues.utc(now));
            select.setInt(2, limit);
            return deliveries(select);
        }
    }

    public List<Delivery> ofItem(Connection c, String itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM task_webhook_delivery WHERE item_id = ? ORDER BY created_at")) {
            select.setString(1, itemId);
            return deliveries(select);
        }
    }

    /**
     * A workflow's deliveries newest first (creation time, then id, both descending: the keyset of
     * index task_webhook_by_workflow), each with its latest attempt. {@code beforeId} starts the page
     * after that delivery of the previous one; a delivery of another workflow or none at all matches nothing.
     */
    public List<Listed> ofWorkflow(Connection c, String workflowKey, Filter filter, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + prefixed("d.") + ", a.attempt, a.attempted_at, a.status_code, "
                + "a.error, a.duration_ms FROM task_webhook_delivery d LEFT JOIN task_webhook_attempt a "
                + "ON a.delivery_id = d.id AND a.attempt = d.attempts WHERE d.workflow_key = ?");
        List<Object> values = new ArrayList<>();
        values.add(workflowKey);
        filter.status().ifPresent(s -> {
            sql.append(" AND d.status = ?");
            values.add(s.name());
        });
        filter.from().ifPresent(from -> {
            sql.append(" AND d.created_at >= ?");
            values.add(SqlValues.utc(from));
        });
        filter.to().ifPresent(to -> {
            sql.append(" AND d.created_at < ?");
            values.add(SqlValues.utc(to));
        });
        filter.beforeId().ifPresent(id -> {
            // the cursor's own stored time, read in SQL, so no precision is lost on the way through Java
            sql.append(" AND EXISTS (SELECT 1 FROM task_webhook_delivery b WHERE b.id = ? AND b.workflow_key = d.workflow_key"
                    + " AND (d.created_at < b.created_at OR (d.created_at = b.created_at AND d.id < b.id)))");
            values.add(id);
        });
        sql.append(" ORDER BY d.created_at DESC, d.id DESC LIMIT ?");
        values.add(limit);
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            List<Listed> list = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    Delivery delivery = delivery(r);
                    int attempt = r.getInt(11);
                    Optional<Attempt> last = Optional.empty();
                    if (!r.wasNull()) {
                        int code = r.getInt(13);
                        Optional<Integer> statusCode = r.wasNull() ? Optional.empty() : Optional.of(code);
                        last = Optional.of(new Attempt(attempt, SqlValues.instant(r, 12).orElseThrow(), statusCode,
                                Optional.ofNullable(r.getString(14)), r.getLong(15)));
                    }
                    list.add(new Listed(delivery, last));
                }
            }
            return list;
        }
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    public List<Attempt> attempts(Connection c, String deliveryId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT attempt, attempted_at, status_code, error, duration_ms "
                + "FROM task_webhook_attempt WHERE delivery_id = ? ORDER BY attempt")) {
            select.setString(1, deliveryId);
            List<Attempt> attempts = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    int code = r.getInt(3);
                    Optional<Integer> statusCode = r.wasNull() ? Optional.empty() : Optional.of(code);
                    attempts.add(new Attempt(r.getInt(1), SqlValues.instant(r, 2).orElseThrow(), statusCode,
                            Optional.ofNullable(r.getString(4)), r.getLong(5)));
                }
            }
            return attempts;
        }
    }

    /** Records a round's attempts and each delivery's next state, as one batch of each statement. */
    void recordAttempts(Connection c, List<WebhookRound.Outcome> outcomes) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_webhook_attempt (delivery_id, attempt, "
                + "attempted_at, status_code, error, duration_ms) VALUES (?,?,?,?,?,?)")) {
            for (WebhookRound.Outcome outcome : outcomes) {
                Attempt attempt = outcome.attempt();
                insert.setString(1, outcome.delivery().id());
                insert.setInt(2, attempt.attempt());
                insert.setObject(3, SqlValues.utc(attempt.attemptedAt()));
                insert.setObject(4, attempt.statusCode().orElse(null));
                insert.setString(5, attempt.error().map(e -> e.length() > 1000 ? e.substring(0, 1000) : e).orElse(null));
                insert.setLong(6, attempt.durationMillis());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE task_webhook_delivery SET status = ?, attempts = ?, "
                + "next_attempt_at = ?, delivered_at = ? WHERE id = ?")) {
            for (WebhookRound.Outcome outcome : outcomes) {
                update.setString(1, outcome.next().name());
                update.setInt(2, outcome.attempt().attempt());
                update.setObject(3, outcome.nextAttemptAt().map(SqlValues::utc).orElse(null));
                update.setObject(4, outcome.next() == DeliveryStatus.DELIVERED
                        ? SqlValues.utc(outcome.attempt().attemptedAt()) : null);
                update.setString(5, outcome.delivery().id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static List<Delivery> deliveries(PreparedStatement select) throws SQLException {
        List<Delivery> list = new ArrayList<>();
        try (ResultSet r = select.executeQuery()) {
            while (r.next()) {
                list.add(delivery(r));
            }
        }
        return list;
    }

    private static Delivery delivery(ResultSet r) throws SQLException {
        return new Delivery(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                DeliveryStatus.valueOf(r.getString(6)), r.getInt(7), SqlValues.instant(r, 8),
                SqlValues.instant(r, 9).orElseThrow(), SqlValues.instant(r, 10));
    }
}
