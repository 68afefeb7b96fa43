package io.oversight.governance.application;

import io.oversight.governance.MonitorGrain;
import io.oversight.governance.MonitorSettings;
import io.oversight.governance.PairedOutcomes;
import io.oversight.governance.domain.PromotionRefusedException;
import io.oversight.governance.domain.monitoring.WindowAggregate;
import io.oversight.governance.domain.stats.NewcombeDifference;
import io.oversight.governance.domain.stats.NewcombePairedDifference;
import io.oversight.governance.domain.stats.Wilson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The promotion gate: a snapshot replaces the active one only when the human-final outcomes
 * of its own predictions (reviewed items and HOTL audits, from its monitor windows) reach the
 * workflow's acceptance criteria: at least {@code minN} outcomes, an agreement of at least
 * {@code minAgreement}, and, with a margin, non-inferiority against the active snapshot on the same
 * items (those both predicted, paired by correlation id, that people settled: {@link PairedOutcomes}),
 * judged by the lower 95% bound of the paired difference (Newcombe's method for paired data,
 * {@link NewcombePairedDifference}) being at least −margin. Without criteria the gate is open and
 * says so.
 */
@ApplicationScoped
public class PromotionGate {

    @Inject
    DefaultMonitors monitors;

    @Inject
    PairedOutcomes pairedOutcomes;

    /** The measured numbers, for the ledger entry of the promotion. */
    public record Verdict(boolean gated, Map<String, String> evidence) {
    }

    /**
     * @param since the candidate's registration: its windows from that day on count
     * @throws PromotionRefusedException naming the first criterion that failed
     */
    public Verdict check(String workflowKey, String candidateId, Optional<String> activeId, Instant since, Instant now) {
        MonitorSettings settings = monitors.settings(workflowKey);
        if (settings.acceptance().isEmpty()) {
            return new Verdict(false, Map.of("gate", "no acceptance criteria configured"));
        }
        MonitorSettings.AcceptanceCriteria criteria = settings.acceptance().get();
        Instant from = MonitorGrain.DAY.windowStart(since);
        Instant to = MonitorGrain.DAY.windowStart(now).plus(MonitorGrain.DAY.length());
        Outcomes candidate = outcomes(monitors.total(workflowKey, candidateId, MonitorGrain.DAY, from, to));
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("gate", "acceptance criteria");
        evidence.put("outcomes", Long.toString(candidate.n));
        if (candidate.n < criteria.minN()) {
            throw new PromotionRefusedException("minN", Optional.of((double) candidate.n), criteria.minN(), candidate.n,
                    "Promotion refused: criterion minN — the snapshot's own predictions have " + candidate.n
                            + " human-final outcomes; the workflow requires at least " + criteria.minN() + ".");
        }
        double agreement = candidate.agreed / (double) candidate.n;
        Wilson.Interval interval = Wilson.interval95(candidate.agreed, candidate.n).orElseThrow();
        evidence.put("agreement", format(agreement));
        evidence.put("agreementInterval", format(interval.lower()) + "–" + format(interval.upper()));
        if (agreement < criteria.minAgreement()) {
            throw new PromotionRefusedException("minAgreement", Optional.of(agreement), criteria.minAgreement(), candidate.n,
                    "Promotion refused: criterion minAgreement — agreement with human-final labels is " + percent(agreement)
                            + " (95% interval " + percent(interval.lower()) + "–" + percent(interval.upper()) + ", n = "
                            + candidate.n + "); the workflow requires at least " + percent(criteria.minAgreement()) + ".");
        }
        if (criteria.margin().isPresent()) {
            nonInferiority(workflowKey, candidateId, activeId, since, criteria.margin().get(), evidence);
        }
        return new Verdict(true, evidence);
    }

    /**
     * Non-inferiority on the same items: the 95% lower bound of (candidate − active) agreement over
     * the items both predicted and people settled must be at least −margin.
     */
    private void nonInferiority(String workflowKey, String candidateId, Optional<String> activeId, Instant since,
            double margin, Map<String, String> evidence) {
        if (activeId.isEmpty()) {
            evidence.put("nonInferiority", "no active snapshot to compare with");
            return;
        }
        PairedOutcomes.Table pairs = pairedOutcomes.between(workflowKey, candidateId, activeId.get(), since);
        evidence.put("pairedItems", Long.toString(pairs.n()));
        Optional<NewcombeDifference.Interval> d = NewcombePairedDifference.of(pairs);
        if (d.isEmpty()) {
            throw new PromotionRefusedException("nonInferiority", Optional.empty(), -margin, 0,
                    "Promotion refused: criterion nonInferiority — no item was predicted by both the candidate and the "
                            + "active snapshot (same correlationId) and settled by people, so the two cannot be compared "
                            + "on the same items.");
        }
        double candidate = (pairs.bothRight() + pairs.candidateOnly()) / (double) pairs.n();
        double active = (pairs.bothRight() + pairs.activeOnly()) / (double) pairs.n();
        evidence.put("pairedCandidateAgreement", format(candidate));
        evidence.put("pairedActiveAgreement", format(active));
        evidence.put("pairedDifference", format(d.get().difference()));
        evidence.put("differenceLowerBound", format(d.get().lower()));
        if (d.get().lower() < -margin) {
            throw new PromotionRefusedException("nonInferiority", Optional.of(d.get().lower()), -margin, pairs.n(),
                    "Promotion refused: criterion nonInferiority — on the " + pairs.n() + " items both snapshots "
                            + "predicted and people settled, the candidate agrees on " + percent(candidate) + " and the "
                            + "active snapshot on " + percent(active) + " (only the candidate right: " + pairs.candidateOnly()
                            + ", only the active right: " + pairs.activeOnly() + "); the difference is "
                            + percent(d.get().difference()) + " with a 95% lower bound of " + percent(d.get().lower())
                            + ", below the margin of −" + percent(margin) + ".");
        }
    }

    private record Outcomes(long n, long agreed) {
    }

    // reviewed decisions and HOTL audits are both human-final outcomes of the snapshot's predictions
    private static Outcomes outcomes(WindowAggregate a) {
        long n = a.decisions() + a.audits();
        return new Outcomes(n, a.agreed() + a.audits() - a.auditErrors());
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
