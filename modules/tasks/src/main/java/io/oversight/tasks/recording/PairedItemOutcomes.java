package io.oversight.tasks.recording;

import static io.oversight.kernel.SqlValues.strings;
import static io.oversight.kernel.SqlValues.utc;

import io.oversight.governance.PairedOutcomes;
import io.oversight.ledger.Database;
import io.oversight.tasks.DecisionSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The items a candidate snapshot and the active one both predicted (same correlation id), for the
 * promotion gate's paired non-inferiority test. One pass over the candidate's items since its
 * registration, joined to the active snapshot's items of the same correlation id; the first pair of
 * each correlation id counts once. Run once per gated promotion.
 */
@ApplicationScoped
public class PairedItemOutcomes implements PairedOutcomes {

    private static final String PAIRS = "SELECT c.correlation_id, c.predicted_labels, c.decision_labels, "
            + "c.decision_source, c.model_agreed, a.predicted_labels, a.decision_labels, a.decision_source, a.model_agreed "
            + "FROM task_item c JOIN task_item a ON a.workflow_key = c.workflow_key AND a.correlation_id = c.correlation_id "
            + "WHERE c.workflow_key = ? AND c.received_at >= ? AND c.model_snapshot_id = ? AND c.correlation_id IS NOT NULL "
            + "AND a.model_snapshot_id = ? AND (c.decision_source IS NOT NULL OR a.decision_source IS NOT NULL) "
            + "ORDER BY c.received_at, c.id, a.received_at, a.id";

    /** One snapshot's prediction of a paired item and what became of it. */
    record Side(List<String> predicted, List<String> decided, Optional<DecisionSource> source, Optional<Boolean> modelAgreed) {

        /**
         * People's final answer on this prediction: a decision people made, or the model's own labels
         * when an audit confirmed them. An auto-accepted prediction nobody audited, or whose audit
         * found it wrong (the audit keeps no labels), has none.
         */
        Optional<Set<String>> settledAnswer() {
            if (source.isEmpty()) {
                return Optional.empty();
            }
            if (source.get() != DecisionSource.MODEL) {
                return Optional.of(Set.copyOf(decided));
            }
            return modelAgreed.filter(Boolean::booleanValue).map(agreed -> Set.copyOf(predicted));
        }

        boolean agreesWith(Set<String> answer) {
            return Set.copyOf(predicted).equals(answer);
        }
    }

    /** Adds one pair to the table: the candidate's settled answer first, else the active snapshot's. */
    static PairedOutcomes.Table plus(PairedOutcomes.Table table, Side candidate, Side active) {
        Optional<Set<String>> answer = candidate.settledAnswer().or(active::settledAnswer);
        if (answer.isEmpty()) {
            return table;
        }
        boolean c = candidate.agreesWith(answer.get());
        boolean a = active.agreesWith(answer.get());
        return new PairedOutcomes.Table(table.bothRight() + (c && a ? 1 : 0), table.candidateOnly() + (c && !a ? 1 : 0),
                table.activeOnly() + (!c && a ? 1 : 0), table.bothWrong() + (!c && !a ? 1 : 0));
    }

    @Inject
    Database database;

    @Override
    public PairedOutcomes.Table between(String workflowKey, String candidateSnapshotId, String activeSnapshotId, Instant since) {
        return database.run("pairing two snapshots' predictions", c -> {
            try (PreparedStatement query = c.prepareStatement(PAIRS)) {
                query.setString(1, workflowKey);
                query.setObject(2, utc(since));
                query.setString(3, candidateSnapshotId);
                query.setString(4, activeSnapshotId);
                PairedOutcomes.Table table = new PairedOutcomes.Table(0, 0, 0, 0);
                Set<String> paired = new HashSet<>();
                try (ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        if (paired.add(r.getString(1))) {
                            table = plus(table, side(r, 2), side(r, 6));
                        }
                    }
                }
                return table;
            }
        });
    }

    private static Side side(ResultSet r, int first) throws SQLException {
        String source = r.getString(first + 2);
        boolean agreed = r.getBoolean(first + 3);
        Optional<Boolean> modelAgreed = r.wasNull() ? Optional.empty() : Optional.of(agreed);
        return new Side(strings(r.getString(first)), strings(r.getString(first + 1)),
                Optional.ofNullable(source).map(DecisionSource::valueOf), modelAgreed);
    }
}
