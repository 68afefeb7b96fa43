package io.oversight.review.rest;

/**
 * Example bodies of the review operations (claims, held tasks, adjudication, gold items, workload,
 * review settings, qualifications, agreement), for the OpenAPI document, with the demo workflow's
 * values. OpenApiContractIT checks that each parses as JSON and names only properties of its schema,
 * so an example cannot drift from the records it shows.
 */
final class ReviewExamples {

    private ReviewExamples() {
    }

    private static final String TASK = """
            {"id":"b9d2e5f8-0a3c-4e67-9b1d-4c8a2f6e0d15","itemId":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34",
              "workflow":"loan-dispute-triage","tier":2,"purpose":"REVIEW","slot":0,"status":"CLAIMED","priority":0,
              "slaDeadline":"2026-11-22T18:02:11.402Z","uncertainty":0.76,"leaseHolder":"rita",
              "leaseExpiresAt":"2026-11-22T10:20:30Z","claims":1,"createdAt":"2026-11-22T10:02:11.402Z\"""";

    private static final String CLAIM = """
            {"task":""" + TASK + """
            },"itemId":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34","predictedLabels":["duplicate-charge"],"confidence":0.62,
             "classScores":{"duplicate-charge":0.62,"wrong-amount":0.38},
             "modelSnapshotId":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605","routeReason":"confidence band of tier 2",
             "uncertaintyNote":"least confidence 0.76: top label predicted 0.62 among 2 labels",
             "payload":{"amount":120,"text":"Charged twice for one order",
              "customer":{"name":"pii:ps-pix6ea6qom66zjojyaekctbr6y/customer.name",
               "email":"pii:ps-pix6ea6qom66zjojyaekctbr6y/customer.email"}},"predictionShown":true}""";

    private static final String BLIND_CLAIM = """
            {"task":{"id":"0e7c3a9f-5d2b-4b18-a6e4-9f1c8d3b7a20","itemId":"e4a7c2d9-3b1f-4e86-a0c5-6d2b9f8e1a73",
              "workflow":"loan-dispute-triage","tier":1,"purpose":"REVIEW","slot":1,"status":"CLAIMED","priority":10,
              "slaDeadline":"2026-11-22T15:00:00.204Z","uncertainty":0.9,"leaseHolder":"rita",
              "leaseExpiresAt":"2026-11-22T11:10:00Z","claims":1,"createdAt":"2026-11-22T11:00:00.204Z"},
             "itemId":"e4a7c2d9-3b1f-4e86-a0c5-6d2b9f8e1a73",
             "modelSnapshotId":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605","payload":{"amount":80},"predictionShown":false}""";

    static final String CLAIMS = "{\"tasks\":[" + CLAIM + "]}";

    static final String CLAIMED = CLAIM;

    static final String HELD = "[" + CLAIM + "," + BLIND_CLAIM + "]";

    static final String RELEASE_REQUEST = """
            {"reason":"I know this customer"}""";

    static final String RELEASED = """
            {"id":"b9d2e5f8-0a3c-4e67-9b1d-4c8a2f6e0d15","itemId":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34",
             "workflow":"loan-dispute-triage","tier":2,"purpose":"REVIEW","slot":0,"status":"OPEN","priority":0,
             "slaDeadline":"2026-11-22T18:02:11.402Z","uncertainty":0.76,"claims":1,
             "createdAt":"2026-11-22T10:02:11.402Z","note":"I know this customer"}""";

    static final String SKIP_REQUEST = """
            {"reason":"The statement is in a language I do not read"}""";

    static final String SKIPPED = """
            {"id":"b9d2e5f8-0a3c-4e67-9b1d-4c8a2f6e0d15","itemId":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34",
             "workflow":"loan-dispute-triage","tier":2,"purpose":"REVIEW","slot":0,"status":"OPEN","priority":0,
             "slaDeadline":"2026-11-22T18:02:11.402Z","uncertainty":0.76,"claims":1,
             "createdAt":"2026-11-22T10:02:11.402Z","note":"The statement is in a language I do not read"}""";

