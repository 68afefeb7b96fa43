package io.oversight.tasks.rest;

/**
 * Example bodies of the tasks operations (intake, predictions, queues, intake settings, data
 * subjects), for the OpenAPI document. OpenApiContractIT checks that each parses as JSON and names
 * only properties of its schema, so an example cannot drift from the records it shows.
 */
final class TasksExamples {

    private TasksExamples() {
    }

    static final String PREDICTION_REQUEST = """
            {"clientKey":"dispute-1001","modelSnapshotId":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605",
             "labels":["duplicate-charge"],"confidence":0.62,"correlationId":"case-77",
             "payload":{"amount":120,"text":"Charged twice for one order",
              "customer":{"name":"Jo Bloggs","email":"jo@example.com"}}}""";

    static final String INLINE_REQUEST = """
            {"clientKey":"dispute-1002","modelSnapshotId":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605",
             "labels":["wrong-amount"],"confidence":0.5,"mode":"INLINE","timeoutMillis":30000,"payload":{"amount":80}}""";

    static final String IN_REVIEW = """
            {"id":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34","workflow":"loan-dispute-triage","clientKey":"dispute-1001",
             "mode":"ASYNC","status":"IN_REVIEW","replayed":false,"actedUpon":false,"effectiveLabels":[],
             "predictedLabels":["duplicate-charge"],"confidence":0.62,"modelSnapshotId":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605",
             "routing":{"outcome":"HUMAN_REVIEW","tier":2,"reason":"confidence band of tier 2",
              "policyId":"c2e7a4f1-9b3d-4c6e-8a25-d1f0b7e39a48","policyVersion":1,"auditSampled":false,
              "orderingMethod":"LEAST_CONFIDENCE","uncertainty":0.76,
              "uncertaintyNote":"least confidence 0.76: top label predicted 0.62 among 2 labels","reviewsRequired":2},
             "correlationId":"case-77",
             "payload":{"amount":120,"text":"Charged twice for one order",
              "customer":{"name":"pii:ps-pix6ea6qom66zjojyaekctbr6y/customer.name",
               "email":"pii:ps-pix6ea6qom66zjojyaekctbr6y/customer.email"}},
             "receivedAt":"2026-11-22T10:02:11.402Z",
             "statusUrl":"http://localhost:9080/api/v1/workflows/loan-dispute-triage/predictions/8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34"}""";

    static final String AUTO_ACCEPTED = """
            {"id":"5b0c9e7d-1a2f-4d63-8e4b-9c7a3f1d2e50","workflow":"loan-dispute-triage","clientKey":"dispute-1003",
             "mode":"ASYNC","status":"AUTO_ACCEPTED","replayed":false,"actedUpon":true,
             "effectiveLabels":["duplicate-charge"],"predictedLabels":["duplicate-charge"],"confidence":0.97,
             "modelSnapshotId":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605",
             "routing":{"outcome":"AUTO_ACCEPT","tier":0,"reason":"confidence >= 0.95 (policy bands)",
              "policyId":"c2e7a4f1-9b3d-4c6e-8a25-d1f0b7e39a48","policyVersion":1,"auditSampled":false,
              "orderingMethod":"LEAST_CONFIDENCE","uncertainty":0.03,
              "uncertaintyNote":"least confidence 0.03: top label predicted 0.97 among 1 label","reviewsRequired":0},
             "decision":{"labels":["duplicate-charge"],"source":"MODEL","modelAgreed":true,
              "decidedAt":"2026-11-22T10:03:40.118Z"},
             "payload":{"amount":35,"text":"Two identical charges"},
             "receivedAt":"2026-11-22T10:03:40.118Z",
             "statusUrl":"http://localhost:9080/api/v1/workflows/loan-dispute-triage/predictions/5b0c9e7d-1a2f-4d63-8e4b-9c7a3f1d2e50"}""";

    static final String DECIDED = """
            {"id":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34","workflow":"loan-dispute-triage","clientKey":"dispute-1001",
             "mode":"ASYNC","status":"DECIDED","replayed":true,"actedUpon":true,"effectiveLabels":["duplicate-charge"],
             "predictedLabels":["duplicate-charge"],"confidence":0.62,"modelSnapshotId":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605",
             "routing":{"outcome":"HUMAN_REVIEW","tier":2,"reason":"confidence band of tier 2",
              "policyId":"c2e7a4f1-9b3d-4c6e-8a25-d1f0b7e39a48","policyVersion":1,"auditSampled":false,
              "orderingMethod":"LEAST_CONFIDENCE","uncertainty":0.76,
              "uncertaintyNote":"least confidence 0.76: top label predicted 0.62 among 2 labels","reviewsRequired":2},
             "decision":{"labels":["duplicate-charge"],"source":"REVIEW","modelAgreed":true,
              "decidedAt":"2026-11-22T10:15:02.120Z"},
             "correlationId":"case-77",
             "payload":{"amount":120,"text":"Charged twice for one order",
              "customer":{"name":"pii:ps-pix6ea6qom66zjojyaekctbr6y/customer.name",
               "email":"pii:ps-pix6ea6qom66zjojyaekctbr6y/customer.email"}},
             "receivedAt":"2026-11-22T10:02:11.402Z",
             "statusUrl":"http://localhost:9080/api/v1/workflows/loan-dispute-triage/predictions/8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34"}""";

