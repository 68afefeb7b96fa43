package io.oversight.export.web;

import io.oversight.kernel.FieldError;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.PageMessages;
import io.oversight.kernel.RefusalException;
import io.oversight.export.ComplianceReports;
import io.oversight.export.JobState;
import io.oversight.export.ReportJob;
import io.oversight.export.ReportRequest;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.ledger.Actor;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reports page for auditors and governance leads: choose a workflow (or all) and a
 * period in UTC, generate, watch the progress bar (the page refreshes itself while a job runs), and
 * download the XML and PDF from the history, which shows each report's digests and ledger entry.
 */
@Named
@RequestScoped
public class ReportsPage {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    ComplianceReports reports;

    @Inject
    Workflows workflows;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    SecurityContext security;

    @Inject
    Clock clock;

    private String workflow = "";
    private String from;
    private String to;
    private List<ReportJob> history;

    /**
     * The period starts as the last hour on the first view; on a post-back an emptied field stays empty
     * (Faces submits it as null), so that it is refused rather than silently replaced.
     */
    public String getFrom() {
        if (from == null && !FacesContext.getCurrentInstance().isPostback()) {
            from = FormDateTimes.format(clock.instant().minus(Duration.ofHours(1)));
        }
        return from;
    }

    public String getTo() {
        if (to == null && !FacesContext.getCurrentInstance().isPostback()) {
            to = FormDateTimes.format(clock.instant());
        }
        return to;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getWorkflow() {
        return workflow;
    }

    public void setWorkflow(String workflow) {
        this.workflow = workflow;
    }

    public List<Workflow> getWorkflows() {
        return workflows.list();
    }

    public List<ReportJob> getHistory() {
        if (history == null) {
            history = reports.recent(50);
        }
        return history;
    }

    /** Whether a job is still queued or running: the page then refreshes itself to move the progress bar. */
    public boolean isAnyRunning() {
        return getHistory().stream().anyMatch(j -> !j.state().finished());
    }

    /**
     * Requests the report; a refused period is shown beside the field at fault, by its label, and
     * nothing is requested.
     */
    public String generate() {
        ReportJob job = PageMessages.attemptGet(() -> {
            ReportRequest request = request();
            String role = security.isCallerInRole(Roles.AUDITOR) ? Roles.AUDITOR : Roles.GOVERNANCE;
            Actor caller = new Actor(pseudonyms.pseudonymFor(PersonKind.ACTOR, security.getCallerPrincipal().getName()), role);
            return reports.request(request, caller);
        }, null);
        if (job == null) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                "Report " + job.id() + " requested: it is being generated.", null));
        return "/export/reports?faces-redirect=true";
    }

    public String cancel(String id) {
        return act(() -> reports.cancel(id), "Cancellation requested");
    }

    public String restart(String id) {
        return act(() -> reports.restart(id), "Restarted");
    }

    private String act(Runnable action, String done) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            action.run();
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
            return "/export/reports?faces-redirect=true";
        } catch (RefusalException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return null;
        }
    }

    /** The request the form describes; a field that names no date and time is refused beside it. */
    private ReportRequest request() {
        List<FieldError> problems = new ArrayList<>();
        Instant start = FormDateTimes.parse("from", getFrom(), clock, problems);
        Instant end = FormDateTimes.parse("to", getTo(), clock, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The period is not a pair of dates and times.", problems);
        }
        return new ReportRequest(workflow == null || workflow.isBlank() ? Optional.empty() : Optional.of(workflow),
                start, end);
    }

    public String human(Instant instant) {
        return instant == null ? "" : HUMAN.format(instant);
    }

    public String human(Optional<Instant> instant) {
        return instant.map(HUMAN::format).orElse("");
    }

    /** Percent done for the progress bar. */
    public long percent(ReportJob job) {
        return job.rowsTotal() == 0 ? (job.state() == JobState.COMPLETED ? 100 : 0) : 100 * job.rowsDone() / job.rowsTotal();
    }

    public String eta(ReportJob job) {
        return job.eta().map(d -> d.toSeconds() < 60 ? d.toSeconds() + " s left" : d.toMinutes() + " min left").orElse("");
    }

    public boolean canCancel(ReportJob job) {
        return !job.state().finished();
    }

    public boolean canRestart(ReportJob job) {
        return job.state() == JobState.INTERRUPTED || job.state() == JobState.FAILED || job.state() == JobState.CANCELLED;
    }
}
