package io.oversight.export;

/** A refused export request; the subclasses say how (REST maps them to problem+json). */
public abstract class ExportException extends RuntimeException {

    protected ExportException(String message) {
        super(message);
    }
}
