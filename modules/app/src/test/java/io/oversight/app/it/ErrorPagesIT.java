package io.oversight.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No stack trace ever reaches a person: an unknown workflow in a page's address, a forged view state,
 * an expired view and an unknown page each answer with a page for people (the right status, an
 * incident id the log also records), never a trace and never status 200 for a failure.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErrorPagesIT {

    private static final Pattern INCIDENT = Pattern.compile("id=\"incident\">[0-9a-f]{12}<");
    private static final Pattern TRACE = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]+\\.|\\.java:\\d+");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWarWithProbes();
    }

    @ArquillianResource
    URL deployment;

    private static void assertFriendly(HttpResponse<String> response, int status, String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertTrue(INCIDENT.matcher(response.body()).find(), what + " shows an incident id: " + response.body());
        assertNoTrace(response, what);
    }

    private static void assertNoTrace(HttpResponse<String> response, String what) {
        assertFalse(TRACE.matcher(response.body()).find(), what + " shows no stack trace: " + response.body());
    }

    private SessionClient lead(TasksFixture f) {
        return SessionClient.signIn(deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);
    }

    @Test
    void anUnknownWorkflowInThePageAddressIsAFriendlyNotFound() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);

        HttpResponse<String> models = lead(f).get("governance/models.xhtml?workflow=nonexistent");

        assertFriendly(models, 404, "models of an unknown workflow");
        assertTrue(models.body().contains("Not found"), models.body());
        assertTrue(models.body().contains("nonexistent"), "says what was not found: " + models.body());
    }

    @Test
    void everyPageTakingAnAddressParameterAnswersABadValueWithoutATrace() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        SessionClient everyone = SessionClient.signIn(deployment, everyRole(f), TasksFixture.PASSWORD);
        List<String> pages = List.of("governance/models.xhtml?workflow=nonexistent",
                "governance/workflow.xhtml?key=nonexistent", "governance/guideline.xhtml?workflow=nonexistent",
                "governance/policy.xhtml?id=nonexistent", "governance/policy.xhtml?workflow=nonexistent",
                "governance/advice.xhtml?workflow=nonexistent", "governance/monitors.xhtml?workflow=nonexistent",
                "governance/alerts.xhtml?workflow=nonexistent", "review/agreement.xhtml?workflow=nonexistent",
                "review/agreement.xhtml?workflow=" + f.key + "&tier=x", "auditor/ledger.xhtml?entry=abc",
                "auditor/ledger.xhtml?entry=99999999999999999999", "review/workbench.xhtml?task=nonexistent",
                "export/reports.xhtml?workflow=nonexistent");

        List<String> failures = new ArrayList<>();
        for (String page : pages) {
            HttpResponse<String> response = everyone.get(page);
            boolean friendly = response.statusCode() == 200 || INCIDENT.matcher(response.body()).find();
            if (response.statusCode() >= 500 || !friendly || TRACE.matcher(response.body()).find()) {
                failures.add(page + " -> " + response.statusCode());
            }
        }

        assertEquals(List.of(), failures, "pages answering a bad parameter with a failure or a trace");
    }

    private String everyRole(TasksFixture f) {
        String login = "all-" + f.suffix;
        f.admin.createUser(login, TasksFixture.PASSWORD, "annotator", "reviewer", "expert", "adjudicator", "governance",
                "auditor", "admin");
        return login;
    }

    @Test
    void aForgedViewStateIsABadRequestWithoutATrace() {
        TasksFixture f = new TasksFixture(deployment);
        SessionClient lead = lead(f);
        lead.get("governance/workflows.xhtml");

        HttpResponse<String> garbled = lead.postForm("governance/workflows.xhtml",
                "signOutForm=signOutForm&signOutForm_SUBMIT=1&jakarta.faces.ViewState=" + encode("<script>!!</script>"), false);

        assertFriendly(garbled, 400, "a garbled view state");
        assertFalse(garbled.body().contains("<script>!!"), "nothing sent is echoed as markup");
    }

    @Test
    void anExpiredViewReloadsItsPageWithAMessageForFormsAndAjaxAlike() {
        TasksFixture f = new TasksFixture(deployment);
        SessionClient lead = lead(f);
        lead.get("governance/workflows.xhtml");
        // well-formed, but no view the server holds: what a page kept open past its session sends
        String unknown = Base64.getEncoder().encodeToString("0123456789abcdef00000099".getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> post = lead.postForm("governance/workflows.xhtml",
                "signOutForm=signOutForm&signOutForm_SUBMIT=1&signOutForm%3AsignOut=Sign+out&jakarta.faces.ViewState=" + encode(unknown), false);
        HttpResponse<String> ajax = lead.postForm("governance/workflows.xhtml",
                "signOutForm=signOutForm&signOutForm_SUBMIT=1&jakarta.faces.source=signOutForm%3AsignOut&jakarta.faces.partial.ajax=true"
                        + "&jakarta.faces.partial.execute=%40form&jakarta.faces.partial.render=%40form&jakarta.faces.ViewState="
                        + encode(unknown), true);

        assertTrue(post.statusCode() == 302 || post.statusCode() == 303, "a form post is sent back to its page: " + post.statusCode());
        String location = post.headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith("governance/workflows.xhtml"), location);
        HttpResponse<String> reloaded = lead.get("governance/workflows.xhtml");
        assertEquals(200, reloaded.statusCode());
        assertTrue(reloaded.body().contains("This page had expired"), "and says why: " + reloaded.body());
        assertEquals(200, ajax.statusCode(), ajax.body());
        assertTrue(ajax.body().contains("<redirect url=\"") && ajax.body().contains("governance/workflows.xhtml"),
                "an Ajax request reloads its page instead of failing silently: " + ajax.body());
        assertNoTrace(ajax, "the Ajax answer");
        assertEquals(200, lead.get("governance/workflows.xhtml").statusCode(), "still signed in");
    }

    @Test
    void aBugWhileRenderingAPageOrOutsideFacesIsAFriendlyServerErrorWithoutInternals() {
        SessionClient anyone = SessionClient.anonymous(deployment);

        HttpResponse<String> page = anyone.get(FailingProbes.PAGE);
        HttpResponse<String> servlet = anyone.get(FailingProbes.SERVLET);

        assertFriendly(page, 500, "a page whose bean throws while rendering");
        assertFriendly(servlet, 500, "a servlet that throws");
        assertFalse(page.body().contains("Secret") || servlet.body().contains("Secret"), "no internals: " + page.body());
        assertFalse(page.body().contains("<title>probe"), "not half a page: " + page.body());
        assertTrue(page.body().contains("Something went wrong"), page.body());
    }

    @Test
    void anUnknownPageIsAFriendlyNotFound() {
        TasksFixture f = new TasksFixture(deployment);

        HttpResponse<String> missing = lead(f).get("governance/no-such-page.xhtml");
        HttpResponse<String> anonymous = SessionClient.anonymous(deployment).get("errors/page");

        assertFriendly(missing, 404, "an unknown page");
        assertTrue(missing.body().contains("<title>Not found"), missing.body());
        assertFriendly(anonymous, 404, "the error page asked for directly");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
