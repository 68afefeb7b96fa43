package io.oversight.app.it;

import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages under the Content-Security-Policy in Chromium, which enforces it: the pages that used
 * inline scripts (Ajax buttons, a confirmation, a self-refreshing status) still work and the console
 * reports no blocked script; an expired workbench page reloads itself on the next key instead of
 * ignoring it; and a form's field errors appear beside their fields, named by their labels.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityBrowserIT {

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

    /** The policy the page was served with, read the way the page itself would. */
    private String contentSecurityPolicy() {
        return (String) browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(location.href).then(function (r) { done(r.headers.get('Content-Security-Policy')); });");
    }

    private void assertNoPolicyViolations() {
        List<String> errors = Browser.consoleErrors(browser);
        assertTrue(errors.stream().noneMatch(e -> e.contains("Content Security Policy") || e.contains("Refused to")),
                "the browser blocked something: " + errors);
    }

    /** The field message rendered right after an input. */
    private String messageBeside(String inputId) {
        WebElement message = browser.findElement(By.xpath("//*[@id='" + inputId + "']/following-sibling::*[1]"));
        assertEquals("field-message", message.getAttribute("class"), "beside " + inputId);
        return message.getText();
    }

    @Test
    void governanceFormsShowFieldErrorsBesideTheirFieldsAndTheRemovalStillAsks() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        signIn("gov-" + f.suffix);
        browser.get(deployment + "governance/workflows.xhtml");
        assertEquals(SecurityHeadersIT.CSP, contentSecurityPolicy());
        String key = "wf-" + f.suffix;

        visible(By.id("create:key")).sendKeys(key);
        browser.findElement(By.id("create:name")).sendKeys("Field errors");
        browser.findElement(By.id("create:reviewers")).clear();
        browser.findElement(By.id("create:reviewers")).sendKeys("abc");
        browser.findElement(By.id("create:retention")).clear();
        browser.findElement(By.id("create:retention")).sendKeys("99999999999");
        browser.findElement(By.id("create:submit")).click();

        wait.until(d -> !messageBeside("create:reviewers").isEmpty());
        String reviewers = messageBeside("create:reviewers");
        String retention = messageBeside("create:retention");
        assertTrue(reviewers.startsWith("Reviewers per item: 'abc' is not a whole number"), reviewers);
        assertTrue(retention.startsWith("Retention (days): '99999999999' is not a whole number"), retention);
        assertTrue(browser.findElements(By.xpath("//*[@id='create:name']/following-sibling::*[1][@class='field-message']"))
                .isEmpty(), "a valid field shows nothing");
        String page = browser.findElement(By.tagName("main")).getText();
        assertFalse(page.contains("create:") || page.contains("reviewersPerItem") || page.contains("more)"), page);
        assertEquals(404, f.governance.get("api/v1/workflows/" + key).statusCode(), "nothing was created");

        // values the form can read but the workflow refuses: each refusal beside its own field
        browser.findElement(By.id("create:reviewers")).clear();
        browser.findElement(By.id("create:reviewers")).sendKeys("0");
        browser.findElement(By.id("create:retention")).clear();
        browser.findElement(By.id("create:retention")).sendKeys("30");
        browser.findElement(By.id("create:submit")).click();
        wait.until(d -> messageBeside("create:reviewers").contains("between"));
        assertTrue(messageBeside("create:reviewers").startsWith("Reviewers per item: must be between 1 and"),
                messageBeside("create:reviewers"));
        assertEquals(404, f.governance.get("api/v1/workflows/" + key).statusCode(), "nothing was created");
        Screenshots.save(browser, "field-errors.png");

        browser.get(deployment + "governance/workflow.xhtml?key=" + f.key);
        String treeBefore = visible(By.id("tree")).getText();
        List<WebElement> removals = browser.findElements(By.cssSelector("#tree [data-confirm]"));
        assertFalse(removals.isEmpty());
        removals.get(0).click();
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals(treeBefore, browser.findElement(By.id("tree")).getText(), "dismissing the question removes nothing");
        browser.findElements(By.cssSelector("#tree [data-confirm]")).get(0).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> d.getPageSource().contains("version 2"));
        assertFalse(treeBefore.equals(browser.findElement(By.id("tree")).getText()), "confirming removes the label");

        assertNoPolicyViolations();
    }

    @Test
    void theLedgersAjaxButtonsAndSelfRefreshingStatusWorkUnderThePolicy() {
        TasksFixture f = new TasksFixture(deployment);
        signIn("aud-" + f.suffix);
        browser.get(deployment + "auditor/ledger.xhtml");
        assertEquals(SecurityHeadersIT.CSP, contentSecurityPolicy());

        visible(By.id("search:find")).click();
        visible(By.cssSelector("#results\\:entries tbody tr td:first-child .as-link")).click();
        assertTrue(visible(By.id("leaf-hash")).getText().matches("[0-9a-f]{64}"));
        String before = browser.getCurrentUrl();
        browser.findElement(By.id("verify:start")).click();
        wait.until(ExpectedConditions.textMatches(By.id("verify:status"), java.util.regex.Pattern.compile("^Verified: .*")));
        assertEquals(before, browser.getCurrentUrl(), "verified by Ajax, without a page load");

        assertNoPolicyViolations();
    }

    @Test
    void theWorkbenchWorksByKeyboardAndAnExpiredPageReloadsOnTheNextKey() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        expect(202, f.submit(f.prediction("csp-1", 0.5)));
        expect(202, f.submit(f.prediction("csp-2", 0.5)));
        String login = "csp-" + f.suffix;
        f.admin.createUser(login, TasksFixture.PASSWORD, "reviewer");
        f.qualify(login, 2);
        signIn(login);
        browser.get(deployment + "review/workbench.xhtml");
        visible(By.id("shortcuts"));
        Actions keys = new Actions(browser);

        keys.sendKeys("n").perform();
        WebElement task = visible(By.id("work:task"));
        assertFalse(task.getAttribute("data-task").isEmpty(), "claimed by Ajax under the policy");
        String page = browser.getCurrentUrl();

        // what a page left open past its session holds: a view state the server no longer knows
        String unknown = Base64.getEncoder().encodeToString("0123456789abcdef00000099".getBytes(StandardCharsets.US_ASCII));
        browser.executeScript("var token = arguments[0];"
                + "document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]').forEach(function (s) { s.value = token; });",
                unknown);
        keys.sendKeys("a").perform();

        WebElement notice = wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertTrue(notice.getText().contains("This page had expired"), notice.getText());
        assertTrue(browser.getCurrentUrl().startsWith(page.replaceAll("\\?.*", "")), browser.getCurrentUrl());
        assertTrue(notice.isDisplayed());
        assertFalse(notice.getText().contains("Decision recorded"), "the expired page decided nothing: " + notice.getText());

        assertNoPolicyViolations();
    }
}
