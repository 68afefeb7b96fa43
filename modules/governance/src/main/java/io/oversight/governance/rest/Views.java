package io.oversight.governance.rest;

import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.LabelThreshold;
import io.oversight.governance.ModelSnapshot;
import io.oversight.governance.ReviewBand;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.RoutingRule;
import io.oversight.governance.SlaTarget;
import io.oversight.governance.TaxonomyLabel;
import io.oversight.governance.Workflow;
import io.oversight.governance.domain.ExampleSpec;
import java.time.Instant;
import java.util.List;

/** The JSON documents of the governance API: flat records, digests as hexadecimal strings. */
public final class Views {

    private Views() {
    }

    public record LabelJson(String code, String parentCode, String displayName, String description, String path, boolean leaf,
            Double value) {
    }

    public record WorkflowJson(String key, String name, String description, String consequence, String volume, String accuracy,
                        String riskLevel, String integrationMode, int reviewersPerItem, int retentionDays,
                        boolean legalHold, List<String> piiFieldPaths, String taskKind, String labelSelection,
                        int taxonomyVersion, List<LabelJson> labels, Instant createdAt, Instant changedAt) {

        static WorkflowJson of(Workflow w) {
            return new WorkflowJson(w.key(), w.name(), w.description(), w.risk().consequence().name(),
                    w.risk().volume().name(), w.risk().accuracy().name(), w.risk().overall().name(),
                    w.integrationMode().name(), w.reviewersPerItem(), w.retentionDays(), w.legalHold(),
                    w.piiFieldPaths(), w.taskKind().name(), w.labelSelection().name(), w.taxonomy().version(),
                    w.taxonomy().labels().stream().map(l -> label(w, l)).toList(), w.createdAt(), w.changedAt());
        }

        private static LabelJson label(Workflow w, TaxonomyLabel l) {
            return new LabelJson(l.code(), l.parentCode().orElse(null), l.displayName(), l.description(),
                    w.taxonomy().path(l.code()), w.taxonomy().isLeaf(l.code()), l.value().orElse(null));
        }
    }

    public record GuidelineJson(String id, String workflowKey, int number, int taxonomyVersion, String status, String format,
                         String instructions, List<ExampleSpec> examples, String contentDigest, Instant createdAt,
                         Instant statusChangedAt) {

        static GuidelineJson of(GuidelineVersion g) {
            return new GuidelineJson(g.id(), g.workflowKey(), g.number(), g.taxonomyVersion(), g.status().name(),
                    g.format().name(), g.instructions(),
                    g.examples().stream().map(e -> new ExampleSpec(e.labelCode(), e.kind(), e.input(), e.explanation()))
                            .toList(),
                    g.contentDigest().hex(), g.createdAt(), g.statusChangedAt());
        }
    }

    public record RenderedJson(String id, String html) {
    }

    public record DiffJson(String from, String to, List<String> lines) {
    }

    public record ModelJson(String id, String workflowKey, String name, String version, String artifactDigest,
                     String trainingSetExportId, List<String> labelSpace, String status, Instant registeredAt,
                     Instant statusChangedAt) {

        static ModelJson of(ModelSnapshot m) {
            return new ModelJson(m.id(), m.workflowKey(), m.name(), m.version(), m.artifactDigest().hex(),
                    m.trainingSetExportId().orElse(null), m.labelSpace(), m.status().name(), m.registeredAt(),
                    m.statusChangedAt());
        }
    }

    public record PolicyJson(String id, String workflowKey, int number, String status, double autoAcceptAtOrAbove,
                      double lowAtOrBelow, String lowOutcome, List<ReviewBand> reviewBands,
                      List<LabelThreshold> labelThresholds, List<String> rules, double hotlSamplingRate,
                      List<SlaTarget> slaTargets, String contentDigest, Instant createdAt, Instant statusChangedAt) {

        static PolicyJson of(RoutingPolicy p) {
            return new PolicyJson(p.id(), p.workflowKey(), p.number(), p.status().name(),
                    p.bands().autoAcceptAtOrAbove(), p.bands().lowAtOrBelow(), p.bands().lowOutcome().name(),
                    p.bands().reviewBands(), p.labelThresholds(), p.rules().stream().map(RoutingRule::expression).toList(),
                    p.hotlSamplingRate(), p.slaTargets(), p.contentDigest().hex(), p.createdAt(), p.statusChangedAt());
        }
    }

    /** Body of a taxonomy replacement. */
    public record TaxonomyRequest(List<io.oversight.governance.domain.LabelSpec> labels) {
    }

    /** Body of a guideline life-cycle step. */
    public record TransitionRequest(io.oversight.governance.GuidelineStatus target) {
    }

    /** Body of a model promotion. */
    /** {@code override}: an admin promotes to ACTIVE past a refusing gate; {@code reason} is the justification. */
    public record PromotionRequest(io.oversight.governance.ModelStatus target, String reason, Boolean override) {
    }

    /** Body of a rollback or retirement. */
    public record ReasonRequest(String reason) {
    }
}
