package io.oversight.app.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds problem+json responses for the exception mappers. */
final class Problems {

    private Problems() {
    }

    static Response response(ProblemDetails problem) {
        return Response.status(problem.status()).type(ProblemDetails.MEDIA_TYPE).entity(problem).build();
    }

    static String instance(UriInfo uriInfo) {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }
}
