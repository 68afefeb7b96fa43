package io.oversight.review.web;

import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.ledger.AuditLedger;
import io.oversight.ledger.Database;
import io.oversight.ledger.EntryFilter;
import io.oversight.ledger.EntryPage;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.SealedEntry;
import io.oversight.ledger.format.LedgerEntry;
import io.oversight.review.adjudication.AdjudicationStore;
import io.oversight.tasks.ItemCatalog;
import io.oversight.tasks.ItemOutcomes;
import io.oversight.tasks.ItemSearch;
import io.oversight.tasks.ItemStatus;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The item browser (governance leads and auditors): items found by workflow, status, label, routing
 * outcome, period and client key, paged and sortable, and one item's whole history read from the
 * ledger: its prediction and routing, every claim, review, decision, adjudication, feedback and
 * personal-data reveal, each step with its ledger sequence number (a link to the entry and its
 * inclusion proof for auditors). The filters are a plain GET form, so a search or an item is a link
 * people can share; a filter that cannot be read is shown beside its field and nothing is searched.
 */
@Named
@RequestScoped
public class ItemBrowserPage {

    static final int PAGE_SIZE = 25;
    private static final int MAX_PAGE_NUMBER = 1_000_000;
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

    /** A column header: its label, the link that sorts by it (again: the other way) and how it is sorted now. */
    public record SortLink(String label, String href, String state) {
    }

    @Inject
    ItemCatalog catalog;

    @Inject
    ItemOutcomes outcomes;

    @Inject
    AuditLedger ledger;

    @Inject
    Database database;

    @Inject
    Workflows workflows;

    @Inject
    AdjudicationStore adjudicationStore;

    private final Map<String, String> filters = new LinkedHashMap<>();
    private final Map<String, String> errors = new TreeMap<>();
    private ItemSearch.Order order = ItemSearch.Order.RECEIVED;
    private boolean descending = true;
    private int page;
    private ItemCatalog.ItemPage results;
    private ReviewItem item;
    private List<ReviewTask> tasks = List.of();
    private List<Step> history = List.of();

