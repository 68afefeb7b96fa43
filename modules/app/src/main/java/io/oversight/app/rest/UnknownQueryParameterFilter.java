package io.oversight.app.rest;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Refuses a query parameter the operation does not declare, with 400 naming it and the ones it does
 * take. Ignoring it would answer a misspelt filter ({@code ?workfow=x}) with everything, unfiltered,
 * as if the filter had matched: a client would act on the wrong data without knowing.
 */
@Provider
public class UnknownQueryParameterFilter implements ContainerRequestFilter {

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> declared = DECLARED.computeIfAbsent(method, UnknownQueryParameterFilter::queryParameters);
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(declared);
        if (unknown.isEmpty()) {
            return;
        }
        String takes = declared.isEmpty() ? "takes no query parameters"
                : "takes " + declared.stream().sorted().collect(Collectors.joining(", "));
        request.abortWith(Problems.response(ProblemDetails.ofType("unknown-query-parameter", 400,
                "Unknown query parameter",
                "Unknown query parameter " + unknown.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "))
                        + ": " + request.getMethod() + " " + request.getUriInfo().getPath() + " " + takes + ".",
                request.getUriInfo().getRequestUri().getRawPath())));
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return Set.copyOf(names);
    }
}
