package io.oversight.app.web;

import io.oversight.ledger.Roles;
import java.util.List;

/**
 * What one role does in Oversight and where its landing page is. The texts are the jobs of the
 * product's user roles, shown so a person knows what their role is for.
 */
public record Workspace(String role, String title, String path, String summary) {

    static final List<Workspace> ALL = List.of(
            new Workspace(Roles.ANNOTATOR, "Annotation", "/annotator/index.xhtml",
                    "Claim the next item of your queue and label it under the guideline version in force."),
            new Workspace(Roles.REVIEWER, "Review", "/reviewer/index.xhtml",
                    "Approve, reject or correct model predictions with a rationale; compare two outputs."),
            new Workspace(Roles.EXPERT, "Expert review", "/expert/index.xhtml",
                    "Handle the escalated, high-consequence items of tier 3."),
            new Workspace(Roles.ADJUDICATOR, "Adjudication", "/adjudicator/index.xhtml",
                    "Resolve disagreements between reviewers and record the final label."),
            new Workspace(Roles.GOVERNANCE, "Governance", "/governance/index.xhtml",
                    "Taxonomies, guideline versions, model snapshots, routing thresholds, SLAs and monitors."),
            new Workspace(Roles.AUDITOR, "Audit", "/auditor/index.xhtml",
                    "Query the ledger, verify it, and export compliance reports."),
            new Workspace(Roles.ADMIN, "Administration", "/admin/index.xhtml",
                    "Accounts and the roles they hold, and every review queue."));

    static Workspace of(String role) {
        return ALL.stream().filter(w -> w.role().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + role));
    }
}
