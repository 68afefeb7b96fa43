package io.oversight.app.it;

import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An administrator, in headless Chromium at 1366 px, creates an account with two roles on the users
 * page, and the new account signs in with them; a too-short username, a short password and no role
 * are each refused beside their field, by label, and create nothing. Screenshot: admin-users.png.
 */
@ExtendWith(ArquillianExtension.class)
class UsersBrowserIT {

    private static final String PASSWORD = "correct-horse-battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void anAdministratorCreatesAnAccountAndBadInputIsRefusedBesideItsField() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String admin = "adm-ui-" + suffix;
        ApiClient.asAdmin(deployment).createUser(admin, PASSWORD, "admin");
        String newcomer = "rev-ui-" + suffix;
        try (AdminPagesSupport page = new AdminPagesSupport(deployment, admin, PASSWORD)) {
            page.open("admin/index.xhtml");
            page.click("usersLink");
            assertEquals("Users and roles", page.visible(By.id("page-title")).getText());

            page.type("create:username", "ab");
            page.type("create:password", "short");
            page.click("create:submit");
            page.assertMessageBeside("create:username",
                    "Username: must be 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'");
            page.assertMessageBeside("create:password", "Initial password: must be 12 to 256 characters");
            page.assertMessageBeside("create:roles", "Roles: choose at least one role");
            assertFalse(page.browser.getPageSource().contains("roles[") || page.browser.getPageSource().contains("NewUser"),
                    "no Java names on the page");
            expect(404, ApiClient.asAdmin(deployment).get("api/v1/users/ab"));

            page.type("create:username", newcomer);
            page.type("create:displayName", "Ada Reviewer");
            page.type("create:password", PASSWORD);
            page.browser.findElement(By.cssSelector("input[name='create:roles'][value='reviewer']")).click();
            page.browser.findElement(By.cssSelector("input[name='create:roles'][value='expert']")).click();
            page.click("create:submit");
            page.wait.until(d -> d.findElement(By.id("accounts")).getText().contains(newcomer));
            assertTrue(page.browser.findElement(By.id("flash")).getText().contains("Account " + newcomer + " created"));
            String row = page.browser.findElements(By.cssSelector("#accounts tr")).stream()
                    .filter(r -> r.getText().startsWith(newcomer)).findFirst().orElseThrow().getText();
            assertTrue(row.contains("reviewer") && row.contains("expert") && row.contains("Ada Reviewer"), row);
            assertTrue(row.matches(".*\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}:\\d{2} UTC.*"), "time for people: " + row);

            page.type("create:username", newcomer);
            page.type("create:password", PASSWORD);
            page.browser.findElement(By.cssSelector("input[name='create:roles'][value='auditor']")).click();
            page.click("create:submit");
            page.assertMessageBeside("create:username",
                    "Username: An account named '" + newcomer + "' already exists; choose another username.");
            page.assertFitsAndIsClean("admin/users.xhtml");
            Screenshots.save(page.browser, "admin-users.png");
        }
        String roles = ApiClient.as(deployment, newcomer, PASSWORD).get("api/v1/me").body();
        assertTrue(roles.contains("reviewer") && roles.contains("expert") && !roles.contains("auditor"),
                "the new account signs in with the roles chosen on the page, and the refused second form changed nothing: " + roles);
    }
}
