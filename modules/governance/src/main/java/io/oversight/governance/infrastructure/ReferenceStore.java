package io.oversight.governance.infrastructure;

import io.oversight.governance.domain.monitoring.Counts;
import io.oversight.governance.domain.stats.Histogram;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** Drift references per workflow and subject (table {@code gov_reference}). */
@ApplicationScoped
public class ReferenceStore {

    /** A drift reference: its predictions' confidence histogram and label counts. */
    public record Reference(long predictions, Histogram confidence, Map<String, Long> labels) {
    }

    public Optional<Reference> reference(Connection c, String workflowKey, String subject) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT predictions, confidence_hist, label_counts FROM gov_reference "
                + "WHERE workflow_key = ? AND subject = ?")) {
            q.setString(1, workflowKey);
            q.setString(2, subject);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new Reference(rs.getLong(1), Histogram.decode(rs.getString(2)),
                        Counts.decode(rs.getString(3)))) : Optional.empty();
            }
        }
    }

    public void saveReference(Connection c, String workflowKey, String subject, Reference reference, boolean exists)
            throws SQLException {
        String sql = exists
                ? "UPDATE gov_reference SET predictions = ?, confidence_hist = ?, label_counts = ? WHERE workflow_key = ? AND subject = ?"
                : "INSERT INTO gov_reference (predictions, confidence_hist, label_counts, workflow_key, subject) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement write = c.prepareStatement(sql)) {
            write.setLong(1, reference.predictions());
            write.setString(2, reference.confidence().encode());
            write.setString(3, Counts.encode(reference.labels()));
            write.setString(4, workflowKey);
            write.setString(5, subject);
            write.executeUpdate();
        }
    }
}
