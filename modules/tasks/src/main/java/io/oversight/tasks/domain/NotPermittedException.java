package io.oversight.tasks.domain;

import io.oversight.tasks.TasksException;

/** The caller lacks what the action needs: a qualification, the lease, a role. */
public class NotPermittedException extends TasksException {

    public NotPermittedException(String message) {
        super(message);
    }
}
