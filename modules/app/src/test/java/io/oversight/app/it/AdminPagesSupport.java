package io.oversight.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A signed-in browser at 1366 px for the tests of the pages that manage what only the API managed
 * before (users, qualifications, review settings, the item browser): typing into fields, reading the
 * message beside a field, and checking that the page fits the screen and broke no script rule.
 */
final class AdminPagesSupport implements AutoCloseable {

    final ChromeDriver browser;
    final WebDriverWait wait;
    private final URL deployment;

    AdminPagesSupport(URL deployment, String login, String password) {
        this.deployment = deployment;
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1366, 900));
        wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
        Browser.signIn(browser, deployment, login, password);
        visible(By.id("welcome"));
    }

    /** Opens a page and waits for its main content (workspace pages and the others title it differently). */
    void open(String page) {
        browser.get(deployment + page);
        visible(By.cssSelector("main.content h1"));
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void type(String id, String text) {
        WebElement field = visible(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void click(String id) {
        visible(By.id(id)).click();
    }

    /** The message shown beside one field (its h:message, id "form:field" + the page's message element). */
    String messageBeside(String fieldId) {
        WebElement field = visible(By.id(fieldId));
        return field.findElement(By.xpath("following-sibling::*[contains(@class,'field-message')]")).getText();
    }

    /**
     * Asserts the message beside a field, waiting for the page (reloaded, or its form replaced by Ajax) to
     * show it: the page before the answer may still show an earlier message there.
     */
    void assertMessageBeside(String fieldId, String expected) {
        try {
            wait.until(d -> messageBeside(fieldId).equals(expected));
        } catch (TimeoutException e) {
            assertEquals(expected, messageBeside(fieldId));
        }
    }

    /** No horizontal scrolling at 1366 px, no script blocked by the Content-Security-Policy, no stack trace. */
    void assertFitsAndIsClean(String page) {
        long scrollWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) browser.executeScript("return window.innerWidth")).longValue();
        assertTrue(scrollWidth <= viewport, page + " is " + scrollWidth + " px wide in a " + viewport + " px window");
        assertTrue(Browser.consoleErrors(browser).isEmpty(), page + " console: " + Browser.consoleErrors(browser));
        String source = browser.getPageSource();
        assertTrue(!source.contains("Exception") && !source.contains("at io.oversight"), page + " shows a stack trace");
    }

    @Override
    public void close() {
        browser.quit();
    }
}
