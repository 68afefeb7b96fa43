package io.oversight.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Compliance reports form in a real browser at 1366 px: a period the server refuses is shown
 * beside the field at fault, by its label, and requests nothing; a good period is requested and
 * appears in the history.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsBrowserIT {

    private static final String PASSWORD = "reports-page-password";
    private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aRefusedPeriodIsShownBesideItsFieldAndRequestsNothing() {
        String lead = "reports-gov-" + UUID.randomUUID().toString().substring(0, 6);
        ApiClient.asAdmin(deployment).createUser(lead, PASSWORD, "governance");
        ApiClient api = ApiClient.as(deployment, lead, PASSWORD);
        ChromeDriver browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(1366, 900));
            Browser.signIn(browser, deployment, lead, PASSWORD);
            WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(60));
            browser.get(deployment + "export/reports.xhtml");
            wait.until(d -> d.findElements(By.id("generate:generateButton")).size() > 0);
            int jobsBefore = ApiClient.array(api.get("api/v1/reports?limit=500")).size();

            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            setPeriod(browser, FORM.format(now.minusHours(1)), FORM.format(now.minusHours(2)));
            browser.findElement(By.id("generate:generateButton")).click();
            wait.until(d -> !besideField(d, "to").isEmpty());
            assertTrue(besideField(browser, "to").startsWith("To: must be after from"), besideField(browser, "to"));
            assertEquals("", besideField(browser, "from"));

            setPeriod(browser, "", FORM.format(now.minusHours(2)));
            browser.findElement(By.id("generate:generateButton")).click();
            wait.until(d -> !besideField(d, "from").isEmpty());
            assertTrue(besideField(browser, "from").startsWith("From: must be a date and time in UTC, like "),
                    besideField(browser, "from"));
            assertTrue(!browser.getPageSource().contains("Exception"), "no Java names on the page");
            assertEquals(jobsBefore, ApiClient.array(api.get("api/v1/reports?limit=500")).size(),
                    "refused periods requested no report");

            setPeriod(browser, FORM.format(now.minusHours(1)), FORM.format(now.minusMinutes(1)));
            browser.findElement(By.id("generate:generateButton")).click();
            wait.until(d -> d.findElements(By.cssSelector(".message.info")).stream()
                    .anyMatch(m -> m.getText().contains("requested")));
            assertEquals(jobsBefore + 1, ApiClient.array(api.get("api/v1/reports?limit=500")).size());
            assertEquals("", besideField(browser, "to"));
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).longValue() <= 0, "no horizontal scrolling at 1366 px: " + overflow);
        } finally {
            browser.quit();
        }
    }

    /** The form's inputs are datetime-local: typing depends on the browser's locale, setting the value does not. */
    private static void setPeriod(ChromeDriver browser, String from, String to) {
        browser.executeScript("document.getElementById('generate:from').value = arguments[0];"
                + "document.getElementById('generate:to').value = arguments[1];", from, to);
    }

    /** The message shown beside a field of the form, empty when there is none. */
    private static String besideField(org.openqa.selenium.WebDriver browser, String field) {
        return browser.findElements(By.xpath("//input[@id='generate:" + field
                + "']/following-sibling::*[contains(@class, 'field-message')]")).stream()
                .map(m -> m.getText().trim()).findFirst().orElse("");
    }
}
