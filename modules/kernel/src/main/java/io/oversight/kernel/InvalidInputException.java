package io.oversight.kernel;

import java.util.List;
import java.util.Map;

/** 400: the request names invalid values; {@link #errors()} lists every invalid field. */
public class InvalidInputException extends RefusalException {

    private final List<FieldError> errors;

    public InvalidInputException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** One invalid field; the message reads "{@code field message}". */
    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(field + " " + message, List.of(new FieldError(field, message)));
    }

    /** One invalid field, described by a whole sentence that is also the problem's detail. */
    public static InvalidInputException sentence(String field, String sentence) {
        return new InvalidInputException(sentence, List.of(new FieldError(field, sentence)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String problemType() {
        return "validation";
    }

    @Override
    public String title() {
        return "Invalid request";
    }

    @Override
    public Map<String, Object> extensions() {
        return errors.isEmpty() ? Map.of() : Map.of("errors", errors);
    }
}
