package io.oversight.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * What whoever runs the ledger's Flyway scripts ({@code db/migration/ledger/common} and
 * {@code db/migration/ledger/<vendor>}, history table {@value #HISTORY_TABLE}) must know: the
 * placeholder values of the portable V1 script, and how a database migrated when V1 was two vendor
 * copies (identical but for the binary column type) adopts the single script without re-running it.
 */
public final class LedgerSchema {

    public static final String HISTORY_TABLE = "schema_history_ledger";

    /** Flyway's checksum of {@code common/V1__ledger_tables.sql}; LedgerSchemaTest recomputes it. */
    public static final int V1_CHECKSUM = 169_342_383;

    /** Checksums of the former {@code h2/} and {@code postgresql/} copies of V1, as databases recorded them. */
    private static final int FORMER_V1_H2 = 893_014_720;
    private static final int FORMER_V1_POSTGRESQL = -1_069_198_211;

    private LedgerSchema() {
    }

    /** Placeholder values for {@code vendor}, the lower-case folder name ({@code h2} or {@code postgresql}). */
    public static Map<String, String> placeholders(String vendor) {
        return Map.of("binary", "postgresql".equals(vendor.toLowerCase(Locale.ROOT)) ? "BYTEA" : "VARBINARY");
    }

    /**
     * Records the single V1 script's checksum for a database whose history still holds one of the
     * former vendor copies' checksums; the tables those copies created are the ones the single script
     * creates. Any other checksum is left alone, so Flyway's validation still refuses an edited V1.
     *
     * @return whether the history was updated
     */
    public static boolean adoptFormerV1(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, HISTORY_TABLE, null)) {
            if (!tables.next()) {
                return false;
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE \"" + HISTORY_TABLE
                + "\" SET \"checksum\" = ? WHERE \"version\" = '1' AND \"checksum\" IN (?, ?)")) {
            update.setInt(1, V1_CHECKSUM);
            update.setInt(2, FORMER_V1_H2);
            update.setInt(3, FORMER_V1_POSTGRESQL);
            return update.executeUpdate() == 1;
        }
    }
}
