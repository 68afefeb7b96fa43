package io.oversight.export.rest;

import io.oversight.export.ExportConflictException;
import io.oversight.export.ExportException;
import io.oversight.export.InvalidExportRequestException;
import io.oversight.export.UnknownExportException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/**
 * Refused export requests as RFC 9457 problem+json, with the type URIs the other modules use: 400
 * with the invalid fields, 404, 409.
 */
@Provider
public class ExportExceptionMapper implements ExceptionMapper<ExportException> {

    private static final String TYPE_BASE = "https://oversight.io/problems/";

    @Context
    UriInfo uriInfo;

    public record Problem(String type, String title, int status, String detail, String instance,
            List<InvalidExportRequestException.FieldProblem> errors) {
    }

    @Override
    public Response toResponse(ExportException exception) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        Problem problem;
        if (exception instanceof InvalidExportRequestException invalid) {
            problem = new Problem(TYPE_BASE + "validation", "Invalid request", 400, invalid.getMessage(), instance,
                    invalid.problems());
        } else if (exception instanceof UnknownExportException) {
            problem = new Problem(TYPE_BASE + "not-found", "Not Found", 404, exception.getMessage(), instance, null);
        } else if (exception instanceof ExportConflictException) {
            problem = new Problem(TYPE_BASE + "conflict", "Conflict", 409, exception.getMessage(), instance, null);
        } else {
            problem = new Problem(TYPE_BASE + "bad-request", "Bad Request", 400, exception.getMessage(), instance, null);
        }
        return Response.status(problem.status()).type("application/problem+json").entity(problem).build();
    }
}
