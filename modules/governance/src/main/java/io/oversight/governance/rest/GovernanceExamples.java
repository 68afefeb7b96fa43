package io.oversight.governance.rest;

/**
 * Example bodies of the governance operations (workflows, taxonomies, reviewer views, guidelines,
 * model snapshots, routing policies), for the OpenAPI document; the monitoring operations have
 * theirs in {@link MonitoringExamples}. The values are the demo workflow's. OpenApiContractIT checks
 * that each parses as JSON and names only properties of its schema, so an example cannot drift from
 * the records it shows.
 */
final class GovernanceExamples {

    private GovernanceExamples() {
    }

    private static final String LABELS = """
            [{"code":"fraud","displayName":"Fraud","description":"The customer did not authorise the charge.",
               "path":"fraud","leaf":false},
              {"code":"card-not-present","parentCode":"fraud","displayName":"Card not present",
               "description":"Online or phone charge without the card.","path":"fraud > card-not-present","leaf":true},
              {"code":"billing-error","displayName":"Billing error",
               "description":"The charge was authorised but wrong.","path":"billing-error","leaf":false},
              {"code":"duplicate-charge","parentCode":"billing-error","displayName":"Duplicate charge",
               "description":"Charged twice for one thing.","path":"billing-error > duplicate-charge","leaf":true}]""";

    static final String WORKFLOW = """
            {"key":"loan-dispute-triage","name":"Loan dispute triage",
             "description":"Customers dispute loan charges; the model proposes a category and a person confirms the risky ones.",
             "consequence":"HIGH","volume":"MEDIUM","accuracy":"HIGH","riskLevel":"HIGH","integrationMode":"ASYNC",
             "reviewersPerItem":2,"retentionDays":2555,"legalHold":false,
             "piiFieldPaths":["customer.name","customer.email","customer.iban"],"taskKind":"CLASSIFICATION",
             "labelSelection":"LEAF_ONLY","taxonomyVersion":2,"labels":""" + LABELS + """
            ,"createdAt":"2026-11-20T08:00:00Z","changedAt":"2026-11-20T08:00:01Z"}""";

    static final String WORKFLOWS = "[" + WORKFLOW + "]";

    static final String NEW_WORKFLOW = """
            {"key":"card-disputes","name":"Card disputes","description":"Disputed card payments",
             "consequence":"HIGH","volume":"MEDIUM","accuracy":"HIGH","integrationMode":"ASYNC",
             "reviewersPerItem":2,"retentionDays":2555,"legalHold":false,"piiFieldPaths":["customer.email"],
             "taskKind":"CLASSIFICATION","labelSelection":"LEAF_ONLY"}""";

    static final String CREATED_WORKFLOW = """
            {"key":"card-disputes","name":"Card disputes","description":"Disputed card payments",
             "consequence":"HIGH","volume":"MEDIUM","accuracy":"HIGH","riskLevel":"HIGH","integrationMode":"ASYNC",
             "reviewersPerItem":2,"retentionDays":2555,"legalHold":false,"piiFieldPaths":["customer.email"],
             "taskKind":"CLASSIFICATION","labelSelection":"LEAF_ONLY","taxonomyVersion":1,"labels":[],
             "createdAt":"2026-12-06T10:00:00Z","changedAt":"2026-12-06T10:00:00Z"}""";

    static final String TAXONOMY_REQUEST = """
            {"labels":[{"code":"fraud","displayName":"Fraud","description":"Not authorised"},
              {"code":"card-not-present","parentCode":"fraud","displayName":"Card not present"}]}""";

    static final String RATING_SCALE_REQUEST = """
            {"labels":[{"code":"poor","displayName":"Poor","value":1},{"code":"fair","displayName":"Fair","value":2},
              {"code":"good","displayName":"Good","value":3}]}""";

