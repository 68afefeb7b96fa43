package io.oversight.tasks.intake;

import static io.oversight.kernel.SqlValues.jsonArray;
import static io.oversight.kernel.SqlValues.utc;

import io.oversight.tasks.ItemSearch;
import io.oversight.tasks.ReviewItem;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The item catalogue's search: filtered, sorted pages of {@code task_item}. */
@ApplicationScoped
public class ItemSearchStore {

    /**
     * One page of the items matching {@code search}, plus one more row when a next page exists. Sort
     * columns come from a fixed list, never from the caller's text; a label matches an element of the
     * predicted or decided label array, written as JSON text.
     */
    public List<ReviewItem> search(Connection c, ItemSearch search) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        search.workflowKey().ifPresent(v -> { where.add("workflow_key = ?"); values.add(v); });
        search.status().ifPresent(v -> { where.add("status = ?"); values.add(v.name()); });
        search.routeOutcome().ifPresent(v -> { where.add("route_outcome = ?"); values.add(v); });
        search.clientKey().ifPresent(v -> { where.add("client_key = ?"); values.add(v); });
        search.label().ifPresent(v -> {
            String element = jsonArray(List.of(v));
            String pattern = "%" + likeLiteral(element.substring(1, element.length() - 1)) + "%";
            where.add("(predicted_labels LIKE ? ESCAPE '!' OR decision_labels LIKE ? ESCAPE '!')");
            values.add(pattern);
            values.add(pattern);
        });
        search.receivedFrom().ifPresent(v -> { where.add("received_at >= ?"); values.add(utc(v)); });
        search.receivedBefore().ifPresent(v -> { where.add("received_at < ?"); values.add(utc(v)); });
        String column = switch (search.order()) {
            case RECEIVED -> "received_at";
            case CONFIDENCE -> "confidence";
            case CLIENT_KEY -> "client_key";
            case STATUS -> "status";
            case ROUTE -> "route_outcome";
        };
        String direction = search.descending() ? " DESC" : " ASC";
        String sql = "SELECT " + ItemColumns.LIST + " FROM task_item"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + column + direction + ", id" + direction
                + " OFFSET " + search.offset() + " ROWS FETCH NEXT " + (search.pageSize() + 1) + " ROWS ONLY";
        List<ReviewItem> items = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(ItemColumns.item(rows).item());
                }
            }
        }
        return items;
    }

    /** {@code text} inside a LIKE pattern with escape character '!': its own wildcards match themselves. */
    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
