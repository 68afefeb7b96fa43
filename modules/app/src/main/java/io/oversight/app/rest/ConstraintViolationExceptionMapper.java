package io.oversight.app.rest;

import io.oversight.kernel.FieldError;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures as one 400 problem listing every invalid field. */
@Provider
public class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return Problems.response(ProblemDetails.invalid("The request has invalid fields.", Problems.instance(uriInfo), errors));
    }

    /** The property path without the method and parameter nodes: "create.arg0.roles.<list element>[0]" becomes "roles[0]". */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, PARAMETER, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null) {
                        name.append('[').append(node.getIndex()).append(']');
                    } else if (node.getKey() != null) {
                        name.append('[').append(node.getKey()).append(']');
                    }
                }
                default -> {
                    if (!name.isEmpty()) {
                        name.append('.');
                    }
                    name.append(node.getName());
                    if (node.getIndex() != null) {
                        name.append('[').append(node.getIndex()).append(']');
                    }
                }
            }
        }
        return name.isEmpty() ? "request" : name.toString();
    }
}
