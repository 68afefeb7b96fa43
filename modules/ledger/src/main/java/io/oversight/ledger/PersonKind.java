package io.oversight.ledger;

/** The two kinds of people the vault pseudonymizes. */
public enum PersonKind {
    /** A user of the platform who acts: reviewer, adjudicator, auditor, ... */
    ACTOR,
    /** A person the data is about, e.g. the customer in a reviewed item. */
    DATA_SUBJECT
}
