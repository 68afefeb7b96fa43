package io.oversight.review.decision;

import io.oversight.ledger.Roles;
import java.util.List;

/** The roles a reviewer may act in on a tier's queue: whom a claim, a decision or a reveal is recorded as. */
public final class TierRoles {

    private TierRoles() {
    }

    /** Roles a reviewer may act in on a tier's queue, the most fitting first. */
    public static List<String> of(int tier) {
        return switch (tier) {
            case 3 -> List.of(Roles.EXPERT, Roles.REVIEWER, Roles.ANNOTATOR, Roles.ADJUDICATOR);
            case 2 -> List.of(Roles.REVIEWER, Roles.EXPERT, Roles.ANNOTATOR, Roles.ADJUDICATOR);
            default -> List.of(Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR);
        };
    }
}
