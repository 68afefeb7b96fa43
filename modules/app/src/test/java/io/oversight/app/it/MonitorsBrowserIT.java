package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.complete;
import static io.oversight.app.it.TasksFixture.expect;
import static io.oversight.app.it.TasksFixture.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The monitoring dashboard in a real browser at 1366 px: every chart is drawn by the chart library
 * from data the loop produced, and the page does not scroll sideways. Screenshot: monitors.png.
 */
@ExtendWith(ArquillianExtension.class)
class MonitorsBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void theDashboardDrawsItsChartsFromTheLoopsData() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[{\"tier\":1,\"minutesToReview\":60,\"maxQueueDepth\":100}]", 0.5);
        expect(200, f.governance.putJson("api/v1/monitors/settings/" + f.key, "{\"minN\":1,\"referenceSize\":10}"));
        ApiClient reviewer = f.reviewer("br", 2);
        List<String> predictions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            predictions.add(f.prediction("b-" + i, i % 3 == 0 ? 0.95 : 0.62 + 0.01 * (i % 20)));
        }
        f.submitBatch(predictions);
        List<JsonObject> tasks = f.claim(reviewer, 1, 20);
        for (int i = 0; i < tasks.size(); i++) {
            complete(reviewer, tasks.get(i).getJsonObject("task").getString("id"), i % 4 == 0 ? "ok" : "card-not-present");
        }
        for (int attempt = 0; attempt < 40; attempt++) {
            JsonObject series = object(expect(200, f.governance.get("api/v1/monitors?workflow=" + f.key)));
            if (series.getJsonArray("values").stream().anyMatch(v -> v.asJsonObject().getString("monitor").equals("AGREEMENT")
                    && "OK".equals(v.asJsonObject().getString("status")))) {
                break;
            }
            pause(500);
        }

        ChromeDriver browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(1366, 1000));
            Browser.signIn(browser, deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);
            WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
            wait.until(d -> d.findElements(By.id("welcome")).size() > 0 || d.getCurrentUrl().contains("governance"));
            browser.get(deployment + "governance/monitors.xhtml?workflow=" + f.key + "&grain=HOUR");
            try {
                wait.until(d -> d.findElements(By.cssSelector("[data-rendered]")).size() == 6);
            } finally {
                Screenshots.save(browser, "monitors.png");
            }
            assertEquals(List.of(), browser.findElements(By.cssSelector("[data-rendered='failed']")).stream()
                    .map(e -> e.getAttribute("id")).toList(), "charts that failed to draw");
            assertEquals(6, browser.findElements(By.cssSelector("[data-rendered='true'] canvas")).size(),
                    "each chart is drawn on a canvas by ECharts");
            assertTrue(browser.findElement(By.id("latest")).getText().contains("Human–model agreement"));
            Object span = browser.executeScript("var chart = echarts.getInstanceByDom(document.getElementById('chart-throughput'));"
                    + "var extent = chart.getModel().getComponent('xAxis').axis.scale.getExtent(); return extent[1] - extent[0];");
            assertEquals(Duration.ofHours(48).toMillis(), ((Number) span).longValue(),
                    "the throughput chart's time axis spans the 48 hours of the page, not days more");
            @SuppressWarnings("unchecked")
            List<String> labels = (List<String>) browser.executeScript("var chart = echarts.getInstanceByDom("
                    + "document.getElementById('chart-throughput'));"
                    + "return chart.getModel().getComponent('xAxis').axis.getViewLabels().map(function (l) {"
                    + " return l.formattedLabel; });");
            assertTrue(labels.size() >= 4, "the time axis has labels: " + labels);
            for (String label : labels) {
                assertTrue(label.matches("\\d{2}:\\d{2}|\\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"),
                        "a time label is an hour or a day and month, in UTC: " + labels);
            }
            assertTrue(labels.stream().anyMatch(l -> l.contains(" ")), "a day's start names its date: " + labels);
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).longValue() <= 0, "no horizontal scrolling at 1366 px: " + overflow);
            assertTrue(browser.findElement(By.id("period")).getText().contains("UTC"), "dates for people");
        } finally {
            browser.quit();
        }
    }

    /**
     * An address naming no workflow or no window length (a hand-edited or stale link) is refused beside the
     * chips it would choose, by their label, and shows nothing that could read as an answer: no period, no
     * chart, no "no data yet".
     */
    @Test
    void anAddressNamingNoWorkflowOrWindowIsRefusedBesideItsChoiceAndShowsNoFigure() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0.0);
        try (AdminPagesSupport page = new AdminPagesSupport(deployment, "gov-" + f.suffix, TasksFixture.PASSWORD)) {
            page.open("governance/monitors.xhtml?workflow=no-such-workflow&grain=MONTH");
            assertEquals("Workflow: there is no workflow 'no-such-workflow'.", page.visible(By.id("workflow-message")).getText());
            assertEquals("Windows: 'MONTH' is not one of HOUR, DAY or WEEK.", page.visible(By.id("grain-message")).getText());
            assertShowsNothing(page);
            page.assertFitsAndIsClean("governance/monitors.xhtml");

            page.open("governance/monitors.xhtml?workflow=" + f.key + "&grain=fortnight");
            assertEquals("Windows: 'fortnight' is not one of HOUR, DAY or WEEK.", page.visible(By.id("grain-message")).getText());
            assertEquals("", page.browser.findElement(By.id("workflow-message")).getText(), "the workflow is known");
            assertShowsNothing(page);

            page.open("governance/monitors.xhtml?workflow=" + f.key + "&grain=DAY");
            assertTrue(page.visible(By.id("period")).getText().contains("UTC"), "a good address shows its period");
            assertEquals("", page.browser.findElement(By.id("grain-message")).getText());
        }
    }

    private static void assertShowsNothing(AdminPagesSupport page) {
        for (String id : List.of("period", "no-data", "dashboard")) {
            assertTrue(page.browser.findElements(By.id(id)).isEmpty(), id + " is not shown for a refused address");
        }
    }
}
