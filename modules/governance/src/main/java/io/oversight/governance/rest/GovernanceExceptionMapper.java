package io.oversight.governance.rest;

import io.oversight.governance.domain.AccessDeniedException;
import io.oversight.governance.domain.ConflictException;
import io.oversight.governance.domain.FieldError;
import io.oversight.governance.domain.GovernanceException;
import io.oversight.governance.domain.InvalidInputException;
import io.oversight.governance.domain.PromotionRefusedException;
import io.oversight.governance.domain.UnknownObjectException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Refused governance requests as RFC 9457 problem+json, in the same shape and with the same type
 * URIs as the app's mappers: 400 with the invalid fields, 403, 404, 409. The message is the domain's
 * own precise text; it never quotes raw request bodies.
 */
@Provider
public class GovernanceExceptionMapper implements ExceptionMapper<GovernanceException> {

    private static final String TYPE_BASE = "https://oversight.io/problems/";

    @Context
    UriInfo uriInfo;

    public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    }

    /** A refused promotion: the failed criterion with the measured and required numbers (SPEC G6). */
    public record GateProblem(String type, String title, int status, String detail, String instance, String criterion,
            Double measured, double required, long n) {
    }

    @Override
    public Response toResponse(GovernanceException exception) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        if (exception instanceof PromotionRefusedException refused) {
            return Response.status(409).type("application/problem+json").entity(new GateProblem(TYPE_BASE + "promotion-gate",
                    "Promotion refused by the acceptance criteria", 409, refused.getMessage(), instance, refused.criterion(),
                    refused.measured().orElse(null), refused.required(), refused.n())).build();
        }
        Problem problem;
        if (exception instanceof InvalidInputException invalid) {
            problem = new Problem(TYPE_BASE + "validation", "Invalid request", 400, invalid.getMessage(), instance,
                    invalid.errors());
        } else if (exception instanceof ConflictException) {
            problem = new Problem(TYPE_BASE + "conflict", "Conflict", 409, exception.getMessage(), instance, null);
        } else if (exception instanceof UnknownObjectException) {
            problem = new Problem(TYPE_BASE + "not-found", "Not Found", 404, exception.getMessage(), instance, null);
        } else if (exception instanceof AccessDeniedException) {
            problem = new Problem(TYPE_BASE + "forbidden", "Forbidden", 403, exception.getMessage(), instance, null);
        } else {
            problem = new Problem(TYPE_BASE + "bad-request", "Bad Request", 400, exception.getMessage(), instance, null);
        }
        return Response.status(problem.status()).type("application/problem+json").entity(problem).build();
    }
}
