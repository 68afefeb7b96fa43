package io.oversight.governance.rest;

import io.oversight.governance.AlertRule;
import io.oversight.governance.MonitorAlert;
import io.oversight.governance.MonitorSettings;
import io.oversight.governance.MonitorValue;
import io.oversight.governance.application.AutonomyAdviceService;
import io.oversight.governance.domain.stats.AutonomyAdvice;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * JSON of the monitoring API. Absent numbers are {@code null} (never NaN); every value carries its n.
 */
final class MonitoringViews {

    private MonitoringViews() {
    }

    public record ValueJson(String monitor, String subject, String grain, Instant windowStart, Instant windowEnd,
            String status, Double value, long n, Double lower, Double upper, Double pValue, Map<String, Long> details) {
        static ValueJson of(MonitorValue v) {
            return new ValueJson(v.monitor().name(), v.subject().orElse(null), v.grain().name(), v.windowStart(),
                    v.windowEnd(), v.status().name(), v.value().orElse(null), v.n(), v.lower().orElse(null),
                    v.upper().orElse(null), v.pValue().orElse(null), v.details());
        }
    }

    public record SeriesJson(String workflow, String subject, String grain, Instant from, Instant to, List<ValueJson> values) {
    }

    public record AlertJson(String id, String source, String workflow, String ruleId, String monitor, String severity,
            String summary, Instant openedAt, Double openedValue, Long openedN, Instant closedAt, boolean open,
            String acknowledgedBy, Instant acknowledgedAt, String acknowledgeNote) {
        static AlertJson of(MonitorAlert a) {
            return new AlertJson(a.id(), a.source(), a.workflowKey(), a.ruleId().orElse(null), a.monitor(), a.severity(),
                    a.summary(), a.openedAt(), a.openedValue().orElse(null), a.openedN().orElse(null),
                    a.closedAt().orElse(null), a.open(), a.acknowledgedBy().orElse(null), a.acknowledgedAt().orElse(null),
                    a.acknowledgeNote().orElse(null));
        }
    }

    public record AcknowledgeRequest(String note) {
    }

    public record RuleJson(String id, String workflow, String monitor, String field, String grain, String direction,
            double threshold, int minN, String severity, int openAfter, int closeAfter, Instant createdAt, boolean episodeOpen,
            Instant evaluatedTo, String openAlertId) {
        static RuleJson of(AlertRule r) {
            return new RuleJson(r.id(), r.workflowKey(), r.monitor().name(), r.field().orElse(null), r.grain().name(),
                    r.direction().name(), r.threshold(), r.minN(), r.severity().name(), r.openAfter(), r.closeAfter(),
                    r.createdAt(), r.episodeOpen(), r.evaluatedTo().orElse(null), r.openAlertId().orElse(null));
        }
    }

    /**
     * A new rule; omitted minN, openAfter, closeAfter and severity take 30, 2, 2 and WARNING. {@code field}
     * names the declared drift field of an input-drift monitor (and only of one).
     */
    public record RuleRequest(String workflow, String monitor, String field, String grain, String direction,
            Double threshold, Integer minN, String severity, Integer openAfter, Integer closeAfter) {
    }

    public record SettingsJson(String workflow, Integer minN, Integer referenceSize, Instant referenceFrom,
            Instant referenceTo, Integer gateMinN, Double gateMinAgreement, Double gateMargin, Double adviceTarget,
            List<DriftFieldJson> driftFields) {
        static SettingsJson of(MonitorSettings s) {
            return new SettingsJson(s.workflowKey(), s.minN(), s.referenceSize(), s.referenceFrom().orElse(null),
                    s.referenceTo().orElse(null), s.acceptance().map(MonitorSettings.AcceptanceCriteria::minN).orElse(null),
                    s.acceptance().map(MonitorSettings.AcceptanceCriteria::minAgreement).orElse(null),
                    s.acceptance().flatMap(MonitorSettings.AcceptanceCriteria::margin).orElse(null), s.adviceTarget(),
                    s.driftFields().stream().map(f -> new DriftFieldJson(f.path(), f.kind().name())).toList());
        }
    }

    /** A payload field watched for input drift: its dotted path and NUMERIC or CATEGORICAL. */
    public record DriftFieldJson(String path, String kind) {
    }

    public record PointJson(double threshold, double autoAcceptShare, double reviewShare, long outcomes,
            Double errorEstimate, Double errorUpperBound, boolean meetsTarget) {
        static PointJson of(AutonomyAdvice.Point p, double target) {
            return new PointJson(p.threshold(), p.autoAcceptShare(), p.reviewShare(), p.outcomes(),
                    p.errorEstimate().orElse(null), p.errorUpperBound().orElse(null),
                    p.errorUpperBound().map(u -> u <= target).orElse(false));
        }
    }

    public record AdviceJson(String workflow, Instant from, Instant to, long predictions, double predictionsPerDay,
            Double currentThreshold, double targetErrorBound, long minimumOutcomes, Double recommendedThreshold,
            Double recommendedReviewShare, Double recommendedReviewsPerDay, List<PointJson> curve) {
        static AdviceJson of(AutonomyAdviceService.Advice a) {
            AutonomyAdvice.Result r = a.result();
            return new AdviceJson(a.workflowKey(), a.from(), a.to(), a.predictions(), a.predictionsPerDay(),
                    a.currentThreshold().orElse(null), r.targetErrorBound(), r.minimumOutcomes(),
                    r.recommended().map(AutonomyAdvice.Point::threshold).orElse(null),
                    r.recommended().map(AutonomyAdvice.Point::reviewShare).orElse(null),
                    r.recommended().map(p -> p.reviewShare() * a.predictionsPerDay()).orElse(null),
                    r.curve().stream().map(p -> PointJson.of(p, r.targetErrorBound())).toList());
        }
    }

    public record DraftRequest(Double threshold) {
    }
}
