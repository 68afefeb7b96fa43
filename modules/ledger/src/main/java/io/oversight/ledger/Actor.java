package io.oversight.ledger;

import java.util.Objects;

/**
 * Who performed an action, as the ledger records it: a pseudonym from {@link Pseudonyms} (never a
 * name or login) and the role the actor acted in. The calling module knows both from its security
 * context; the ledger never looks at identities itself.
 *
 * @param pseudonym the actor's pseudonym, 1 to {@value LedgerRecord#MAX_ID_LENGTH} characters
 * @param role      a role of {@link Roles}, or {@value #SYSTEM_ROLE} for actions of the platform itself
 */
public record Actor(String pseudonym, String role) {

    /** Role of actions taken by the platform on its own (routing, timers, the sequencer). */
    public static final String SYSTEM_ROLE = "system";

    public Actor {
        LedgerRecord.checkId("actor pseudonym", pseudonym, false);
        Objects.requireNonNull(role, "role");
        if (!Roles.isKnown(role) && !SYSTEM_ROLE.equals(role)) {
            throw new IllegalArgumentException("unknown role \"" + role + "\"; expected one of " + Roles.ALL
                    + " or " + SYSTEM_ROLE);
        }
    }

    /** The platform itself acting through one of its components, e.g. {@code system("routing")}. */
    public static Actor system(String component) {
        return new Actor("system:" + component, SYSTEM_ROLE);
    }
}
