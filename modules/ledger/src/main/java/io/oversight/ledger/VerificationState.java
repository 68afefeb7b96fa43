package io.oversight.ledger;

/** Where an online verification job stands. */
public enum VerificationState {
    RUNNING,
    /** Every check passed. */
    VERIFIED,
    /** A check failed: the log or its stored hashes were tampered with; see the failure. */
    FAILED,
    /** The job could not finish (database unavailable, server stopped); it says nothing about the log. */
    ABORTED
}
