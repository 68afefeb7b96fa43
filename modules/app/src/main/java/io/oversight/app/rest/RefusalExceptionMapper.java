package io.oversight.app.rest;

import io.oversight.kernel.RefusalException;
import io.oversight.kernel.TooManyException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every module's refusals as RFC 9457 problem+json, in one place: the status, type URI and title the
 * exception declares, its message as {@code detail}, the request path as {@code instance}, then its
 * extension members (the invalid fields of a 400, the measured and required numbers of a refused
 * promotion); a 429 carries {@code Retry-After} in whole seconds.
 */
@Provider
public class RefusalExceptionMapper implements ExceptionMapper<RefusalException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(RefusalException refusal) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemDetails.TYPE_BASE + refusal.problemType());
        problem.put("title", refusal.title());
        problem.put("status", refusal.status());
        problem.put("detail", refusal.getMessage());
        String instance = Problems.instance(uriInfo);
        if (instance != null) {
            problem.put("instance", instance);
        }
        refusal.extensions().forEach((name, value) -> {
            if (value != null) {
                problem.put(name, value);
            }
        });
        Response.ResponseBuilder response = Response.status(refusal.status()).type(ProblemDetails.MEDIA_TYPE).entity(problem);
        if (refusal instanceof TooManyException tooMany) {
            response.header("Retry-After", Math.max(1, tooMany.retryAfter().toSeconds()));
        }
        return response.build();
    }
}
