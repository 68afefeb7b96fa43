package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.object;
import static io.oversight.app.it.TasksFixture.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A governance lead makes a taxonomy a rating scale over the API; a bad scale is refused naming the
 * field and changes nothing; the agreement report then offers every level of alpha, each metric with
 * its machine-readable id; a workflow may ask for 20 reviews per item, not 21.
 */
@ExtendWith(ArquillianExtension.class)
class RatingScaleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productionWar();
    }

    @ArquillianResource
    URL deployment;

    private static String workflow(String key, int reviewersPerItem) {
        return """
                {"key":"%s","name":"Stars","description":"d","consequence":"LOW","volume":"LOW","accuracy":"LOW",
                 "integrationMode":"ASYNC","reviewersPerItem":%d,"retentionDays":365,"legalHold":false,
                 "piiFieldPaths":[],"taskKind":"CLASSIFICATION","labelSelection":"LEAF_ONLY"}""".formatted(key, reviewersPerItem);
    }

    @Test
    void aTaxonomyBecomesARatingScaleAndAgreementOffersEveryLevel() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiClient.asAdmin(deployment).createUser("scale-" + suffix, TasksFixture.PASSWORD, "governance");
        ApiClient governance = ApiClient.as(deployment, "scale-" + suffix, TasksFixture.PASSWORD);
        String key = "stars-" + suffix;
        expect(201, governance.postJson("api/v1/workflows", workflow(key, 14)));
        expect(200, governance.putJson("api/v1/workflows/" + key + "/taxonomy", """
                {"labels":[{"code":"poor","displayName":"Poor","value":1},{"code":"fair","displayName":"Fair","value":2},
                           {"code":"good","displayName":"Good","value":3}]}"""));
        int version = object(expect(200, governance.get("api/v1/workflows/" + key))).getInt("taxonomyVersion");

        HttpResponse<String> repeated = governance.putJson("api/v1/workflows/" + key + "/taxonomy", """
                {"labels":[{"code":"poor","displayName":"Poor","value":1},{"code":"fair","displayName":"Fair","value":1}]}""");
        assertEquals(400, repeated.statusCode());
        assertTrue(repeated.body().contains("labels[1].value"), repeated.body());
        JsonObject stored = object(expect(200, governance.get("api/v1/workflows/" + key)));
        assertEquals(version, stored.getInt("taxonomyVersion"), "the refused scale changed nothing");
        List<Double> values = stored.getJsonArray("labels").stream()
                .map(l -> l.asJsonObject().getJsonNumber("value").doubleValue()).toList();
        assertEquals(List.of(1.0, 2.0, 3.0), values);

        JsonObject report = object(expect(200, governance.get("api/v1/agreement?workflow=" + key)));
        List<String> ids = report.getJsonArray("metrics").stream().map(JsonValue::asJsonObject)
                .map(m -> m.getString("id")).toList();
        assertTrue(ids.containsAll(List.of("percent_agreement", "fleiss_kappa", "alpha_nominal", "alpha_ordinal",
                "alpha_interval", "alpha_ratio")), ids.toString());

        HttpResponse<String> tooMany = governance.postJson("api/v1/workflows", workflow("many-" + suffix, 21));
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.body().contains("between 1 and 20"), tooMany.body());
        assertEquals(404, governance.get("api/v1/workflows/many-" + suffix).statusCode(), "nothing was created");
    }
}
