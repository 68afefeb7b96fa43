package io.oversight.export;

import io.oversight.kernel.NotFoundException;

/** No workflow (or no retrain rule of the workflow) with that key or id (404). */
public class UnknownWorkflowException extends NotFoundException {

    public UnknownWorkflowException(String message) {
        super(message);
    }
}
