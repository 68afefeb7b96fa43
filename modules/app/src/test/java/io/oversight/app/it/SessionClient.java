package io.oversight.app.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's view of the API without a browser: signs in on the login page like a person, then sends
 * requests authenticated only by the session cookie, with whatever Origin and Referer a test chooses.
 */
final class SessionClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final URI base;
    private final HttpClient http;
    private final List<String> cookiesSet = new ArrayList<>();

    private SessionClient(URI base) {
        this.base = base;
        // HTTP/1.1 like a browser on a plain-HTTP origin; the h2c upgrade cut the login page short.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A browser that has not signed in. */
    static SessionClient anonymous(URL deployment) {
        return new SessionClient(URI.create(deployment.toString()));
    }

    /** The view state a page hands its forms. */
    static String viewState(String page) {
        Matcher viewState = VIEW_STATE.matcher(page);
        if (!viewState.find()) {
            throw new IllegalStateException("no view state on the page: " + page);
        }
        return viewState.group(1);
    }

    /** A form post of the given url-encoded fields; {@code ajax} makes it a Faces Ajax request. */
    HttpResponse<String> postForm(String path, String fields, boolean ajax) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }
        return send(request);
    }

    static SessionClient signIn(URL deployment, String username, String password) {
        SessionClient client = new SessionClient(URI.create(deployment.toString()));
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(client.base.resolve("login.xhtml")).GET());
        String fields = "login=login&login_SUBMIT=1&login%3Ausername=" + encode(username) + "&login%3Apassword=" + encode(password)
                + "&login%3AsignIn=Sign+in&jakarta.faces.ViewState=" + encode(viewState(form.body()));
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(client.base.resolve("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)));
        client.cookiesSet.addAll(form.headers().allValues("Set-Cookie"));
        client.cookiesSet.addAll(signedIn.headers().allValues("Set-Cookie"));
        if (signedIn.statusCode() != 302 && signedIn.statusCode() != 303) {
            throw new IllegalStateException("signing in as " + username + " gave " + signedIn.statusCode());
        }
        return client;
    }

    /** The Set-Cookie headers the server sent while signing in. */
    List<String> cookiesSet() {
        return List.copyOf(cookiesSet);
    }

    /** This server's origin, as its own pages send it. */
    String ownOrigin() {
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A request as a foreign page's form or fetch makes it: no body, no Content-Type. */
    HttpResponse<String> bodiless(String method, String path, String origin, String referer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (referer != null) {
            request.header("Referer", referer);
        }
        return send(request);
    }

    HttpResponse<String> postJson(String path, String json, String origin, String referer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (referer != null) {
            request.header("Referer", referer);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
