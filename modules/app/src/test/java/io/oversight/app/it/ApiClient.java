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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the REST API of a deployed test archive, with optional Basic credentials. */
public final class ApiClient {

    public static final String ADMIN = "admin";

    private final URI base;
    private final String authorization;
    // HTTP/1.1: by default the client asks a plain-HTTP server to upgrade to HTTP/2, and each upgraded
    // connection it keeps open holds the deployment it first reached, so a test server redeployed forty
    // times kept old deployments' class loaders alive (seen in a heap dump)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private ApiClient(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static ApiClient anonymous(URL deployment) {
        return new ApiClient(URI.create(deployment.toString()), null);
    }

    public static ApiClient as(URL deployment, String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(URI.create(deployment.toString()), "Basic " + token);
    }

    public static ApiClient asAdmin(URL deployment) {
        return as(deployment, ADMIN, System.getProperty("it.admin.password"));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** Creates an account through the API; the admin client must be used. */
    public void createUser(String username, String password, String... roles) {
        StringBuilder roleList = new StringBuilder();
        for (String role : roles) {
            roleList.append(roleList.isEmpty() ? "" : ",").append('"').append(role).append('"');
        }
        HttpResponse<String> response = postJson("api/v1/users", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\",\"roles\":[" + roleList + "]}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating " + username + " gave " + response.statusCode() + ": " + response.body());
        }
    }

    /** The deployment's base URI, for requests this client does not build itself. */
    public URI base() {
        return base;
    }

    /** The Authorization header value this client sends, for requests it does not build itself. */
    public String authorization() {
        return authorization;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }
}
