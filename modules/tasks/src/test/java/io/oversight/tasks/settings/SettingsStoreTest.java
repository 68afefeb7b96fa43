package io.oversight.tasks.settings;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.OrderingMethod;
import io.oversight.tasks.TasksTestSchema;
import io.oversight.tasks.TimeoutOutcome;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Intake settings on H2 and PostgreSQL: read back as written, inserted once per workflow, replaced by a save. */
class SettingsStoreTest {

    private final SettingsStore store = new SettingsStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void settingsAreReadBackAsWrittenAndASaveReplacesThem(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            assertEquals(Optional.empty(), store.find(c, "loans"));
            IntakeSettings defaults = IntakeSettings.defaults("loans", "seed");
            store.insert(c, defaults, T0);
            assertEquals(Optional.of(defaults), store.find(c, "loans"));

            IntakeSettings changed = new IntakeSettings("loans", OrderingMethod.LEAST_CONFIDENCE, 0.3, 120, 5_000,
                    TimeoutOutcome.FAIL_OPEN, Optional.of(URI.create("https://example.org/hook")), Optional.of("secret"), "seed",
                    3, 1, 7, List.of("applicant.name", "officer"));
            store.save(c, changed, T0.plusSeconds(60));
            assertEquals(Optional.of(changed), store.find(c, "loans"));
            assertEquals(Optional.empty(), store.find(c, "posts"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSecondInsertForAWorkflowIsAnIntegrityViolation(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            store.insert(c, IntakeSettings.defaults("loans", "first"), T0);
            SQLException refused = assertThrows(SQLException.class,
                    () -> store.insert(c, IntakeSettings.defaults("loans", "second"), T0.plusSeconds(1)));
            assertTrue(refused.getSQLState().startsWith("23"), refused.getSQLState());
            assertEquals("first", store.find(c, "loans").orElseThrow().auditSeed());
        }
    }
}
