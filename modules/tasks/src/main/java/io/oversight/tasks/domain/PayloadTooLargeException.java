package io.oversight.tasks.domain;

import io.oversight.tasks.TasksException;

/** A request body or input payload over its documented limit. */
public class PayloadTooLargeException extends TasksException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
