package io.oversight.governance.domain;

/** No workflow, guideline version, model snapshot or policy version with the given key or id. */
public class UnknownObjectException extends GovernanceException {

    public UnknownObjectException(String message) {
        super(message);
    }
}
