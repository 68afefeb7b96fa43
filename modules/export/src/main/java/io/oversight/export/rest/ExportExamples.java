package io.oversight.export.rest;

/**
 * Example bodies of the export operations (training-set exports, compliance reports, retrain
 * triggers), for the OpenAPI document, with the demo workflow's values. OpenApiContractIT checks that
 * each parses as JSON and names only properties of its schema, so an example cannot drift from the
 * records it shows.
 */
final class ExportExamples {

    private ExportExamples() {
    }

    static final String DATASET_REQUEST = """
            {"workflow":"loan-dispute-triage","from":"2026-11-29T00:00:00Z","to":"2026-12-06T00:00:00Z","format":"JSONL",
             "sources":["ADJUDICATION","CONSENSUS"]}""";

    static final String PREVIEW = """
            {"rows":1873}""";

    static final String DATASET_QUEUED = """
            {"id":"0b9d2f4e-5a61-4c3e-8f0e-2d6b7c1a9e55","workflow":"loan-dispute-triage","from":"2026-11-29T00:00:00Z",
             "to":"2026-12-06T00:00:00Z","format":"JSONL","sources":["ADJUDICATION","CONSENSUS"],"state":"QUEUED",
             "requestedBy":"ps-ujzdegxdncf32epf3dhodzdoci","requestedRole":"governance",
             "requestedAt":"2026-12-06T19:29:40.118Z","rowsDone":0,"rowsTotal":0,"files":[]}""";

    static final String DATASET_COMPLETED = """
            {"id":"0b9d2f4e-5a61-4c3e-8f0e-2d6b7c1a9e55","workflow":"loan-dispute-triage","from":"2026-11-29T00:00:00Z",
             "to":"2026-12-06T00:00:00Z","format":"JSONL","sources":["ADJUDICATION","CONSENSUS"],"state":"COMPLETED",
             "requestedBy":"ps-ujzdegxdncf32epf3dhodzdoci","requestedRole":"governance",
             "requestedAt":"2026-12-06T19:29:40.118Z","startedAt":"2026-12-06T19:29:41.002Z",
             "finishedAt":"2026-12-06T19:30:00.530Z","rowsDone":1873,"rowsTotal":1873,
             "manifestSha256":"9c1e5a3f7b2d8e4c6a0f1b9d3e7c5a2f8b4d6e0c1a3f5b7d9e2c4a6f8b0d1e3c",
             "files":[{"name":"labels.jsonl","mediaType":"application/jsonl","rows":1873,"bytes":2210344,
              "sha256":"4a7b2c9e1d5f8a3b6c0e4d7f2a9b5c1e8d3f6a0b4c7e2d9f5a1b8c3e6d0f4a7b"}],"ledgerSequence":5017}""";

    static final String DATASETS = "[" + DATASET_COMPLETED + "]";

    /** The manifest's exact bytes: canonical JSON, members sorted, no white space. */
    static final String MANIFEST = """
            {"exportId":"0b9d2f4e-5a61-4c3e-8f0e-2d6b7c1a9e55","files":[{"bytes":2210344,"mediaType":"application/jsonl",\
            "name":"labels.jsonl","rows":1873,"sha256":"4a7b2c9e1d5f8a3b6c0e4d7f2a9b5c1e8d3f6a0b4c7e2d9f5a1b8c3e6d0f4a7b"}],\
            "filters":{"format":"JSONL","from":"2026-11-29T00:00:00Z","sources":["ADJUDICATION","CONSENSUS"],\
            "to":"2026-12-06T00:00:00Z"},"guidelineVersions":[{"contentDigest":\
            "4c1f0e3b9a7d2c5e8f6a1b0d3e9c7f2a5b8d4e1c6f0a3b9d7e2c5f8a1b4d6e90","id":"7a2d5f8c-1e4b-4c96-b3a0-8d6f2e9c1b57",\
            "number":1}],"modelSnapshots":[{"artifactDigest":"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",\
            "id":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605","name":"dispute-classifier","version":"2026.11.1"}],\
            "requestedAt":"2026-12-06T19:29:40.118Z","requestedBy":"ps-ujzdegxdncf32epf3dhodzdoci",\
            "requestedRole":"governance","rows":1873,"rowsPerLabel":{"card-not-present":402,"duplicate-charge":611,\
            "no-dispute":298,"wrong-amount":562},"rowsPerSource":{"ADJUDICATION":377,"CONSENSUS":1496},\
            "schema":"oversight-training-set-manifest/1","taskKind":"CLASSIFICATION","workflow":"loan-dispute-triage"}""";

