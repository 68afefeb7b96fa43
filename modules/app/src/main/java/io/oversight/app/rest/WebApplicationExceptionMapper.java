package io.oversight.app.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every JAX-RS error (404 for unknown paths, 403 from {@code @RolesAllowed}, 409 thrown by a
 * resource...) as problem+json, keeping the status and headers the exception carries.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType != null ? statusType.getReasonPhrase() : original.getStatusInfo().getReasonPhrase();
        ProblemDetails problem = ProblemDetails.of(status, title, detail(exception, status), Problems.instance(uriInfo));
        Response.ResponseBuilder builder = Response.fromResponse(original).entity(problem).type(ProblemDetails.MEDIA_TYPE);
        return builder.build();
    }

    private static String detail(WebApplicationException exception, int status) {
        String message = exception.getMessage();
        // the runtime's own texts for security refusals ("Unauthorized" on a 403) confuse more than they say
        boolean generic = message == null || status == 401 || status == 403
                || message.startsWith("HTTP " + status) || message.startsWith("RESTEASY");
        if (!generic) {
            return message;
        }
        return switch (status) {
            case 401 -> "Authentication is required.";
            case 403 -> "Your role does not allow this operation.";
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "No acceptable representation; this API produces JSON.";
            case 415 -> "Unsupported media type; send application/json.";
            default -> "The request could not be processed.";
        };
    }
}
