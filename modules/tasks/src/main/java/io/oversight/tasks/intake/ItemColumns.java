package io.oversight.tasks.intake;

import static io.oversight.kernel.SqlValues.instant;
import static io.oversight.kernel.SqlValues.strings;

import io.oversight.governance.IntegrationMode;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.OrderingMethod;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.TimeoutOutcome;
import io.oversight.tasks.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns of a {@code task_item} row that make a {@link StoredItem}, shared by the stores that read
 * whole items (the queue's too, which read a task joined to its item).
 */
public final class ItemColumns {

    static final String LIST = "id, workflow_key, client_key, request_digest, integration_mode, "
            + "model_snapshot_id, predicted_labels, predicted_output, confidence, class_scores, committee_scores, "
            + "correlation_id, priority, payload, payload_digest, data_subject, route_outcome, route_tier, route_reason, "
            + "policy_id, policy_version, audit_sampled, ordering_method, uncertainty, uncertainty_note, status, "
            + "reviews_required, decision_labels, decision_output, decision_source, decision_verdict, "
            + "model_agreed, inline_timeout_outcome, received_at, decided_at, candidates";

    private ItemColumns() {
    }

    /**
     * The select list qualified by table alias {@code alias}, for a query joining items to other
     * tables; the other tables' columns must then not be named like an item's.
     */
    public static String of(String alias) {
        return Arrays.stream(LIST.split(", ")).map(column -> alias + "." + column).collect(Collectors.joining(", "));
    }

    /** The item on the current row, read by column name. */
    public static StoredItem item(ResultSet r) throws SQLException {
        ReviewItem item = new ReviewItem(
                r.getString("id"),
                r.getString("workflow_key"),
                r.getString("client_key"),
                IntegrationMode.valueOf(r.getString("integration_mode")),
                r.getString("model_snapshot_id"),
                strings(r.getString("predicted_labels")),
                Optional.ofNullable(r.getString("predicted_output")),
                r.getDouble("confidence"),
                ItemJson.classScores(r.getString("class_scores")),
                ItemJson.candidates(r.getString("candidates")),
                r.getString("payload"),
                Optional.ofNullable(r.getString("correlation_id")),
                r.getInt("priority"),
                r.getString("route_outcome"),
                r.getInt("route_tier"),
                r.getString("route_reason"),
                r.getString("policy_id"),
                r.getInt("policy_version"),
                r.getBoolean("audit_sampled"),
                OrderingMethod.valueOf(r.getString("ordering_method")),
                r.getDouble("uncertainty"),
                r.getString("uncertainty_note"),
                ItemStatus.valueOf(r.getString("status")),
                r.getInt("reviews_required"),
                strings(r.getString("decision_labels")),
                Optional.ofNullable(r.getString("decision_output")),
                Optional.ofNullable(r.getString("decision_source")).map(DecisionSource::valueOf),
                Optional.ofNullable(r.getString("decision_verdict")).map(Verdict::valueOf),
                nullableBoolean(r, "model_agreed"),
                Optional.ofNullable(r.getString("inline_timeout_outcome")).map(TimeoutOutcome::valueOf),
                instant(r, "received_at").orElseThrow(),
                instant(r, "decided_at"));
        return new StoredItem(item, r.getString("request_digest"));
    }

    private static Optional<Boolean> nullableBoolean(ResultSet r, String column) throws SQLException {
        boolean value = r.getBoolean(column);
        return r.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
