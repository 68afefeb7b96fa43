package io.oversight.export.web;

import io.oversight.export.InvalidExportRequestException;
import io.oversight.export.RetrainTrigger;
import io.oversight.export.RetrainTriggerKind;
import io.oversight.export.RetrainTriggerRequest;
import io.oversight.export.RetrainTriggers;
import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.kernel.FieldError;
import io.oversight.kernel.PageMessages;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Retrain triggers section of the Training sets page (ADR 0056): add a rule to a
 * workflow, see whether it is armed, how often it fired and the export it last made, remove it. A bean
 * of its own, apart from {@link DatasetsPage}'s export form: the two change for different reasons.
 */
@Named
@RequestScoped
public class RetrainRulesSection {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    RetrainTriggers triggers;

    @Inject
    Workflows workflows;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    SecurityContext security;

    private String ruleWorkflow;
    // named like the fields of RetrainTriggerRequest, so PageMessages shows each refused field beside its input
    private String kind = RetrainTriggerKind.CORRECTIONS_SINCE_EXPORT.name();
    private String corrections = "";
    private String rate = "";
    private String windowHours = "";
    private String everyHours = "";
    private List<RetrainTrigger> rules;
    private List<Workflow> workflowList;

    public List<Workflow> getWorkflows() {
        if (workflowList == null) {
            workflowList = workflows.list();
        }
        return workflowList;
    }

    /** The workflow a new rule is for: at first the first workflow, as the export form above starts. */
    public String getRuleWorkflow() {
        if (ruleWorkflow == null) {
            ruleWorkflow = getWorkflows().stream().findFirst().map(Workflow::key).orElse("");
        }
        return ruleWorkflow;
    }

    public void setRuleWorkflow(String ruleWorkflow) {
        this.ruleWorkflow = ruleWorkflow;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getCorrections() {
        return corrections;
    }

    public void setCorrections(String corrections) {
        this.corrections = corrections;
    }

    public String getRate() {
        return rate;
    }

    public void setRate(String rate) {
        this.rate = rate;
    }

    public String getWindowHours() {
        return windowHours;
    }

    public void setWindowHours(String windowHours) {
        this.windowHours = windowHours;
    }

    public String getEveryHours() {
        return everyHours;
    }

    public void setEveryHours(String everyHours) {
        this.everyHours = everyHours;
    }

    /** The kinds of rule, value the enum name, label what it watches. */
    public Map<String, String> getRuleKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("Corrections since the last export reach N", RetrainTriggerKind.CORRECTIONS_SINCE_EXPORT.name());
        kinds.put("Correction rate over a window reaches r", RetrainTriggerKind.CORRECTION_RATE.name());
        kinds.put("A drift alert is open", RetrainTriggerKind.DRIFT_ALERT.name());
        kinds.put("Every N hours", RetrainTriggerKind.SCHEDULE.name());
        return kinds;
    }

    public List<RetrainTrigger> getRules() {
        if (rules == null) {
            rules = triggers.all();
        }
        return rules;
    }

    /** A rule's condition in words. */
    public String condition(RetrainTrigger trigger) {
        RetrainTriggerRequest rule = trigger.rule();
        return switch (rule.kind()) {
            case CORRECTIONS_SINCE_EXPORT -> rule.corrections().orElseThrow()
                    + (rule.corrections().orElseThrow() == 1 ? " correction" : " corrections") + " since the last export";
            case CORRECTION_RATE -> "correction rate ≥ " + rule.rate().orElseThrow() + " over the last "
                    + rule.windowHours().orElseThrow() + " h";
            case DRIFT_ALERT -> "a drift alert is open";
            case SCHEDULE -> "every " + rule.everyHours().orElseThrow() + " h";
        };
    }

    /**
     * Adds the rule the form describes. Only the fields its kind reads are sent: the form shows all of
     * them, and a value left in a field of another kind is not a mistake worth refusing the rule for.
     */
    public String addRule() {
        RetrainTriggerKind chosen = Arrays.stream(RetrainTriggerKind.values()).filter(k -> k.name().equals(kind))
                .findFirst().orElse(null);
        List<FieldError> problems = new ArrayList<>();
        RetrainTriggerRequest rule = new RetrainTriggerRequest(chosen,
                number("corrections", corrections, Long::valueOf, chosen == RetrainTriggerKind.CORRECTIONS_SINCE_EXPORT, problems),
                number("rate", rate, Double::valueOf, chosen == RetrainTriggerKind.CORRECTION_RATE, problems),
                number("windowHours", windowHours, Integer::valueOf, chosen == RetrainTriggerKind.CORRECTION_RATE, problems),
                number("everyHours", everyHours, Integer::valueOf, chosen == RetrainTriggerKind.SCHEDULE, problems));
        String workflowKey = getRuleWorkflow();
        boolean added = PageMessages.attempt(() -> {
            if (!problems.isEmpty()) {
                // unreadable numbers first: the service would otherwise also call them missing
                throw new InvalidExportRequestException(problems);
            }
            triggers.create(workflowKey, rule, caller());
        }, null);
        if (!added) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Rule added",
                "Retrain rule added to " + workflowKey + "."));
        return "/export/datasets?faces-redirect=true";
    }

    public String removeRule(String workflowKey, String id) {
        if (!PageMessages.attempt(() -> triggers.delete(workflowKey, id, caller()), null)) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Rule removed",
                "The retrain rule on " + workflowKey + " was removed; the exports it made stay."));
        return "/export/datasets?faces-redirect=true";
    }

    /** A number field of the rule form: empty when blank or not read by the chosen kind, a field error when not a number. */
    private static <T> Optional<T> number(String field, String value, Function<String, T> parse, boolean read,
            List<FieldError> problems) {
        if (!read || value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value.strip()));
        } catch (NumberFormatException e) {
            problems.add(new FieldError(field, "enter a number, not " + value.strip()));
            return Optional.empty();
        }
    }

    private Actor caller() {
        return new Actor(pseudonyms.pseudonymFor(PersonKind.ACTOR, security.getCallerPrincipal().getName()), Roles.GOVERNANCE);
    }

    public String human(Instant instant) {
        return instant == null ? "" : HUMAN.format(instant);
    }

    public String human(Optional<Instant> instant) {
        return instant.map(HUMAN::format).orElse("");
    }
}
