package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static io.oversight.app.it.TasksFixture.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.oversight.export.RetrainTriggers;
import io.oversight.export.TrainingSets;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retrain triggers over REST on both databases (SPEC G5): a rule on corrections since the last export
 * fires exactly once when corrections cross it, makes a training-set export, records the firing and
 * the export in the ledger, and the workflow's pipeline receives a webhook it can verify naming where
 * to fetch the export; bad rules are refused naming the field and create nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetrainTriggersIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Deployment
    static WebArchive deployment() {
        return Deployments.productionWarWithTestRunner().addClasses(ApiClient.class, Deployments.class, TasksFixture.class);
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aCorrectionsRuleFiresOncePerCrossingExportsAndNotifiesThePipeline() throws Exception {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        ApiClient reviewer = f.reviewer("rt", 2);
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/pipeline", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("\"type\":\"" + RetrainTriggers.WEBHOOK_TYPE + "\"")) {
                received.add(Map.of("signature", String.valueOf(exchange.getRequestHeaders().getFirst("Oversight-Signature")),
                        "body", body));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/pipeline";
            String secret = object(expect(200, f.governance.putJson("api/v1/workflows/" + f.key + "/intake-settings",
                    "{\"webhookUrl\":\"" + url + "\"}"))).getString("newWebhookSecret");

            HttpResponse<String> created = expect(201, f.governance.postJson("api/v1/retrain-triggers/" + f.key,
                    "{\"kind\":\"CORRECTIONS_SINCE_EXPORT\",\"corrections\":2}"));
            String triggerId = object(created).getString("id");
            assertTrue(object(created).getBoolean("armed"));
            assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("api/v1/retrain-triggers/" + f.key + "/" + triggerId));

            for (int i = 0; i < 3; i++) {
                expect(202, f.submit(f.prediction("rt-" + i, 0.5)));
            }
            List<JsonObject> claimed = f.claim(reviewer, 2, 3);
            assertEquals(3, claimed.size());
            TasksFixture.complete(reviewer, claimed.get(0).getJsonObject("task").getString("id"), "ok");
            pause(2500); // rounds run every second: one correction is below N = 2
            assertEquals(0, trigger(f, triggerId).getJsonNumber("firings").longValue(), "one correction does not fire");
            TasksFixture.complete(reviewer, claimed.get(1).getJsonObject("task").getString("id"), "ok");

            JsonObject fired = await(() -> {
                JsonObject t = trigger(f, triggerId);
                return t.getJsonNumber("firings").longValue() > 0 ? t : null;
            }, "the rule to fire");
            String datasetId = fired.getString("lastDatasetId");
            JsonObject dataset = await(() -> {
                JsonObject d = object(expect(200, f.governance.get("api/v1/datasets/" + datasetId)));
                return d.getString("state").equals("COMPLETED") || d.getString("state").equals("FAILED") ? d : null;
            }, "the export of the firing");
            assertEquals("COMPLETED", dataset.getString("state"), dataset.toString());
            assertEquals(2, dataset.getJsonNumber("rowsDone").longValue(), "both corrections are in the export");
            assertEquals("system", dataset.getString("requestedRole"));

            // a third correction after the export: 1 since it, below N; nor does the held condition fire again
            TasksFixture.complete(reviewer, claimed.get(2).getJsonObject("task").getString("id"), "ok");
            pause(3000);
            JsonObject after = trigger(f, triggerId);
            assertEquals(1, after.getJsonNumber("firings").longValue(), "fired exactly once: " + after);
            assertTrue(after.getBoolean("armed"), "the export reset the count: armed for the next crossing");

            List<JsonObject> firings = f.sealed("action=" + RetrainTriggers.TRIGGER_FIRED + "&workflow=" + f.key, 1);
            assertEquals(1, firings.size());
            assertEquals(triggerId, firings.get(0).getString("subjectId"));
            assertEquals(datasetId, firings.get(0).getJsonObject("attributes").getString("datasetId"));
            assertEquals("2", firings.get(0).getJsonObject("attributes").getString("corrections"));
            List<JsonObject> exports = f.sealed("action=" + TrainingSets.DATASET_CREATED + "&workflow=" + f.key, 1);
            assertEquals(1, exports.size());
            assertEquals(datasetId, exports.get(0).getString("subjectId"));
            assertEquals(dataset.getString("manifestSha256"), exports.get(0).getJsonObject("attributes").getString("manifestSha256"));

            for (int i = 0; i < 600 && received.isEmpty(); i++) {
                pause(100);
            }
            pause(1500);
            assertEquals(1, received.size(), "one webhook for the one firing");
            String body = received.get(0).get("body");
            JsonObject payload = parse(body);
            assertEquals(f.key, payload.getString("workflow"));
            assertEquals(triggerId, payload.getString("triggerId"));
            assertEquals(datasetId, payload.getString("datasetId"));
            assertEquals(dataset.getString("manifestSha256"), payload.getString("manifestSha256"));
            assertEquals("/api/v1/datasets/" + datasetId + "/manifest", payload.getString("manifestUrl"));
            String fileUrl = payload.getJsonArray("files").getJsonObject(0).getString("url");
            expect(200, f.integration.get(fileUrl.substring("/".length())));
            String header = received.get(0).get("signature");
            String timestamp = header.substring(2, header.indexOf(','));
            String signature = header.substring(header.indexOf("v1=") + 3);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            assertEquals(HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8))),
                    signature, "the pipeline can verify the signature");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndCreateNothing() {
        TasksFixture f = new TasksFixture(deployment).workflow(1, "[]", 0);
        String path = "api/v1/retrain-triggers/" + f.key;
        HttpResponse<String> unknown = f.governance.postJson("api/v1/retrain-triggers/no-such-workflow",
                "{\"kind\":\"DRIFT_ALERT\"}");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals(PROBLEM_JSON, unknown.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, f.governance.get("api/v1/retrain-triggers/no-such-workflow").statusCode());
        Map<String, String> bad = Map.of(
                "{\"kind\":\"CORRECTIONS_SINCE_EXPORT\",\"corrections\":-3}", "corrections",
                "{\"kind\":\"CORRECTION_RATE\",\"rate\":1.5,\"windowHours\":24}", "rate",
                "{\"kind\":\"CORRECTION_RATE\",\"rate\":-0.1,\"windowHours\":24}", "rate",
                "{\"kind\":\"WHEN_I_SAY_SO\"}", "kind",
                "{\"kind\":\"SCHEDULE\",\"everyHours\":0}", "everyHours",
                "{\"kind\":\"SCHEDULE\"}", "everyHours");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            HttpResponse<String> refused = f.governance.postJson(path, b.getKey());
            assertEquals(400, refused.statusCode(), b.getKey() + " -> " + refused.body());
            assertEquals(PROBLEM_JSON, refused.headers().firstValue("Content-Type").orElse(""), b.getKey());
            assertEquals(b.getValue(), object(refused).getJsonArray("errors").getJsonObject(0).getString("field"), refused.body());
        }
        assertEquals(403, f.auditor.postJson(path, "{\"kind\":\"DRIFT_ALERT\"}").statusCode());
        assertEquals(403, f.integration.postJson(path, "{\"kind\":\"DRIFT_ALERT\"}").statusCode());
        assertEquals(0, array(expect(200, f.governance.get(path))).size(), "nothing was created");
        assertEquals(404, f.governance.delete(path + "/no-such-rule").statusCode());
    }

    private static JsonObject trigger(TasksFixture f, String id) {
        return array(expect(200, f.governance.get("api/v1/retrain-triggers/" + f.key))).stream()
                .map(v -> v.asJsonObject()).filter(t -> t.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + id));
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static <T> T await(Supplier<T> probe, String what) {
        for (int attempt = 0; attempt < 600; attempt++) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            pause(200);
        }
        return fail("gave up waiting for " + what);
    }
}
