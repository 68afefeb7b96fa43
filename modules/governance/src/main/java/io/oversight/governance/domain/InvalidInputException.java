package io.oversight.governance.domain;

import java.util.List;

/** Input that breaks a rule of the governance model; lists every invalid field. */
public class InvalidInputException extends GovernanceException {

    private final List<FieldError> errors;

    public InvalidInputException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
