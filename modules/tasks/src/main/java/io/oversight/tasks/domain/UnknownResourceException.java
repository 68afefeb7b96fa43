package io.oversight.tasks.domain;

import io.oversight.tasks.TasksException;

/** The addressed workflow, item, task or queue does not exist (or is not the caller's to see). */
public class UnknownResourceException extends TasksException {

    public UnknownResourceException(String message) {
        super(message);
    }
}
