package io.oversight.app.rest;

import io.oversight.kernel.FieldError;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Refuses query parameters an operation cannot use, with 400 before it runs:
 * <ul>
 * <li>one it does not declare, naming the ones it takes: ignoring it would answer a misspelt filter
 * ({@code ?workfow=x}) with everything, unfiltered, as if the filter had matched;</li>
 * <li>a value holding a NUL character: no text column stores one (PostgreSQL refuses it outright, so
 * it would surface as a server error from whichever query received it).</li>
 * </ul>
 */
@Provider
public class QueryParameterFilter implements ContainerRequestFilter {

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        Optional<String> withNul = request.getUriInfo().getQueryParameters().entrySet().stream()
                .filter(p -> p.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0))
                .map(Map.Entry::getKey).findFirst();
        if (withNul.isPresent()) {
            request.abortWith(Problems.response(ProblemDetails.invalid("Query parameter '" + withNul.get()
                    + "' holds a NUL character, which no value may contain.",
                    request.getUriInfo().getRequestUri().getRawPath(),
                    List.of(new FieldError(withNul.get(), "must not contain a NUL character")))));
            return;
        }
        Set<String> declared = DECLARED.computeIfAbsent(method, QueryParameterFilter::queryParameters);
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
