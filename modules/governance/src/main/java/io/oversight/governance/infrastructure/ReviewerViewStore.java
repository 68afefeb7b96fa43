package io.oversight.governance.infrastructure;

import static io.oversight.kernel.SqlValues.instant;
import static io.oversight.kernel.SqlValues.utc;

import jakarta.enterprise.context.ApplicationScoped;
import io.oversight.governance.ReviewerView;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reviewer views (table {@code gov_reviewer_view}), plain JDBC. */
@ApplicationScoped
public class ReviewerViewStore {

    public Optional<ReviewerView> view(Connection c, String workflowKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT fields, prediction_hidden_tiers, changed_at "
                + "FROM gov_reviewer_view WHERE workflow_key = ?")) {
            select.setString(1, workflowKey);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ReviewerView(workflowKey, fields(r.getString(1)), tiers(r.getString(2)),
                        instant(r, 3)));
            }
        }
    }

    public void save(Connection c, ReviewerView view) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM gov_reviewer_view WHERE workflow_key = ?")) {
            delete.setString(1, view.workflowKey());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO gov_reviewer_view (workflow_key, fields, "
                + "prediction_hidden_tiers, changed_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, view.workflowKey());
            insert.setString(2, encode(view.fields()).toString());
            insert.setString(3, view.predictionHiddenTiers().stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(",")));
            insert.setObject(4, utc(view.changedAt().orElseThrow()));
            insert.executeUpdate();
        }
    }

    public static JsonArray encode(List<ReviewerView.Field> fields) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        fields.forEach(f -> array.add(Json.createObjectBuilder().add("path", f.path()).add("label", f.label())
                .add("format", f.format().name())));
        return array.build();
    }

    private static List<ReviewerView.Field> fields(String json) {
        List<ReviewerView.Field> fields = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            for (JsonObject f : reader.readArray().getValuesAs(JsonObject.class)) {
                fields.add(new ReviewerView.Field(f.getString("path"), f.getString("label"),
                        ReviewerView.FieldFormat.valueOf(f.getString("format"))));
            }
        }
        return fields;
    }

    private static Set<Integer> tiers(String text) {
        return text.isBlank() ? Set.of()
                : Arrays.stream(text.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
    }
}
