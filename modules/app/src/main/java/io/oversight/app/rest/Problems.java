package io.oversight.app.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds problem+json responses for the exception mappers. */
final class Problems {

    private Problems() {
    }

    static Response response(ProblemDetails problem) {
        return Response.status(problem.status()).type(ProblemDetails.MEDIA_TYPE).entity(problem).build();
    }

    /** 400 for a body that could not be read; the parser's own message is deliberately not repeated. */
    static Response malformedBody(Throwable exception, UriInfo uriInfo) {
        String detail = "The request body could not be read.";
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException) {
                detail = "The request body is not valid JSON, or a field has the wrong type.";
                break;
            }
        }
        return response(ProblemDetails.of(400, "Malformed request body", detail, instance(uriInfo)));
    }

    static String instance(UriInfo uriInfo) {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }
}
