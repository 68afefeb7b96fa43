package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.completion;
import static io.oversight.app.it.TasksFixture.decision;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The agreement page of a rating-scale workflow in a real browser: Krippendorff's alpha at the ordinal,
 * interval and ratio levels appears with values beside the nominal one (RatingScaleIT proves the API
 * offers them), and the automation-bias table compares the reviews made with the prediction in view with
 * the blind ones (ReviewerViewIT proves the numbers over the API).
 */
@ExtendWith(ArquillianExtension.class)
class AgreementLevelsBrowserIT {

    private static final String SCALE = """
            {"labels":[{"code":"ok","displayName":"Fine","value":1},
                       {"code":"card-not-present","displayName":"Suspicious","value":2},
                       {"code":"severe","displayName":"Severe","value":3}]}""";
    private static final String PREDICTED = "card-not-present";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aRatingScaleShowsEveryAlphaLevelAndTheShownAndBlindReviewsSideBySide() {
        TasksFixture f = new TasksFixture(deployment).taxonomy(SCALE).workflow(2, "[]", 0);
        expect(200, f.governance.putJson("api/v1/workflows/" + f.key + "/reviewer-view",
                "{\"fields\":[],\"predictionHiddenTiers\":[1]}"));
        ApiClient first = f.reviewer("first", 2);
        ApiClient second = f.reviewer("second", 2);
        // 0.5 routes to tier 2, where the prediction is shown; 0.7 to tier 1, where it is hidden
        Map<String, List<String>> answers = new HashMap<>();
        answers.put(submitted(f, "seen-1", 0.5), List.of("card-not-present", "card-not-present"));
        answers.put(submitted(f, "seen-2", 0.5), List.of("ok", "card-not-present"));
        answers.put(submitted(f, "seen-3", 0.5), List.of("severe", "severe"));
        answers.put(submitted(f, "blind-1", 0.7), List.of("ok", "ok"));
        answers.put(submitted(f, "blind-2", 0.7), List.of("severe", "card-not-present"));
        for (int tier : new int[] {2, 1}) {
            answer(first, f.claim(first, tier, 5), answers, 0, tier == 1);
            answer(second, f.claim(second, tier, 5), answers, 1, tier == 1);
        }

        ChromeDriver browser = Browser.start();
        try {
            browser.manage().window().setSize(new Dimension(1366, 900));
            Browser.signIn(browser, deployment, "gov-" + f.suffix, TasksFixture.PASSWORD);
            WebDriverWait wait = Browser.waitUpTo(browser, Duration.ofSeconds(30));
            browser.get(deployment + "review/agreement.xhtml?workflow=" + f.key + "&days=1");
            wait.until(d -> d.findElements(By.id("metrics")).size() == 1);
            assertTrue(browser.findElement(By.id("counts")).getText().startsWith("10 reviews of 5 items"),
                    browser.findElement(By.id("counts")).getText());
            for (String level : List.of("alpha_nominal", "alpha_ordinal", "alpha_interval", "alpha_ratio")) {
                String value = browser.findElement(By.cssSelector("[data-metric='" + level + "']")).getText();
                assertTrue(value.matches("-?\\d\\.\\d{3}"), level + " has a value: '" + value + "'");
            }
            assertEquals("6", browser.findElement(By.cssSelector("#exposure tr[data-shown='true'] .reviews")).getText(),
                    "six reviews with the prediction in view");
            assertEquals("4", browser.findElement(By.cssSelector("#exposure tr[data-shown='false'] .reviews")).getText(),
                    "four made blind");
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).longValue() <= 0, "no horizontal scrolling at 1366 px: " + overflow);
        } finally {
            browser.quit();
        }
    }

    private static String submitted(TasksFixture f, String clientKey, double confidence) {
        return object(expect(202, f.submit(f.prediction(clientKey, confidence)))).getString("id");
    }

    /** Each claimed task answered with the reviewer's label for its item; blind tiers name their answer. */
    private static void answer(ApiClient reviewer, List<JsonObject> claimed, Map<String, List<String>> answers, int who,
            boolean blind) {
        for (JsonObject claim : claimed) {
            String label = answers.get(claim.getString("itemId")).get(who);
            String body = !blind && label.equals(PREDICTED) ? decision("APPROVE", null)
                    : decision("CORRECT", blind ? null : "the statement says otherwise", label);
            expect(200, completion(reviewer, claim.getJsonObject("task").getString("id"), body));
        }
    }
}
