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
        wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
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
        Screenshots.save(browser, "home.png");

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
        Screenshots.save(browser, "admin.png");
    }

    @Test
    void adminCreatesAnApiTokenSeenOnceThenRevokesItAndSeesFailedSignIns() throws Exception {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient admin = ApiClient.asAdmin(deployment);
        admin.createUser(service, PASSWORD, "integration");
        assertEquals(401, ApiClient.as(deployment, service, "not-the-password").get("api/v1/me").statusCode());
        signIn(ApiClient.ADMIN, System.getProperty("it.admin.password"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        browser.get(deployment + "admin/index.xhtml");

        new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("tokens:account")))).selectByVisibleText(service);
        browser.findElement(By.id("tokens:name")).sendKeys("browser-made token");
        browser.findElement(By.id("tokens:create")).click();
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tokenSecret"))).getText();

        assertTrue(secret.matches("ovt_[A-Za-z0-9_-]{43}"), secret);
        WebElement failures = browser.findElement(By.id("signInFailures"));
        assertTrue(failures.getText().contains(service), "the failed sign-in is listed: " + failures.getText());
        Screenshots.save(browser, "admin-tokens.png");
        browser.get(deployment + "admin/index.xhtml");
        assertFalse(browser.getPageSource().contains(secret), "the secret is shown once");
        WebElement row = browser.findElements(By.cssSelector("#tokenList\\:tokenTable tbody tr")).stream()
                .filter(r -> r.getText().contains("browser-made token")).findFirst().orElseThrow();
        assertTrue(row.getText().contains("active"), row.getText());
        row.findElement(By.cssSelector("input[type=submit]")).click();
        WebElement messages = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tokens:tokenMessages")));

        assertTrue(messages.getText().contains("is revoked"), messages.getText());
        assertTrue(browser.findElement(By.id("tokenList:tokenTable")).getText().contains("revoked"));
        java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(deployment + "api/v1/me"))
                        .header("Authorization", "Bearer " + secret).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode(), "the revoked token no longer works");
    }
}
