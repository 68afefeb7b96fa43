package io.oversight.governance.web;

import io.oversight.kernel.PageMessages;
import io.oversight.ledger.Callers;
import io.oversight.governance.ContentFormat;
import io.oversight.governance.ExampleKind;
import io.oversight.governance.GuidelineExample;
import io.oversight.governance.GuidelineStatus;
import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.application.DefaultGuidelineService;
import io.oversight.governance.application.GuidelineDiff;
import io.oversight.governance.application.GuidelineRenderer;
import io.oversight.governance.domain.ExampleSpec;
import io.oversight.governance.domain.GuidelineContent;
import io.oversight.ledger.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a guideline version (a new draft for {@code ?workflow=}, or an existing one for {@code ?id=}),
 * previews it rendered and sanitized, moves it through its life cycle, and diffs it against another
 * version. Examples are edited one per line: {@code label-code | KIND | input | explanation}.
 */
@Named
@ViewScoped
public class GuidelineEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DefaultGuidelineService guidelines;

    @Inject
    Callers callers;

    private String id;
    private String workflowKey;
    private ContentFormat format = ContentFormat.MARKDOWN;
    private String instructions = "";
    private String examples = "";
    private String compareWith;
    private List<String> diff = List.of();
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
        if (loaded) {
            return;
        }
        loaded = true;
        if (id != null) {
            guidelines.find(id).ifPresent(g -> {
                workflowKey = g.workflowKey();
                format = g.format();
                instructions = g.instructions();
                StringBuilder text = new StringBuilder();
                for (GuidelineExample e : g.examples()) {
                    text.append(e.labelCode()).append(" | ").append(e.kind()).append(" | ")
                            .append(e.input().replaceAll("\\R", " ")).append(" | ")
                            .append(e.explanation().replaceAll("\\R", " ")).append('\n');
                }
                examples = text.toString();
            });
        }
    }

    public GuidelineVersion getVersion() {
        return id == null ? null : guidelines.find(id).orElse(null);
    }

    public boolean isEditable() {
        GuidelineVersion v = getVersion();
        return callers.isCallerInRole(Roles.GOVERNANCE) && (v == null || v.status() == GuidelineStatus.DRAFT);
    }

    public boolean isEditor() {
        return callers.isCallerInRole(Roles.GOVERNANCE);
    }

    /** The instructions as they will be shown to reviewers: rendered, then sanitized. */
    public String getPreview() {
        return instructions == null || instructions.isBlank() ? "" : GuidelineRenderer.render(format, instructions);
    }

    public List<GuidelineVersion> getOtherVersions() {
        if (workflowKey == null) {
            return List.of();
        }
        return guidelines.versionsOf(workflowKey).stream().filter(v -> !v.id().equals(id)).toList();
    }

    public String save() {
        List<ExampleSpec> parsed = parseExamples();
        if (parsed == null) {
            return null;
        }
        GuidelineContent content = new GuidelineContent(format, instructions, parsed);
        GuidelineVersion saved = PageMessages.attemptGet(() -> id == null
                ? guidelines.createDraft(workflowKey, content, callers.actorIn(Roles.GOVERNANCE))
                : guidelines.revise(id, content, callers.actorIn(Roles.GOVERNANCE)), null);
        return saved == null ? null : "/governance/guideline.xhtml?faces-redirect=true&id=" + saved.id();
    }

    public String startPilot() {
        return move(GuidelineStatus.PILOT);
    }

    public String activate() {
        return move(GuidelineStatus.ACTIVE);
    }

    public String retire() {
        return move(GuidelineStatus.RETIRED);
    }

    private String move(GuidelineStatus target) {
        GuidelineVersion moved = PageMessages.attemptGet(
                () -> guidelines.moveTo(id, target, callers.actorIn(Roles.GOVERNANCE)), null);
        return moved == null ? null : "/governance/guideline.xhtml?faces-redirect=true&id=" + moved.id();
    }

    public void compare() {
        GuidelineVersion to = getVersion();
        GuidelineVersion from = compareWith == null ? null : guidelines.find(compareWith).orElse(null);
        if (to == null || from == null) {
            PageMessages.error("Choose a version to compare with.");
            return;
        }
        diff = GuidelineDiff.unified(from, to);
        if (diff.isEmpty()) {
            diff = List.of("(no differences)");
        }
    }

    private List<ExampleSpec> parseExamples() {
        List<ExampleSpec> result = new ArrayList<>();
        String[] lines = examples == null ? new String[0] : examples.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] parts = lines[i].split("\\|", 4);
            ExampleKind kind = null;
            if (parts.length >= 3) {
                try {
                    kind = ExampleKind.valueOf(parts[1].strip());
                } catch (IllegalArgumentException e) {
                    kind = null;
                }
            }
            if (parts.length < 3 || kind == null) {
                PageMessages.error("Example line " + (i + 1) + ": write label-code | EXAMPLE, EDGE_CASE or COUNTER_EXAMPLE"
                        + " | input | explanation.");
                return null;
            }
            result.add(new ExampleSpec(parts[0].strip(), kind, parts[2].strip(), parts.length > 3 ? parts[3].strip() : ""));
        }
        return result;
    }

    public ContentFormat[] getFormats() {
        return ContentFormat.values();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getWorkflowKey() { return workflowKey; }
    public void setWorkflowKey(String workflowKey) { this.workflowKey = workflowKey; }
    public ContentFormat getFormat() { return format; }
    public void setFormat(ContentFormat format) { this.format = format; }
    public String getInstructions() { return instructions; }
    public void setInstructions(String instructions) { this.instructions = instructions; }
    public String getExamples() { return examples; }
    public void setExamples(String examples) { this.examples = examples; }
    public String getCompareWith() { return compareWith; }
    public void setCompareWith(String compareWith) { this.compareWith = compareWith; }
    public List<String> getDiff() { return diff; }
}
