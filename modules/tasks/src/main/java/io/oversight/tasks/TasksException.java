package io.oversight.tasks;

/** A request the tasks module refuses; the subclass says how (mapped to problem+json by the REST layer). Its message is fit to show the caller. */
public class TasksException extends RuntimeException {

    public TasksException(String message) {
        super(message);
    }
}