    /**
     * A row of labels.jsonl: canonical JSON on one line. One row only, because the OpenAPI document
     * reads an example that starts with a brace as a single JSON value.
     */
    static final String LABELS_ROW = """
            {"agreement":0.5,"decidedAt":"2026-12-01T10:58:40.300Z","decisionSource":"ADJUDICATION",\
            "final":{"labels":["wrong-amount"],"verdict":"CORRECT"},"guidelineDigest":\
            "4c1f0e3b9a7d2c5e8f6a1b0d3e9c7f2a5b8d4e1c6f0a3b9d7e2c5f8a1b4d6e90","guidelineVersionId":\
            "7a2d5f8c-1e4b-4c96-b3a0-8d6f2e9c1b57","itemId":"8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34",\
            "modelOutput":{"labels":["duplicate-charge"]},"modelSnapshotId":"3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605",\
            "payload":{"amount":120,"customer":{"email":"pii:ps-pix6ea6qom66zjojyaekctbr6y/customer.email"},\
            "text":"Charged twice for one order"},"reviews":2}
            """;

    /** The same row in labels.csv, after its header; labels joined by '|', the payload as canonical JSON. */
    static final String LABELS_CSV = """
            item_id,payload,model_labels,model_output,final_labels,final_output,verdict,decision_source,reviews,\
            agreement,guideline_version_id,guideline_digest,model_snapshot_id,decided_at
            8d1e4b2a-6c3f-4a9e-b5d7-0f2c8e1a9b34,"{""amount"":120,""customer"":{""email"":\
            ""pii:ps-pix6ea6qom66zjojyaekctbr6y/customer.email""},""text"":""Charged twice for one order""}",\
            duplicate-charge,,wrong-amount,,CORRECT,ADJUDICATION,2,0.5,7a2d5f8c-1e4b-4c96-b3a0-8d6f2e9c1b57,\
            4c1f0e3b9a7d2c5e8f6a1b0d3e9c7f2a5b8d4e1c6f0a3b9d7e2c5f8a1b4d6e90,3f9a6c1e-2b7d-4e58-9c0a-71d4b2e8f605,\
            2026-12-01T10:58:40.300Z
            """;

    static final String REPORT_REQUEST = """
            {"workflow":"loan-dispute-triage","from":"2026-11-01T00:00:00Z","to":"2026-12-01T00:00:00Z"}""";

    static final String REPORT_QUEUED = """
            {"id":"6f1c2a9e-0c1d-4a51-9a43-0a4c1f3b2d10","workflow":"loan-dispute-triage","from":"2026-11-01T00:00:00Z",
             "to":"2026-12-01T00:00:00Z","state":"QUEUED","requestedBy":"ps-s2jhtlgmxgedn73u55xtplpft7",
             "requestedRole":"auditor","requestedAt":"2026-12-06T12:00:00.204Z","rowsDone":0,"rowsTotal":0,"attempts":0}""";

