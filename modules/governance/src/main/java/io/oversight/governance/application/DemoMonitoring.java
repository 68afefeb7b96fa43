package io.oversight.governance.application;

import io.oversight.governance.AlertRule;
import io.oversight.governance.DriftField;
import io.oversight.governance.Monitor;
import io.oversight.governance.MonitorGrain;
import io.oversight.governance.MonitorSettings;
import io.oversight.ledger.Actor;
import io.oversight.ledger.PlatformStarted;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In demo mode, monitoring settings that show something within minutes of the demo model's first
 * predictions: a minimum n of 10, a drift reference of the first 200 predictions, acceptance criteria,
 * and one alert rule on the loan-dispute workflow's agreement. Runs after the demo workflows exist.
 */
@ApplicationScoped
public class DemoMonitoring {

    private static final Logger LOG = Logger.getLogger(DemoMonitoring.class.getName());
    private static final Actor SEEDER = Actor.system("demo-data");
    static final String LOANS = "loan-dispute-triage";

    @Inject
    DefaultMonitors monitors;

    @Inject
    DefaultWorkflowService workflows;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) PlatformStarted started) {
        if (!started.demoMode()) {
            return;
        }
        try {
            for (String key : new String[] {LOANS, "content-moderation"}) {
                if (workflows.find(key).isPresent() && monitors.rules(Optional.of(key)).isEmpty()) {
                    monitors.saveSettings(new MonitorSettings(key, 10, 200, Optional.empty(), Optional.empty(),
                            Optional.of(new MonitorSettings.AcceptanceCriteria(50, 0.85, Optional.of(0.05))), 0.02,
                            LOANS.equals(key)
                                    ? List.of(new DriftField("amount", DriftField.Kind.NUMERIC),
                                            new DriftField("merchant", DriftField.Kind.CATEGORICAL))
                                    : List.of(new DriftField("reports", DriftField.Kind.NUMERIC))), SEEDER);
                    monitors.createRule(new AlertRule(null, key, Monitor.AGREEMENT, Optional.empty(), MonitorGrain.HOUR,
                            AlertRule.Direction.BELOW, 0.85, 10, AlertRule.Severity.WARNING, 1, 1, null, false, 0,
                            Optional.empty(), Optional.empty()), SEEDER);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Demo monitoring settings could not be created: " + e.getMessage(), e);
        }
    }
}
