package io.oversight.app.it;

import static io.oversight.app.it.ApiClient.array;
import static io.oversight.app.it.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.Workflows;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.metamodel.EntityType;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The governance module in the production WAR on both databases: its entities join the one
 * persistence unit from their own jar, its REST API enforces the life-cycle rules, refuses bad input
 * with problem+json and changes nothing, and refuses wrong roles and anonymous callers.
 */
@ExtendWith(ArquillianExtension.class)
class GovernanceIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PASSWORD = "correct-horse-battery";
    private static final String DIGEST = "0123456789abcdef".repeat(4);

    @Deployment
    static WebArchive deployment() {
        return Deployments.productionWarWithTestRunner()
                .addClasses(PersistenceProbe.class, ApiClient.class, Deployments.class);
    }

    @Inject
    PersistenceProbe persistence;

    @Inject
    Workflows workflows;

    @ArquillianResource
    URL deployment;

    private ApiClient governance;
    private ApiClient reviewer;
    private ApiClient auditor;
    private ApiClient anonymous;

    @BeforeEach
    void users() {
        if (deployment == null || System.getProperty("it.admin.password") == null) {
            return; // in-container run: the in-container test needs no accounts
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiClient admin = ApiClient.asAdmin(deployment);
        admin.createUser("gov-" + suffix, PASSWORD, "governance");
        admin.createUser("rev-" + suffix, PASSWORD, "reviewer");
        admin.createUser("aud-" + suffix, PASSWORD, "auditor");
        governance = ApiClient.as(deployment, "gov-" + suffix, PASSWORD);
        reviewer = ApiClient.as(deployment, "rev-" + suffix, PASSWORD);
        auditor = ApiClient.as(deployment, "aud-" + suffix, PASSWORD);
        anonymous = ApiClient.anonymous(deployment);
    }

    @Test
    void governanceEntitiesFromTheModuleJarJoinTheOnePersistenceUnit() {
        Set<String> entities = persistence.entityManager().getMetamodel().getEntities().stream()
                .map(EntityType::getName).collect(Collectors.toSet());
        assertTrue(entities.containsAll(Set.of("WorkflowEntity", "LabelEntity", "GuidelineVersionEntity",
                "ModelSnapshotEntity", "RoutingPolicyEntity", "AppUser")), entities.toString());
        assertTrue(workflows.find("no-such-workflow").isEmpty());
    }

    /**
     * The sealed ledger entries matching {@code query}, once the sequencer has sealed {@code expected}
     * of them (it runs every few milliseconds); fails after 30 s with what it saw.
     */
    private List<JsonObject> sealed(String query, int expected) {
        List<JsonObject> entries = List.of();
        for (int attempt = 0; attempt < 300; attempt++) {
            entries = object(auditor.get("api/v1/ledger/entries?limit=1000&" + query)).getJsonArray("entries").stream()
                    .map(JsonValue::asJsonObject).toList();
            if (entries.size() >= expected) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return entries;
    }

    private static List<String> actions(List<JsonObject> entries) {
        return entries.stream().map(e -> e.getString("actionType")).toList();
    }

    private static String key() {
        return "wf-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String workflowJson(String key) {
        return """
                {"key":"%s","name":"Claims","description":"d","consequence":"HIGH","volume":"LOW","accuracy":"MEDIUM",
                 "integrationMode":"ASYNC","reviewersPerItem":2,"retentionDays":365,"legalHold":false,
                 "piiFieldPaths":["customer.email"],"taskKind":"CLASSIFICATION","labelSelection":"LEAF_ONLY"}
                """.formatted(key);
    }

    private static final String TAXONOMY = """
            {"labels":[{"code":"fraud","displayName":"Fraud"},
                       {"code":"card-not-present","parentCode":"fraud","displayName":"Card not present"},
                       {"code":"ok","displayName":"OK"}]}""";

    private String createWorkflowWithTaxonomy() {
        String key = key();
        assertEquals(201, governance.postJson("api/v1/workflows", workflowJson(key)).statusCode());
        assertEquals(200, governance.putJson("api/v1/workflows/" + key + "/taxonomy", TAXONOMY).statusCode());
        return key;
    }

    private static String guidelineJson(String format, String instructions) {
        return "{\"format\":\"" + format + "\",\"instructions\":" + jsonString(instructions)
                + ",\"examples\":[{\"labelCode\":\"card-not-present\",\"kind\":\"EXAMPLE\",\"input\":\"web shop\"}]}";
    }

    static String jsonString(String s) {
        return jakarta.json.Json.createValue(s).toString();
    }

    private String transition(String id, String target, int expected) {
        HttpResponse<String> r = governance.postJson("api/v1/guidelines/" + id + "/transitions", "{\"target\":\"" + target + "\"}");
        assertEquals(expected, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    @RunAsClient
    void onlyOneGuidelineVersionIsActiveAndNonDraftsCannotBeEdited() {
        String key = createWorkflowWithTaxonomy();
        HttpResponse<String> v1 = governance.postJson("api/v1/workflows/" + key + "/guidelines", guidelineJson("MARKDOWN", "# One"));
        assertEquals(201, v1.statusCode(), v1.body());
        String id1 = object(v1).getString("id");
        assertEquals(64, object(v1).getString("contentDigest").length());
        transition(id1, "PILOT", 200);
        transition(id1, "ACTIVE", 200);
        String id2 = object(governance.postJson("api/v1/workflows/" + key + "/guidelines",
                guidelineJson("MARKDOWN", "# Two"))).getString("id");
        transition(id2, "ACTIVE", 409);
        transition(id2, "PILOT", 200);
        transition(id2, "ACTIVE", 200);

        List<JsonObject> versions = array(governance.get("api/v1/workflows/" + key + "/guidelines")).stream()
                .map(JsonValue::asJsonObject).toList();
        assertEquals(List.of("ACTIVE", "RETIRED"), versions.stream().map(v -> v.getString("status")).toList());

        HttpResponse<String> edit = governance.putJson("api/v1/guidelines/" + id1, guidelineJson("MARKDOWN", "# changed"));
        assertEquals(409, edit.statusCode());
        assertEquals(PROBLEM_JSON, edit.headers().firstValue("Content-Type").orElse(""));
        assertTrue(object(edit).getString("detail").contains("RETIRED"), edit.body());
        assertEquals("# One", object(governance.get("api/v1/guidelines/" + id1)).getString("instructions"));

        // each transition is exactly one sealed entry naming the version and its content digest;
        // the refused edit and the refused skip to ACTIVE wrote none
        List<JsonObject> entries = sealed("workflow=" + key, 9);
        assertEquals(List.of("governance.workflow.created", "governance.taxonomy.changed",
                "governance.guideline.drafted", "governance.guideline.piloted", "governance.guideline.activated",
                "governance.guideline.drafted", "governance.guideline.piloted", "governance.guideline.retired",
                "governance.guideline.activated"), actions(entries));
        String digest2 = object(governance.get("api/v1/guidelines/" + id2)).getString("contentDigest");
        JsonObject activated = entries.get(8);
        assertEquals(id2, activated.getString("guidelineVersionId"));
        assertEquals(digest2, activated.getString("guidelineDigest"));
        assertEquals("governance", activated.getString("actorRole"));
        assertFalse(activated.getString("actorPseudonym").contains("gov-"), "actors appear only as pseudonyms");
        assertEquals(id1, entries.get(7).getString("guidelineVersionId"));
        assertEquals(object(v1).getString("contentDigest"), entries.get(7).getString("guidelineDigest"));

        JsonObject diff = object(governance.get("api/v1/guidelines/" + id2 + "/diff?against=" + id1));
        List<String> lines = diff.getJsonArray("lines").getValuesAs(jakarta.json.JsonString::getString);
        assertTrue(lines.contains("-# One") && lines.contains("+# Two"), lines.toString());
    }

    @Test
    @RunAsClient
    void scriptInGuidelineTextIsRenderedSanitizedAndOversizedTextIsRefused() {
        String key = createWorkflowWithTaxonomy();
        String id = object(governance.postJson("api/v1/workflows/" + key + "/guidelines", guidelineJson("HTML",
                "<p onclick=\"x()\">Read <b>this</b></p><script>alert('x')</script><img src=x onerror=alert(1)>")))
                .getString("id");
        String html = object(governance.get("api/v1/guidelines/" + id + "/rendered")).getString("html");
        assertEquals("<p>Read <b>this</b></p>", html);

        HttpResponse<String> big = governance.postJson("api/v1/workflows/" + key + "/guidelines",
                guidelineJson("MARKDOWN", "x".repeat(100_001)));
        assertEquals(400, big.statusCode());
        assertEquals("instructions", object(big).getJsonArray("errors").getJsonObject(0).getString("field"));
        HttpResponse<String> unknownLabel = governance.postJson("api/v1/workflows/" + key + "/guidelines",
                guidelineJson("MARKDOWN", "# x").replace("card-not-present", "no-such-label"));
        assertEquals(400, unknownLabel.statusCode());
        assertTrue(unknownLabel.body().contains("no-such-label"));
        assertEquals(1, array(governance.get("api/v1/workflows/" + key + "/guidelines")).size(), "nothing was added");
    }

    private static String policyJson(String accept, String low, String bands, String rules) {
        return """
                {"autoAcceptAtOrAbove":%s,"lowAtOrBelow":%s,"lowOutcome":"ESCALATE","reviewBands":%s,
                 "labelThresholds":[{"labelCode":"fraud","autoAcceptAtOrAbove":0.99,"lowAtOrBelow":0.5}],
                 "rules":%s,"hotlSamplingRate":0.05,"slaTargets":[{"tier":1,"minutesToReview":60,"maxQueueDepth":100}]}
                """.formatted(accept, low, bands, rules);
    }

    private static final String BANDS = "[{\"atOrAbove\":0.2,\"tier\":2},{\"atOrAbove\":0.7,\"tier\":1}]";

    @Test
    @RunAsClient
    void routingPoliciesAreValidatedOnSaveAndActivatedOneAtATime() {
        String key = createWorkflowWithTaxonomy();
        String base = "api/v1/workflows/" + key + "/policies";
        record Bad(String body, String field, String words) {
        }
        List<Bad> bad = List.of(
                new Bad(policyJson("0.3", "0.6", "[{\"atOrAbove\":0.4,\"tier\":1}]", "[]"), "lowAtOrBelow", "below"),
                new Bad(policyJson("1.2", "0.2", BANDS, "[]"), "autoAcceptAtOrAbove", "[0, 1]"),
                new Bad(policyJson("\"NaN\"", "0.2", BANDS, "[]"), null, null),
                new Bad(policyJson("0.9", "0.2", "[{\"atOrAbove\":0.7,\"tier\":1},{\"atOrAbove\":0.3,\"tier\":2}]", "[]"),
                        "reviewBands[1].atOrAbove", "increasing"),
                new Bad(policyJson("0.9", "0.2", "[{\"atOrAbove\":0.3,\"tier\":4}]", "[]"), "reviewBands[0].tier", "unknown tier 4"),
                new Bad(policyJson("0.9", "0.2", BANDS, "[\"amount >> 1 -> tier 1\"]"), "rules[0]", "column 9"),
                new Bad(policyJson("0.9", "0.2", BANDS, "[]").replace("\"fraud\"", "\"nope\""), "labelThresholds[0].labelCode", "nope"));
        for (Bad b : bad) {
            HttpResponse<String> r = governance.postJson(base, b.body());
            assertEquals(400, r.statusCode(), b.body() + " -> " + r.body());
            assertEquals(PROBLEM_JSON, r.headers().firstValue("Content-Type").orElse(""));
            if (b.field() != null) {
                JsonObject error = object(r).getJsonArray("errors").getJsonObject(0);
                assertEquals(b.field(), error.getString("field"), r.body());
                assertTrue(error.getString("message").contains(b.words()), r.body());
            }
        }
        assertEquals(0, array(governance.get(base)).size(), "no invalid policy was stored");

        String p1 = object(governance.postJson(base, policyJson("0.95", "0.2", BANDS, "[\"amount > 10000 -> tier 3\"]"))).getString("id");
        assertEquals("ACTIVE", object(governance.postJson("api/v1/policies/" + p1 + "/activation", "{}")).getString("status"));
        String p2 = object(governance.postJson(base, policyJson("0.9", "0.1", BANDS, "[]"))).getString("id");
        assertEquals("ACTIVE", object(governance.postJson("api/v1/policies/" + p2 + "/activation", "{}")).getString("status"));
        assertEquals("RETIRED", object(governance.get("api/v1/policies/" + p1)).getString("status"));
        assertEquals(409, governance.putJson("api/v1/policies/" + p2, policyJson("0.9", "0.1", BANDS, "[]")).statusCode());

        List<JsonObject> entries = sealed("workflow=" + key + "&subjectKind=routing-policy", 5);
        assertEquals(List.of("governance.policy.drafted", "governance.policy.activated", "governance.policy.drafted",
                "governance.policy.retired", "governance.policy.activated"), actions(entries),
                "the seven refused drafts recorded nothing");
        assertEquals(object(governance.get("api/v1/policies/" + p2)).getString("contentDigest"),
                entries.get(4).getString("payloadDigest"));
    }

    @Test
    @RunAsClient
    void modelSnapshotsPromoteRollBackAndNeedANewPromotionToComeBack() {
        String key = createWorkflowWithTaxonomy();
        String registration = "{\"workflowKey\":\"" + key + "\",\"name\":\"clf\",\"version\":\"%s\",\"artifactDigest\":\"sha256:"
                + DIGEST + "\",\"labelSpace\":[\"card-not-present\",\"ok\"]}";
        HttpResponse<String> m1 = governance.postJson("api/v1/models", registration.formatted("1"));
        assertEquals(201, m1.statusCode(), m1.body());
        assertEquals(DIGEST, object(m1).getString("artifactDigest"));
        assertEquals("SHADOW", object(m1).getString("status"));
        assertEquals(409, governance.postJson("api/v1/models", registration.formatted("1")).statusCode());
        assertEquals(400, governance.postJson("api/v1/models", registration.formatted("2").replace("\"ok\"", "\"nope\"")).statusCode());
        String id = object(m1).getString("id");

        assertEquals(400, governance.postJson("api/v1/models/" + id + "/promotions", "{\"target\":\"ACTIVE\"}").statusCode(),
                "a promotion says why");
        assertEquals("ACTIVE", object(governance.postJson("api/v1/models/" + id + "/promotions",
                "{\"target\":\"ACTIVE\",\"reason\":\"meets acceptance\"}")).getString("status"));
        assertEquals("ROLLED_BACK", object(governance.postJson("api/v1/models/" + id + "/rollback",
                "{\"reason\":\"drift\"}")).getString("status"));
        HttpResponse<String> straight = governance.postJson("api/v1/models/" + id + "/promotions",
                "{\"target\":\"ACTIVE\",\"reason\":\"again\"}");
        assertEquals(409, straight.statusCode());
        assertEquals("ROLLED_BACK", object(governance.get("api/v1/models/" + id)).getString("status"));
        assertEquals("CANARY", object(governance.postJson("api/v1/models/" + id + "/promotions",
                "{\"target\":\"CANARY\",\"reason\":\"fixed\"}")).getString("status"));

        List<JsonObject> entries = sealed("modelSnapshot=" + id, 4);
        assertEquals(List.of("governance.model.registered", "governance.model.promoted", "governance.model.rolled-back",
                "governance.model.promoted"), actions(entries));
        assertTrue(entries.stream().allMatch(e -> DIGEST.equals(e.getString("modelArtifactDigest"))), entries.toString());
        assertTrue(entries.get(1).containsKey("rationaleDigest"), "the reason is recorded as a digest");
    }

    @Test
    @RunAsClient
    void demoModeSeedsFullyConfiguredWorkflows() {
        for (String key : List.of("loan-dispute-triage", "content-moderation")) {
            HttpResponse<String> workflow = auditor.get("api/v1/workflows/" + key);
            if (Deployments.onPostgres()) {
                assertEquals(404, workflow.statusCode(), "no demo data outside demo mode");
                continue;
            }
            assertEquals(200, workflow.statusCode(), workflow.body());
            assertTrue(object(workflow).getJsonArray("labels").size() > 3);
            for (String versions : List.of("guidelines", "policies", "models")) {
                assertTrue(array(auditor.get("api/v1/workflows/" + key + "/" + versions)).stream()
                        .anyMatch(v -> v.asJsonObject().getString("status").equals("ACTIVE")), key + " " + versions);
            }
        }
    }

    @Test
    @RunAsClient
    void duplicateWorkflowKeyIsAConflictAndChangesNothing() {
        String key = key();
        assertEquals(201, governance.postJson("api/v1/workflows", workflowJson(key)).statusCode());
        HttpResponse<String> again = governance.postJson("api/v1/workflows", workflowJson(key).replace("Claims", "Other"));
        assertEquals(409, again.statusCode());
        assertTrue(object(again).getString("detail").contains(key));
        assertEquals("Claims", object(governance.get("api/v1/workflows/" + key)).getString("name"));
        HttpResponse<String> invalid = governance.postJson("api/v1/workflows", workflowJson("Bad Key!"));
        assertEquals(400, invalid.statusCode());
        assertEquals("key", object(invalid).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    @RunAsClient
    void everyOperationRefusesWrongRolesAndAnonymousCallers() {
        String key = createWorkflowWithTaxonomy();
        String gid = object(governance.postJson("api/v1/workflows/" + key + "/guidelines", guidelineJson("MARKDOWN", "# x"))).getString("id");
        String pid = object(governance.postJson("api/v1/workflows/" + key + "/policies", policyJson("0.9", "0.2", BANDS, "[]"))).getString("id");
        String mid = object(governance.postJson("api/v1/models", "{\"workflowKey\":\"" + key
                + "\",\"name\":\"m\",\"version\":\"1\",\"artifactDigest\":\"" + DIGEST + "\",\"labelSpace\":[\"ok\"]}")).getString("id");
        List<String> reads = List.of("api/v1/workflows", "api/v1/workflows/" + key, "api/v1/workflows/" + key + "/guidelines",
                "api/v1/workflows/" + key + "/policies", "api/v1/workflows/" + key + "/models", "api/v1/guidelines/" + gid,
                "api/v1/guidelines/" + gid + "/rendered", "api/v1/guidelines/" + gid + "/diff?against=" + gid,
                "api/v1/models", "api/v1/models/" + mid, "api/v1/policies/" + pid);
        for (String path : reads) {
            assertEquals(403, reviewer.get(path).statusCode(), path);
            assertEquals(401, anonymous.get(path).statusCode(), path);
            assertEquals(200, auditor.get(path).statusCode(), path);
        }
        List<String[]> writes = List.of(
                new String[] {"POST", "api/v1/workflows", workflowJson(key())},
                new String[] {"PUT", "api/v1/workflows/" + key, workflowJson(key)},
                new String[] {"PUT", "api/v1/workflows/" + key + "/taxonomy", TAXONOMY},
                new String[] {"POST", "api/v1/workflows/" + key + "/guidelines", guidelineJson("MARKDOWN", "# y")},
                new String[] {"POST", "api/v1/workflows/" + key + "/policies", policyJson("0.9", "0.2", BANDS, "[]")},
                new String[] {"PUT", "api/v1/guidelines/" + gid, guidelineJson("MARKDOWN", "# z")},
                new String[] {"POST", "api/v1/guidelines/" + gid + "/transitions", "{\"target\":\"PILOT\"}"},
                new String[] {"POST", "api/v1/models", "{}"},
                new String[] {"POST", "api/v1/models/" + mid + "/promotions", "{\"target\":\"ACTIVE\",\"reason\":\"r\"}"},
                new String[] {"POST", "api/v1/models/" + mid + "/rollback", "{\"reason\":\"r\"}"},
                new String[] {"POST", "api/v1/models/" + mid + "/retirement", "{\"reason\":\"r\"}"},
                new String[] {"PUT", "api/v1/policies/" + pid, policyJson("0.9", "0.2", BANDS, "[]")},
                new String[] {"POST", "api/v1/policies/" + pid + "/activation", "{}"},
                new String[] {"POST", "api/v1/policies/" + pid + "/retirement", "{}"});
        for (String[] w : writes) {
            for (ApiClient refused : List.of(reviewer, auditor)) {
                HttpResponse<String> r = "PUT".equals(w[0]) ? refused.putJson(w[1], w[2]) : refused.postJson(w[1], w[2]);
                assertEquals(403, r.statusCode(), w[0] + " " + w[1]);
                assertEquals(PROBLEM_JSON, r.headers().firstValue("Content-Type").orElse(""));
            }
            HttpResponse<String> r = "PUT".equals(w[0]) ? anonymous.putJson(w[1], w[2]) : anonymous.postJson(w[1], w[2]);
            assertEquals(401, r.statusCode(), w[0] + " " + w[1]);
        }
        assertEquals("DRAFT", object(governance.get("api/v1/guidelines/" + gid)).getString("status"), "nothing changed");
        assertEquals("SHADOW", object(governance.get("api/v1/models/" + mid)).getString("status"));
        assertEquals("DRAFT", object(governance.get("api/v1/policies/" + pid)).getString("status"));
    }

    /** The container's 403 error page (errors/forbidden.xhtml), never the page itself. */
    private static void assertRefused(HttpResponse<String> response, String page) {
        assertTrue(response.statusCode() == 403 || response.body().contains("Not allowed"), page + ": " + response.statusCode());
        assertFalse(response.body().contains("id=\"page-title\""), page);
    }

    @Test
    @RunAsClient
    void governancePagesAreRefusedToOtherRolesAndReadOnlyForAuditors() {
        for (String page : List.of("governance/index.xhtml", "governance/workflows.xhtml", "governance/models.xhtml")) {
            assertRefused(reviewer.get(page), page);
        }
        assertRefused(auditor.get("governance/index.xhtml"), "governance/index.xhtml");
        HttpResponse<String> readOnly = auditor.get("governance/workflows.xhtml");
        assertEquals(200, readOnly.statusCode());
        assertTrue(readOnly.body().contains("id=\"page-title\""), "auditors read the configuration pages");
        assertFalse(readOnly.body().contains("Create workflow"), "no editing form for auditors");
        HttpResponse<String> forGovernance = governance.get("governance/workflows.xhtml");
        assertEquals(200, forGovernance.statusCode());
        assertTrue(forGovernance.body().contains("id=\"page-title\""));
    }
}
