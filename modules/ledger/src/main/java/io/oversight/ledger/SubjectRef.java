package io.oversight.ledger;

/**
 * What an action was about: a kind (item, task, guideline, model, person, ...) and an id of that
 * kind. Ids of people must be pseudonyms ({@link Pseudonyms}).
 *
 * @param kind kind of subject, 1 to {@value LedgerRecord#MAX_ID_LENGTH} characters
 * @param id   the subject's id, 1 to {@value LedgerRecord#MAX_ID_LENGTH} characters
 */
public record SubjectRef(String kind, String id) {

    /** Subject kind of a person known to the vault; the id is their pseudonym. */
    public static final String PERSON = "person";

    public SubjectRef {
        LedgerRecord.checkId("subject kind", kind, false);
        LedgerRecord.checkId("subject id", id, false);
    }

    /** A person, by pseudonym. */
    public static SubjectRef person(String pseudonym) {
        return new SubjectRef(PERSON, pseudonym);
    }
}