    static final String TAXONOMY_REPLACED = """
            {"key":"card-disputes","name":"Card disputes","description":"Disputed card payments",
             "consequence":"HIGH","volume":"MEDIUM","accuracy":"HIGH","riskLevel":"HIGH","integrationMode":"ASYNC",
             "reviewersPerItem":2,"retentionDays":2555,"legalHold":false,"piiFieldPaths":["customer.email"],
             "taskKind":"CLASSIFICATION","labelSelection":"LEAF_ONLY","taxonomyVersion":2,"labels":[
              {"code":"fraud","displayName":"Fraud","description":"Not authorised","path":"fraud",
               "leaf":false},
              {"code":"card-not-present","parentCode":"fraud","displayName":"Card not present",
               "path":"fraud > card-not-present","leaf":true}],
             "createdAt":"2026-12-06T10:00:00Z","changedAt":"2026-12-06T10:05:00Z"}""";

    static final String REVIEWER_VIEW = """
            {"workflow":"loan-dispute-triage","fields":[
              {"path":"/text","label":"Customer's message","format":"PARAGRAPHS"},
              {"path":"/amount","label":"Amount","format":"NUMBER"},
              {"path":"/date","label":"Date","format":"DATE"}],
             "predictionHiddenTiers":[1],"changedAt":"2026-12-06T10:12:30Z"}""";

    static final String REVIEWER_VIEW_REQUEST = """
            {"fields":[{"path":"/text","label":"Statement","format":"PARAGRAPHS"},
              {"path":"/amount","label":"Amount","format":"NUMBER"}],"predictionHiddenTiers":[1]}""";

    static final String REVIEWER_VIEW_CHANGED = """
            {"workflow":"card-disputes","fields":[{"path":"/text","label":"Statement","format":"PARAGRAPHS"},
              {"path":"/amount","label":"Amount","format":"NUMBER"}],"predictionHiddenTiers":[1],
             "changedAt":"2026-12-06T10:20:00Z"}""";

    static final String GUIDELINE_REQUEST = """
            {"format":"MARKDOWN","instructions":"# Card disputes\\nPick the most specific label.",
             "examples":[{"labelCode":"card-not-present","kind":"EXAMPLE","input":"Unknown web shop",
              "explanation":"No card used"}]}""";

    static final String GUIDELINE = """
            {"id":"7a2d5f8c-1e4b-4c96-b3a0-8d6f2e9c1b57","workflowKey":"card-disputes","number":1,"taxonomyVersion":2,
             "status":"DRAFT","format":"MARKDOWN","instructions":"# Card disputes\\nPick the most specific label.",
             "examples":[{"labelCode":"card-not-present","kind":"EXAMPLE","input":"Unknown web shop",
              "explanation":"No card used"}],
             "contentDigest":"4c1f0e3b9a7d2c5e8f6a1b0d3e9c7f2a5b8d4e1c6f0a3b9d7e2c5f8a1b4d6e90",
             "createdAt":"2026-12-06T10:30:00Z","statusChangedAt":"2026-12-06T10:30:00Z"}""";

    static final String GUIDELINE_PILOT = """
            {"id":"7a2d5f8c-1e4b-4c96-b3a0-8d6f2e9c1b57","workflowKey":"card-disputes","number":1,"taxonomyVersion":2,
             "status":"PILOT","format":"MARKDOWN","instructions":"# Card disputes\\nPick the most specific label.",
             "examples":[{"labelCode":"card-not-present","kind":"EXAMPLE","input":"Unknown web shop",
              "explanation":"No card used"}],
             "contentDigest":"4c1f0e3b9a7d2c5e8f6a1b0d3e9c7f2a5b8d4e1c6f0a3b9d7e2c5f8a1b4d6e90",
             "createdAt":"2026-12-06T10:30:00Z","statusChangedAt":"2026-12-06T11:00:00Z"}""";

    static final String GUIDELINES = "[" + GUIDELINE + "]";

    static final String TRANSITION_REQUEST = """
            {"target":"PILOT"}""";