    static final String ESCALATION_REQUEST = """
            {"toTier":3,"reason":"Amount above the tier 2 limit once fees are added"}""";

    static final String ESCALATED = """
            {"id":"5a1f8c3e-7b2d-4e90-8c6a-1d4f9b2e7c35","itemId":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34",
             "workflow":"loan-dispute-triage","tier":3,"purpose":"ESCALATION","slot":0,"status":"OPEN","priority":0,
             "slaDeadline":"2026-11-23T10:12:40Z","uncertainty":0.76,"claims":0,"createdAt":"2026-11-22T10:12:40Z",
             "note":"Amount above the tier 2 limit once fees are added"}""";

    static final String COMPLETION_REQUEST = """
            {"verdict":"CORRECT","labels":["duplicate-charge"],"rationale":"two identical charges on the statement"}""";

    static final String APPROVAL_REQUEST = """
            {"verdict":"APPROVE"}""";

    static final String COMPLETED = """
            {"id":"b9d2e5f8-0a3c-4e67-9b1d-4c8a2f6e0d15","itemId":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34",
             "workflow":"loan-dispute-triage","tier":2,"purpose":"REVIEW","slot":0,"status":"COMPLETED","priority":0,
             "slaDeadline":"2026-11-22T18:02:11.402Z","uncertainty":0.76,"claims":1,
             "createdAt":"2026-11-22T10:02:11.402Z","completedAt":"2026-11-22T10:14:55.031Z"}""";

    static final String PREFERENCE_REQUEST = """
            {"preference":"A","rationale":"A answers the question; B repeats it"}""";

    static final String PREFERRED = """
            {"id":"c7e2a5d8-1b4f-4a63-9e0c-8d5b2f7a1e49","itemId":"f2b8d5a1-4c7e-4f30-b9a6-3e1d7c4b8a52",
             "workflow":"answer-quality","tier":1,"purpose":"REVIEW","slot":0,"status":"COMPLETED","priority":0,
             "uncertainty":0.4,"claims":1,"createdAt":"2026-11-22T09:00:00Z","completedAt":"2026-11-22T09:03:12Z"}""";

    static final String REVEAL_REQUEST = """
            {"justification":"Customer asked by phone to confirm the e-mail address on file"}""";

    static final String REVEALED = """
            {"customer.name":"Jo Bloggs","customer.email":"jo@example.com"}""";

    private static final String REVIEWS = """
            [{"reviewer":"Reviewer 1","tier":2,"verdict":"APPROVE","labels":["duplicate-charge"],
               "completedAt":"2026-11-22T10:14:55.031Z"},
              {"reviewer":"Reviewer 2","tier":2,"verdict":"CORRECT","labels":["wrong-amount"],
               "rationale":"the second charge is a different amount: 120 then 12","completedAt":"2026-11-22T10:40:02.118Z"}]""";

    static final String ADJUDICATION = """
            {"id":"9c4e1a7d-3f6b-4d82-a5e0-7b2d8f1c4a96","status":"CLAIMED","itemId":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34",
             "workflow":"loan-dispute-triage","predictedLabels":["duplicate-charge"],"confidence":0.62,
             "payload":{"amount":120,"text":"Charged twice for one order"},"reviews":""" + REVIEWS + """
            ,"createdAt":"2026-11-22T10:40:02.118Z","leaseExpiresAt":"2026-11-22T11:05:00Z","decisionLabels":[]}""";

    static final String ADJUDICATIONS = "[" + ADJUDICATION + "]";

    static final String ADJUDICATION_RELEASED = """
            {"id":"9c4e1a7d-3f6b-4d82-a5e0-7b2d8f1c4a96","status":"OPEN","itemId":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34",
             "workflow":"loan-dispute-triage","predictedLabels":["duplicate-charge"],"confidence":0.62,
             "payload":{"amount":120,"text":"Charged twice for one order"},"reviews":""" + REVIEWS + """
            ,"createdAt":"2026-11-22T10:40:02.118Z","decisionLabels":[]}""";

