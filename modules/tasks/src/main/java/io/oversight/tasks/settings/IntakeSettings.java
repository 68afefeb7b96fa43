package io.oversight.tasks.settings;

import io.oversight.tasks.intake.PredictionParser;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.Violations;
import io.oversight.tasks.OrderingMethod;
import io.oversight.tasks.TimeoutOutcome;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the tasks module handles a workflow's predictions, beside what governance decides (the
 * routing policy): the active-learning order of its queues, leases, inline waits, the webhook, the
 * audit-sampling seed, where feedback goes, and which payload fields name people who must not
 * review the item. A workflow without stored settings uses {@link #defaults(String, String)}.
 *
 * @param diversityLambda weight of novelty against queue order when a batch is claimed (0: none)
 * @param auditSeed       seed of the reproducible audit-sampling draw
 * @param conflictFieldPaths payload fields whose value is a user's login: that user never reviews the item
 */
public record IntakeSettings(
        String workflowKey,
        OrderingMethod orderingMethod,
        double diversityLambda,
        int leaseSeconds,
        int inlineTimeoutMillis,
        TimeoutOutcome inlineTimeoutOutcome,
        Optional<URI> webhookUrl,
        Optional<String> webhookSecret,
        String auditSeed,
        int auditTier,
        int feedbackTier,
        int feedbackPriority,
        List<String> conflictFieldPaths) {

    public static final int DEFAULT_LEASE_SECONDS = 600;
    public static final int MAX_INLINE_TIMEOUT_MILLIS = 120_000;
    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    public IntakeSettings {
        conflictFieldPaths = List.copyOf(conflictFieldPaths);
    }

    /**
     * Least-confidence order, 10-minute leases, 30-second inline waits failing closed, no webhook,
     * audits and feedback at tier 2; the audit seed is the caller's (random, so callers cannot predict
     * which client keys get audited).
     */
    public static IntakeSettings defaults(String workflowKey, String auditSeed) {
        return new IntakeSettings(workflowKey, OrderingMethod.LEAST_CONFIDENCE, 0.0, DEFAULT_LEASE_SECONDS, 30_000,
                TimeoutOutcome.FAIL_CLOSED, Optional.empty(), Optional.empty(), auditSeed, 2, 2, 50, List.of());
    }

    /** @throws InvalidInputException listing every field out of range */
    public void validate() {
        Violations v = new Violations();
        v.check(orderingMethod != null, "orderingMethod",
                "is required (LEAST_CONFIDENCE, MARGIN, ENTROPY, VOTE_ENTROPY or KL_DIVERGENCE)");
        v.check(diversityLambda >= 0 && diversityLambda <= 1, "diversityLambda", "must be between 0 and 1");
        v.check(leaseSeconds >= 1 && leaseSeconds <= 86_400, "leaseSeconds", "must be between 1 and 86400");
        v.check(inlineTimeoutMillis >= 1 && inlineTimeoutMillis <= MAX_INLINE_TIMEOUT_MILLIS, "inlineTimeoutMillis",
                "must be between 1 and " + MAX_INLINE_TIMEOUT_MILLIS);
        v.check(inlineTimeoutOutcome != null, "inlineTimeoutOutcome", "is required (FAIL_CLOSED or FAIL_OPEN)");
        webhookUrl.ifPresent(url -> v.check(url.isAbsolute()
                && ("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null
                && url.toString().length() <= 2000, "webhookUrl", "must be an absolute http(s) URL of at most 2000 characters"));
        v.check(webhookUrl.isEmpty() || webhookSecret.isPresent(), "webhookSecret", "is required with a webhook URL");
        v.check(auditSeed != null && !auditSeed.isBlank() && auditSeed.length() <= 200, "auditSeed",
                "must be 1 to 200 characters");
        v.check(auditTier >= 1 && auditTier <= 3, "auditTier", "must be 1, 2 or 3");
        v.check(feedbackTier >= 1 && feedbackTier <= 3, "feedbackTier", "must be 1, 2 or 3");
        v.check(feedbackPriority >= PredictionParser.MIN_PRIORITY && feedbackPriority <= PredictionParser.MAX_PRIORITY,
                "feedbackPriority", "must be between " + PredictionParser.MIN_PRIORITY + " and " + PredictionParser.MAX_PRIORITY);
        v.check(conflictFieldPaths.size() <= 20, "conflictFieldPaths", "at most 20 paths");
        for (int i = 0; i < conflictFieldPaths.size(); i++) {
            v.check(FIELD_PATH.matcher(conflictFieldPaths.get(i)).matches() && conflictFieldPaths.get(i).length() <= 200,
                    "conflictFieldPaths[" + i + "]", "must be a dotted field path such as applicant.employee_login");
        }
        v.throwIfAny("The intake settings");
    }
}
