package io.oversight.governance.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of one request, so the caller learns all of them at once. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Adds an error when {@code ok} is false; returns {@code ok}. */
    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return ok;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny(String what) {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid";
            throw new InvalidInputException(what + " is invalid: " + detail + ".", errors);
        }
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
