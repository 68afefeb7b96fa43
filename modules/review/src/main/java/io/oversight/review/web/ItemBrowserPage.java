package io.oversight.review.web;

import io.oversight.governance.Workflow;
import io.oversight.governance.Workflows;
import io.oversight.tasks.ItemCatalog;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The item browser (governance leads and auditors): items found by workflow, status, label, routing
 * outcome, period and client key, paged and sortable, and one item with its tasks and its whole
 * history as {@link ItemHistory} reads it from the ledger. The filters are a plain GET form, so a search or an item is a link
 * people can share; a filter that cannot be read is shown beside its field and nothing is searched.
 */
@Named
@RequestScoped
public class ItemBrowserPage {

    static final int PAGE_SIZE = 25;
    private static final int MAX_PAGE_NUMBER = 1_000_000;
    /** A column header: its label, the link that sorts by it (again: the other way) and how it is sorted now. */
    public record SortLink(String label, String href, String state) {
    }

    @Inject
    ItemCatalog catalog;

    @Inject
    ItemHistory itemHistory;

    @Inject
    Workflows workflows;

    private final Map<String, String> filters = new LinkedHashMap<>();
    private final Map<String, String> errors = new TreeMap<>();
    private ItemSearch.Order order = ItemSearch.Order.RECEIVED;
    private boolean descending = true;
    private int page;
    private ItemCatalog.ItemPage results;
    private ReviewItem item;
    private List<ReviewTask> tasks = List.of();
    private List<ItemHistory.Step> history = List.of();

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
        history = itemHistory.of(itemId, tasks);
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

    public List<ItemHistory.Step> getHistory() {
        return history;
    }
}