    static final String BATCH_REQUEST = """
            {"predictions":[
              {"clientKey":"dispute-2001","modelSnapshotId":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605",
               "labels":["duplicate-charge"],"confidence":0.97,"payload":{"amount":35,"text":"Two identical charges"}},
              {"clientKey":"dispute-2002","modelSnapshotId":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605",
               "labels":["wrong-amount"],"confidence":0.55,"priority":10,"payload":{"amount":80}}]}""";

    static final String BATCH = """
            {"received":1,"replayed":1,"results":[
              {"id":"5b0c9e7d-1a2f-4d63-8e4b-9c7a3f1d2e50","workflow":"loan-dispute-triage","clientKey":"dispute-2001",
               "mode":"ASYNC","status":"AUTO_ACCEPTED","replayed":true,"actedUpon":true,
               "effectiveLabels":["duplicate-charge"],"predictedLabels":["duplicate-charge"],"confidence":0.97,
               "modelSnapshotId":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605",
               "routing":{"outcome":"AUTO_ACCEPT","tier":0,"reason":"confidence >= 0.95 (policy bands)",
                "policyId":"c2e7a4f1-9b3d-4c6e-8a25-d1f0b7e39a48","policyVersion":1,"auditSampled":false,
                "orderingMethod":"LEAST_CONFIDENCE","uncertainty":0.03,
                "uncertaintyNote":"least confidence 0.03: top label predicted 0.97 among 1 label","reviewsRequired":0},
               "decision":{"labels":["duplicate-charge"],"source":"MODEL","modelAgreed":true,
                "decidedAt":"2026-11-22T11:00:00.204Z"},
               "payload":{"amount":35,"text":"Two identical charges"},
               "receivedAt":"2026-11-22T11:00:00.204Z",
               "statusUrl":"http://localhost:9080/api/v1/workflows/loan-dispute-triage/predictions/5b0c9e7d-1a2f-4d63-8e4b-9c7a3f1d2e50"},
              {"id":"e4a7c2d9-3b1f-4e86-a0c5-6d2b9f8e1a73","workflow":"loan-dispute-triage","clientKey":"dispute-2002",
               "mode":"ASYNC","status":"IN_REVIEW","replayed":false,"actedUpon":false,"effectiveLabels":[],
               "predictedLabels":["wrong-amount"],"confidence":0.55,"modelSnapshotId":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605",
               "routing":{"outcome":"HUMAN_REVIEW","tier":2,"reason":"confidence band of tier 2",
                "policyId":"c2e7a4f1-9b3d-4c6e-8a25-d1f0b7e39a48","policyVersion":1,"auditSampled":false,
                "orderingMethod":"LEAST_CONFIDENCE","uncertainty":0.9,
                "uncertaintyNote":"least confidence 0.90: top label predicted 0.55 among 2 labels","reviewsRequired":2},
               "payload":{"amount":80},
               "receivedAt":"2026-11-22T11:00:00.204Z",
               "statusUrl":"http://localhost:9080/api/v1/workflows/loan-dispute-triage/predictions/e4a7c2d9-3b1f-4e86-a0c5-6d2b9f8e1a73"}]}""";

    static final String DELIVERIES = """
            [{"id":"71c3e9a2-4d8b-4f05-b6e1-2a9c0d7f3b58",
              "url":"https://hooks.example.com/oversight","status":"DELIVERED","attempts":2,
              "createdAt":"2026-11-22T10:15:02.120Z","deliveredAt":"2026-11-22T10:15:12.488Z","attemptLog":[
               {"attempt":1,"attemptedAt":"2026-11-22T10:15:02.301Z","statusCode":503,"durationMillis":148},
               {"attempt":2,"attemptedAt":"2026-11-22T10:15:12.402Z","statusCode":200,"durationMillis":86}]}]""";

    static final String WORKFLOW_DELIVERIES = """
            {"deliveries":[
              {"id":"9e2b4d71-6c0a-4f38-b5d2-1a7e3c9f0b64","itemId":"5b0c9e7d-1a2f-4d63-8e4b-9c7a3f1d2e50",
               "url":"https://hooks.example.com/oversight","status":"PENDING","attempts":1,
               "createdAt":"2026-11-22T10:20:04.517Z","lastAttemptAt":"2026-11-22T10:20:04.690Z",
               "lastStatusCode":503,"lastError":"receiver answered HTTP 503",
               "nextAttemptAt":"2026-11-22T10:20:14.690Z"},
              {"id":"71c3e9a2-4d8b-4f05-b6e1-2a9c0d7f3b58","itemId":"e4a7c2d9-3b1f-4e86-a0c5-6d2b9f8e1a73",
               "url":"https://hooks.example.com/oversight","status":"DELIVERED","attempts":2,
               "createdAt":"2026-11-22T10:15:02.120Z","lastAttemptAt":"2026-11-22T10:15:12.402Z",
               "lastStatusCode":200,"deliveredAt":"2026-11-22T10:15:12.402Z"}],
             "nextBefore":"71c3e9a2-4d8b-4f05-b6e1-2a9c0d7f3b58"}""";

