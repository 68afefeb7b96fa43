package io.oversight.governance.web;

import io.oversight.kernel.PageMessages;
import io.oversight.ledger.Callers;
import io.oversight.kernel.CanonicalJson;
import io.oversight.governance.LowConfidenceOutcome;
import io.oversight.governance.PolicyStatus;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.RoutingRule;
import io.oversight.governance.application.DefaultRoutingPolicyService;
import io.oversight.governance.domain.PolicyContent;
import io.oversight.governance.domain.PolicyContent.BandSpec;
import io.oversight.governance.domain.PolicyContent.SlaSpec;
import io.oversight.governance.domain.PolicyContent.ThresholdSpec;
import io.oversight.ledger.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a routing-policy version. List fields are edited one entry per line: review bands as
 * {@code 0.7 tier 1}, label thresholds as {@code label-code 0.99 0.5} (accept, low), rules as written,
 * SLA targets as {@code tier 1 240 500} (minutes to review, maximum queue depth). The service
 * validates everything on save and the page shows each problem.
 */
@Named
@ViewScoped
public class PolicyEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DefaultRoutingPolicyService policies;

    @Inject
    Callers callers;

    private String id;
    private String workflowKey;
    private String autoAccept = "0.95";
    private String low = "0.2";
    private LowConfidenceOutcome lowOutcome = LowConfidenceOutcome.ESCALATE;
    private String bands = "0.2 tier 2\n0.7 tier 1";
    private String thresholds = "";
    private String rules = "";
    private String hotl = "0.05";
    private String slas = "tier 1 240 500";
    private boolean loaded;

    @PostConstruct
    void init() {
        id = PageMessages.parameter("id");
        if (id == null) {
            workflowKey = PageMessages.parameter("workflow");
        }
        load();
    }

    public void load() {
        if (loaded || id == null) {
            return;
        }
        loaded = true;
        policies.find(id).ifPresent(p -> {
            workflowKey = p.workflowKey();
            autoAccept = CanonicalJson.number(p.bands().autoAcceptAtOrAbove());
            low = CanonicalJson.number(p.bands().lowAtOrBelow());
            lowOutcome = p.bands().lowOutcome();
            bands = p.bands().reviewBands().stream().map(b -> CanonicalJson.number(b.atOrAbove()) + " tier " + b.tier())
                    .collect(Collectors.joining("\n"));
            thresholds = p.labelThresholds().stream().map(t -> t.labelCode() + " " + CanonicalJson.number(t.autoAcceptAtOrAbove())
                    + " " + CanonicalJson.number(t.lowAtOrBelow())).collect(Collectors.joining("\n"));
            rules = p.rules().stream().map(RoutingRule::expression).collect(Collectors.joining("\n"));
            hotl = CanonicalJson.number(p.hotlSamplingRate());
            slas = p.slaTargets().stream().map(s -> "tier " + s.tier() + " " + s.minutesToReview() + " " + s.maxQueueDepth())
                    .collect(Collectors.joining("\n"));
        });
    }

    public RoutingPolicy getPolicy() {
        return id == null ? null : policies.find(id).orElse(null);
    }

    public boolean isEditable() {
        RoutingPolicy p = getPolicy();
        return callers.isCallerInRole(Roles.GOVERNANCE) && (p == null || p.status() == PolicyStatus.DRAFT);
    }

    public String save() {
        PolicyContent content;
        try {
            content = new PolicyContent(number(autoAccept, "auto-accept"), number(low, "low bound"), lowOutcome,
                    lines(bands).stream().map(l -> {
                        String[] p = l.split("\\s+");
                        if (p.length != 3 || !p[1].equals("tier")) {
                            throw new IllegalArgumentException("Review band '" + l + "': write e.g. 0.7 tier 1.");
                        }
                        return new BandSpec(number(p[0], "band"), integer(p[2], "tier"));
                    }).toList(),
                    lines(thresholds).stream().map(l -> {
                        String[] p = l.split("\\s+");
                        if (p.length != 3) {
                            throw new IllegalArgumentException("Label threshold '" + l + "': write label-code accept low.");
                        }
                        return new ThresholdSpec(p[0], number(p[1], "threshold"), number(p[2], "threshold"));
                    }).toList(),
                    lines(rules),
                    number(hotl, "HOTL sampling rate"),
                    lines(slas).stream().map(l -> {
                        String[] p = l.split("\\s+");
                        if (p.length != 4 || !p[0].equals("tier")) {
                            throw new IllegalArgumentException("SLA target '" + l + "': write tier 1 240 500.");
                        }
                        return new SlaSpec(integer(p[1], "tier"), integer(p[2], "minutes"), integer(p[3], "queue depth"));
                    }).toList());
        } catch (IllegalArgumentException e) {
            PageMessages.error(e.getMessage());
            return null;
        }
        RoutingPolicy saved = PageMessages.attemptGet(() -> id == null
                ? policies.createDraft(workflowKey, content, callers.actorIn(Roles.GOVERNANCE))
                : policies.revise(id, content, callers.actorIn(Roles.GOVERNANCE)), null);
        return saved == null ? null : "/governance/policy.xhtml?faces-redirect=true&id=" + saved.id();
    }

    public String activate() {
        RoutingPolicy p = PageMessages.attemptGet(() -> policies.activate(id, callers.actorIn(Roles.GOVERNANCE)), null);
        return p == null ? null : "/governance/policy.xhtml?faces-redirect=true&id=" + p.id();
    }

    private static List<String> lines(String text) {
        List<String> result = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    result.add(line.strip());
                }
            }
        }
        return result;
    }

    private static Double number(String text, String what) {
        try {
            return Double.valueOf(text.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The " + what + " '" + text + "' is not a number.");
        }
    }

    private static Integer integer(String text, String what) {
        try {
            return Integer.valueOf(text.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The " + what + " '" + text + "' is not a whole number.");
        }
    }

    public LowConfidenceOutcome[] getLowOutcomes() {
        return LowConfidenceOutcome.values();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getWorkflowKey() { return workflowKey; }
    public void setWorkflowKey(String workflowKey) { this.workflowKey = workflowKey; }
    public String getAutoAccept() { return autoAccept; }
    public void setAutoAccept(String autoAccept) { this.autoAccept = autoAccept; }
    public String getLow() { return low; }
    public void setLow(String low) { this.low = low; }
    public LowConfidenceOutcome getLowOutcome() { return lowOutcome; }
    public void setLowOutcome(LowConfidenceOutcome lowOutcome) { this.lowOutcome = lowOutcome; }
    public String getBands() { return bands; }
    public void setBands(String bands) { this.bands = bands; }
    public String getThresholds() { return thresholds; }
    public void setThresholds(String thresholds) { this.thresholds = thresholds; }
    public String getRules() { return rules; }
    public void setRules(String rules) { this.rules = rules; }
    public String getHotl() { return hotl; }
    public void setHotl(String hotl) { this.hotl = hotl; }
    public String getSlas() { return slas; }
    public void setSlas(String slas) { this.slas = slas; }

}
