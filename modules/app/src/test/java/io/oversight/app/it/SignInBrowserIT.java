package io.oversight.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person signs in through the real login page in headless Chromium and sees their workspaces. */
@ExtendWith(ArquillianExtension.class)
class SignInBrowserIT {

    private static final String PASSWORD = "correct-horse-battery";

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
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private void signIn(String username, String password) {
        Browser.signIn(browser, deployment, username, password);
    }

    @Test
    void reviewerSignsInSeesOnlyTheirWorkspacesAndSignsOut() {
        String reviewer = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.asAdmin(deployment).createUser(reviewer, PASSWORD, "reviewer", "annotator");

        signIn(reviewer, PASSWORD);
        WebElement welcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));

        assertEquals("Welcome, " + reviewer, welcome.getText());
        List<String> menu = browser.findElements(By.cssSelector("nav.workspaces a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Annotation", "Review"), menu);
        Browser.saveScreenshot(browser, "home.png");

        browser.findElement(By.linkText("Review")).click();
        assertEquals("Review", wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace-title"))).getText());

        browser.get(deployment + "admin/index.xhtml");
        assertTrue(browser.getPageSource().contains("Not allowed"), "a reviewer is refused the admin workspace");

        browser.get(deployment + "home.xhtml");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("signOutForm:signOut"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        browser.get(deployment + "home.xhtml");
        assertTrue(browser.getCurrentUrl().endsWith("/login.xhtml"), "after signing out, pages need a new sign-in");
    }

    @Test
    void wrongPasswordShowsAnErrorAndSignsNobodyIn() {
        signIn(ApiClient.ADMIN, "not-the-password");

        WebElement messages = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:messages")));
        assertTrue(messages.getText().contains("Unknown username or wrong password."), messages.getText());
        browser.get(deployment + "home.xhtml");
        assertTrue(browser.getCurrentUrl().endsWith("/login.xhtml"));
    }

    @Test
    void adminSeesTheAccountList() {
        signIn(ApiClient.ADMIN, System.getProperty("it.admin.password"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));

        browser.get(deployment + "admin/index.xhtml");
        WebElement accounts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accounts")));

        assertTrue(accounts.getText().contains(ApiClient.ADMIN));
        assertFalse(accounts.getText().contains("PBKDF2"), "hashes are never shown");
        Browser.saveScreenshot(browser, "admin.png");
    }
}
