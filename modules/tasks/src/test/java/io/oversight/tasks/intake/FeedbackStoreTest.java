package io.oversight.tasks.intake;

import static io.oversight.tasks.TaskRows.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oversight.kernel.testing.TestDatabase;
import io.oversight.tasks.TaskRows;
import io.oversight.tasks.TasksTestSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Customers' feedback on H2 and PostgreSQL: one row per report, with the task it opened. */
class FeedbackStoreTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void feedbackIsStoredWithTheTaskItOpened(TestDatabase database) throws Exception {
        try (Connection c = database.fresh(TasksTestSchema.MIGRATIONS).getConnection()) {
            TaskRows.itemsWithTasks(c, "loans", "i1");
            new FeedbackStore().insertFeedback(c, "f1", "i1", "REPORT_ISSUE", "wrong", "t-i1", T0.plusSeconds(60));

            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT item_id, kind, comment, task_id FROM task_feedback WHERE id = 'f1'")) {
                r.next();
                assertEquals("i1 REPORT_ISSUE wrong t-i1", r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4));
            }
        }
    }
}
