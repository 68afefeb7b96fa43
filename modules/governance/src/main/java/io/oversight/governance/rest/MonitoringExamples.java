package io.oversight.governance.rest;

/**
 * Example bodies of the monitoring operations, for the OpenAPI document. OpenApiContractIT checks
 * that each parses as JSON and names only properties of its schema, so an example cannot drift from
 * the records it shows.
 */
final class MonitoringExamples {

    private MonitoringExamples() {
    }

    static final String SERIES = """
            {"workflow":"loan-disputes","subject":null,"grain":"HOUR","from":"2026-12-03T11:00:00Z",
             "to":"2026-12-05T11:00:00Z","values":[
              {"monitor":"AGREEMENT","subject":null,"grain":"HOUR","windowStart":"2026-12-05T10:00:00Z",
               "windowEnd":"2026-12-05T11:00:00Z","status":"OK","value":0.75,"n":12,"lower":0.4677,"upper":0.9111,
               "pValue":null,"details":{}},
              {"monitor":"SCORE_KS","subject":null,"grain":"HOUR","windowStart":"2026-12-05T10:00:00Z",
               "windowEnd":"2026-12-05T11:00:00Z","status":"NOT_ENOUGH_DATA","value":null,"n":12,"lower":null,
               "upper":null,"pValue":null,"details":{}},
              {"monitor":"VOLUME","subject":null,"grain":"HOUR","windowStart":"2026-12-05T10:00:00Z",
               "windowEnd":"2026-12-05T11:00:00Z","status":"OK","value":40.0,"n":40,"lower":null,"upper":null,
               "pValue":null,"details":{"AUTO_ACCEPT":28,"HUMAN_REVIEW":12}}]}""";

    static final String INPUT_SERIES = """
            {"workflow":"loan-disputes","subject":"input:amount","grain":"DAY","from":"2026-10-06T00:00:00Z",
             "to":"2026-12-05T00:00:00Z","values":[
              {"monitor":"INPUT_PSI","subject":"input:amount","grain":"DAY","windowStart":"2026-12-04T00:00:00Z",
               "windowEnd":"2026-12-05T00:00:00Z","status":"OK","value":0.31,"n":412,"lower":null,"upper":null,
               "pValue":null,"details":{}},
              {"monitor":"INPUT_KS","subject":"input:amount","grain":"DAY","windowStart":"2026-12-04T00:00:00Z",
               "windowEnd":"2026-12-05T00:00:00Z","status":"OK","value":0.19,"n":412,"lower":null,"upper":null,
               "pValue":0.00002,"details":{}}]}""";

    static final String SETTINGS = """
            {"workflow":"loan-disputes","minN":30,"referenceSize":1000,"referenceFrom":null,"referenceTo":null,
             "gateMinN":200,"gateMinAgreement":0.9,"gateMargin":0.02,"adviceTarget":0.02,
             "driftFields":[{"path":"amount","kind":"NUMERIC"},{"path":"channel","kind":"CATEGORICAL"}]}""";

    static final String SETTINGS_REQUEST = """
            {"minN":30,"referenceSize":1000,"gateMinN":200,"gateMinAgreement":0.9,"gateMargin":0.02,
             "adviceTarget":0.02,"driftFields":[{"path":"amount","kind":"NUMERIC"},{"path":"channel","kind":"CATEGORICAL"}]}""";

    static final String ALERTS = """
            [{"id":"6f1c2a9e-0d4b-4c55-9a51-2f0e8b7d3c10","source":"MONITOR","workflow":"loan-disputes",
              "ruleId":"0b6e3c1d-8f2a-4e7b-b1c4-5d9a2e6f7c83","monitor":"AGREEMENT","severity":"WARNING",
              "summary":"Human–model agreement 71.0% (n = 200) is below 80.0% for 2 hours",
              "openedAt":"2026-12-05T11:00:02Z","openedValue":0.71,"openedN":200,"closedAt":null,"open":true,
              "acknowledgedBy":null,"acknowledgedAt":null,"acknowledgeNote":null},
             {"id":"a3d9e4f1-7b2c-4a68-8e5d-1c0f9b6a2e47","source":"SLA","workflow":"loan-disputes","ruleId":null,
              "monitor":"SLA_REVIEW_TIME","severity":"WARNING",
              "summary":"Queue tier 1: oldest open task 4500 s, target 3600 s",
              "openedAt":"2026-12-05T09:12:40Z","openedValue":4500.0,"openedN":null,"closedAt":"2026-12-05T09:40:05Z",
              "open":false,"acknowledgedBy":"greta","acknowledgedAt":"2026-12-05T09:20:11Z",
              "acknowledgeNote":"Two more reviewers on tier 1 until the backlog is gone."}]""";

    static final String ACKNOWLEDGE_REQUEST = """
            {"note":"Retraining on last week's corrections; reviewers told to expect more card-not-present cases."}""";

