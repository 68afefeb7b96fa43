package io.oversight.governance.domain;

import java.util.Optional;

/**
 * A promotion to ACTIVE refused by the workflow's acceptance criteria (SPEC G6): names the criterion
 * that failed and the numbers it was judged on. REST answers 409 with those fields.
 */
public class PromotionRefusedException extends GovernanceException {

    private final String criterion;
    private final Optional<Double> measured;
    private final double required;
    private final long n;

    public PromotionRefusedException(String criterion, Optional<Double> measured, double required, long n, String message) {
        super(message);
        this.criterion = criterion;
        this.measured = measured;
        this.required = required;
        this.n = n;
    }

    public String criterion() {
        return criterion;
    }

    public Optional<Double> measured() {
        return measured;
    }

    public double required() {
        return required;
    }

    public long n() {
        return n;
    }
}