    @PostConstruct
    void read() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, String> parameters = external.getRequestParameterMap();
        for (String name : List.of("workflow", "status", "label", "outcome", "from", "to", "clientKey")) {
            String value = parameters.get(name);
            filters.put(name, value == null ? "" : value.strip());
        }
        order = parse(parameters.get("sort"), s -> ItemSearch.Order.valueOf(s.toUpperCase(Locale.ROOT)), "sort",
                "Sort: choose one of the column headers.").orElse(ItemSearch.Order.RECEIVED);
        descending = !"asc".equals(parameters.get("dir"));
        // bounded so that the row offset (page × 25) stays an int: a hand-edited page=2000000000 is page 1, not an error
        page = parse(parameters.get("page"), Integer::parseInt, "page", "Page: a page number such as 2.")
                .filter(p -> p >= 1 && p <= MAX_PAGE_NUMBER).map(p -> p - 1).orElse(0);
        String itemId = parameters.get("item");
        if (itemId != null && !itemId.isBlank()) {
            openItem(itemId.strip());
        } else if (parameters.containsKey("find") || parameters.containsKey("sort") || parameters.containsKey("page")) {
            search();
        }
    }

    private void search() {
        Optional<ItemStatus> status = parse(filters.get("status"), ItemStatus::valueOf, "status",
                "Status: choose one from the list.");
        Optional<LocalDate> from = parse(filters.get("from"), ItemBrowserPage::date, "from",
                "Received from: enter a date such as 2026-11-21.");
        Optional<LocalDate> to = parse(filters.get("to"), ItemBrowserPage::date, "to",
                "Received to: enter a date such as 2026-11-22.");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            errors.put("to", "Received to: the period ends before it starts.");
        }
        if (!errors.isEmpty()) {
            return;
        }
        results = catalog.find(new ItemSearch(present("workflow"), status, present("label"), present("outcome"),
                from.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), present("clientKey"),
                order, descending, page * PAGE_SIZE, PAGE_SIZE));
    }

    private void openItem(String itemId) {
        item = catalog.item(itemId).orElse(null);
        if (item == null) {
            errors.put("item", "No item " + itemId + ".");
            return;
        }
        tasks = catalog.tasksOf(itemId);
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
        history = steps;
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

    private <T> Optional<T> parse(String text, Function<String, T> reader, String field, String message) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.apply(text.strip()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.put(field, message);
            return Optional.empty();
        }
    }

    /**
     * A reception date as YYYY-MM-DD. ISO also reads years such as +999999999, whose next day does not
     * exist and which no database timestamp holds, so years outside 1970–9999 are refused like bad text.
     */
    private static LocalDate date(String text) {
        LocalDate date = LocalDate.parse(text);
        if (date.getYear() < 1970 || date.getYear() > 9999) {
            throw new IllegalArgumentException("year out of range: " + text);
        }
        return date;
    }

    private Optional<String> present(String name) {
        String value = filters.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The link to this search sorted by {@code column}: descending first, the other way when it is sorted by it already. */
    private String sortHref(ItemSearch.Order column) {
        boolean nextDescending = column != order || !descending;
        return query(Map.of("sort", column.name().toLowerCase(Locale.ROOT), "dir", nextDescending ? "desc" : "asc"));
    }

    public List<SortLink> getColumns() {
        Map<ItemSearch.Order, String> labels = new LinkedHashMap<>();
        labels.put(ItemSearch.Order.RECEIVED, "Received");
        labels.put(ItemSearch.Order.CLIENT_KEY, "Client key");
        labels.put(ItemSearch.Order.STATUS, "Status");
        labels.put(ItemSearch.Order.ROUTE, "Routing");
        labels.put(ItemSearch.Order.CONFIDENCE, "Confidence");
        List<SortLink> links = new ArrayList<>();
        labels.forEach((column, label) -> links.add(new SortLink(label, sortHref(column),
                column != order ? "none" : descending ? "descending" : "ascending")));
        return links;
    }

    public String getNextPageHref() {
        return query(Map.of("page", Integer.toString(page + 2), "sort", order.name().toLowerCase(Locale.ROOT),
                "dir", descending ? "desc" : "asc"));
    }

    public String getPreviousPageHref() {
        return query(Map.of("page", Integer.toString(page), "sort", order.name().toLowerCase(Locale.ROOT),
                "dir", descending ? "desc" : "asc"));
    }

    /** This page's address with the current filters and {@code extra}, for links people can share. */
    private String query(Map<String, String> extra) {
        FacesContext faces = FacesContext.getCurrentInstance();
        StringBuilder href = new StringBuilder(faces.getExternalContext().getRequestContextPath())
                .append("/review/items.xhtml?find=1");
        filters.forEach((name, value) -> {
            if (!value.isEmpty()) {
                href.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        new TreeMap<>(extra).forEach((name, value) -> href.append('&').append(name).append('=').append(value));
        return href.toString();
    }

    public String itemHref(String itemId) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/review/items.xhtml?item=" + URLEncoder.encode(itemId, StandardCharsets.UTF_8);
    }

    public Map<String, String> getFilters() {
        return filters;
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public List<Workflow> getWorkflows() {
        return workflows.list();
    }

    public ItemStatus[] getStatuses() {
        return ItemStatus.values();
    }

    public List<String> getRouteOutcomes() {
        return List.of("AUTO_ACCEPT", "HUMAN_REVIEW", "AUTO_REJECT", "ESCALATE");
    }

    public ItemCatalog.ItemPage getResults() {
        return results;
    }

    public int getPageNumber() {
        return page + 1;
    }

    public boolean isHasPreviousPage() {
        return page > 0;
    }

    public ReviewItem getItem() {
        return item;
    }

    public List<ReviewTask> getTasks() {
        return tasks;
    }

    public List<Step> getHistory() {
        return history;
    }
}
