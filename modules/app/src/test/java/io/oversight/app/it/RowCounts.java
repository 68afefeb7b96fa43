package io.oversight.app.it;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * "Nothing changed" for tests that send refused requests: the number of rows in every table of the
 * application's database, served by a probe servlet deployed with the test archive only. Tables the
 * server's own timers write (checkpoints, monitoring windows and references, Flyway history) are left out, and the
 * ledger's outbox and entries are counted together, since the sequencer moves rows from one to the other.
 *
 * <p>The lease reaper is the one timer that changes counted tables: every lease left by an earlier test
 * (ten minutes by default) expires in the middle of a later class, deleting one reviewer row of the item
 * and writing one ledger entry in one transaction. The counts are taken after the sequencer has emptied
 * the outbox, with each expiry added back to the reviewer rows and taken off the ledger, and only when
 * two readings in a row agree, so a reap committing between two tables' counts is not mistaken for a
 * change.
 */
@WebServlet(RowCounts.PATH)
public class RowCounts extends HttpServlet {

    static final String PATH = "/it-probe/row-counts";
    private static final Set<String> WRITTEN_BY_TIMERS = Set.of("ledger_checkpoint", "ledger_tile", "ledger_head",
            "ledger_verification", "gov_observation", "gov_window", "gov_monitor_head", "gov_reference");
    private static final String LEDGER = "ledger (entries and outbox)";
    private static final String LEASE_EXPIRED = "tasks.task.lease-expired";
    private static final int SETTLE_READINGS = 100;
    private static final long SETTLE_PAUSE_MILLIS = 50;

    @Resource(lookup = "jdbc/oversight")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder lines = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            settledCounts(connection).forEach((table, count) -> lines.append(table).append('\t').append(count).append('\n'));
        } catch (SQLException e) {
            throw new IOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(lines.toString());
    }

    private static Map<String, Long> settledCounts(Connection connection) throws SQLException, InterruptedException {
        Map<String, Long> previous = Map.of();
        for (int reading = 0; reading < SETTLE_READINGS; reading++) {
            if (single(connection, "SELECT COUNT(*) FROM ledger_pending") > 0) {
                Thread.sleep(SETTLE_PAUSE_MILLIS);
                continue;
            }
            Map<String, Long> counts = counts(connection);
            long expiries = single(connection, "SELECT COUNT(*) FROM ledger_entry WHERE action_type = '"
                    + LEASE_EXPIRED + "'");
            counts.merge(LEDGER, -expiries, Long::sum);
            counts.merge("task_item_reviewer", expiries, Long::sum);
            if (counts.equals(previous)) {
                return counts;
            }
            previous = counts;
        }
        throw new IllegalStateException("the row counts did not settle in " + SETTLE_READINGS + " readings");
    }

    private static long single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Map<String, Long> counts(Connection connection) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String schema = tables.getString("TABLE_SCHEM");
                String table = tables.getString("TABLE_NAME");
                String name = table.toLowerCase(Locale.ROOT);
                if (schema != null && (schema.equalsIgnoreCase("information_schema") || schema.startsWith("pg_"))
                        || name.contains("flyway") || WRITTEN_BY_TIMERS.contains(name)) {
                    continue;
                }
                String qualified = (schema == null ? "" : "\"" + schema + "\".") + "\"" + table + "\"";
                try (Statement statement = connection.createStatement();
                     ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + qualified)) {
                    count.next();
                    String key = name.equals("ledger_entry") || name.equals("ledger_pending") ? LEDGER : name;
                    counts.merge(key, count.getLong(1), Long::sum);
                }
            }
        }
        return counts;
    }

    /** The row counts of the deployment's database, read through the probe servlet. */
    static Map<String, Long> of(URL deployment) {
        String body = ApiClient.anonymous(deployment).get(PATH.substring(1)).body();
        Map<String, Long> counts = new TreeMap<>();
        for (String line : body.split("\n")) {
            String[] parts = line.split("\t");
            if (parts.length == 2) {
                counts.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        if (counts.isEmpty()) {
            throw new IllegalStateException("the row-count probe answered: " + body);
        }
        return counts;
    }
}
