package io.oversight.governance;

/**
 * Where a prediction goes under a routing policy.
 *
 * @param tier   review tier (1 to 3) for {@code HUMAN_REVIEW} and {@code ESCALATE}, 0 otherwise
 * @param reason why, for the routing decision's ledger entry and for people
 */
public record RouteDecision(Outcome outcome, int tier, String reason) {

    public enum Outcome { AUTO_ACCEPT, HUMAN_REVIEW, AUTO_REJECT, ESCALATE }
}
