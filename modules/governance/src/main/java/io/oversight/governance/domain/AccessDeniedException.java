package io.oversight.governance.domain;

/** The caller lacks the role a governance change requires. */
public class AccessDeniedException extends GovernanceException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
