package io.oversight.export;

import io.oversight.kernel.ConflictException;

/** The job is not in a state that allows the operation (409). */
public class ExportConflictException extends ConflictException {

    public ExportConflictException(String message) {
        super(message);
    }
}