    static final String RENDERED = """
            {"id":"7a2d5f8c-1e4b-4c96-b3a0-8d6f2e9c1b57",
             "html":"<h1>Card disputes</h1>\\n<p>Pick the most specific label.</p>\\n"}""";

    static final String DIFF = """
            {"from":"7a2d5f8c-1e4b-4c96-b3a0-8d6f2e9c1b57","to":"c3e6a9d2-5b8f-4e1a-9c4d-2f7b0e3a6d81",
             "lines":["--- card-disputes v1","+++ card-disputes v2","@@ -4,2 +4,3 @@","-# Card disputes",
              "+# Card disputes","+Pick the most specific label; ask a senior reviewer when unsure.",
              " Pick the most specific label."]}""";

    static final String MODEL_REQUEST = """
            {"workflowKey":"loan-dispute-triage","name":"dispute-classifier","version":"2026.12.0",
             "artifactDigest":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "trainingSetExportId":"0b9d2f4e-5a61-4c3e-8f0e-2d6b7c1a9e55","labelSpace":["card-not-present","duplicate-charge"]}""";

    static final String MODEL = """
            {"id":"6e1b4d7a-0c3f-4a82-9e5b-7d2c8f1a3b64","workflowKey":"loan-dispute-triage","name":"dispute-classifier",
             "version":"2026.12.0","artifactDigest":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "trainingSetExportId":"0b9d2f4e-5a61-4c3e-8f0e-2d6b7c1a9e55","labelSpace":["card-not-present","duplicate-charge"],
             "status":"SHADOW","registeredAt":"2026-12-06T09:00:00Z","statusChangedAt":"2026-12-06T09:00:00Z"}""";

    static final String MODEL_CANARY = """
            {"id":"6e1b4d7a-0c3f-4a82-9e5b-7d2c8f1a3b64","workflowKey":"loan-dispute-triage","name":"dispute-classifier",
             "version":"2026.12.0","artifactDigest":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "trainingSetExportId":"0b9d2f4e-5a61-4c3e-8f0e-2d6b7c1a9e55","labelSpace":["card-not-present","duplicate-charge"],
             "status":"CANARY","registeredAt":"2026-12-06T09:00:00Z","statusChangedAt":"2026-12-06T12:00:00Z"}""";

    static final String MODEL_ROLLED_BACK = """
            {"id":"6e1b4d7a-0c3f-4a82-9e5b-7d2c8f1a3b64","workflowKey":"loan-dispute-triage","name":"dispute-classifier",
             "version":"2026.12.0","artifactDigest":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "trainingSetExportId":"0b9d2f4e-5a61-4c3e-8f0e-2d6b7c1a9e55","labelSpace":["card-not-present","duplicate-charge"],
             "status":"ROLLED_BACK","registeredAt":"2026-12-06T09:00:00Z","statusChangedAt":"2026-12-07T08:15:00Z"}""";

    static final String MODEL_RETIRED = """
            {"id":"6e1b4d7a-0c3f-4a82-9e5b-7d2c8f1a3b64","workflowKey":"loan-dispute-triage","name":"dispute-classifier",
             "version":"2026.12.0","artifactDigest":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "trainingSetExportId":"0b9d2f4e-5a61-4c3e-8f0e-2d6b7c1a9e55","labelSpace":["card-not-present","duplicate-charge"],
             "status":"RETIRED","registeredAt":"2026-12-06T09:00:00Z","statusChangedAt":"2026-12-08T09:00:00Z"}""";

