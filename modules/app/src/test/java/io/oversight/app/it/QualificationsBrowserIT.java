package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator, in headless Chromium at 1366 px, grants a reviewer a qualification, changes its
 * tier and revokes it on the qualifications page, each seen by the API; a tier out of range and a
 * missing username are refused beside their fields and change nothing. Screenshot: admin-qualifications.png.
 */
@ExtendWith(ArquillianExtension.class)
class QualificationsBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void anAdministratorGrantsChangesAndRevokesAQualification() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        String admin = "adm-q-" + f.suffix;
        f.admin.createUser(admin, TasksFixture.PASSWORD, "admin");
        String reviewer = "rev-q-" + f.suffix;
        f.admin.createUser(reviewer, TasksFixture.PASSWORD, "reviewer");
        try (AdminPagesSupport page = new AdminPagesSupport(deployment, admin, TasksFixture.PASSWORD)) {
            page.open("admin/index.xhtml");
            page.click("qualificationsLink");
            assertEquals("Qualifications", page.visible(By.id("page-title")).getText());

            new Select(page.visible(By.id("grant:workflowKey"))).selectByValue(f.key);
            page.type("grant:maxTier", "5");
            page.click("grant:submit");
            page.assertMessageBeside("grant:login", "Username: is required (1 to 256 characters)");
            page.assertMessageBeside("grant:maxTier", "Highest tier: must be 1, 2 or 3");
            assertEquals(List.of(), qualificationsOf(f, reviewer), "a refused grant changes nothing");

            page.type("grant:login", reviewer);
            page.type("grant:maxTier", "2");
            page.click("grant:submit");
            page.wait.until(d -> d.findElement(By.id("list:qualifications")).getText().contains(reviewer));
            assertEquals(List.of(2), qualificationsOf(f, reviewer).stream().map(q -> q.getInt("maxTier")).toList());

            page.type("grant:login", reviewer);
            new Select(page.visible(By.id("grant:workflowKey"))).selectByValue(f.key);
            page.type("grant:maxTier", "3");
            page.click("grant:mayRevealPii");
            page.click("grant:submit");
            page.wait.until(d -> d.findElement(By.id("list:qualifications")).getText().contains("may reveal"));
            JsonObject changed = qualificationsOf(f, reviewer).get(0);
            assertEquals(3, changed.getInt("maxTier"));
            assertTrue(changed.getBoolean("mayRevealPii"));
            page.assertFitsAndIsClean("admin/qualifications.xhtml");
            Screenshots.save(page.browser, "admin-qualifications.png");

            page.browser.findElements(By.cssSelector("#list\\:qualifications tr")).stream()
                    .filter(r -> r.getText().startsWith(reviewer)).findFirst().orElseThrow()
                    .findElement(By.cssSelector("input[type=submit]")).click();
            page.wait.until(d -> d.switchTo().alert()).accept();
            page.wait.until(d -> d.findElement(By.id("flash")).getText().contains("may no longer claim"));
            assertEquals(List.of(), qualificationsOf(f, reviewer));
        }
    }

    private static List<JsonObject> qualificationsOf(TasksFixture f, String login) {
        return array(expect(200, f.admin.get("api/v1/qualifications"))).stream().map(v -> v.asJsonObject())
                .filter(q -> q.getString("login").equals(login)).toList();
    }
}
