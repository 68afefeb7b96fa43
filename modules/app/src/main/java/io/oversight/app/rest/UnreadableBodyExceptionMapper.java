package io.oversight.app.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not JSON, or not JSON of the expected shape. The parser's message is not
 * echoed: it can quote the raw request text, which must never reach logs or other clients.
 */
@Provider
public class UnreadableBodyExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessingException exception) {
        return Problems.malformedBody(exception, uriInfo);
    }
}
