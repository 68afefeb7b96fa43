package io.oversight.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.ledger.LedgerSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The single V1 script for both databases: its checksum is the one {@link LedgerSchema} declares (so an
 * edit of the applied script fails here first), and a database migrated when V1 was two vendor copies
 * adopts it, while a history with any other checksum is still refused by Flyway's validation.
 */
class LedgerSchemaTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theAppliedV1ChecksumIsTheDeclaredOne(TestDatabase database) throws SQLException {
        assertEquals(LedgerSchema.V1_CHECKSUM, v1Checksum(database.fresh(LedgerTestSchema.MIGRATIONS)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHistoryFromTheFormerVendorScriptsIsAdoptedAndThenValidates(TestDatabase database) throws SQLException {
        DataSource dataSource = database.fresh(LedgerTestSchema.MIGRATIONS);
        int former = database == TestDatabase.H2 ? 893_014_720 : -1_069_198_211;
        setV1Checksum(dataSource, former);
        assertThrows(FlywayValidateException.class, () -> flyway(dataSource, database).validate(),
                "the former checksum does not match the single script");

        try (Connection connection = dataSource.getConnection()) {
            assertTrue(LedgerSchema.adoptFormerV1(connection));
            assertFalse(LedgerSchema.adoptFormerV1(connection), "adopted once");
        }
        assertEquals(LedgerSchema.V1_CHECKSUM, v1Checksum(dataSource));
        flyway(dataSource, database).validate();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEditedV1IsNotAdopted(TestDatabase database) throws SQLException {
        DataSource dataSource = database.fresh(LedgerTestSchema.MIGRATIONS);
        setV1Checksum(dataSource, 42);
        try (Connection connection = dataSource.getConnection()) {
            assertFalse(LedgerSchema.adoptFormerV1(connection));
        }
        assertEquals(42, v1Checksum(dataSource));
        assertThrows(FlywayValidateException.class, () -> flyway(dataSource, database).validate());
    }

    private static Flyway flyway(DataSource dataSource, TestDatabase database) {
        String vendor = database == TestDatabase.H2 ? "h2" : "postgresql";
        return Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/ledger/common", "classpath:db/migration/ledger/" + vendor)
                .placeholders(LedgerSchema.placeholders(vendor)).table(LedgerSchema.HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion("0").load();
    }

    private static int v1Checksum(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT \"checksum\" FROM \"schema_history_ledger\" WHERE \"version\" = '1'")) {
            assertTrue(row.next());
            return row.getInt(1);
        }
    }

    private static void setV1Checksum(DataSource dataSource, int checksum) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE \"schema_history_ledger\" SET \"checksum\" = " + checksum + " WHERE \"version\" = '1'");
        }
    }
}
