package io.oversight.governance.domain;

import io.oversight.kernel.ConflictException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A promotion to ACTIVE refused by the workflow's acceptance criteria: names the criterion
 * that failed and the numbers it was judged on. REST answers 409 with those fields.
 */
public class PromotionRefusedException extends ConflictException {

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

    @Override
    public String problemType() {
        return "promotion-gate";
    }

    @Override
    public String title() {
        return "Promotion refused by the acceptance criteria";
    }

    @Override
    public Map<String, Object> extensions() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("criterion", criterion);
        measured.ifPresent(m -> numbers.put("measured", m));
        numbers.put("required", required);
        numbers.put("n", n);
        return numbers;
    }
}
