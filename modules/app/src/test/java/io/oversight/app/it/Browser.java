package io.oversight.app.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the distribution's packages (chromium, chromium-driver), started with the
 * flags this machine's closed network needs; never a browser downloaded at test time.
 */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900");
        // keeps the console, where Chromium reports Content-Security-Policy violations (consoleErrors)
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** What the page wrote to the console as errors since the last call, such as blocked inline scripts. */
    public static List<String> consoleErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /**
     * Whether a read failed because the browser replaced the element's page while it was read. Chrome
     * reports some such reads as an "unhandled inspector error" (the node "does not belong to the
     * document") instead of a stale element; both mean: look for the element again.
     */
    static boolean replacedWhileRead(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /**
     * A wait for a condition on the page that retries when an element it read was replaced: pages here
     * replace themselves (a form's answer, a refresh while a job runs), and a condition that finds an
     * element and then reads it can meet the old one in between.
     */
    public static WebDriverWait waitUpTo(WebDriver browser, Duration timeout) {
        return new WebDriverWait(browser, timeout) {
            @Override
            public <V> V until(Function<? super WebDriver, ? extends V> condition) {
                return super.<V>until(page -> {
                    try {
                        return condition.apply(page);
                    } catch (WebDriverException e) {
                        if (replacedWhileRead(e)) {
                            return null; // not yet: the condition runs again on the new page
                        }
                        throw e;
                    }
                });
            }
        };
    }

    /**
     * Clicks a button of a form and waits until the answer has replaced that form (a new page, or an Ajax
     * render of the form). A wait for something on the answer alone can be met by the page before it when
     * that page shows the same thing (a second refused entry in a row): the read that follows then meets
     * the old page being unloaded.
     */
    public static void submitAndAwaitAnswer(WebDriverWait wait, WebElement button) {
        WebElement form = button.findElement(By.xpath("ancestor::form"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(form));
    }

    /**
     * Fills in and submits the login page, and waits until the browser has left the submitted page
     * (signed in, or the login page again with its error); the caller checks which. Without the wait a
     * caller that opens another page at once can cancel the sign-in in flight (ErasureBrowserIT then
     * found the login page instead of the admin workspace).
     */
    public static void signIn(WebDriver browser, URL deployment, String username, String password) {
        browser.get(deployment + "login.xhtml");
        browser.findElement(By.id("login:username")).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(password);
        WebElement submit = browser.findElement(By.id("login:signIn"));
        submit.click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(submit));
    }

    /** Keeps what the browser shows under target/screenshots/<database>/, for people to look at. */
    public static void saveScreenshot(ChromeDriver browser, String name) {
        try {
            Path directory = Path.of("target", "screenshots", System.getProperty("it.db", "h2"));
            Files.createDirectories(directory);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), directory.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
