package io.oversight.tasks.domain;

import io.oversight.tasks.TasksException;

/** The request contradicts the current state, e.g. a reused client key with a different body. */
public class ConflictException extends TasksException {

    public ConflictException(String message) {
        super(message);
    }
}
