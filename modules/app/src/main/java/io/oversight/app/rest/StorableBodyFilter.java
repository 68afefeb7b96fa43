package io.oversight.app.rest;

import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.JsonBodies;
import io.oversight.kernel.StorableJsonText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a JSON request body holding an escaped NUL or a lone surrogate with 400 before the operation
 * runs, for every operation ({@link StorableJsonText} says why: on PostgreSQL such a value ended as a
 * server error, or was stored altered). Operations that take the raw stream (intake) are left alone:
 * they read it under their own byte limit through {@link JsonBodies}, which checks the same, and
 * buffering it here first would hold an oversized body in memory.
 */
@Provider
public class StorableBodyFilter implements ContainerRequestFilter {

    private static final Map<Method, Boolean> READS_RAW_STREAM = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Method method = resourceInfo.getResourceMethod();
        MediaType type = request.getMediaType();
        if (method == null || !request.hasEntity() || type == null || !isJson(type)
                || READS_RAW_STREAM.computeIfAbsent(method,
                        m -> Arrays.asList(m.getParameterTypes()).contains(InputStream.class))) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        try {
            StorableJsonText.requireStorable(body);
        } catch (InvalidInputException refusal) {
            request.abortWith(Problems.response(ProblemDetails.invalid(refusal.getMessage(),
                    request.getUriInfo().getRequestUri().getRawPath(), refusal.errors())));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static boolean isJson(MediaType type) {
        return type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json");
    }
}
