package io.oversight.ledger.web;

import io.oversight.ledger.Actor;
import io.oversight.ledger.AuditLedger;
import io.oversight.ledger.EntryFilter;
import io.oversight.ledger.EntryPage;
import io.oversight.ledger.InclusionProof;
import io.oversight.ledger.PersonKind;
import io.oversight.ledger.Pseudonyms;
import io.oversight.ledger.Roles;
import io.oversight.ledger.SealedEntry;
import io.oversight.ledger.VerificationState;
import io.oversight.ledger.VerificationStatus;
import io.oversight.ledger.format.Digest;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The auditor's ledger page: filters over sealed entries with keyset paging, newest or oldest first,
 * one entry's detail with its inclusion proof, and an online verification of the whole log with its
 * progress. An entry has a link of its own ({@code ledger.xhtml?entry=42}) that opens its detail, so
 * auditors can send each other the evidence itself. Bad filter input is reported on the page and runs
 * no query.
 */
@Named
@ViewScoped
public class LedgerSearchPage implements Serializable {

    static final int PAGE_SIZE = 25;

    @Inject
    AuditLedger ledger;

    @Inject
    Pseudonyms pseudonyms;

    private String from;
    private String to;
    private String actor;
    private String action;
    private String workflow;
    private String subject;
    private String guidelineVersion;
    private String modelSnapshot;
    private boolean newestFirst = true;
    private String linkError;

    private EntryFilter filter = EntryFilter.all();
    private final Deque<Long> previousCursors = new ArrayDeque<>();
    private Long currentCursor;
    private List<EntryRow> rows;
    private Long nextCursor;
    private EntryDetail detail;
    private String verificationJob;
    private VerificationStatus verification;

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

    /** Opens the entry a shared link names ({@code ?entry=N}); anything but a sequence number is reported. */
    @PostConstruct
    void openLinkedEntry() {
        String linked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("entry");
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
        }
    }

    public void search() {
        Optional<EntryFilter> parsed = parseFilter();
        if (parsed.isEmpty()) {
            return;
        }
        filter = parsed.get();
        previousCursors.clear();
        load(null);
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

    public void startVerification() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String username = faces.getExternalContext().getUserPrincipal().getName();
        Actor auditor = new Actor(pseudonyms.pseudonymFor(PersonKind.ACTOR, username), Roles.AUDITOR);
        verification = ledger.startVerification(0, auditor);
        verificationJob = verification.jobId();
    }

    public void refreshVerification() {
        if (verificationJob != null) {
            verification = ledger.verification(verificationJob).orElse(verification);
        }
    }

    public boolean isVerificationRunning() {
        return verification != null && verification.state() == VerificationState.RUNNING;
    }

    public String getVerificationSummary() {
        if (verification == null) {
            return "";
        }
        long total = Math.max(0, verification.toSequence() - verification.fromSequence());
        String progress = verification.checked() + " of " + total + " entries checked";
        return switch (verification.state()) {
            case RUNNING -> "Verifying: " + progress + ".";
            case VERIFIED -> "Verified: " + progress + "; chain, Merkle roots, tiles and checkpoint signatures are intact.";
            case FAILED -> "Verification FAILED: " + verification.failure().map(f -> f.message()).orElse("see the server log");
            case ABORTED -> "Verification aborted: " + verification.failure().map(f -> f.message()).orElse("");
        };
    }

    private void load(Long afterSequence) {
        EntryPage page = ledger.entries(filter,
                afterSequence == null ? OptionalLong.empty() : OptionalLong.of(afterSequence), PAGE_SIZE);
        currentCursor = afterSequence;
        rows = page.entries().stream().map(EntryRow::of).toList();
        nextCursor = page.nextAfterSequence().isPresent() ? page.nextAfterSequence().getAsLong() : null;
        detail = null;
    }

    private Optional<EntryFilter> parseFilter() {
        EntryFilter.Builder builder = EntryFilter.builder();
        boolean valid = true;
        Optional<Instant> fromInstant = instant("From", from);
        Optional<Instant> toInstant = instant("To", to);
        if ((present(from) && fromInstant.isEmpty()) || (present(to) && toInstant.isEmpty())) {
            valid = false;
        }
        if (fromInstant.isPresent() && toInstant.isPresent() && fromInstant.get().isAfter(toInstant.get())) {
            error("From must not be after To.");
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        fromInstant.ifPresent(builder::loggedFrom);
        toInstant.ifPresent(builder::loggedBefore);
        ifPresent(actor, builder::actorPseudonym);
        ifPresent(action, builder::actionContains);
        builder.newestFirst(newestFirst);
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
        return Optional.of(builder.build());
    }

    private Optional<Instant> instant(String label, String text) {
        if (!present(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            error(label + " must be an ISO-8601 UTC instant such as 2026-11-21T10:00:00Z, not \"" + text + "\".");
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

    public boolean isNewestFirst() {
        return newestFirst;
    }

    public void setNewestFirst(boolean newestFirst) {
        this.newestFirst = newestFirst;
    }

    /** Why the entry a followed link names cannot be shown; null when there is nothing to say. */
    public String getLinkError() {
        return linkError;
    }
}