    static final String REPORT_COMPLETED = """
            {"id":"6f1c2a9e-0c1d-4a51-9a43-0a4c1f3b2d10","workflow":"loan-dispute-triage","from":"2026-11-01T00:00:00Z",
             "to":"2026-12-01T00:00:00Z","state":"COMPLETED","requestedBy":"ps-s2jhtlgmxgedn73u55xtplpft7",
             "requestedRole":"auditor","requestedAt":"2026-12-06T12:00:00.204Z","startedAt":"2026-12-06T12:00:01.010Z",
             "finishedAt":"2026-12-06T12:00:09.771Z","rowsDone":4012,"rowsTotal":4012,
             "xmlSha256":"e3b7a1c9d5f2e8b4a6c0d3f7e1b9a5c2d8f4e0b6a3c7d1f9e5b2a8c4d6f0e2a1",
             "pdfSha256":"7c4e9a2d6f1b8e3c5a0d7f2b9e4c1a6d3f8b0e5c2a7d4f9b1e6c3a8d0f5b2e7c","ledgerSequence":5001,
             "attempts":1}""";

    static final String REPORT_CANCELLED = """
            {"id":"6f1c2a9e-0c1d-4a51-9a43-0a4c1f3b2d10","workflow":"loan-dispute-triage","from":"2026-11-01T00:00:00Z",
             "to":"2026-12-01T00:00:00Z","state":"CANCELLED","requestedBy":"ps-s2jhtlgmxgedn73u55xtplpft7",
             "requestedRole":"auditor","requestedAt":"2026-12-06T12:00:00.204Z","startedAt":"2026-12-06T12:00:01.010Z",
             "finishedAt":"2026-12-06T12:00:03.412Z","rowsDone":1000,"rowsTotal":4012,"attempts":1}""";

    static final String REPORT_RESTARTED = """
            {"id":"6f1c2a9e-0c1d-4a51-9a43-0a4c1f3b2d10","workflow":"loan-dispute-triage","from":"2026-11-01T00:00:00Z",
             "to":"2026-12-01T00:00:00Z","state":"QUEUED","requestedBy":"ps-s2jhtlgmxgedn73u55xtplpft7",
             "requestedRole":"auditor","requestedAt":"2026-12-06T12:00:00.204Z","rowsDone":0,"rowsTotal":0,"attempts":1}""";

    static final String REPORTS = "[" + REPORT_COMPLETED + "]";

    static final String TRIGGER_REQUEST = """
            {"kind":"CORRECTIONS_SINCE_EXPORT","corrections":500}""";

    static final String RATE_TRIGGER_REQUEST = """
            {"kind":"CORRECTION_RATE","rate":0.2,"windowHours":24}""";

    static final String TRIGGER = """
            {"id":"5f0c8e2a-3d7b-4a91-b6c4-2e9f1d5a8c73","workflow":"loan-dispute-triage","kind":"CORRECTIONS_SINCE_EXPORT",
             "corrections":500,"armed":true,"createdBy":"ps-ujzdegxdncf32epf3dhodzdoci",
             "createdAt":"2026-12-06T09:00:00Z","firings":0}""";

    static final String TRIGGERS = """
            [{"id":"5f0c8e2a-3d7b-4a91-b6c4-2e9f1d5a8c73","workflow":"loan-dispute-triage","kind":"CORRECTIONS_SINCE_EXPORT",
              "corrections":500,"armed":false,"createdBy":"ps-ujzdegxdncf32epf3dhodzdoci",
              "createdAt":"2026-12-06T09:00:00Z","lastFiredAt":"2026-12-06T19:29:40.118Z",
              "lastDatasetId":"0b9d2f4e-5a61-4c3e-8f0e-2d6b7c1a9e55","firings":1},
             {"id":"a1c4e7b0-9d2f-4e35-8b6a-0c3f7d1e5b92","workflow":"loan-dispute-triage","kind":"CORRECTION_RATE",
              "rate":0.2,"windowHours":24,"armed":true,"createdBy":"ps-ujzdegxdncf32epf3dhodzdoci",
              "createdAt":"2026-12-06T09:01:00Z","firings":0}]""";
}
