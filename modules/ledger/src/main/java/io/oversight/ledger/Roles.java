package io.oversight.ledger;

import java.util.List;

/**
 * The platform's roles (SPEC S1). They live in the shared kernel because every module declares
 * who may call it ({@code @RolesAllowed}) and every ledger entry records the actor's role.
 */
public final class Roles {

    public static final String ANNOTATOR = "annotator";
    public static final String REVIEWER = "reviewer";
    public static final String EXPERT = "expert";
    public static final String ADJUDICATOR = "adjudicator";
    public static final String GOVERNANCE = "governance";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    /** All roles, in the order pages list them. */
    public static final List<String> ALL =
            List.of(ANNOTATOR, REVIEWER, EXPERT, ADJUDICATOR, GOVERNANCE, AUDITOR, ADMIN);

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return ALL.contains(role);
    }
}
