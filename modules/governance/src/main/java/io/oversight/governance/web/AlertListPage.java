package io.oversight.governance.web;

import io.oversight.kernel.PageMessages;
import io.oversight.ledger.Callers;
import io.oversight.governance.MonitorAlert;
import io.oversight.governance.Workflow;
import io.oversight.governance.application.AlertService;
import io.oversight.governance.application.DefaultMonitors;
import io.oversight.governance.application.DefaultWorkflowService;
import io.oversight.ledger.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Alerts of the last 30 days: monitor rules' and queue SLAs' episodes in one list, filtered by
 * workflow, source and state, with acknowledgement (who and why, a ledger entry).
 */
@Named
@ViewScoped
public class AlertListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DefaultMonitors monitors;

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    AlertService alertService;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    private String workflow = "";
    private String source = "";
    private String state = "";
    private String note;
    private transient List<MonitorAlert> alerts;

    @PostConstruct
    void init() {
        workflow = Optional.ofNullable(PageMessages.parameter("workflow")).orElse("");
        source = Optional.ofNullable(PageMessages.parameter("source")).orElse("");
        state = Optional.ofNullable(PageMessages.parameter("state")).orElse("");
    }

    public List<MonitorAlert> getAlerts() {
        if (alerts == null) {
            Instant now = clock.instant();
            alerts = monitors.alerts(workflow.isBlank() ? Optional.empty() : Optional.of(workflow), now.minus(Duration.ofDays(30)),
                    now.plusSeconds(1)).stream()
                    .filter(a -> source.isBlank() || a.source().equals(source))
                    .filter(a -> state.isBlank() || ("OPEN".equals(state) == a.open()))
                    .toList();
        }
        return alerts;
    }

    public List<Workflow> getWorkflows() {
        return workflows.list();
    }

    public boolean isEditor() {
        return callers.isCallerInRole(Roles.GOVERNANCE);
    }

    public void acknowledge(String alertId) {
        if (PageMessages.attempt(() -> alertService.acknowledge(alertId, note, callers.actorIn(Roles.GOVERNANCE)),
                "Alert acknowledged.")) {
            note = null;
            alerts = null;
        }
    }

    public String human(Instant at) {
        return at == null ? "" : MonitorDashboardPage.HUMAN.format(at);
    }

    public String getWorkflow() {
        return workflow;
    }

    public void setWorkflow(String workflow) {
        this.workflow = workflow == null ? "" : workflow;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source == null ? "" : source;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state == null ? "" : state;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    /** Applies the filters (a POST that re-reads the list). */
    public void filter() {
        alerts = null;
    }
}
