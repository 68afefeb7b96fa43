package io.oversight.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Collection;
import java.util.Map;

/**
 * The pseudonym vault. Actors and data subjects appear in the ledger only as pseudonyms;
 * who they are, and the personal data fields a module declares about them, live here, encrypted
 * with a key per subject. Erasure destroys that key (crypto-shredding): the data becomes unreadable
 * while every entry, proof and checkpoint still verifies. Revealing and erasing are ledger entries.
 */
public interface Pseudonyms {

    /** Action type of the entry recorded when an auditor resolves a pseudonym. */
    String SUBJECT_REVEALED = "ledger.subject.revealed";
    /** Action type of the entry recorded when a subject's data is erased. */
    String SUBJECT_ERASED = "ledger.subject.erased";

    /**
     * The pseudonym of a person, issued on first use and the same ever after (until erasure, after
     * which the person gets a new one). Committed on its own, independent of the caller's transaction.
     */
    String pseudonymFor(@NotNull PersonKind kind, @NotBlank String identity);

    /** A data subject's pseudonym: the one stored, or one drawn for a subject not stored yet. */
    record SubjectPseudonym(String pseudonym, boolean stored) {
    }

    /**
     * The pseudonyms these data subjects have, or will have once {@link #storeSubjects} stores them:
     * one read, nothing written, so that intake can tokenise before its transaction.
     */
    Map<String, SubjectPseudonym> subjectPseudonyms(@NotNull PersonKind kind, @NotNull Collection<String> identities);

    /**
     * Stores the personal data fields of data subjects, in the caller's transaction (required): a
     * subject not stored yet is stored with them (batched inserts), a stored one gets them stored or
     * replaced as {@link #declarePersonalData} does. A rollback leaves neither subject nor field.
     *
     * @param subjects         each identity's pseudonym, from {@link #subjectPseudonyms}
     * @param fieldsByIdentity each identity's fields
     * @throws SubjectErasedException if a stored subject was erased
     */
    void storeSubjects(@NotNull PersonKind kind, @NotNull Map<String, SubjectPseudonym> subjects,
            @NotNull Map<String, Map<String, String>> fieldsByIdentity);

    /**
     * Stores or replaces personal data fields of a subject, encrypted under its key.
     *
     * @throws UnknownPseudonymException if no subject has this pseudonym
     * @throws SubjectErasedException    if the subject was erased
     */
    void declarePersonalData(@NotBlank String pseudonym, @NotNull Map<String, String> fields);

    /**
     * Resolves a pseudonym for an auditor, recording the reveal (with the digest of the justification)
     * in the ledger in the current transaction.
     *
     * @throws UnknownPseudonymException if no subject has this pseudonym
     * @throws SubjectErasedException    if the subject was erased
     * @throws IllegalArgumentException  if the requester's role is not auditor
     */
    RevealedSubject reveal(@NotBlank String pseudonym, @NotNull Actor auditor, @NotBlank String justification);

    /**
     * Resolves a data subject's personal data for a reviewer the calling module allowed to see it
     * while they hold a task, recording the reveal with {@code context} (e.g. the task) in the ledger
     * in the current transaction.
     *
     * @throws IllegalArgumentException if the requester does not act in a reviewing role
     */
    RevealedSubject revealForReview(@NotBlank String pseudonym, @NotNull Actor reviewer, @NotBlank String justification,
            @NotNull Map<String, String> context);

    /**
     * Erases a subject: destroys its key and data and records the erasure in the ledger, in the
     * current transaction.
     *
     * @throws ErasureBlockedException   under legal hold, or within the retention period
     * @throws UnknownPseudonymException if no subject has this pseudonym
     * @throws SubjectErasedException    if the subject was already erased
     */
    ErasureReceipt erase(@NotBlank String pseudonym, @NotNull RetentionPolicy policy, @NotNull Actor requestedBy,
            @NotBlank String reason);

    /** Whether the subject with this pseudonym was erased (false for unknown pseudonyms). */
    boolean isErased(@NotBlank String pseudonym);
}
