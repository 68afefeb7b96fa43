package io.oversight.tasks.rest;

import io.oversight.tasks.domain.ConflictException;
import io.oversight.tasks.domain.FieldError;
import io.oversight.tasks.domain.FatigueLimitException;
import io.oversight.tasks.domain.InvalidRequestException;
import io.oversight.tasks.domain.NotPermittedException;
import io.oversight.tasks.domain.PayloadTooLargeException;
import io.oversight.tasks.TasksException;
import io.oversight.tasks.domain.UnknownResourceException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Refused tasks requests as RFC 9457 problem+json, in the shape and with the type URIs of the other
 * modules: 400 with every invalid field, 403, 404, 409, 413, 429 (fatigue cap, with Retry-After). Messages never quote request bodies.
 */
@Provider
public class TasksExceptionMapper implements ExceptionMapper<TasksException> {

    private static final String TYPE_BASE = "https://oversight.io/problems/";

    @Context
    UriInfo uriInfo;

    public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    }

    @Override
    public Response toResponse(TasksException exception) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        Problem problem;
        if (exception instanceof InvalidRequestException invalid) {
            problem = new Problem(TYPE_BASE + "validation", "Invalid request", 400, invalid.getMessage(), instance,
                    invalid.errors());
        } else if (exception instanceof PayloadTooLargeException) {
            problem = new Problem(TYPE_BASE + "payload-too-large", "Payload Too Large", 413, exception.getMessage(),
                    instance, null);
        } else if (exception instanceof ConflictException) {
            problem = new Problem(TYPE_BASE + "conflict", "Conflict", 409, exception.getMessage(), instance, null);
        } else if (exception instanceof UnknownResourceException) {
            problem = new Problem(TYPE_BASE + "not-found", "Not Found", 404, exception.getMessage(), instance, null);
        } else if (exception instanceof FatigueLimitException tired) {
            problem = new Problem(TYPE_BASE + "fatigue-limit", "Too Many Requests", 429, exception.getMessage(), instance,
                    null);
            return Response.status(429).type("application/problem+json").entity(problem)
                    .header("Retry-After", Math.max(1, tired.retryAfter().toSeconds())).build();
        } else if (exception instanceof NotPermittedException) {
            problem = new Problem(TYPE_BASE + "forbidden", "Forbidden", 403, exception.getMessage(), instance, null);
        } else {
            problem = new Problem(TYPE_BASE + "bad-request", "Bad Request", 400, exception.getMessage(), instance, null);
        }
        return Response.status(problem.status()).type("application/problem+json").entity(problem).build();
    }
}