    static final String FEEDBACK_REQUEST = """
            {"kind":"REPORT_ISSUE","comment":"the customer ordered twice"}""";

    static final String FEEDBACK = """
            {"id":"2c8f0a6d-9e4b-4b71-8d3a-5f1e7c2b0a94","itemId":"5b0c9e7d-1a2f-4d63-8e4b-9c7a3f1d2e50",
             "kind":"REPORT_ISSUE","taskId":"b9d2e5f8-0a3c-4e67-9b1d-4c8a2f6e0d15","tier":2,"priority":50,
             "receivedAt":"2026-11-22T12:40:09.733Z"}""";

    static final String SETTINGS = """
            {"workflow":"loan-dispute-triage","orderingMethod":"LEAST_CONFIDENCE","diversityLambda":0.0,
             "leaseSeconds":600,"inlineTimeoutMillis":30000,"inlineTimeoutOutcome":"FAIL_CLOSED",
             "webhookUrl":"https://hooks.example.com/oversight","webhookSecretSet":true,
             "auditTier":2,"feedbackTier":2,"feedbackPriority":50,"conflictFieldPaths":["applicant.employee_login"]}""";

    static final String SETTINGS_REQUEST = """
            {"webhookUrl":"https://hooks.example.com/oversight","leaseSeconds":900}""";

    static final String SETTINGS_CHANGED = """
            {"workflow":"loan-dispute-triage","orderingMethod":"LEAST_CONFIDENCE","diversityLambda":0.0,
             "leaseSeconds":900,"inlineTimeoutMillis":30000,"inlineTimeoutOutcome":"FAIL_CLOSED",
             "webhookUrl":"https://hooks.example.com/oversight","webhookSecretSet":true,
             "newWebhookSecret":"whsec_q3X9vJ0bM2kR7tW1yZ5cF8hL4nP6sD0gA3eB7iK9mQo",
             "auditTier":2,"feedbackTier":2,"feedbackPriority":50,"conflictFieldPaths":[]}""";

    static final String QUEUES = """
            [{"workflow":"loan-dispute-triage","tier":1,"open":14,"claimed":3,"oldestOpenAgeSeconds":1260,
              "maxMinutesToReview":240,"maxDepth":500,"reviewTimeBreached":false,"depthBreached":false,"withinSla":true},
             {"workflow":"loan-dispute-triage","tier":2,"open":41,"claimed":5,"oldestOpenAgeSeconds":30000,
              "maxMinutesToReview":480,"maxDepth":200,"reviewTimeBreached":true,"depthBreached":false,"withinSla":false},
             {"workflow":"loan-dispute-triage","tier":3,"open":0,"claimed":0,
              "maxMinutesToReview":1440,"maxDepth":50,"reviewTimeBreached":false,"depthBreached":false,"withinSla":true}]""";

    static final String STUCK = """
            [{"taskId":"f0a3d6c9-2e5b-4a18-9d7c-3b6e1f4a8c02","itemId":"e4a7c2d9-3b1f-4e86-a0c5-6d2b9f8e1a73",
              "workflow":"loan-dispute-triage","tier":3,"slot":0,"purpose":"REVIEW","openSince":"2026-11-22T08:30:00Z",
              "eligible":1,"reason":"the one eligible reviewer has passed on it or is excluded"}]""";

    static final String SLA_ALERTS = """
            [{"id":"a3d9e4f1-7b2c-4a68-8e5d-1c0f9b6a2e47","workflow":"loan-dispute-triage","tier":2,
              "measure":"REVIEW_TIME","observed":30000,"target":28800,"openedAt":"2026-11-22T09:12:40Z"},
             {"id":"4e8b1f2c-6a9d-4c30-b7e5-0d3f9a2c8b61","workflow":"loan-dispute-triage","tier":1,
              "measure":"QUEUE_DEPTH","observed":512,"target":500,"openedAt":"2026-11-21T15:02:00Z",
              "closedAt":"2026-11-21T16:45:30Z"}]""";

    static final String SUBJECT = """
            {"pseudonym":"ps-pix6ea6qom66zjojyaekctbr6y","workflowKey":"loan-dispute-triage","erased":false}""";

    static final String ERASURE_REQUEST = """
            {"reason":"erasure request 2026-118"}""";

    static final String ERASURE = """
            {"pseudonym":"ps-pix6ea6qom66zjojyaekctbr6y","workflowKey":"loan-dispute-triage",
             "erasedAt":"2026-12-01T09:30:12.501Z","retentionDays":365}""";
}
