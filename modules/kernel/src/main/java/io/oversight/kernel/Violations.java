package io.oversight.kernel;

import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of a request so that the caller learns all of them in one answer. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Adds an error when {@code valid} is false; returns {@code valid}. */
    public boolean check(boolean valid, String field, String message) {
        if (!valid) {
            add(field, message);
        }
        return valid;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /**
     * @throws InvalidInputException naming {@code what} and the invalid field, or how many fields are
     *         invalid when there are several (each is in the problem's {@code errors})
     */
    public void throwIfAny(String what) {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).message()
                    : errors.size() + " fields are invalid";
            throw new InvalidInputException(what + " is invalid: " + detail, errors);
        }
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
