package io.oversight.tasks.delivery;

import static io.oversight.kernel.SqlValues.instant;
import io.oversight.tasks.intake.ItemJson;
import static io.oversight.kernel.SqlValues.strings;
import static io.oversight.kernel.SqlValues.utc;

import io.oversight.ledger.Database;
import io.oversight.tasks.DecisionSource;
import io.oversight.tasks.ReleasedLabels;
import io.oversight.tasks.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Released labels read from the item table in keyset pages (index {@code task_item_released}), with a
 * second query per page for the pages' reviews: two statements per page, whatever the page size.
 */
@ApplicationScoped
public class DefaultReleasedLabels implements ReleasedLabels {

    /** Every source a person released; {@link DecisionSource#MODEL} is the model's own output. */
    static final Set<DecisionSource> RELEASED = EnumSet.complementOf(EnumSet.of(DecisionSource.MODEL));

    /** The guideline version an item's labels were made under: that of its last completed review. */
    private static final String LAST_GUIDELINE = "(SELECT t.guideline_id FROM task_task t WHERE t.item_id = i.id "
            + "AND t.status = 'COMPLETED' AND NOT t.gold AND t.guideline_id IS NOT NULL "
            + "ORDER BY t.completed_at DESC, t.id DESC LIMIT 1)";

    @Inject
    Database database;

    @Override
    public long count(Query query) {
        return count(query, "");
    }

    @Override
    public long corrections(Query query) {
        return count(query, " AND i.decision_verdict = 'CORRECT'");
    }

    private long count(Query query, String verdictCondition) {
        return database.run("counting released labels", c -> {
            List<Object> parameters = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM task_item i WHERE "
                    + where(query, parameters) + verdictCondition)) {
                bind(select, parameters);
                try (ResultSet r = select.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    @Override
    public List<ReleasedLabel> page(Query query, Optional<Position> after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return database.run("reading released labels", c -> {
            List<Object> parameters = new ArrayList<>();
            String keyset = "";
            if (after.isPresent()) {
                keyset = " AND (i.decided_at > ? OR (i.decided_at = ? AND i.id > ?))";
            }
            String sql = "SELECT i.id, i.workflow_key, i.payload, i.model_snapshot_id, i.predicted_labels, i.predicted_output, "
                    + "i.candidates, i.decision_labels, i.decision_output, i.decision_source, i.decision_verdict, i.decided_at, "
                    + LAST_GUIDELINE + " AS guideline_id FROM task_item i WHERE " + where(query, parameters) + keyset
                    + " ORDER BY i.decided_at, i.id LIMIT " + size;
            if (after.isPresent()) {
                parameters.add(utc(after.get().decidedAt()));
                parameters.add(utc(after.get().decidedAt()));
                parameters.add(after.get().itemId());
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql)) {
                bind(select, parameters);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), strings(r.getString(5)),
                                Optional.ofNullable(r.getString(6)), r.getString(7), strings(r.getString(8)),
                                Optional.ofNullable(r.getString(9)), DecisionSource.valueOf(r.getString(10)),
                                Verdict.valueOf(r.getString(11)), instant(r, 12).orElseThrow(),
                                Optional.ofNullable(r.getString(13))));
                    }
                }
            }
            Map<String, List<Answer>> answers = answers(c, rows.stream().map(Row::id).toList());
            return rows.stream().map(row -> {
                List<Answer> given = answers.getOrDefault(row.id(), List.of());
                int agreeing = (int) given.stream().filter(a -> a.labels().equals(row.labels())
                        && Objects.equals(a.output(), row.output())).count();
                return new ReleasedLabel(row.id(), row.workflowKey(), row.payload(), row.snapshot(), row.predictedLabels(),
                        row.predictedOutput(), ItemJson.candidates(row.candidates()), row.labels(), row.output(),
                        row.source(), row.verdict(), given.size(), agreeing, row.guideline(), row.decidedAt());
            }).toList();
        });
    }

    private static String where(Query query, List<Object> parameters) {
        Set<DecisionSource> sources = query.sources().isEmpty() ? RELEASED : query.sources();
        StringBuilder where = new StringBuilder("i.workflow_key = ? AND i.status = 'DECIDED' "
                + "AND i.decision_verdict IN ('APPROVE', 'CORRECT') AND i.decided_at >= ? AND i.decided_at < ? "
                + "AND i.decision_source IN (");
        parameters.add(query.workflowKey());
        parameters.add(utc(query.from()));
        parameters.add(utc(query.to()));
        where.append(String.join(", ", sources.stream().map(s -> "?").toList())).append(')');
        sources.stream().map(Enum::name).sorted().forEach(parameters::add);
        query.modelSnapshotId().ifPresent(id -> {
            where.append(" AND i.model_snapshot_id = ?");
            parameters.add(id);
        });
        query.label().ifPresent(label -> {
            // decision_labels is a JSON array of strings: match the quoted code, with LIKE's wildcards escaped
            where.append(" AND i.decision_labels LIKE ? ESCAPE '!'");
            parameters.add("%\"" + label.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "\"%");
        });
        query.guidelineVersionId().ifPresent(id -> {
            where.append(" AND ").append(LAST_GUIDELINE).append(" = ?");
            parameters.add(id);
        });
        return where.toString();
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    /** The completed reviews of some items (not gold), by item. */
    private static Map<String, List<Answer>> answers(Connection c, List<String> itemIds) throws SQLException {
        Map<String, List<Answer>> answers = new HashMap<>();
        if (itemIds.isEmpty()) {
            return answers;
        }
        try (PreparedStatement select = c.prepareStatement("SELECT item_id, result_labels, result_output FROM task_task "
                + "WHERE item_id = ANY (?) AND status = 'COMPLETED' AND NOT gold AND verdict IS NOT NULL "
                + "AND purpose IN ('REVIEW', 'ESCALATION', 'FEEDBACK')")) {
            select.setArray(1, c.createArrayOf("VARCHAR", itemIds.toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    answers.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(new Answer(strings(r.getString(2)), Optional.ofNullable(r.getString(3))));
                }
            }
        }
        return answers;
    }

    private record Row(String id, String workflowKey, String payload, String snapshot, List<String> predictedLabels,
            Optional<String> predictedOutput, String candidates, List<String> labels, Optional<String> output,
            DecisionSource source, Verdict verdict, java.time.Instant decidedAt, Optional<String> guideline) {
    }

    private record Answer(List<String> labels, Optional<String> output) {
    }
}
