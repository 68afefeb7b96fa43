package io.oversight.governance.domain;

/**
 * A governance request refused for a reason the caller can fix; nothing was changed. Subclasses say
 * which kind of refusal it is, so that REST answers with the right status and pages with a message.
 */
public abstract class GovernanceException extends RuntimeException {

    protected GovernanceException(String message) {
        super(message);
    }
}
