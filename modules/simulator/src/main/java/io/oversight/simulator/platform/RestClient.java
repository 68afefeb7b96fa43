package io.oversight.simulator.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/** JSON over HTTP with Basic authentication; any status outside the expected ones is an exception. */
final class RestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    RestClient(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    URI base() {
        return base;
    }

    JsonNode get(String path, Credentials who, int... expected) {
        return call("GET", path, who, null, expected);
    }

    JsonNode post(String path, Credentials who, Object body, int... expected) {
        return call("POST", path, who, body, expected);
    }

    JsonNode put(String path, Credentials who, Object body, int... expected) {
        return call("PUT", path, who, body, expected);
    }

    /** The status of the answer, for calls where several outcomes are normal (204 "nothing waits"). */
    Answer exchange(String method, String path, Credentials who, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", who.authorization())
                .header("Accept", "application/json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private JsonNode call(String method, String path, Credentials who, Object body, int... expected) {
        Answer answer = exchange(method, path, who, body);
        if (Arrays.stream(expected).noneMatch(s -> s == answer.status())) {
            throw new PlatformException(method + " " + path + " as " + who, answer.status(), answer.body());
        }
        return answer.json();
    }

    record Answer(int status, String body) {
        JsonNode json() {
            if (body == null || body.isBlank()) {
                return NullNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }
}
