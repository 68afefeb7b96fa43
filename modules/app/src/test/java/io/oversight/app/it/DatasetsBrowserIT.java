package io.oversight.app.it;

import static io.oversight.app.it.TasksFixture.complete;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Datasets page in a real browser at 1366 px: a governance lead previews the count of released
 * labels, exports them, watches the export complete, and finds its manifest digest, ledger entry and
 * download links in the history, with dates for people. Screenshot: datasets.png.
 */
@ExtendWith(ArquillianExtension.class)
class DatasetsBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aGovernanceLeadPreviewsExportsAndDownloadsATrainingSet() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        ApiClient reviewer = f.reviewer("bd", 2);
        expect(202, f.submit(f.prediction("page-1", 0.5)));
        expect(202, f.submit(f.prediction("page-2", 0.5)));
        List<JsonObject> tasks = f.claim(reviewer, 2, 2);
        complete(reviewer, tasks.get(0).getJsonObject("task").getString("id"), "card-not-present");
        complete(reviewer, tasks.get(1).getJsonObject("task").getString("id"), "ok");

        ChromeDriver browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(1366, 1000));
            Browser.signIn(browser, deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);
            WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
            wait.until(d -> d.findElements(By.id("welcome")).size() > 0 || d.getCurrentUrl().contains("governance"));
            browser.get(deployment + "governance/index.xhtml");
            browser.findElement(By.id("datasetsLink")).click();
            wait.until(d -> d.findElements(By.id("export:exportButton")).size() > 0);
            new Select(browser.findElement(By.id("export:workflow"))).selectByValue(f.key);
            // the form has minutes; a later "to" than now is taken as now, so the decisions just made are in
            String later = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(2).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
            browser.executeScript("document.getElementById('export:to').value = arguments[0];", later);
            browser.findElement(By.id("export:previewButton")).click();
            wait.until(d -> d.findElements(By.id("export:preview")).size() > 0);
            assertTrue(browser.findElement(By.id("export:preview")).getText().startsWith("2 released labels"),
                    browser.findElement(By.id("export:preview")).getText());

            browser.findElement(By.id("export:exportButton")).click();
            WebElement row = wait.until(d -> d.findElements(
                    By.cssSelector("#exports tbody tr")).stream()
                    .filter(r -> r.getText().contains(f.key) && r.getText().contains("COMPLETED")
                            && r.getText().contains("ledger entry "))
                    .findFirst().orElse(null));
            String text = row.getText();
            try {
                Screenshots.save(browser, "datasets.png");
            } finally {
                assertTrue(text.contains("2 rows"), text);
                assertTrue(text.contains("UTC") && !text.matches("(?s).*\\d{4}-\\d{2}-\\d{2}T.*"), "dates for people: " + text);
            }
            assertEquals(64, row.findElement(By.cssSelector("code.digest")).getText().length());
            assertTrue(row.findElement(By.cssSelector("a.manifest")).getAttribute("href").endsWith("/manifest"));
            assertTrue(row.findElement(By.cssSelector("a.file")).getAttribute("href").endsWith("/files/labels.jsonl"));
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).longValue() <= 0, "no horizontal scrolling at 1366 px: " + overflow);
        } finally {
            browser.quit();
        }
    }

    /**
     * Refused filters are shown beside their fields, by their labels, and neither preview nor export
     * happens: a reversed period, an emptied date, a period longer than the 366 days an export covers.
     */
    @Test
    void refusedFiltersShowBesideTheirFieldsAndExportNothing() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        int exportsBefore = ApiClient.array(f.governance.get("api/v1/datasets?limit=500")).size();
        ChromeDriver browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(1366, 1000));
            Browser.signIn(browser, deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);
            WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
            browser.get(deployment + "export/datasets.xhtml");
            wait.until(d -> d.findElements(By.id("export:exportButton")).size() > 0);
            new Select(browser.findElement(By.id("export:workflow"))).selectByValue(f.key);
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            DateTimeFormatter form = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
            setPeriod(browser, form.format(now.minusDays(1)), form.format(now.minusDays(2)));
            browser.findElement(By.id("export:exportButton")).click();
            wait.until(d -> !besideField(d, "input", "to").isEmpty());
            assertTrue(besideField(browser, "input", "to").startsWith("To: must be after from"), besideField(browser, "input", "to"));

            setPeriod(browser, "", form.format(now.minusDays(2)));
            browser.findElement(By.id("export:previewButton")).click();
            wait.until(d -> !besideField(d, "input", "from").isEmpty());
            assertTrue(besideField(browser, "input", "from").startsWith("From: must be a date and time in UTC"),
                    besideField(browser, "input", "from"));
            assertTrue(browser.findElements(By.id("export:preview")).isEmpty(), "no counts for a refused filter");

            setPeriod(browser, form.format(now.minusDays(400)), form.format(now.minusMinutes(1)));
            browser.findElement(By.id("export:exportButton")).click();
            wait.until(d -> besideField(d, "input", "to").contains("longer than"));
            assertEquals("", besideField(browser, "input", "from"), "the problem of the last attempt only");
            assertTrue(!browser.getPageSource().contains("Exception"), "no Java names on the page");
            assertEquals(exportsBefore, ApiClient.array(f.governance.get("api/v1/datasets?limit=500")).size(),
                    "refused filters exported nothing");
        } finally {
            browser.quit();
        }
    }

    private static void setPeriod(ChromeDriver browser, String from, String to) {
        browser.executeScript("document.getElementById('export:from').value = arguments[0];"
                + "document.getElementById('export:to').value = arguments[1];", from, to);
    }

    /** The message shown beside a field of the export form, empty when there is none. */
    private static String besideField(org.openqa.selenium.WebDriver browser, String element, String field) {
        return browser.findElements(By.xpath("//" + element + "[@id='export:" + field
                + "']/following-sibling::*[contains(@class, 'field-message')]")).stream()
                .map(m -> m.getText().trim()).findFirst().orElse("");
    }
}
