package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A governance lead, in headless Chromium at 1366 px, opens a workflow's gold items from the governance
 * workspace; a label the taxonomy does not offer, a missing answer, a missing item id and an unknown item
 * are each refused beside their field and mark nothing (the API lists no gold item); then marks one item
 * corrected to a label and one approved, which the API lists with those labels, and retires one after
 * confirming, which the API no longer lists. Screenshot: governance-gold.png.
 */
@ExtendWith(ArquillianExtension.class)
class GoldItemsBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aGovernanceLeadMarksAndRetiresGoldItemsAndBadInputIsRefusedBesideItsField() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        List<String> items = f.submitBatch(List.of(f.prediction("gold-page-0", 0.5), f.prediction("gold-page-1", 0.5)));
        String corrected = items.get(0);
        String approved = items.get(1);
        try (AdminPagesSupport page = new AdminPagesSupport(deployment, "gov-" + f.suffix, TasksFixture.PASSWORD)) {
            page.open("governance/gold.xhtml?workflow=no-such-workflow");
            assertEquals("There is no workflow 'no-such-workflow': choose one.",
                    page.visible(By.id("workflow-message")).getText(), "said beside the chooser, not lost");
            page.open("governance/index.xhtml");
            page.click("goldLink");
            assertEquals("Gold items", page.visible(By.id("page-title")).getText());
            new Select(page.visible(By.id("choose:workflow"))).selectByValue(f.key);
            page.click("choose:open");
            assertTrue(page.visible(By.id("mark-title")).getText().contains(f.key));
            assertEquals(f.key, new Select(page.visible(By.id("choose:workflow"))).getFirstSelectedOption()
                    .getAttribute("value"), "the chosen workflow, and only it, is selected");
            assertTrue(page.browser.getCurrentUrl().contains("workflow=" + f.key), "the page has its own address");

            page.type("mark:itemId", corrected);
            new Select(page.visible(By.id("mark:verdict"))).selectByValue("CORRECT");
            page.type("mark:labels", "ok, nonsense");
            page.click("mark:submit");
            page.assertMessageBeside("mark:labels",
                    "Expected labels: \"nonsense\" is not a selectable label of the taxonomy of " + f.key);
            assertEquals(Map.of(), gold(f), "a refused label marks nothing");

            new Select(page.visible(By.id("mark:verdict"))).selectByValue("");
            page.click("mark:submit");
            page.assertMessageBeside("mark:verdict", "Right answer: is required: APPROVE, CORRECT or REJECT");

            page.type("mark:itemId", " ");
            new Select(page.visible(By.id("mark:verdict"))).selectByValue("APPROVE");
            page.type("mark:labels", " ");
            page.click("mark:submit");
            page.assertMessageBeside("mark:itemId", "Item id: is required: the item whose known answer this is");

            page.type("mark:itemId", "no-such-item");
            page.click("mark:submit");
            page.wait.until(d -> page.messageBeside("mark:itemId").startsWith("Item id: is not an item of any workflow"));
            assertEquals(Map.of(), gold(f), "refused input marks nothing");

            page.type("mark:itemId", corrected);
            new Select(page.visible(By.id("mark:verdict"))).selectByValue("CORRECT");
            page.type("mark:labels", "ok");
            page.click("mark:submit");
            page.wait.until(d -> d.findElement(By.id("flash")).getText().contains("is now a gold item of " + f.key));
            page.type("mark:itemId", approved);
            new Select(page.visible(By.id("mark:verdict"))).selectByValue("APPROVE");
            page.click("mark:submit");
            page.wait.until(d -> d.findElement(By.id("list:items")).getText().contains(approved));
            assertEquals(Map.of(corrected, List.of("ok"), approved, List.of("card-not-present")), gold(f));
            String table = page.visible(By.id("list:items")).getText();
            assertTrue(table.contains("CORRECT") && table.contains("UTC"), table);
            page.assertFitsAndIsClean("governance/gold.xhtml");
            Screenshots.save(page.browser, "governance-gold.png");

            page.browser.findElements(By.cssSelector("#list\\:items tr")).stream()
                    .filter(r -> r.getText().contains(corrected)).findFirst().orElseThrow()
                    .findElement(By.cssSelector("input[type=submit]")).click();
            page.wait.until(d -> d.switchTo().alert()).accept();
            page.wait.until(d -> d.findElement(By.id("flash")).getText().contains("is no longer a gold item"));
            assertEquals(Map.of(approved, List.of("card-not-present")), gold(f));
            assertTrue(!page.visible(By.id("list:items")).getText().contains(corrected));
        }
    }

    /** The workflow's active gold items as the API lists them: item id to expected labels. */
    private static Map<String, List<String>> gold(TasksFixture f) {
        return array(expect(200, f.governance.get("api/v1/gold?workflow=" + f.key))).stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(g -> g.getString("itemId"), GoldItemsBrowserIT::labels));
    }

    private static List<String> labels(JsonObject g) {
        return g.getJsonArray("labels").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
