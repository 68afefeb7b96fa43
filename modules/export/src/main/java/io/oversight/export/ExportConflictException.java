package io.oversight.export;

/** The job is not in a state that allows the operation (409). */
public class ExportConflictException extends ExportException {

    public ExportConflictException(String message) {
        super(message);
    }
}
