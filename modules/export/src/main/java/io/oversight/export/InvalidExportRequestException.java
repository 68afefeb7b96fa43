package io.oversight.export;

import java.util.List;
import java.util.stream.Collectors;

/** A request with invalid fields (400); nothing was created. */
public class InvalidExportRequestException extends ExportException {

    /** One invalid field and why. */
    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidExportRequestException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