    static final String MODELS = """
            [{"id":"6e1b4d7a-0c3f-4a82-9e5b-7d2c8f1a3b64","workflowKey":"loan-dispute-triage","name":"dispute-classifier",
              "version":"2026.12.0","artifactDigest":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "trainingSetExportId":"0b9d2f4e-5a61-4c3e-8f0e-2d6b7c1a9e55","labelSpace":["card-not-present","duplicate-charge"],
              "status":"SHADOW","registeredAt":"2026-12-06T09:00:00Z","statusChangedAt":"2026-12-06T09:00:00Z"},
             {"id":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605","workflowKey":"loan-dispute-triage","name":"dispute-classifier",
              "version":"2026.11.1","artifactDigest":"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
              
              "labelSpace":["card-not-present","account-takeover","duplicate-charge","wrong-amount","no-dispute"],
              "status":"ACTIVE","registeredAt":"2026-11-20T08:00:00Z","statusChangedAt":"2026-11-20T08:00:02Z"}]""";

    static final String PROMOTION_REQUEST = """
            {"target":"CANARY","reason":"agreement 0.94 on 2,000 adjudicated items"}""";

    static final String OVERRIDE_REQUEST = """
            {"target":"ACTIVE","reason":"Gate refused on 12 items only; approved by the model risk board, ticket MRB-88",
             "override":true}""";

    static final String ROLLBACK_REQUEST = """
            {"reason":"correction rate doubled"}""";

    static final String RETIREMENT_REQUEST = """
            {"reason":"superseded by 2026.12.0"}""";

    static final String POLICY_REQUEST = """
            {"autoAcceptAtOrAbove":0.95,"lowAtOrBelow":0.2,"lowOutcome":"ESCALATE",
             "reviewBands":[{"atOrAbove":0.2,"tier":2},{"atOrAbove":0.7,"tier":1}],
             "labelThresholds":[{"labelCode":"fraud","autoAcceptAtOrAbove":0.99,"lowAtOrBelow":0.5}],
             "rules":["amount > 10000 -> tier 3"],"hotlSamplingRate":0.05,
             "slaTargets":[{"tier":1,"minutesToReview":240,"maxQueueDepth":500}]}""";

    private static final String POLICY_CONTENT = """
            "autoAcceptAtOrAbove":0.95,"lowAtOrBelow":0.2,"lowOutcome":"ESCALATE",
             "reviewBands":[{"atOrAbove":0.2,"tier":2},{"atOrAbove":0.7,"tier":1}],
             "labelThresholds":[{"labelCode":"account-takeover","autoAcceptAtOrAbove":0.99,"lowAtOrBelow":0.5}],
             "rules":["amount > 10000 -> tier 3","customer.vulnerable == true -> tier 3"],"hotlSamplingRate":0.05,
             "slaTargets":[{"tier":1,"minutesToReview":240,"maxQueueDepth":500},
              {"tier":2,"minutesToReview":480,"maxQueueDepth":200},{"tier":3,"minutesToReview":1440,"maxQueueDepth":50}],
             "contentDigest":"b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78",""";

    static final String POLICY_DRAFT = """
            {"id":"d8f1b4e7-2a5c-4f93-8b6d-0e3a7c1f5b29","workflowKey":"loan-dispute-triage","number":2,"status":"DRAFT",
            """ + POLICY_CONTENT + """
             "createdAt":"2026-12-06T13:00:00Z","statusChangedAt":"2026-12-06T13:00:00Z"}""";

    static final String POLICY_ACTIVE = """
            {"id":"d8f1b4e7-2a5c-4f93-8b6d-0e3a7c1f5b29","workflowKey":"loan-dispute-triage","number":2,"status":"ACTIVE",
            """ + POLICY_CONTENT + """
             "createdAt":"2026-12-06T13:00:00Z","statusChangedAt":"2026-12-06T13:30:00Z"}""";

    static final String POLICY_RETIRED = """
            {"id":"d8f1b4e7-2a5c-4f93-8b6d-0e3a7c1f5b29","workflowKey":"loan-dispute-triage","number":2,"status":"RETIRED",
            """ + POLICY_CONTENT + """
             "createdAt":"2026-12-06T13:00:00Z","statusChangedAt":"2026-12-09T08:00:00Z"}""";

    static final String POLICIES = "[" + POLICY_ACTIVE + "]";
}