    static final String DECISION_REQUEST = """
            {"verdict":"CORRECT","labels":["wrong-amount"],
             "rationale":"The statement shows 120 and 12: a mistyped amount, not a duplicate.","notifyReviewers":true}""";

    static final String DECIDED = """
            {"id":"9c4e1a7d-3f6b-4d82-a5e0-7b2d8f1c4a96","status":"DECIDED","itemId":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34",
             "workflow":"loan-dispute-triage","predictedLabels":["duplicate-charge"],"confidence":0.62,
             "payload":{"amount":120,"text":"Charged twice for one order"},"reviews":""" + REVIEWS + """
            ,"createdAt":"2026-11-22T10:40:02.118Z","completedAt":"2026-11-22T10:58:40.300Z",
             "decisionLabels":["wrong-amount"],"decisionVerdict":"CORRECT"}""";

    static final String ADJUDICATION_QUEUES = """
            [{"workflow":"loan-dispute-triage","open":3,"claimed":1,"decidedLast30Days":42,
              "medianLeadTimeSeconds":5400,"p90LeadTimeSeconds":28800}]""";

    static final String MARK_REQUEST = """
            {"itemId":"5b0c9e7d-1a2f-4d63-8e4b-9c7a3f1d2e50","verdict":"CORRECT","labels":["wrong-amount"],
             "rationale":"Statement shows 35 and 53: a mistyped amount"}""";

    static final String GOLD = """
            {"itemId":"5b0c9e7d-1a2f-4d63-8e4b-9c7a3f1d2e50","workflow":"loan-dispute-triage","verdict":"CORRECT",
             "labels":["wrong-amount"],"markedAt":"2026-11-25T09:00:00Z"}""";

    static final String GOLDS = "[" + GOLD + "]";

    static final String ACCURACY = """
            [{"reviewer":"rita","answers":24,"correct":22,"accuracy":0.9167,"windowAccuracy":0.95,"paused":false,
              "trend":[{"day":"2026-12-04","answers":9,"accuracy":0.8889},{"day":"2026-12-05","answers":15,"accuracy":0.9333}]},
             {"reviewer":"rev1","answers":12,"correct":6,"accuracy":0.5,"windowAccuracy":0.5,"paused":true,
              "trend":[{"day":"2026-12-05","answers":12,"accuracy":0.5}]}]""";

    static final String PAUSES = """
            [{"id":"1d6a9f3c-8e2b-4c75-b0d4-6a3e9c2f1b87","reviewer":"rev1","workflow":"loan-dispute-triage",
              "reason":"gold accuracy 50% over the latest 12 answers is under 60%","accuracy":0.5,"answers":12,
              "pausedAt":"2026-12-05T16:20:00Z"}]""";

    static final String RESUME_REQUEST = """
            {"reason":"Retrained on the card-not-present guideline on 6 December"}""";

    static final String RESUMED = """
            {"id":"1d6a9f3c-8e2b-4c75-b0d4-6a3e9c2f1b87","reviewer":"rev1","workflow":"loan-dispute-triage",
             "reason":"gold accuracy 50% over the latest 12 answers is under 60%","accuracy":0.5,"answers":12,
             "pausedAt":"2026-12-05T16:20:00Z","resumedAt":"2026-12-06T09:00:00Z"}""";

    static final String MY_QUEUES = """
            [{"workflow":"loan-dispute-triage","tier":1,"open":9,"claimed":3,"oldestOpenAgeSeconds":1260,
              "maxMinutesToReview":240,"maxDepth":500,"reviewTimeBreached":false,"depthBreached":false,"withinSla":true},
             {"workflow":"loan-dispute-triage","tier":2,"open":35,"claimed":5,"oldestOpenAgeSeconds":4500,
              "maxMinutesToReview":480,"maxDepth":200,"reviewTimeBreached":false,"depthBreached":false,"withinSla":true}]""";

