package io.oversight.export;

/** No job or export with that id (404). */
public class UnknownExportException extends ExportException {

    public UnknownExportException(String id) {
        super("No export job with id '" + id + "'.");
    }
}
