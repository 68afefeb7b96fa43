package io.oversight.governance.infrastructure;

import io.oversight.governance.GovernanceTestSchema;
import io.oversight.kernel.testing.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.AlertRule;
import io.oversight.governance.DriftField;
import io.oversight.governance.Monitor;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.MonitorSettings;
import io.oversight.governance.MonitorSettings.AcceptanceCriteria;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Monitor settings and alert rules on H2 and PostgreSQL: settings read back whole (defaults when none
 * are saved), rules listed per workflow in order, their hysteresis state saved, deleted only when no
 * episode is open.
 */
class MonitorConfigStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final MonitorConfigStore store = new MonitorConfigStore();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWorkflowWithoutSavedSettingsHasTheDefaults(TestDatabase database) throws Exception {
        try (Connection c = workflows(database).getConnection()) {
            assertEquals(MonitorSettings.defaults("loans"), store.settings(c, "loans"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savedSettingsReadBackWholeWithOrWithoutTheirOptionalParts(TestDatabase database) throws Exception {
        MonitorSettings full = new MonitorSettings("loans", 40, 500, Optional.of(T0), Optional.of(T0.plusSeconds(86_400)),
                Optional.of(new AcceptanceCriteria(200, 0.9, Optional.of(0.02))), 0.05,
                List.of(new DriftField("amount", DriftField.Kind.NUMERIC), new DriftField("customer.country",
                        DriftField.Kind.CATEGORICAL)));
        MonitorSettings gateWithoutMargin = new MonitorSettings("posts", 30, 1000, Optional.empty(), Optional.empty(),
                Optional.of(new AcceptanceCriteria(50, 0.8, Optional.empty())), 0.02, List.of());
        try (Connection c = workflows(database).getConnection()) {
            store.saveSettings(c, full);
            store.saveSettings(c, gateWithoutMargin);

            assertEquals(full, store.settings(c, "loans"));
            assertEquals(gateWithoutMargin, store.settings(c, "posts"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savingAgainReplacesTheSettings(TestDatabase database) throws Exception {
        MonitorSettings ungated = new MonitorSettings("loans", 10, 20, Optional.empty(), Optional.empty(), Optional.empty(),
                0.1, List.of());
        try (Connection c = workflows(database).getConnection()) {
            store.saveSettings(c, new MonitorSettings("loans", 40, 500, Optional.of(T0), Optional.of(T0.plusSeconds(60)),
                    Optional.of(new AcceptanceCriteria(200, 0.9, Optional.of(0.02))), 0.05, List.of()));
            store.saveSettings(c, ungated);

            assertEquals(ungated, store.settings(c, "loans"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rulesReadBackWholeOrderedByWorkflowMonitorAndIdAndFilteredByWorkflow(TestDatabase database)
            throws Exception {
        AlertRule postsAgreement = rule("r1", "posts", Monitor.AGREEMENT, Optional.empty());
        AlertRule loansVolume = rule("r2", "loans", Monitor.VOLUME, Optional.empty());
        AlertRule loansAgreementB = rule("r4", "loans", Monitor.AGREEMENT, Optional.empty());
        AlertRule loansAgreementA = rule("r3", "loans", Monitor.AGREEMENT, Optional.empty());
        AlertRule loansInput = new AlertRule("r5", "loans", Monitor.INPUT_PSI, Optional.of("amount"), MonitorGrain.DAY,
                AlertRule.Direction.ABOVE, 0.25, 50, AlertRule.Severity.CRITICAL, 2, 3, T0, true, 2,
                Optional.of(T0.plusSeconds(3600)), Optional.of("alert-1"));
        try (Connection c = workflows(database).getConnection()) {
            for (AlertRule rule : List.of(postsAgreement, loansVolume, loansAgreementB, loansAgreementA, loansInput)) {
                store.insertRule(c, rule);
            }

            assertEquals(List.of(loansAgreementA, loansAgreementB, loansInput, loansVolume, postsAgreement),
                    store.rules(c, Optional.empty()));
            assertEquals(List.of(postsAgreement), store.rules(c, Optional.of("posts")));
            assertEquals(List.of(), store.rules(c, Optional.of("claims")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRulesHysteresisStateIsSavedInPlace(TestDatabase database) throws Exception {
        try (Connection c = workflows(database).getConnection()) {
            store.insertRule(c, rule("r1", "loans", Monitor.AGREEMENT, Optional.empty()));
            store.insertRule(c, rule("r2", "loans", Monitor.VOLUME, Optional.empty()));

            store.saveRuleState(c, "r1", true, 3, T0.plusSeconds(7200), Optional.of("alert-9"));

            AlertRule saved = store.rules(c, Optional.of("loans")).get(0);
            assertTrue(saved.episodeOpen());
            assertEquals(3, saved.streak());
            assertEquals(Optional.of(T0.plusSeconds(7200)), saved.evaluatedTo());
            assertEquals(Optional.of("alert-9"), saved.openAlertId());
            assertEquals(rule("r2", "loans", Monitor.VOLUME, Optional.empty()), store.rules(c, Optional.of("loans")).get(1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRuleIsDeletedOnlyWhileNoEpisodeIsOpen(TestDatabase database) throws Exception {
        try (Connection c = workflows(database).getConnection()) {
            store.insertRule(c, rule("r1", "loans", Monitor.AGREEMENT, Optional.empty()));
            store.insertRule(c, rule("r2", "loans", Monitor.VOLUME, Optional.empty()));
            store.saveRuleState(c, "r2", true, 1, T0, Optional.of("alert-1"));

            assertFalse(store.deleteRule(c, "r2"), "its episode is open");
            assertTrue(store.deleteRule(c, "r1"));
            assertFalse(store.deleteRule(c, "r1"), "already deleted");
            assertEquals(List.of("r2"), store.rules(c, Optional.empty()).stream().map(AlertRule::id).toList());
        }
    }

    private static DataSource workflows(TestDatabase database) throws Exception {
        DataSource dataSource = database.fresh(GovernanceTestSchema.MIGRATIONS);
        GovernanceTestSchema.workflow(dataSource, "loans");
        GovernanceTestSchema.workflow(dataSource, "posts");
        return dataSource;
    }

    private static AlertRule rule(String id, String workflowKey, Monitor monitor, Optional<String> field) {
        return new AlertRule(id, workflowKey, monitor, field, MonitorGrain.HOUR, AlertRule.Direction.BELOW, 0.8, 30,
                AlertRule.Severity.WARNING, 1, 1, T0, false, 0, Optional.empty(), Optional.empty());
    }
}
