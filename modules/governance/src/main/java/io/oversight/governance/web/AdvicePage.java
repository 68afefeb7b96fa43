package io.oversight.governance.web;

import io.oversight.kernel.PageMessages;
import io.oversight.ledger.Callers;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.Workflow;
import io.oversight.governance.application.AutonomyAdviceService;
import io.oversight.governance.application.DefaultWorkflowService;
import io.oversight.governance.domain.stats.AutonomyAdvice;
import io.oversight.ledger.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Earned-autonomy advice: the trade-off curve of auto-accept thresholds (95% upper bound of
 * the auto-accepted error against the share people review) and the recommendation for the target; a
 * governance lead may turn it into a DRAFT routing-policy version, which they then review and activate.
 */
@Named
@ViewScoped
public class AdvicePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AutonomyAdviceService adviceService;

    @Inject
    DefaultWorkflowService workflows;

    @Inject
    Callers callers;

    private List<Workflow> workflowList;
    private String workflowKey;
    private Double target;
    private transient AutonomyAdviceService.Advice advice;
    /** Set when the target a person entered was refused: the page then shows no curve rather than another one. */
    private boolean refused;

    @PostConstruct
    void init() {
        workflowList = workflows.list();
        workflowKey = Optional.ofNullable(PageMessages.parameter("workflow")).filter(k -> !k.isBlank())
                .orElse(workflowList.isEmpty() ? null : workflowList.get(0).key());
    }

    public AutonomyAdviceService.Advice getAdvice() {
        if (advice == null && workflowKey != null && !refused) {
            advice = PageMessages.attemptGet(() -> adviceService.advise(workflowKey, Optional.ofNullable(target),
                    AutonomyAdviceService.DEFAULT_DAYS), null);
            refused = advice == null;
        }
        return advice;
    }

    public List<Workflow> getWorkflows() {
        return workflowList;
    }

    public String getRecommendation() {
        AutonomyAdviceService.Advice a = getAdvice();
        if (a == null) {
            return "";
        }
        return a.result().recommended().map(p -> p.autoAcceptShare() == 0
                ? String.format(Locale.ENGLISH, "Review every prediction: no threshold that auto-accepts anything has a "
                        + "95%% upper bound of its error within %.2f%% yet, on the human-final outcomes of the last %d days.",
                        100 * a.result().targetErrorBound(), AutonomyAdviceService.DEFAULT_DAYS)
                : String.format(Locale.ENGLISH,
                "Auto-accept at confidence ≥ %.2f: the error of auto-accepted items is at most %.2f%% (95%% upper bound, "
                        + "from %,d human-final outcomes at or above it) and people review %.1f%% of predictions "
                        + "(about %,.0f a day at the last %d days' volume).", p.threshold(),
                100 * p.errorUpperBound().orElseThrow(), p.outcomes(), 100 * p.reviewShare(),
                p.reviewShare() * a.predictionsPerDay(), AutonomyAdviceService.DEFAULT_DAYS))
                .orElse("No threshold meets the target yet: every candidate's upper bound is above it, or rests on fewer "
                        + "outcomes than the minimum n.");
    }

    public String getCurveChart() {
        AutonomyAdviceService.Advice a = getAdvice();
        JsonArrayBuilder upper = Json.createArrayBuilder();
        JsonArrayBuilder estimate = Json.createArrayBuilder();
        JsonArrayBuilder load = Json.createArrayBuilder();
        if (a != null) {
            for (AutonomyAdvice.Point p : a.result().curve()) {
                upper.add(pair(p.threshold(), p.errorUpperBound()));
                estimate.add(pair(p.threshold(), p.errorEstimate()));
                load.add(Json.createArrayBuilder().add(p.threshold()).add(Math.round(1000 * p.reviewShare()) / 10.0));
            }
        }
        double targetPercent = a == null ? 0 : 100 * a.result().targetErrorBound();
        return Json.createObjectBuilder()
                .add("tooltip", Json.createObjectBuilder().add("trigger", "axis"))
                .add("legend", Json.createObjectBuilder().add("top", 0))
                .add("grid", Json.createObjectBuilder().add("left", 56).add("right", 56).add("top", 48).add("bottom", 40)
                        .add("containLabel", true))
                .add("xAxis", Json.createObjectBuilder().add("type", "value").add("min", 0.5).add("max", 1)
                        .add("name", "auto-accept threshold").add("nameLocation", "middle").add("nameGap", 28))
                .add("yAxis", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "value").add("name", "error of auto-accepted, %"))
                        .add(Json.createObjectBuilder().add("type", "value").add("name", "reviewed, %").add("max", 100)))
                .add("series", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Error, 95% upper bound").add("type", "line").add("data", upper)
                                .add("markLine", Json.createObjectBuilder().add("symbol", "none").add("data",
                                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("yAxis", targetPercent)
                                                .add("name", "target")))))
                        .add(Json.createObjectBuilder().add("name", "Error, estimate").add("type", "line")
                                .add("lineStyle", Json.createObjectBuilder().add("type", "dashed")).add("data", estimate))
                        .add(Json.createObjectBuilder().add("name", "Reviewer load").add("type", "line").add("yAxisIndex", 1)
                                .add("data", load)))
                .build().toString();
    }

    private static JsonArrayBuilder pair(double x, Optional<Double> y) {
        JsonArrayBuilder p = Json.createArrayBuilder().add(x);
        if (y.isPresent()) {
            p.add(Math.round(y.get() * 100_000) / 1000.0);
        } else {
            p.addNull();
        }
        return p;
    }

    public boolean isEditor() {
        return callers.isCallerInRole(Roles.GOVERNANCE);
    }

    public boolean isCanApply() {
        return isEditor() && getAdvice() != null && getAdvice().result().recommended().isPresent();
    }

    /** Writes the recommendation as a DRAFT policy version and opens it for review. */
    public String applyAsDraft() {
        double threshold = getAdvice().result().recommended().orElseThrow().threshold();
        RoutingPolicy draft = PageMessages.attemptGet(() -> adviceService.applyAsDraft(workflowKey, threshold,
                callers.actorIn(Roles.GOVERNANCE)), "Draft policy written; review it and activate it if you agree.");
        return draft == null ? null : "/governance/policy.xhtml?faces-redirect=true&id=" + draft.id();
    }

    /** Computes the advice for the target entered now (an action, so a refusal is shown beside the field). */
    public void recompute() {
        advice = null;
        refused = false;
        getAdvice();
    }

    public String getWorkflowKey() {
        return workflowKey;
    }

    public void setWorkflowKey(String workflowKey) {
        this.workflowKey = workflowKey;
    }

    /** The target entered, or the workflow's own target the advice used when none was. */
    public Double getTarget() {
        if (target == null && getAdvice() != null) {
            return advice.result().targetErrorBound();
        }
        return target;
    }

    public void setTarget(Double target) {
        this.target = target;
    }
}
