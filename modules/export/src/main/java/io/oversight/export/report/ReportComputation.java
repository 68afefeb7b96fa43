package io.oversight.export.report;

import io.oversight.governance.GuidelineVersion;
import io.oversight.governance.ModelSnapshot;
import io.oversight.governance.ReviewBand;
import io.oversight.governance.RoutingPolicy;
import io.oversight.governance.SlaTarget;
import io.oversight.governance.Workflow;
import io.oversight.ledger.SignedCheckpoint;
import io.oversight.ledger.format.LedgerEntry;
import io.oversight.review.AgreementReport;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes a {@link ComplianceReport} in one pass over the period's ledger entries. Every
 * figure of the volumes, oversight, reviewer, SLA, monitor and personal-data sections comes from the
 * entries' own fields, so an auditor can recompute it from a ledger bundle of the anchored range;
 * configuration and agreement come from the governance and review APIs, added by the caller.
 *
 * <p>Memory is bounded by the period, not by its volume: counters, one map entry per reviewer, per
 * action type and per time bucket (hourly up to {@link #HOURLY_UP_TO}, else daily, so at most a few
 * hundred), and event lists capped at {@link ComplianceReport#MAX_EVENTS}. Not thread-safe: one
 * computation per job.
 */
public final class ReportComputation {

    /** Periods up to this long are charted per hour, longer ones per day. */
    public static final Duration HOURLY_UP_TO = Duration.ofHours(48);

    static final String MONITOR_NOTE = "Governance monitors (drift, agreement) are not part of this version; "
            + "the SLA monitor is the platform's monitor and its alerts are listed.";

    private final ComplianceReport report = new ComplianceReport();
    private final Instant from;
    private final Instant to;
    private final ChronoUnit bucket;
    private final Map<String, Long> byOutcome = new TreeMap<>();
    private final Map<String, Long> byTier = new TreeMap<>();
    private final Map<String, Long> byMode = new TreeMap<>();
    private final Map<String, Long> verdicts = new TreeMap<>();
    private final Map<String, Long> actions = new TreeMap<>();
    private final Map<String, long[]> reviewers = new TreeMap<>();
    private final Map<String, Long> monitors = new TreeMap<>();
    private final TreeMap<Instant, Map<String, Long>> series = new TreeMap<>();
    private final LeadTimes leadTimes = new LeadTimes();

    /**
     * @param id          the report's id (the job's)
     * @param workflow    a workflow key, or empty for all workflows
     * @param from        period start, inclusive (ledger time)
     * @param to          period end, exclusive
     * @param requestedBy pseudonym of who asked
     * @param role        the role they asked in
     * @param generatedAt when the computation started
     */
    public ReportComputation(String id, Optional<String> workflow, Instant from, Instant to, String requestedBy,
            String role, Instant generatedAt) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must start before it ends");
        }
        bucket = Duration.between(from, to).compareTo(HOURLY_UP_TO) <= 0 ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        report.id = id;
        report.generatedAt = generatedAt.toString();
        report.scope.workflow = workflow.orElse("*");
        report.scope.from = from.toString();
        report.scope.to = to.toString();
        report.scope.requestedBy = requestedBy;
        report.scope.requestedRole = role;
        report.monitors.note = MONITOR_NOTE;
        report.articleMapping = ArticleMap.table();
    }

    /** Adds a workflow's configuration: settings and every version of its policies, guidelines and models. */
    public void configuration(Workflow workflow, Iterable<RoutingPolicy> policies, Iterable<GuidelineVersion> guidelines,
            Iterable<ModelSnapshot> models) {
        ComplianceReport.WorkflowConfig w = new ComplianceReport.WorkflowConfig();
        w.key = workflow.key();
        w.name = workflow.name();
        w.riskConsequence = workflow.risk().consequence().name();
        w.riskVolume = workflow.risk().volume().name();
        w.riskAccuracy = workflow.risk().accuracy().name();
        w.riskOverall = workflow.risk().overall().name();
        w.integrationMode = workflow.integrationMode().name();
        w.reviewersPerItem = workflow.reviewersPerItem();
        w.retentionDays = workflow.retentionDays();
        w.legalHold = workflow.legalHold();
        w.taskKind = workflow.taskKind().name();
        for (RoutingPolicy p : policies) {
            ComplianceReport.PolicyVersion v = new ComplianceReport.PolicyVersion();
            version(v, p.id(), p.number(), p.status().name(), p.contentDigest().hex(), p.createdAt(), p.statusChangedAt());
            v.autoAcceptAtOrAbove = p.bands().autoAcceptAtOrAbove();
            v.lowAtOrBelow = p.bands().lowAtOrBelow();
            v.lowOutcome = p.bands().lowOutcome().name();
            v.hotlSamplingRate = p.hotlSamplingRate();
            for (ReviewBand b : p.bands().reviewBands()) {
                ComplianceReport.Band band = new ComplianceReport.Band();
                band.atOrAbove = b.atOrAbove();
                band.tier = b.tier();
                v.bands.add(band);
            }
            p.rules().forEach(r -> v.rules.add(r.expression()));
            for (SlaTarget s : p.slaTargets()) {
                ComplianceReport.SlaTargetRef t = new ComplianceReport.SlaTargetRef();
                t.tier = s.tier();
                t.minutesToReview = s.minutesToReview();
                t.maxQueueDepth = s.maxQueueDepth();
                v.slaTargets.add(t);
            }
            w.routingPolicies.add(v);
        }
        for (GuidelineVersion g : guidelines) {
            ComplianceReport.VersionRef v = new ComplianceReport.VersionRef();
            version(v, g.id(), g.number(), g.status().name(), g.contentDigest().hex(), g.createdAt(), g.statusChangedAt());
            w.guidelineVersions.add(v);
        }
        for (ModelSnapshot m : models) {
            ComplianceReport.ModelRef ref = new ComplianceReport.ModelRef();
            ref.id = m.id();
            ref.name = m.name();
            ref.version = m.version();
            ref.artifactDigest = m.artifactDigest().hex();
            ref.status = m.status().name();
            ref.registeredAt = m.registeredAt().toString();
            ref.statusChangedAt = m.statusChangedAt().toString();
            ref.trainingSetExportId = m.trainingSetExportId().orElse(null);
            w.modelSnapshots.add(ref);
        }
        report.configuration.workflows.add(w);
    }

    private static void version(ComplianceReport.VersionRef v, String id, int number, String status, String digest,
            Instant created, Instant changed) {
        v.id = id;
        v.number = number;
        v.status = status;
        v.contentDigest = digest;
        v.createdAt = created.toString();
        v.statusChangedAt = changed.toString();
    }

    /** Adds one workflow's agreement for one tier (0 for all tiers), with its daily trend when tier is 0. */
    public void agreement(String workflow, int tier, AgreementReport agreement) {
        for (AgreementReport.Metric m : agreement.metrics()) {
            ComplianceReport.Metric metric = new ComplianceReport.Metric();
            metric.workflow = workflow;
            metric.tier = tier;
            metric.name = m.name();
            metric.value = m.value().orElse(null);
            metric.undefinedReason = m.undefinedReason().orElse(null);
            metric.items = m.units();
            report.agreement.metrics.add(metric);
        }
        if (tier == 0) {
            for (AgreementReport.DailyAgreement d : agreement.daily()) {
                ComplianceReport.Day day = new ComplianceReport.Day();
                day.workflow = workflow;
                day.date = d.day().toString();
                day.reviews = d.reviews();
                day.alpha = d.alpha().orElse(null);
                day.percentAgreement = d.percentAgreement().orElse(null);
                report.agreement.days.add(day);
            }
        }
    }

    /** Counts one ledger entry of the period; entries must come in sequence order. */
    public void accept(LedgerEntry e) {
        ComplianceReport.Anchoring anchoring = report.anchoring;
        anchoring.entriesCounted++;
        actions.merge(e.actionType(), 1L, Long::sum);
        Map<String, String> a = e.attributes();
        switch (e.actionType()) {
            case "tasks.prediction.routed" -> routed(e, a);
            case "tasks.task.completed" -> {
                report.humanOversight.reviewsCompleted++;
                verdicts.merge(a.getOrDefault("verdict", "UNKNOWN"), 1L, Long::sum);
                long[] r = reviewer(e.actorPseudonym());
                r[0]++;
                if ("true".equals(a.get("gold"))) {
                    r[1]++;
                    if ("true".equals(a.get("goldCorrect"))) {
                        r[2]++;
                    }
                }
            }
            case "tasks.item.decided" -> {
                report.humanOversight.itemsDecided++;
                if ("false".equals(a.get("modelAgreed"))) {
                    report.humanOversight.itemsCorrected++;
                }
            }
            case "tasks.adjudication.decided" -> {
                report.humanOversight.adjudications.decided++;
                parseLong(a.get("leadTimeSeconds")).ifPresent(leadTimes::add);
            }
            case "tasks.feedback.received" -> report.humanOversight.feedbackItems++;
            case "tasks.audit.completed" -> {
                report.humanOversight.hotlAudit.checked++;
                if ("false".equals(a.get("modelAgreed"))) {
                    report.humanOversight.hotlAudit.modelErrors++;
                }
            }
            case "tasks.reviewer.paused" -> reviewer(a.getOrDefault("reviewer", "unknown"))[3]++;
            case "tasks.sla.breached", "tasks.sla.recovered" -> sla(e, a);
            case "ledger.subject.revealed", "ledger.subject.erased" -> {
                if (e.actionType().endsWith("revealed")) {
                    report.personalData.reveals++;
                } else {
                    report.personalData.erasures++;
                }
                // the subject id is a pseudonym: the section gives the references, never who
                add(report.personalData.events, e, null, null);
            }
            default -> {
                if (e.actionType().startsWith("governance.")) {
                    add(report.configuration.changes, e, e.subjectKind() + ":" + e.subjectId(), governanceDetail(a));
                }
            }
        }
    }

    private void routed(LedgerEntry e, Map<String, String> a) {
        ComplianceReport.Volumes v = report.volumes;
        v.predictions++;
        String outcome = a.getOrDefault("outcome", "UNKNOWN");
        byOutcome.merge(outcome, 1L, Long::sum);
        String mode = a.getOrDefault("mode", "UNKNOWN");
        byMode.merge(mode, 1L, Long::sum);
        if (a.containsKey("tier")) {
            byTier.merge(a.get("tier"), 1L, Long::sum);
        }
        switch (outcome) {
            case "AUTO_ACCEPT" -> v.autoAccepted++;
            case "HUMAN_REVIEW" -> v.reviewed++;
            case "ESCALATE" -> v.escalated++;
            default -> {
            }
        }
        if ("SHADOW".equals(mode)) {
            v.shadow++;
        }
        Instant start = Instant.EPOCH.plus(e.loggedAtMicros(), ChronoUnit.MICROS).truncatedTo(bucket);
        series.computeIfAbsent(start, s -> new TreeMap<>()).merge(outcome, 1L, Long::sum);
    }

    private void sla(LedgerEntry e, Map<String, String> a) {
        boolean breach = e.actionType().endsWith("breached");
        if (breach) {
            report.sla.breaches++;
            report.monitors.alerts++;
            monitors.merge("sla:" + a.getOrDefault("measure", "UNKNOWN"), 1L, Long::sum);
        } else {
            report.sla.recoveries++;
        }
        add(report.sla.alerts, e, e.subjectKind() + ":" + e.subjectId(), "tier " + a.getOrDefault("tier", "?") + ", "
                + a.getOrDefault("measure", "?") + " " + a.getOrDefault("observed", "?") + " against target "
                + a.getOrDefault("target", "?") + " " + a.getOrDefault("unit", ""));
    }

    private static String governanceDetail(Map<String, String> a) {
        StringBuilder detail = new StringBuilder();
        for (String key : new String[] {"number", "version", "status", "from", "to", "target", "reason"}) {
            String value = a.get(key);
            if (value != null && !value.isBlank()) {
                detail.append(detail.isEmpty() ? "" : ", ").append(key).append(' ').append(value);
            }
        }
        return detail.isEmpty() ? null : truncate(detail.toString(), 500);
    }

    private static void add(ComplianceReport.EventList list, LedgerEntry e, String subject, String detail) {
        list.total++;
        if (list.events.size() >= ComplianceReport.MAX_EVENTS) {
            list.truncated = true;
            return;
        }
        ComplianceReport.Event event = new ComplianceReport.Event();
        event.sequence = e.sequence();
        event.at = Instant.EPOCH.plus(e.loggedAtMicros(), ChronoUnit.MICROS).toString();
        event.action = e.actionType();
        event.workflow = e.workflow().isEmpty() ? null : e.workflow();
        event.subject = subject;
        event.detail = detail;
        list.events.add(event);
    }

    private long[] reviewer(String pseudonym) {
        // decisions, gold answered, gold correct, pauses
        return reviewers.computeIfAbsent(pseudonym, p -> new long[4]);
    }

    /**
     * Records the anchoring: the period's sequence range in the log (empty when the period has no
     * entry) and the signed checkpoint covering its last entry.
     */
    public void anchoring(Optional<Long> firstSequence, Optional<Long> lastSequence, Optional<SignedCheckpoint> checkpoint) {
        ComplianceReport.Anchoring anchoring = report.anchoring;
        anchoring.firstSequence = firstSequence.orElse(null);
        anchoring.lastSequence = lastSequence.orElse(null);
        anchoring.entriesInRange = firstSequence.isPresent() && lastSequence.isPresent()
                ? lastSequence.get() - firstSequence.get() + 1 : 0;
        checkpoint.ifPresent(c -> {
            ComplianceReport.CheckpointRef ref = new ComplianceReport.CheckpointRef();
            ref.treeSize = c.size();
            ref.rootHash = c.checkpoint().rootHash().hex();
            ref.keyLabel = c.keyLabel();
            ref.signedAt = c.checkpoint().time().toString();
            ref.note = c.note();
            anchoring.checkpoint = ref;
        });
    }

    /** The finished report; call once, after the last entry. */
    public ComplianceReport finish() {
        ComplianceReport.Volumes v = report.volumes;
        byOutcome.forEach((k, n) -> v.byOutcome.add(new ComplianceReport.Count(k, n)));
        byTier.forEach((k, n) -> v.byTier.add(new ComplianceReport.Count(k, n)));
        byMode.forEach((k, n) -> v.byMode.add(new ComplianceReport.Count(k, n)));
        v.series.bucket = bucket == ChronoUnit.HOURS ? "PT1H" : "P1D";
        series.forEach((start, counts) -> counts.forEach((outcome, n) -> {
            ComplianceReport.Point p = new ComplianceReport.Point();
            p.start = start.toString();
            p.outcome = outcome;
            p.count = n;
            v.series.points.add(p);
        }));
        ComplianceReport.HumanOversight h = report.humanOversight;
        verdicts.forEach((k, n) -> h.verdicts.add(new ComplianceReport.Count(k, n)));
        h.correctionRate = h.itemsDecided == 0 ? null : round((double) h.itemsCorrected / h.itemsDecided);
        leadTimes.into(h.adjudications);
        ComplianceReport.HotlAudit audit = h.hotlAudit;
        if (audit.checked > 0) {
            double[] wilson = wilson(audit.modelErrors, audit.checked);
            audit.errorRate = round((double) audit.modelErrors / audit.checked);
            audit.errorRateLower95 = round(wilson[0]);
            audit.errorRateUpper95 = round(wilson[1]);
        }
        reviewers.forEach((pseudonym, r) -> {
            ComplianceReport.Reviewer reviewer = new ComplianceReport.Reviewer();
            reviewer.pseudonym = pseudonym;
            reviewer.decisions = r[0];
            reviewer.goldAnswered = r[1];
            reviewer.goldCorrect = r[2];
            reviewer.goldAccuracy = r[1] == 0 ? null : round((double) r[2] / r[1]);
            reviewer.pauses = r[3];
            report.reviewerActivity.reviewers.add(reviewer);
        });
        monitors.forEach((k, n) -> report.monitors.monitors.add(new ComplianceReport.Count(k, n)));
        actions.forEach((k, n) -> report.anchoring.actionCounts.add(new ComplianceReport.Count(k, n)));
        return report;
    }

    /** Wilson score interval at 95 % for {@code k} successes in {@code n} trials. */
    static double[] wilson(long k, long n) {
        double z = 1.959964;
        double p = (double) k / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    static double round(double value) {
        return Math.round(value * 1_000_000d) / 1_000_000d;
    }

    private static Optional<Long> parseLong(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Adjudication lead times: exact median over a bounded histogram (one slot per second up to a day,
     * then per hour up to a year), so memory does not grow with the number of adjudications.
     */
    private static final class LeadTimes {
        private static final int SECONDS = 86_400;
        private final long[] perSecond = new long[SECONDS];
        private final long[] perHour = new long[366 * 24];
        private long count;
        private long sum;
        private long max;

        void add(long seconds) {
            long s = Math.max(0, seconds);
            count++;
            sum += s;
            max = Math.max(max, s);
            if (s < SECONDS) {
                perSecond[(int) s]++;
            } else {
                perHour[(int) Math.min(perHour.length - 1, s / 3600)]++;
            }
        }

        void into(ComplianceReport.Adjudications a) {
            if (count == 0) {
                return;
            }
            a.meanLeadTimeSeconds = round((double) sum / count);
            a.maxLeadTimeSeconds = max;
            long rank = (count + 1) / 2;
            long seen = 0;
            for (int i = 0; i < SECONDS; i++) {
                seen += perSecond[i];
                if (seen >= rank) {
                    a.medianLeadTimeSeconds = (long) i;
                    return;
                }
            }
            for (int i = 0; i < perHour.length; i++) {
                seen += perHour[i];
                if (seen >= rank) {
                    a.medianLeadTimeSeconds = (long) i * 3600;
                    return;
                }
            }
        }
    }
}