    static final String ACKNOWLEDGED = """
            {"id":"6f1c2a9e-0d4b-4c55-9a51-2f0e8b7d3c10","source":"MONITOR","workflow":"loan-disputes",
             "ruleId":"0b6e3c1d-8f2a-4e7b-b1c4-5d9a2e6f7c83","monitor":"AGREEMENT","severity":"WARNING",
             "summary":"Human–model agreement 71.0% (n = 200) is below 80.0% for 2 hours",
             "openedAt":"2026-12-05T11:00:02Z","openedValue":0.71,"openedN":200,"closedAt":null,"open":true,
             "acknowledgedBy":"greta","acknowledgedAt":"2026-12-05T11:14:30Z",
             "acknowledgeNote":"Retraining on last week's corrections; reviewers told to expect more card-not-present cases."}""";

    static final String RULES = """
            [{"id":"0b6e3c1d-8f2a-4e7b-b1c4-5d9a2e6f7c83","workflow":"loan-disputes","monitor":"AGREEMENT","field":null,
              "grain":"HOUR","direction":"BELOW","threshold":0.8,"minN":30,"severity":"WARNING","openAfter":2,
              "closeAfter":2,"createdAt":"2026-12-01T08:30:00Z","episodeOpen":true,"evaluatedTo":"2026-12-05T10:00:00Z",
              "openAlertId":"6f1c2a9e-0d4b-4c55-9a51-2f0e8b7d3c10"},
             {"id":"c4a7f0e2-3b9d-4f61-a8c5-7e2d1b0f9a34","workflow":"loan-disputes","monitor":"INPUT_PSI","field":"amount",
              "grain":"DAY","direction":"ABOVE","threshold":0.25,"minN":100,"severity":"CRITICAL","openAfter":1,
              "closeAfter":2,"createdAt":"2026-12-01T08:31:00Z","episodeOpen":false,"evaluatedTo":"2026-12-04T00:00:00Z",
              "openAlertId":null}]""";

    static final String RULE_REQUEST = """
            {"workflow":"loan-disputes","monitor":"AGREEMENT","grain":"HOUR","direction":"BELOW","threshold":0.8,
             "minN":30,"severity":"WARNING","openAfter":2,"closeAfter":2}""";

    static final String INPUT_RULE_REQUEST = """
            {"workflow":"loan-disputes","monitor":"INPUT_PSI","field":"amount","grain":"DAY","direction":"ABOVE",
             "threshold":0.25,"minN":100,"severity":"CRITICAL","openAfter":1}""";

    static final String RULE = """
            {"id":"c4a7f0e2-3b9d-4f61-a8c5-7e2d1b0f9a34","workflow":"loan-disputes","monitor":"INPUT_PSI","field":"amount",
             "grain":"DAY","direction":"ABOVE","threshold":0.25,"minN":100,"severity":"CRITICAL","openAfter":1,
             "closeAfter":2,"createdAt":"2026-12-01T08:31:00Z","episodeOpen":false,"evaluatedTo":null,"openAlertId":null}""";

    static final String ADVICE = """
            {"workflow":"loan-disputes","from":"2026-11-05T11:00:00Z","to":"2026-12-05T11:00:00Z","predictions":5000,
             "predictionsPerDay":166.7,"currentThreshold":0.9,"targetErrorBound":0.01,"minimumOutcomes":30,
             "recommendedThreshold":0.8,"recommendedReviewShare":0.6,"recommendedReviewsPerDay":100.0,"curve":[
              {"threshold":0.79,"autoAcceptShare":0.41,"reviewShare":0.59,"outcomes":4100,"errorEstimate":0.0071,
               "errorUpperBound":0.0102,"meetsTarget":false},
              {"threshold":0.8,"autoAcceptShare":0.4,"reviewShare":0.6,"outcomes":4000,"errorEstimate":0.005,
               "errorUpperBound":0.0077,"meetsTarget":true}]}""";

    static final String DRAFT_REQUEST = """
            {"threshold":0.8}""";

    static final String DRAFT = """
            {"id":"9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b","workflowKey":"loan-disputes","number":4,"status":"DRAFT",
             "autoAcceptAtOrAbove":0.8,"lowAtOrBelow":0.2,"lowOutcome":"ESCALATE",
             "reviewBands":[{"atOrAbove":0.2,"tier":2},{"atOrAbove":0.6,"tier":1}],"labelThresholds":[],
             "rules":["amount > 10000 -> tier 3"],"hotlSamplingRate":0.05,
             "slaTargets":[{"tier":1,"minutesToReview":60,"maxQueueDepth":100}],
             "contentDigest":"5d41402abc4b2a76b9719d911017c592ae2e6f6c1c3f4b8d7a2e9c0f1b3d5e7a",
             "createdAt":"2026-12-05T11:20:00Z","statusChangedAt":"2026-12-05T11:20:00Z"}""";
}
