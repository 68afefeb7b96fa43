package io.oversight.tasks.domain;

import io.oversight.tasks.TasksException;

import java.util.List;

/** A request that breaks an intake or queue rule; lists every invalid field, not just the first. */
public class InvalidRequestException extends TasksException {

    private final List<FieldError> errors;

    public InvalidRequestException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(field + " " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
