package io.oversight.export;

import io.oversight.kernel.FieldError;
import io.oversight.kernel.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/** A report or export request with invalid fields (400); nothing was created. The detail names each. */
public class InvalidExportRequestException extends InvalidInputException {

    public InvalidExportRequestException(List<FieldError> problems) {
        super(problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")), problems);
    }
}
