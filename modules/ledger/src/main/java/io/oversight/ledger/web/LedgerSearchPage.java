package io.oversight.ledger.web;

import io.oversight.kernel.FieldError;
import io.oversight.kernel.InvalidInputException;
import io.oversight.ledger.AuditLedger;
import io.oversight.ledger.EntryFilter;
import io.oversight.ledger.EntryPage;
import io.oversight.ledger.InclusionProof;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.SealedEntry;
import io.oversight.ledger.format.Digest;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The auditor's ledger page: filters over sealed entries with keyset paging, newest or oldest first,
 * and one entry's detail with its inclusion proof ({@link LedgerVerificationPanel} is the page's
 * verification of the whole log). An entry has a link of its own ({@code ledger.xhtml?entry=42}) that opens its detail, so
 * auditors can send each other the evidence itself, and so has a search. A refused filter, typed or
 * linked, is shown beside its field by its label and runs no query.
 */
@Named
@ViewScoped
public class LedgerSearchPage implements Serializable {

    static final int PAGE_SIZE = 25;
    static final String NEWEST = "newest";
    static final String OLDEST = "oldest";
    /** The query parameters of a shared search link. */
    private static final List<String> LINK_PARAMETERS = List.of("from", "to", "action", "actor", "workflow", "subject",
            "guideline", "model", "order");

    @Inject
    AuditLedger ledger;

    private String from;
    private String to;
    private String actor;
    private String action;
    private String workflow;
    private String subject;
    private String guidelineVersion;
    private String modelSnapshot;
    private String order = NEWEST;
    private String linkError;

    private EntryFilter filter = EntryFilter.all();
    private final Deque<Long> previousCursors = new ArrayDeque<>();
    private Long currentCursor;
    private List<EntryRow> rows;
    private Long nextCursor;
    private EntryDetail detail;

    /** What the detail panel shows of one entry: its fields, bytes, hashes and proof. */
    public record EntryDetail(EntryRow row, String storedBytes, String leafHash, String previousEntryHash,
                              String payloadDigest, String rationaleDigest, String attributes,
                              Optional<InclusionProof> proof) implements Serializable {

        public String proofHashes() {
            return proof.map(p -> String.join("\n", p.hashes().stream().map(Digest::hex).toList())).orElse("");
        }

        public String checkpoint() {
            return proof.map(p -> p.checkpoint().note()).orElse("");
        }
    }

