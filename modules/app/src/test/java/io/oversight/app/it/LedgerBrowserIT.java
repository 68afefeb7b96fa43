package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An auditor searches the ledger page, pages through results, opens an entry's proof and verifies the log. */
@ExtendWith(ArquillianExtension.class)
class LedgerBrowserIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final int PAGE = 25;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private String auditor;

    @BeforeEach
    void fillTheLedgerAndOpenABrowser() throws InterruptedException {
        ApiClient admin = ApiClient.asAdmin(deployment);
        auditor = "la-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser(auditor, PASSWORD, "auditor");
        for (int i = 0; i < PAGE + 5; i++) {
            admin.createUser("filler-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, "annotator");
        }
        ApiClient asAuditor = ApiClient.as(deployment, auditor, PASSWORD);
        Instant deadline = Instant.now().plusSeconds(30);
        while (object(asAuditor.get("api/v1/ledger/entries?limit=1000")).getJsonArray("entries").size() <= PAGE + 5) {
            assertTrue(Instant.now().isBefore(deadline), "the new entries were sealed in time");
            Thread.sleep(200);
        }
        browser = Browser.start();
        wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private List<String> sequenceNumbersShown() {
        return browser.findElements(By.cssSelector("#results\\:entries tbody tr td:first-child .as-link")).stream()
                .map(button -> button.getAttribute("value")).toList();
    }

    @Test
    void auditorSearchesPagesOpensAProofAndVerifies() {
        Browser.signIn(browser, deployment, auditor, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        browser.get(deployment + "auditor/ledger.xhtml");

        new Select(browser.findElement(By.id("search:order"))).selectByVisibleText("Oldest first");
        browser.findElement(By.id("search:find")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results:entries")));
        List<String> first = sequenceNumbersShown();
        assertEquals(PAGE, first.size());
        assertEquals("0", first.get(0));

        browser.findElement(By.id("results:next")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#results\\:entries tbody tr td:first-child .as-link"), "value", String.valueOf(PAGE)));
        assertEquals(String.valueOf(PAGE), sequenceNumbersShown().get(0));

        browser.findElement(By.id("results:previous")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#results\\:entries tbody tr td:first-child .as-link"), "value", "0"));

        browser.findElements(By.cssSelector("#results\\:entries tbody tr td:first-child .as-link")).get(3).click();
        WebElement leaf = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leaf-hash")));
        assertTrue(leaf.getText().matches("[0-9a-f]{64}"), leaf.getText());
        assertEquals("Entry 3", browser.findElement(By.id("detail-title")).getText());
        assertTrue(browser.findElement(By.id("proof-checkpoint")).getText().startsWith("oversight.local/ledger"));
        Screenshots.save(browser, "ledger.png");

        browser.findElement(By.id("verify:start")).click();
        wait.until(ExpectedConditions.textMatches(By.id("verify:status"), java.util.regex.Pattern.compile("^Verified: .*")));
    }

    @Test
    void newestFirstByDefaultPartOfAnActionFindsItAndAnEntryHasALinkOfItsOwn() {
        Browser.signIn(browser, deployment, auditor, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        browser.get(deployment + "auditor/ledger.xhtml");

        browser.findElement(By.id("search:action")).sendKeys("ACCOUNT.CREA");
        browser.findElement(By.id("search:find")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results:entries")));
        List<Long> shown = sequenceNumbersShown().stream().map(Long::valueOf).toList();
        assertEquals(PAGE, shown.size());
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i - 1) > shown.get(i), "newest first: " + shown);
        }
        List<WebElement> actions = browser.findElements(By.cssSelector("#results\\:entries tbody tr td:nth-child(3)"));
        assertTrue(actions.stream().allMatch(a -> a.getText().equals("app.account.created")), "only account creations");
        String time = browser.findElement(By.cssSelector("#results\\:entries tbody tr td:nth-child(2)")).getText();
        assertTrue(time.matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}:\\d{2} UTC"), "a time for people: " + time);

        browser.findElements(By.cssSelector("#results\\:entries tbody tr td:first-child .as-link")).get(0).click();
        String link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("permalink"))).getAttribute("href");
        assertTrue(link.endsWith("auditor/ledger.xhtml?entry=" + shown.get(0)), link);

        browser.get(link);
        assertEquals("Entry " + shown.get(0), wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail-title"))).getText());
        assertTrue(browser.findElement(By.id("leaf-hash")).getText().matches("[0-9a-f]{64}"));

        browser.get(deployment + "auditor/ledger.xhtml?entry=abc");
        WebElement messages = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".messages")));
        assertTrue(messages.getText().contains("not a sequence number"), messages.getText());
        assertTrue(browser.findElements(By.id("detail-title")).isEmpty());
    }

    /**
     * Typed or arriving in a shared link, a filter the API would refuse is shown beside its field by its
     * label, stays in the field, and runs no search; an emptied field stays empty; a good search has a
     * link of its own that runs it again.
     */
    @Test
    void badFiltersTypedOrLinkedAreRefusedBesideTheirFieldsAndRunNoSearch() {
        Browser.signIn(browser, deployment, auditor, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        browser.get(deployment + "auditor/ledger.xhtml");

        type("search:from", "yesterday");
        type("search:action", "x".repeat(300));
        browser.findElement(By.id("search:find")).click();
        assertEquals("Logged from: must be an ISO-8601 UTC instant such as 2026-11-21T10:00:00Z", messageBeside("search:from"));
        assertEquals("Action contains: must be at most 256 characters", messageBeside("search:action"));
        assertEquals("yesterday", browser.findElement(By.id("search:from")).getAttribute("value"), "the refused value stays");
        assertTrue(browser.findElements(By.id("results:entries")).isEmpty(), "no search ran");
        assertTrue(browser.findElement(By.cssSelector(".messages")).getText().contains("Please correct the fields marked below."));

        type("search:from", "2026-11-22T00:00:00Z");
        type("search:to", "2026-11-21T00:00:00Z");
        type("search:action", "");
        browser.findElement(By.id("search:find")).click();
        assertEquals("Logged before: must not be before Logged from", messageBeside("search:to"));
        assertTrue(browser.findElements(By.id("results:entries")).isEmpty(), "a reversed period runs no search");

        type("search:from", "");
        type("search:to", "");
        type("search:action", "ACCOUNT.CREA");
        browser.findElement(By.id("search:find")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results:entries")));
        assertEquals("", browser.findElement(By.id("search:from")).getAttribute("value"), "an emptied field stays empty");
        assertEquals(PAGE, sequenceNumbersShown().size());
        String link = browser.findElement(By.id("searchLink")).getAttribute("href");
        assertTrue(link.contains("action=ACCOUNT.CREA") && link.contains("order=newest"), link);
        browser.get(link);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results:entries")));
        assertEquals("ACCOUNT.CREA", browser.findElement(By.id("search:action")).getAttribute("value"));
        assertEquals(PAGE, sequenceNumbersShown().size(), "the link runs the search again");

        browser.get(deployment + "auditor/ledger.xhtml?from=yesterday&order=sideways&actor=" + "a".repeat(300));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search:find")));
        assertEquals("Logged from: must be an ISO-8601 UTC instant such as 2026-11-21T10:00:00Z", messageBeside("search:from"));
        assertEquals("Order: must be newest first or oldest first", messageBeside("search:order"));
        assertEquals("Actor pseudonym: must be at most 256 characters", messageBeside("search:actor"));
        assertEquals("yesterday", browser.findElement(By.id("search:from")).getAttribute("value"), "the linked value is shown");
        assertTrue(browser.findElements(By.id("results:entries")).isEmpty(), "a refused link runs no search");
        String source = browser.getPageSource();
        assertTrue(!source.contains("Exception") && !source.contains("at io.oversight"), "no stack trace");
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** The message shown beside a field (the h:message that follows it), waited for. */
    private String messageBeside(String fieldId) {
        return wait.until(d -> {
            List<WebElement> message = d.findElement(By.id(fieldId))
                    .findElements(By.xpath("following-sibling::*[contains(@class,'field-message')]"));
            return message.isEmpty() || message.get(0).getText().isEmpty() ? null : message.get(0).getText();
        });
    }
}
