package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages people reported defects on, looked at in headless Chromium at 1366 px as a governance
 * lead and a reviewer would: every button readable, nothing wider than the screen, one flash message,
 * times written for people, the agreement page choosing one workflow and drawing its one-day chart,
 * a taxonomy label removed only after a confirmation, an active policy shown read-only, a favicon.
 * Each page is also saved by {@link Screenshots}, which is how docs/images is regenerated.
 */
@ExtendWith(ArquillianExtension.class)
class PagesBrowserIT {

    private static final String HUMAN_TIME = "\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}:\\d{2} UTC";
    /** WCAG's minimum contrast for large text and interface components. */
    private static final double MIN_CONTRAST = 3.0;

    /** The contrast ratio between an element's text colour and the first opaque background behind it. */
    private static final String CONTRAST = """
            function rgb(c) { var m = c.match(/[\\d.]+/g).map(Number); return m; }
            function lum(c) { return [0, 1, 2].map(function (i) { var v = c[i] / 255;
                return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
            var el = arguments[0], fg = rgb(getComputedStyle(el).color), node = el, bg = null;
            while (node && node.nodeType === 1) { var b = rgb(getComputedStyle(node).backgroundColor);
                if (b.length < 4 || b[3] > 0) { bg = b; break; } node = node.parentNode; }
            bg = bg || [255, 255, 255];
            var a = lum(fg), c = lum(bg);
            return (Math.max(a, c) + 0.05) / (Math.min(a, c) + 0.05);""";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1366, 900));
        wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void signIn(String login) {
        Browser.signIn(browser, deployment, login, TasksFixture.PASSWORD);
        visible(By.id("welcome"));
    }

    private double contrast(WebElement element) {
        return ((Number) browser.executeScript(CONTRAST, element)).doubleValue();
    }

    private void assertReadable(WebElement button) {
        double ratio = contrast(button);
        assertTrue(ratio >= MIN_CONTRAST, "button \"" + button.getAttribute("value") + "\" has contrast " + ratio);
    }

    private void assertFitsTheScreen(String page) {
        long scrollWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) browser.executeScript("return window.innerWidth")).longValue();
        assertTrue(scrollWidth <= viewport, page + " is " + scrollWidth + " px wide in a " + viewport + " px window");
    }

    @Test
    void governancePagesShowReadableButtonsAConfirmedRemovalAndAReadOnlyActivePolicy() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0.0);
        f.governance.postJson("api/v1/models", """
                {"workflowKey":"%s","name":"clf","version":"shadow","artifactDigest":"sha256:%s",
                 "labelSpace":["card-not-present","ok"]}""".formatted(f.key, "0123456789abcdef".repeat(4)));
        signIn("gov-" + f.suffix);

        browser.get(deployment + "governance/models.xhtml");
        visible(By.id("registry:snapshots"));
        List<WebElement> buttons = browser.findElements(By.cssSelector("#registry\\:snapshots input[type=submit]"));
        assertTrue(buttons.stream().anyMatch(b -> b.getAttribute("value").equals("Roll back")), "an active model can be rolled back");
        assertTrue(buttons.stream().anyMatch(b -> b.getAttribute("value").equals("Retire")), "a shadow model can be retired");
        buttons.forEach(this::assertReadable);
        assertFitsTheScreen("models");
        Screenshots.save(browser, "governance-models.png");

        browser.get(deployment + "governance/guideline.xhtml?workflow=" + f.key);
        assertReadable(visible(By.id("editor:preview")));

        browser.get(deployment + "governance/workflow.xhtml?key=" + f.key);
        WebElement remove = visible(By.cssSelector("#tree [data-confirm]"));
        assertTrue(remove.getAttribute("data-confirm").startsWith("Remove the label "), remove.getAttribute("data-confirm"));
        String treeBefore = browser.findElement(By.id("tree")).getText();
        remove.click();
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals(treeBefore, browser.findElement(By.id("tree")).getText(), "dismissing the question removes nothing");
        assertTrue(browser.getPageSource().contains("version 1"), "and publishes no new taxonomy version");
        assertFitsTheScreen("workflow");
        Screenshots.save(browser, "governance-workflow.png");

        String policyId = array(expect(200, f.governance.get("api/v1/workflows/" + f.key + "/policies"))).stream()
                .map(p -> p.asJsonObject()).filter(p -> p.getString("status").equals("ACTIVE"))
                .map(p -> p.getString("id")).findFirst().orElseThrow();
        browser.get(deployment + "governance/policy.xhtml?id=" + policyId);
        visible(By.id("policy:readOnly"));
        assertEquals("true", browser.findElement(By.id("policy:accept")).getAttribute("readonly"));
        assertEquals("true", browser.findElement(By.id("policy:rules")).getAttribute("readonly"));
        assertFalse(browser.findElement(By.id("policy:lowOutcome")).isEnabled());
        assertTrue(browser.findElements(By.id("policy:save")).isEmpty(), "no save button for what cannot be saved");
        Screenshots.save(browser, "governance-policy-active.png");
    }

    @Test
    void theAgreementPageChoosesOneWorkflowAndChartsASingleDay() {
        TasksFixture f = new TasksFixture(deployment).workflow(2, "[]", 0.0);
        TasksFixture other = new TasksFixture(deployment).workflow(2, "[]", 0.0);
        expect(202, f.submit(f.prediction("ag-1", 0.5)));
        expect(202, f.submit(f.prediction("ag-2", 0.5)));
        for (String name : List.of("ra", "rb")) {
            ApiClient reviewer = f.reviewer(name, 2);
            for (JsonObject claimed : f.claim(reviewer, 2, 2)) {
                TasksFixture.complete(reviewer, claimed.getJsonObject("task").getString("id"), "card-not-present");
            }
        }
        signIn("gov-" + f.suffix);

        browser.get(deployment + "review/agreement.xhtml?workflow=" + f.key + "&days=1");
        visible(By.id("report"));
        List<WebElement> selected = browser.findElements(By.cssSelector("select[name=workflow] option[selected]"));
        assertEquals(1, selected.size(), "exactly one workflow is chosen");
        assertEquals(f.key, selected.get(0).getAttribute("value"));
        assertTrue(browser.findElements(By.cssSelector("select[name=workflow] option[value='" + other.key + "']")).size() == 1);
        assertFalse(browser.findElement(By.cssSelector("select[name=workflow] option[value='" + other.key + "']")).isSelected());

        assertEquals(5, browser.findElements(By.cssSelector("#chart .y-tick")).size(), "the y axis is labelled");
        assertFalse(browser.findElements(By.cssSelector("#chart .x-tick")).isEmpty(), "the days are named");
        assertEquals(1, browser.findElements(By.cssSelector("#chart circle.percent-point")).size(),
                "one day of reviews is one visible point");
        assertFitsTheScreen("agreement");
        Screenshots.save(browser, "review-agreement.png");
    }

    @Test
    void claimingOpensTheTaskWithOneMessageAndTheLandingPageWritesTimesForPeople() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        expect(202, f.submit(f.prediction("fl-1", 0.5)));
        expect(202, f.submit(f.prediction("fl-2", 0.5)));
        f.reviewer("flash", 2);
        signIn(f.login("flash"));

        browser.get(deployment + "reviewer/index.xhtml");
        visible(By.id("myQueues:queues"));
        browser.findElements(By.cssSelector("#myQueues\\:queues input[type=submit]")).stream()
                .filter(WebElement::isEnabled).findFirst().orElseThrow().click();
        WebElement task = visible(By.id("work:task"));
        assertFalse(task.getAttribute("data-task").isBlank(), "the claimed task opens in the workbench");
        List<WebElement> messages = browser.findElements(By.cssSelector(".messages li"));
        assertEquals(1, messages.size(), "one message, not the same one twice: "
                + messages.stream().map(WebElement::getText).toList());
        assertTrue(messages.get(0).getText().startsWith("Claimed a task"), messages.get(0).getText());
        Screenshots.save(browser, "review-workbench.png");

        browser.get(deployment + "reviewer/index.xhtml");
        WebElement held = visible(By.id("myClaims:claims"));
        String leaseUntil = held.findElement(By.cssSelector("tbody tr td:nth-child(5)")).getText();
        assertTrue(leaseUntil.matches(HUMAN_TIME), leaseUntil);
        assertFitsTheScreen("reviewer landing page");
        Screenshots.save(browser, "reviewer-queues.png");
        held.findElement(By.cssSelector("input[type=submit]")).click();
        visible(By.id("noClaims"));
        List<WebElement> released = browser.findElements(By.cssSelector(".messages li"));
        assertEquals(List.of("Task returned to its queue."), released.stream().map(WebElement::getText).toList());
    }

    @Test
    void aDecisionBringsATaskAlreadyHeldBeforeClaimingAnother() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        for (int i = 0; i < 4; i++) {
            expect(202, f.submit(f.prediction("held-" + i, 0.5)));
        }
        ApiClient reviewer = f.reviewer("holder", 2);
        List<String> heldIds = f.claim(reviewer, 2, 2).stream().map(c -> c.getJsonObject("task").getString("id")).toList();
        assertEquals(2, heldIds.size());
        signIn(f.login("holder"));

        browser.get(deployment + "review/workbench.xhtml");
        String first = visible(By.id("work:task")).getAttribute("data-task");
        assertTrue(heldIds.contains(first), first);
        browser.findElement(By.id("work:approve")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.attributeToBe(By.id("work:task"), "data-task", first)));
        String second = browser.findElement(By.id("work:task")).getAttribute("data-task");
        assertTrue(heldIds.contains(second) && !second.equals(first), "the other held task, not a new claim: " + second);
        assertEquals(1, array(expect(200, reviewer.get("api/v1/tasks/mine"))).size(), "still one lease, not two");
        assertTrue(browser.findElement(By.id("doneThisSession")).getText().contains("done in " + f.key + " this session"),
                browser.findElement(By.id("doneThisSession")).getText());
    }

    @Test
    void moreThanNineLabelsAreFoundByTypingPartOfTheirName() {
        StringBuilder taxonomy = new StringBuilder("{\"labels\":[{\"code\":\"card-not-present\",\"displayName\":\"Card not present\"},"
                + "{\"code\":\"ok\",\"displayName\":\"OK\"}");
        for (String name : List.of("three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")) {
            taxonomy.append(",{\"code\":\"").append(name).append("\",\"displayName\":\"Label ").append(name).append("\"}");
        }
        TasksFixture f = new TasksFixture(deployment).taxonomy(taxonomy.append("]}").toString()).workflow(1, "[]", 0.0);
        expect(202, f.submit(f.prediction("ta-1", 0.5)));
        f.reviewer("typer", 2);
        signIn(f.login("typer"));

        browser.get(deployment + "review/workbench.xhtml");
        visible(By.id("work:next")).click();
        visible(By.id("work:task"));
        new org.openqa.selenium.interactions.Actions(browser).sendKeys("/").perform();
        WebElement finder = browser.switchTo().activeElement();
        assertEquals("labelFilter", finder.getAttribute("id"), "/ goes to the label finder");
        finder.sendKeys("eleV");
        List<WebElement> shown = browser.findElements(By.cssSelector(".labels input[type=checkbox]")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertEquals(1, shown.size(), "only the label that matches");
        finder.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertTrue(browser.findElement(By.cssSelector(".labels input[value='eleven']")).isSelected(), "Enter picks it");
        assertEquals(11, browser.findElements(By.cssSelector(".labels input[type=checkbox]")).stream()
                .filter(WebElement::isDisplayed).count(), "and the list is whole again");
        Screenshots.save(browser, "review-workbench-label-finder.png");
    }

    @Test
    void theFaviconIsServedAndLinked() throws Exception {
        HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(deployment + "favicon.ico")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, icon.statusCode());
        assertTrue(icon.body().length > 22 && icon.body()[2] == 1, "an icon file");

        browser.get(deployment + "login.xhtml");
        String href = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("link[rel=icon]"))).getAttribute("href");
        HttpResponse<String> svg = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, svg.statusCode(), href);
        assertTrue(svg.body().startsWith("<svg"), svg.body());
        assertNull(svg.headers().firstValue("WWW-Authenticate").orElse(null), "no sign-in for an icon");
    }

    @Test
    void everyLinkOfEveryWorkspaceLeadsToARealPage() {
        String login = "all-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        ApiClient.asAdmin(deployment).createUser(login, TasksFixture.PASSWORD,
                "annotator", "reviewer", "expert", "adjudicator", "governance", "auditor", "admin");
        signIn(login);
        List<String> landingPages = browser.findElements(By.cssSelector(".cards .card h2 a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertEquals(7, landingPages.size(), "one workspace per role");
        java.util.Set<String> links = new java.util.TreeSet<>(landingPages);
        for (String landing : landingPages) {
            browser.get(landing);
            visible(By.id("workspace-title"));
            browser.findElements(By.cssSelector("main a[href]")).stream().map(a -> a.getAttribute("href"))
                    .filter(href -> href.startsWith(deployment.toString()) && href.contains(".xhtml"))
                    .forEach(links::add);
        }
        for (String link : links) {
            browser.get(link);
            assertFalse(browser.getTitle().startsWith("Not found") || browser.getTitle().startsWith("Not allowed"),
                    link + " promises a page that is not there: " + browser.getTitle());
            assertTrue(browser.findElements(By.xpath("//h1[normalize-space()='Not found']")).isEmpty(), link);
        }
    }
}
