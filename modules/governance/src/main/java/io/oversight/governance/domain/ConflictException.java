package io.oversight.governance.domain;

/** The request conflicts with the current state: a duplicate key, or a life-cycle step not allowed from here. */
public class ConflictException extends GovernanceException {

    public ConflictException(String message) {
        super(message);
    }
}