    static final String QUALIFICATIONS = """
            [{"login":"rita","workflow":"loan-dispute-triage","maxTier":2,"mayRevealPii":false,
              "grantedAt":"2026-11-20T08:00:00Z"},
             {"login":"ed","workflow":"loan-dispute-triage","maxTier":3,"mayRevealPii":true,
              "grantedAt":"2026-11-20T08:00:00Z"}]""";

    static final String GRANT_REQUEST = """
            {"maxTier":2,"mayRevealPii":false}""";

    static final String QUALIFICATION = """
            {"login":"rev1","workflow":"loan-dispute-triage","maxTier":2,"mayRevealPii":false,
             "grantedAt":"2026-12-06T10:00:00Z"}""";

    static final String WORKLOAD = """
            {"workflow":"loan-dispute-triage","completedLastHour":38,"maxPerHour":150,"completedThisSession":61,
             "maxPerSession":300,"sessionStartedAt":"2026-12-06T08:02:10Z","breakDue":true}""";

    static final String NOTICES = """
            [{"id":"4b8e2d6a-9c1f-4a37-8e5b-2d7a0c9f3e61","itemId":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34",
              "workflow":"loan-dispute-triage",
              "message":"Your answer on item 8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34 (approve duplicate-charge) was changed to wrong-amount by adjudication, because: The statement shows 120 and 12: a mistyped amount, not a duplicate.",
              "createdAt":"2026-11-22T10:58:40.300Z"}]""";

    static final String REVIEW_SETTINGS = """
            {"reviewMode":"DYNAMIC","maxReviewers":3,"onDisagreement":"ADD_REVIEWER","rationaleRequired":"ON_CHANGE",
             "showReviewerIdentities":false,"goldRate":0.05,"goldMinAnswers":5,"goldWindow":20,"goldPauseBelow":0.6,
             "maxItemsPerSession":300,"maxItemsPerHour":150,"sessionGapMinutes":15,"breakReminderMinutes":50}""";

    static final String REVIEW_SETTINGS_REQUEST = """
            {"reviewMode":"DYNAMIC","onDisagreement":"ADD_REVIEWER"}""";

    static final String AGREEMENT = """
            {"query":{"workflowKey":"loan-dispute-triage","from":"2026-11-06T10:00:00Z","to":"2026-12-06T10:00:00Z"},
             "metrics":[
              {"id":"percent_agreement","name":"Percent agreement","value":0.8333,"units":12,"values":24},
              {"id":"cohens_kappa","name":"Cohen's kappa","value":0.6923,"units":12,"values":24},
              {"id":"fleiss_kappa","name":"Fleiss' kappa","value":0.6875,"units":12,"values":24},
              {"id":"alpha_nominal","name":"Krippendorff's alpha (nominal)","value":0.7005,"units":12,"values":24}],
             "daily":[{"day":"2026-12-04","reviews":10,"percentAgreement":0.8,"alpha":0.64},
              {"day":"2026-12-05","reviews":14,"percentAgreement":0.8571,"alpha":0.7429}],
             "betweenReviewers":{"rowLabel":"earlier review","columnLabel":"later review",
              "categories":["duplicate-charge","wrong-amount","REJECT"],"counts":[[6,1,0],[1,3,0],[0,0,1]],"total":12},
             "humanVsModel":{"rowLabel":"reviewer","columnLabel":"model",
              "categories":["duplicate-charge","wrong-amount","REJECT"],"counts":[[13,1,0],[2,6,0],[1,1,0]],"total":24},
             "reviews":24,"items":12,"reviewers":3,"truncated":false}""";

    static final String EXPOSURE = """
            {"workflowKey":"card-disputes","from":"2026-11-06T10:00:00Z","to":"2026-12-06T10:00:00Z",
             "shown":{"predictionShown":true,"reviews":4,"agreeWithModel":3,"modelAgreement":0.75,"peerPairs":4,
              "agreeingPeerPairs":2,"peerAgreement":0.5},
             "hidden":{"predictionShown":false,"reviews":2,"agreeWithModel":1,"modelAgreement":0.5,"peerPairs":2,
              "agreeingPeerPairs":0,"peerAgreement":0.0},
             "modelAgreementDifference":0.25,"truncated":false}""";
}
