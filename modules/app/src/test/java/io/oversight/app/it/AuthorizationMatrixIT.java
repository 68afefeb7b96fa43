package io.oversight.app.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call every REST route and open every page, measured on the running server and compared
 * with the checked-in {@value #MATRIX}. Routes come from the OpenAPI document the server builds from
 * its deployed JAX-RS resources, pages from the view files in the WAR (its own and its module jars'),
 * so a new route or page without a line in the matrix fails this test. Each is called anonymously
 * and as an account holding a single role; a caller is "allowed" unless refused with 401, 403 or (for
 * pages) a redirect to the login page. State-changing routes get a malformed JSON body and path
 * values that name nothing, so that nothing changes, which the row counts confirm.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

    static final String MATRIX = "authorization-matrix.txt";
    private static final String MATRIX_SOURCE = "modules/app/src/test/resources/" + MATRIX;
    private static final String PASSWORD = "correct-horse-battery";
    private static final List<String> ROLES = List.of("annotator", "reviewer", "expert", "adjudicator", "governance",
            "auditor", "admin", "integration");
    private static final String ANONYMOUS = "anonymous";
    private static final String NOBODY = "nobody";
    /** A path value no resource has, so that allowed calls find nothing to act on. */
    private static final String NO_SUCH = "matrix-no-such";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWarWithProbes();
    }

    @ArquillianResource
    URL deployment;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyRouteAndPageAdmitsExactlyTheCallersTheMatrixNames() throws IOException {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put(ANONYMOUS, null);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ApiClient admin = ApiClient.asAdmin(deployment);
        for (String role : ROLES) {
            String username = "matrix-" + role + "-" + suffix;
            admin.createUser(username, PASSWORD, role);
            callers.put(role, "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, Long> before = withoutVault(RowCounts.of(deployment));

        Map<String, String> observed = new TreeMap<>();
        for (RestRoutes.Route route : RestRoutes.of(deployment).all()) {
            observed.put(route.method() + " /" + route.path(), allowed(callers, caller -> call(route, caller)));
        }
        for (String page : pages()) {
            observed.put("GET " + page, allowed(callers, caller -> open(page, caller)));
        }

        Map<String, Long> after = withoutVault(RowCounts.of(deployment));
        compareWithTheMatrix(observed, before.equals(after) ? List.of()
                : List.of("the calls changed the row counts: before " + before + "\n  after " + after));
    }

    /**
     * The row counts without the pseudonym vault: the vault issues a pseudonym the first time a
     * person is named, even by a refused request (revoking the qualification of an unknown login
     * names one), and a pseudonym is no state a caller can use.
     */
    private static Map<String, Long> withoutVault(Map<String, Long> counts) {
        Map<String, Long> kept = new TreeMap<>(counts);
        kept.keySet().removeIf(table -> table.startsWith("ledger_vault_"));
        return kept;
    }

    private static String allowed(Map<String, String> callers, java.util.function.Function<String, Boolean> admits) {
        List<String> admitted = new ArrayList<>();
        callers.forEach((name, authorization) -> {
            if (admits.apply(authorization)) {
                admitted.add(name);
            }
        });
        return admitted.isEmpty() ? NOBODY : String.join(",", admitted);
    }

    private boolean call(RestRoutes.Route route, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(deployment.toString()).resolve(route.concrete(NO_SUCH)))
                .timeout(Duration.ofSeconds(30));
        if (route.changesState()) {
            request.header("Content-Type", "application/json")
                    .method(route.method(), HttpRequest.BodyPublishers.ofString("{\"matrix\":"));
        } else {
            request.method(route.method(), HttpRequest.BodyPublishers.noBody());
        }
        int status = send(request, authorization).statusCode();
        return status != 401 && status != 403;
    }

    private boolean open(String page, String authorization) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(deployment.toString())
                .resolve(page.substring(1))).timeout(Duration.ofSeconds(30)).GET(), authorization);
        boolean toLogin = response.statusCode() / 100 == 3
                && response.headers().firstValue("Location").orElse("").contains("/login.xhtml");
        return response.statusCode() != 401 && response.statusCode() != 403 && !toLogin;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every view of the WAR: its own .xhtml files and those its module jars serve from META-INF/resources. */
    private static List<String> pages() throws IOException {
        TreeSet<String> pages = new TreeSet<>();
        try (ZipFile war = new ZipFile(System.getProperty("it.war", "target/oversight.war"))) {
            for (ZipEntry entry : java.util.Collections.list(war.entries())) {
                String name = entry.getName();
                if (name.endsWith(".xhtml") && !name.startsWith("WEB-INF/") && !name.startsWith("META-INF/")) {
                    pages.add("/" + name);
                } else if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                    try (InputStream jar = war.getInputStream(entry); ZipInputStream entries = new ZipInputStream(jar)) {
                        for (ZipEntry inner = entries.getNextEntry(); inner != null; inner = entries.getNextEntry()) {
                            String view = inner.getName();
                            if (view.startsWith("META-INF/resources/") && view.endsWith(".xhtml")
                                    && !view.startsWith("META-INF/resources/WEB-INF/")) {
                                pages.add("/" + view.substring("META-INF/resources/".length()));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(pages.contains("/home.xhtml") && pages.contains("/review/workbench.xhtml"), pages.toString());
        return List.copyOf(pages);
    }

    private static Map<String, String> expected() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        try (InputStream in = AuthorizationMatrixIT.class.getClassLoader().getResourceAsStream(MATRIX)) {
            if (in == null) {
                return expected;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                if (parts.length != 3) {
                    fail(MATRIX + ": a line must read '<METHOD> <path> <callers>': " + line);
                }
                expected.put(parts[0] + " " + parts[1], parts[2]);
            }
        }
        return expected;
    }

    private static void compareWithTheMatrix(Map<String, String> observed, List<String> otherProblems) throws IOException {
        Map<String, String> expected = expected();
        List<String> problems = new ArrayList<>(otherProblems);
        observed.forEach((route, callers) -> {
            String wanted = expected.get(route);
            if (wanted == null) {
                problems.add("no entry for " + route + ": decide who may use it (default deny) and add the line\n    "
                        + route + " " + callers + "\n  to " + MATRIX_SOURCE
                        + " (callers: comma-separated roles in the order " + ANONYMOUS + "," + String.join(",", ROLES)
                        + ", or " + NOBODY + ")");
            } else if (!wanted.equals(callers)) {
                problems.add(route + ": the matrix says " + wanted + " but the server admits " + callers);
            }
        });
        expected.keySet().stream().filter(route -> !observed.containsKey(route))
                .forEach(route -> problems.add(route + " is in " + MATRIX_SOURCE + " but the server has no such route or page"));
        if (!problems.isEmpty()) {
            StringBuilder observedMatrix = new StringBuilder();
            observed.forEach((route, callers) -> observedMatrix.append(route).append(' ').append(callers).append('\n'));
            fail(problems.size() + " problem(s) with the authorization matrix:\n" + String.join("\n", problems)
                    + "\n\nThe server as observed:\n" + observedMatrix);
        }
    }
}
