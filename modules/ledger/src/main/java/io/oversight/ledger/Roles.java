package io.oversight.ledger;

import java.util.List;

/**
 * The platform's roles. They live in the shared kernel because every module declares
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
    /**
     * A customer system calling the API, not a person: a model service posting predictions, an
     * application reporting user feedback. It has no pages.
     */
    public static final String INTEGRATION = "integration";

    /** All roles, in the order pages list them. */
    public static final List<String> ALL =
            List.of(ANNOTATOR, REVIEWER, EXPERT, ADJUDICATOR, GOVERNANCE, AUDITOR, ADMIN, INTEGRATION);

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return ALL.contains(role);
    }
}