    /**
     * Opens what a shared link names: one entry ({@code ?entry=N}; anything but a sequence number is
     * reported), or a search ({@code ?action=decision&from=...&order=oldest}, the parameters of
     * {@link #getSearchLink()}), whose refused values are shown beside their fields like typed ones.
     */
    @PostConstruct
    void openLink() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String linked = parameters.get("entry");
        if (present(linked)) {
            try {
                long sequence = Long.parseLong(linked.trim());
                detail = ledger.entry(sequence).map(sealed -> toDetail(sealed, ledger.inclusionProof(sequence))).orElse(null);
                if (detail == null) {
                    linkError = "The link names entry " + sequence + ", which does not exist.";
                }
            } catch (NumberFormatException e) {
                // kept on the bean, not as a message: the bean is first built while the page renders,
                // after the layout has already written its messages
                linkError = "The link names entry \"" + linked + "\", which is not a sequence number.";
            }
            return;
        }
        if (LINK_PARAMETERS.stream().noneMatch(parameters::containsKey)) {
            return;
        }
        from = parameters.get("from");
        to = parameters.get("to");
        action = parameters.get("action");
        actor = parameters.get("actor");
        workflow = parameters.get("workflow");
        subject = parameters.get("subject");
        guidelineVersion = parameters.get("guideline");
        modelSnapshot = parameters.get("model");
        order = parameters.getOrDefault("order", NEWEST);
        search();
    }

    /** Runs the search the fields describe; a refused field is shown beside it, by its label, and nothing is searched. */
    public void search() {
        try {
            filter = parseFilter();
        } catch (InvalidInputException refused) {
            showBesideFields(refused);
            rows = null;
            return;
        }
        previousCursors.clear();
        load(null);
    }

    /**
     * Each refused filter's message beside its field (named by the field's id in the search form), by the
     * field's label. Found by id, not by walking the page as {@code PageMessages} does: a linked search
     * runs while this bean is being built, when walking the page would evaluate its expressions, which
     * name this bean again.
     */
    private static void showBesideFields(InvalidInputException refused) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Please correct the fields marked below.", null));
        for (FieldError error : refused.errors()) {
            UIComponent field = faces.getViewRoot().findComponent("search:" + error.field());
            faces.addMessage(field.getClientId(faces), new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    field.getAttributes().get("label") + ": " + error.message(), null));
        }
    }

    /** This search as a link another auditor can open: the filters as query parameters. */
    public String getSearchLink() {
        StringBuilder link = new StringBuilder(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath())
                .append("/auditor/ledger.xhtml?order=").append(URLEncoder.encode(order, StandardCharsets.UTF_8));
        filterTexts().forEach((name, value) -> {
            if (present(value)) {
                link.append('&').append(name).append('=').append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
            }
        });
        return link.toString();
    }

    /** The text filters, each by its field's id in the search form, which is also its name in a search link. */
    private Map<String, String> filterTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("from", from);
        texts.put("to", to);
        texts.put("action", action);
        texts.put("actor", actor);
        texts.put("workflow", workflow);
        texts.put("subject", subject);
        texts.put("guideline", guidelineVersion);
        texts.put("model", modelSnapshot);
        return texts;
    }

    public void nextPage() {
        if (nextCursor != null) {
            previousCursors.push(currentCursor == null ? -1L : currentCursor);
            load(nextCursor);
        }
    }

    public void previousPage() {
        if (!previousCursors.isEmpty()) {
            long previous = previousCursors.pop();
            load(previous < 0 ? null : previous);
        }
    }

    public void show(long sequence) {
        detail = ledger.entry(sequence).map(sealed -> toDetail(sealed, ledger.inclusionProof(sequence))).orElse(null);
        if (detail == null) {
            error("No entry with sequence number " + sequence + ".");
        }
    }

    public void closeDetail() {
        detail = null;
    }

    private void load(Long afterSequence) {
        EntryPage page = ledger.entries(filter,
                afterSequence == null ? OptionalLong.empty() : OptionalLong.of(afterSequence), PAGE_SIZE);
        currentCursor = afterSequence;
        rows = page.entries().stream().map(EntryRow::of).toList();
        nextCursor = page.nextAfterSequence().isPresent() ? page.nextAfterSequence().getAsLong() : null;
        detail = null;
    }

    /** The filter the fields describe; every field the API would refuse is refused, each under its field's id. */
    private EntryFilter parseFilter() {
        List<FieldError> problems = new ArrayList<>();
        Optional<Instant> fromInstant = instant("from", from, problems);
        Optional<Instant> toInstant = instant("to", to, problems);
        if (fromInstant.isPresent() && toInstant.isPresent() && fromInstant.get().isAfter(toInstant.get())) {
            problems.add(new FieldError("to", "must not be before Logged from"));
        }
        filterTexts().forEach((field, text) -> {
            // the API's bound on an identifier; a time is refused above when it is no instant
            boolean time = field.equals("from") || field.equals("to");
            if (!time && present(text) && text.trim().length() > LedgerRecord.MAX_ID_LENGTH) {
                problems.add(new FieldError(field, "must be at most " + LedgerRecord.MAX_ID_LENGTH + " characters"));
            }
        });
        if (!NEWEST.equals(order) && !OLDEST.equals(order)) {
            problems.add(new FieldError("order", "must be newest first or oldest first"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The search is invalid.", problems);
        }
        EntryFilter.Builder builder = EntryFilter.builder();
        fromInstant.ifPresent(builder::loggedFrom);
        toInstant.ifPresent(builder::loggedBefore);
        ifPresent(actor, builder::actorPseudonym);
        ifPresent(action, builder::actionContains);
        builder.newestFirst(NEWEST.equals(order));
        ifPresent(workflow, builder::workflow);
        ifPresent(guidelineVersion, builder::guidelineVersionId);
        ifPresent(modelSnapshot, builder::modelSnapshotId);
        if (present(subject)) {
            int colon = subject.indexOf(':');
            if (colon > 0) {
                builder.subjectKind(subject.substring(0, colon).trim()).subjectId(subject.substring(colon + 1).trim());
            } else {
                builder.subjectId(subject.trim());
            }
        }
        return builder.build();
    }

    private static Optional<Instant> instant(String field, String text, List<FieldError> problems) {
        if (!present(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(field, "must be an ISO-8601 UTC instant such as 2026-11-21T10:00:00Z"));
            return Optional.empty();
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static void ifPresent(String text, Consumer<String> setter) {
        if (present(text)) {
            setter.accept(text.trim());
        }
    }

    private static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private static EntryDetail toDetail(SealedEntry sealed, Optional<InclusionProof> proof) {
        var entry = sealed.entry();
        return new EntryDetail(EntryRow.of(sealed),
                Base64.getEncoder().encodeToString(sealed.storedBytes()),
                sealed.leafHash().hex(),
                entry.previousEntryHash().hex(),
                entry.payloadDigest().map(Digest::hex).orElse(""),
                entry.rationaleDigest().map(Digest::hex).orElse(""),
                entry.attributes().toString(),
                proof);
    }

    public List<EntryRow> getRows() {
        return rows;
    }

    public boolean isHasNextPage() {
        return nextCursor != null;
    }

    public boolean isHasPreviousPage() {
        return !previousCursors.isEmpty();
    }

    public EntryDetail getDetail() {
        return detail;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getWorkflow() {
        return workflow;
    }

    public void setWorkflow(String workflow) {
        this.workflow = workflow;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getGuidelineVersion() {
        return guidelineVersion;
    }

    public void setGuidelineVersion(String guidelineVersion) {
        this.guidelineVersion = guidelineVersion;
    }

    public String getModelSnapshot() {
        return modelSnapshot;
    }

    public void setModelSnapshot(String modelSnapshot) {
        this.modelSnapshot = modelSnapshot;
    }

    /** {@value #NEWEST} or {@value #OLDEST}; anything else (a hand-edited link or form) is refused beside the field. */
    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    /** Why the entry a followed link names cannot be shown; null when there is nothing to say. */
    public String getLinkError() {
        return linkError;
    }
}
