package io.oversight.review.web;

import io.oversight.ledger.AuditLedger;
import io.oversight.ledger.Database;
import io.oversight.ledger.EntryFilter;
import io.oversight.ledger.EntryPage;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.SealedEntry;
import io.oversight.ledger.format.LedgerEntry;
import io.oversight.review.adjudication.AdjudicationStore;
import io.oversight.tasks.ItemOutcomes;
import io.oversight.tasks.ReviewTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One item's whole history read from the ledger, as the item browser shows it: its prediction and
 * routing, every claim, review, decision, adjudication, feedback and personal-data reveal, each step
 * with its ledger sequence number (a link to the entry and its inclusion proof for auditors).
 */
@ApplicationScoped
public class ItemHistory {

    /** Most ledger entries one subject's history reads (an item has a handful; a task, fewer). */
    private static final int MAX_STEPS_PER_SUBJECT = 1000;

    /** What each recorded action means to a person reading an item's history. */
    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry("tasks.prediction.routed", "Prediction received and routed"),
            Map.entry("tasks.task.claimed", "Task claimed"),
            Map.entry("tasks.task.released", "Task released"),
            Map.entry("tasks.task.skipped", "Task skipped"),
            Map.entry("tasks.task.escalated", "Task escalated"),
            Map.entry("tasks.task.lease-expired", "Claim expired"),
            Map.entry("tasks.task.completed", "Review answered"),
            Map.entry("tasks.item.reviewer-added", "Reviewer added"),
            Map.entry("tasks.item.needs-adjudication", "Reviews disagree: sent to adjudication"),
            Map.entry("tasks.audit.completed", "Audit review answered"),
            Map.entry("tasks.adjudication.claimed", "Adjudication claimed"),
            Map.entry("tasks.adjudication.released", "Adjudication released"),
            Map.entry("tasks.adjudication.decided", "Adjudicated"),
            Map.entry("tasks.item.decided", "Decision released to the client"),
            Map.entry("tasks.inline.timed-out", "Inline wait timed out"),
            Map.entry("tasks.feedback.received", "Feedback received"),
            Map.entry("tasks.gold.marked", "Marked as gold"),
            Map.entry("tasks.gold.retired", "Gold retired"),
            Map.entry(Pseudonyms.SUBJECT_REVEALED, "Personal data revealed"));

    /** One step of an item's history: a sealed ledger entry as people read it. */
    public record Step(long sequence, Instant loggedAt, String action, String actionType, String actor, String role,
            String subject, String details) {
    }

    @Inject
    ItemOutcomes outcomes;

    @Inject
    AuditLedger ledger;

    @Inject
    Database database;

    @Inject
    AdjudicationStore adjudicationStore;

    /** The steps of the item and of its tasks, its adjudication and the reveals of its personal data, in ledger order. */
    public List<Step> of(String itemId, List<ReviewTask> tasks) {
        List<Step> steps = new ArrayList<>(stepsOf("item", itemId, entry -> true));
        for (ReviewTask task : tasks) {
            steps.addAll(stepsOf("task", task.id(), entry -> true));
        }
        database.run("reading an item's adjudication", c -> adjudicationStore.adjudicationOfItem(c, itemId))
                .ifPresent(a -> steps.addAll(stepsOf("adjudication", a.id(), entry -> true)));
        outcomes.dataSubject(itemId).ifPresent(subject -> steps.addAll(stepsOf("person", subject,
                entry -> Pseudonyms.SUBJECT_REVEALED.equals(entry.actionType())
                        && itemId.equals(entry.attributes().get("item")))));
        steps.sort(Comparator.comparingLong(Step::sequence));
        return steps;
    }

    private List<Step> stepsOf(String subjectKind, String subjectId, Predicate<LedgerEntry> keep) {
        EntryFilter filter = EntryFilter.builder().subjectKind(subjectKind).subjectId(subjectId).build();
        List<Step> steps = new ArrayList<>();
        OptionalLong after = OptionalLong.empty();
        do {
            EntryPage found = ledger.entries(filter, after, AuditLedger.MAX_PAGE);
            for (SealedEntry sealed : found.entries()) {
                LedgerEntry entry = sealed.entry();
                if (keep.test(entry)) {
                    steps.add(new Step(entry.sequence(), micros(entry.loggedAtMicros()),
                            STEPS.getOrDefault(entry.actionType(), entry.actionType()), entry.actionType(),
                            entry.actorPseudonym(), entry.actorRole(), subjectKind + " " + subjectId,
                            details(entry.attributes())));
                }
            }
            after = found.nextAfterSequence();
        } while (after.isPresent() && steps.size() < MAX_STEPS_PER_SUBJECT);
        return steps;
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static String details(Map<String, String> attributes) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(attributes).forEach((name, value) -> {
            if (!value.isBlank()) {
                text.append(text.isEmpty() ? "" : "; ").append(name).append(' ').append(value);
            }
        });
        return text.toString();
    }
}
