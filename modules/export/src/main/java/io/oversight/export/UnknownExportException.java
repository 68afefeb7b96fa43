package io.oversight.export;

import io.oversight.kernel.NotFoundException;

/** No job or export with that id (404). */
public class UnknownExportException extends NotFoundException {

    public UnknownExportException(String id) {
        super("No export job with id '" + id + "'.");
    }
}
