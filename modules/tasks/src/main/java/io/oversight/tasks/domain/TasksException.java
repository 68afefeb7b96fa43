package io.oversight.tasks.domain;

/** A request the tasks module refuses; the subclass says how (mapped to problem+json by the REST layer). */
public class TasksException extends RuntimeException {

    public TasksException(String message) {
        super(message);
    }
}
