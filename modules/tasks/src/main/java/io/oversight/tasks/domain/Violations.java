package io.oversight.tasks.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of a request so one response can list them all. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public void check(boolean valid, String field, String message) {
        if (!valid) {
            add(field, message);
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** @throws InvalidRequestException naming {@code what} and every collected error, if any */
    public void throwIfAny(String what) {
        if (!errors.isEmpty()) {
            String first = errors.get(0).field() + " " + errors.get(0).message();
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
            throw new InvalidRequestException(what + " is invalid: " + first + more, errors);
        }
    }
}
