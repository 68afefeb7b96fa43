package io.oversight.app.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every REST route of the running application, read from the OpenAPI document the server generates
 * from its deployed JAX-RS resources, so that a route added anywhere is covered without editing a list.
 */
record RestRoutes(List<Route> all) {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * One operation; {@code path} is relative to the deployment, with its {templates};
     * {@code queryParameters} the names it declares, {@code takesBody} whether it reads a request body.
     */
    record Route(String method, String path, List<String> queryParameters, boolean takesBody) {

        boolean changesState() {
            return STATE_CHANGING.contains(method);
        }

        /** The path with each template variable replaced, for calling the route. */
        String concrete(String value) {
            return path.replaceAll("\\{[^}]*}", value);
        }

        @Override
        public String toString() {
            return method + " /" + path;
        }
    }

    static RestRoutes of(URL deployment) {
        URI base = URI.create(deployment.toString());
        String contextPath = base.getPath();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(base.resolve("/openapi?format=JSON"))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        JsonObject paths = Json.createReader(new StringReader(response.body())).readObject().getJsonObject("paths");
        List<Route> routes = new ArrayList<>();
        paths.forEach((path, operations) -> operations.asJsonObject().entrySet().stream()
                .filter(operation -> HTTP_METHODS.contains(operation.getKey()))
                .forEach(operation -> {
                    JsonObject details = operation.getValue().asJsonObject();
                    routes.add(new Route(operation.getKey().toUpperCase(Locale.ROOT), relative(path, contextPath),
                            queryParameters(details), details.containsKey("requestBody")));
                }));
        if (routes.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document lists no operations: " + response.body());
        }
        return new RestRoutes(List.copyOf(routes));
    }

    private static List<String> queryParameters(JsonObject operation) {
        JsonArray parameters = operation.getJsonArray("parameters");
        return parameters == null ? List.of() : parameters.getValuesAs(JsonObject.class).stream()
                .filter(p -> "query".equals(p.getString("in", "")))
                .map(p -> p.getString("name"))
                .toList();
    }

    private static String relative(String path, String contextPath) {
        String relative = path.startsWith(contextPath) ? path.substring(contextPath.length()) : path;
        return relative.startsWith("/") ? relative.substring(1) : relative;
    }

    List<Route> stateChanging() {
        return all.stream().filter(Route::changesState).toList();
    }
}
