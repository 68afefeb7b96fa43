package io.oversight.export.web;

import io.oversight.export.DatasetFormat;
import io.oversight.export.DatasetJob;
import io.oversight.export.DatasetRequest;
import io.oversight.export.JobState;
import io.oversight.export.TrainingSets;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.Guidelines;
import io.oversight.governance.ModelSnapshot;
import io.oversight.governance.ModelSnapshots;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.FieldError;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.PageMessages;
import io.oversight.ledger.Actor;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.Roles;
import io.oversight.tasks.DecisionSource;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Datasets page for governance leads: choose a workflow, a period in UTC and filters,
 * preview how many released labels they select, export, watch the progress bar (the page refreshes
 * itself while an export runs), and download files and manifests from the history, which shows each
 * export's manifest digest and ledger entry. The retrain rules below the history are
 * {@link RetrainRulesSection}'s.
 */
@Named
@RequestScoped
public class DatasetsPage {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    TrainingSets trainingSets;

    @Inject
    Workflows workflows;

    @Inject
    Guidelines guidelines;

    @Inject
    ModelSnapshots models;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    SecurityContext security;

    @Inject
    Clock clock;

    private String workflow;
    private String from;
    private String to;
    private String format = DatasetFormat.JSONL.name();
    private String modelSnapshotId = "";
    private String guidelineVersionId = "";
    private List<String> sources = new ArrayList<>();
    private String label = "";
    private Long previewRows;
    private List<DatasetJob> history;

    /**
     * The form starts with the last 30 days, up to the current minute; on a post-back an emptied field
     * stays empty (Faces submits it as null), so that it is refused rather than silently replaced.
     */
    public String getFrom() {
        if (from == null && !FacesContext.getCurrentInstance().isPostback()) {
            from = FormDateTimes.format(clock.instant().minus(Duration.ofDays(30)));
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
        if (workflow == null) {
            workflow = getWorkflows().stream().findFirst().map(Workflow::key).orElse("");
        }
        return workflow;
    }

    public void setWorkflow(String workflow) {
        this.workflow = workflow;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getModelSnapshotId() {
        return modelSnapshotId;
    }

    public void setModelSnapshotId(String modelSnapshotId) {
        this.modelSnapshotId = modelSnapshotId;
    }

    public String getGuidelineVersionId() {
        return guidelineVersionId;
    }

    public void setGuidelineVersionId(String guidelineVersionId) {
        this.guidelineVersionId = guidelineVersionId;
    }

    public List<String> getSources() {
        return sources;
    }

    public void setSources(List<String> sources) {
        this.sources = sources == null ? new ArrayList<>() : sources;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public Long getPreviewRows() {
        return previewRows;
    }

    public List<Workflow> getWorkflows() {
        return workflows.list();
    }

    public List<String> getFormats() {
        return List.of(DatasetFormat.JSONL.name(), DatasetFormat.CSV.name());
    }

    /** Every source a person releases (the model's own decisions are never exported). */
    public List<String> getSourceChoices() {
        return EnumSet.complementOf(EnumSet.of(DecisionSource.MODEL)).stream().map(Enum::name).toList();
    }

    /** Snapshots of every workflow, named with their workflow: the request is checked against the chosen one. */
    public List<ModelSnapshot> getSnapshots() {
        return getWorkflows().stream().flatMap(w -> models.of(w.key()).stream()).toList();
    }

    public List<GuidelineVersion> getGuidelineVersions() {
        return getWorkflows().stream().flatMap(w -> guidelines.versionsOf(w.key()).stream()).toList();
    }

    public List<DatasetJob> getHistory() {
        if (history == null) {
            history = trainingSets.recent(50);
        }
        return history;
    }

    /** Whether an export is still queued or running: the page then refreshes itself to move the progress bar. */
    public boolean isAnyRunning() {
        return getHistory().stream().anyMatch(j -> !j.state().finished());
    }

    /** Counts what an export would hold; a refused filter is shown beside its field, by its label. */
    public String preview() {
        previewRows = PageMessages.attemptGet(() -> trainingSets.preview(request()), null);
        return null;
    }

    /** Requests the export; a refused filter is shown beside its field, and nothing is requested. */
    public String export() {
        DatasetJob job = PageMessages.attemptGet(() -> trainingSets.request(request(), caller()), null);
        if (job == null) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Export requested",
                "Training set " + job.id() + " is being exported."));
        return "/export/datasets?faces-redirect=true";
    }

    private Actor caller() {
        return new Actor(pseudonyms.pseudonymFor(PersonKind.ACTOR, security.getCallerPrincipal().getName()), Roles.GOVERNANCE);
    }

    /** The request the form describes; a field that names no date and time is refused beside it. */
    private DatasetRequest request() {
        List<FieldError> problems = new ArrayList<>();
        Instant start = FormDateTimes.parse("from", getFrom(), clock, problems);
        // the form has minutes: "to" this minute means up to now, which an export may not pass
        Instant end = Optional.ofNullable(FormDateTimes.parse("to", getTo(), clock, problems))
                .map(to -> to.isAfter(clock.instant()) ? clock.instant() : to).orElse(null);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The period is not a pair of dates and times.", problems);
        }
        Set<DecisionSource> chosen = sources.stream().map(DecisionSource::valueOf).collect(Collectors.toSet());
        return new DatasetRequest(getWorkflow(), start, end, DatasetFormat.valueOf(format), blank(modelSnapshotId),
                blank(guidelineVersionId), chosen, blank(label));
    }

    private static Optional<String> blank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String human(Instant instant) {
        return instant == null ? "" : HUMAN.format(instant);
    }

    public String human(Optional<Instant> instant) {
        return instant.map(HUMAN::format).orElse("");
    }

    /** Percent done for the progress bar. */
    public long percent(DatasetJob job) {
        return job.rowsTotal() == 0 ? (job.state() == JobState.COMPLETED ? 100 : 0) : 100 * job.rowsDone() / job.rowsTotal();
    }

    public String eta(DatasetJob job) {
        return job.eta().map(d -> d.toSeconds() < 60 ? d.toSeconds() + " s left" : d.toMinutes() + " min left").orElse("");
    }

    /** The filters of an export in words. */
    public String filters(DatasetJob job) {
        List<String> parts = new ArrayList<>();
        parts.add(job.format().name());
        job.modelSnapshotId().ifPresent(s -> parts.add("snapshot " + s.substring(0, Math.min(8, s.length()))));
        job.guidelineVersionId().flatMap(guidelines::find).ifPresent(g -> parts.add("guideline " + g.label()));
        if (!job.sources().isEmpty()) {
            parts.add(job.sources().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
        }
        job.label().ifPresent(l -> parts.add("label " + l));
        return String.join(" · ", parts);
    }
}
