package io.oversight.ledger.rest;

/**
 * Example bodies of the ledger operations, for the OpenAPI document. OpenApiContractIT checks that
 * each JSON one parses and names only properties of its schema, so an example cannot drift from the
 * records it shows. The checkpoint note and trust file are the auditor guide's (sections 4 and 6),
 * signed with the RFC 8032 test key: the shape is real, the key is never used in production.
 */
final class LedgerExamples {

    private LedgerExamples() {
    }

    private static final String ENTRY = """
            {"sequence":41,"loggedAt":"2026-12-06T12:00:00.412518Z","occurredAt":"2026-12-06T12:00:00.409001Z",
              "workflow":"loan-dispute-triage","actionType":"governance.model.promoted",
              "actorPseudonym":"ps-ujzdegxdncf32epf3dhodzdoci","actorRole":"governance","subjectKind":"model",
              "subjectId":"6e1b4d7a-0c3f-4a82-9e5b-7d2c8f1a3b64","modelSnapshotId":"6e1b4d7a-0c3f-4a82-9e5b-7d2c8f1a3b64",
              "modelArtifactDigest":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "rationaleDigest":"6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b",
              "attributes":{"from":"SHADOW","to":"CANARY"},
              "previousEntryHash":"d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35",
              "leafHash":"4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce",
              "storedBytes":"AAAAKQAGNDAxLjAAAAGTmXo0bAAAAZOZejRbABNsb2FuLWRpc3B1dGUtdHJpYWdl","erasedPseudonyms":[]""";

    static final String ENTRIES = "{\"entries\":[" + ENTRY + "}],\"nextAfterSequence\":41}";

    static final String ENTRY_WITH_PROOF = ENTRY + """
            ,"proof":{"leafIndex":41,"treeSize":48,"hashes":[
              "ef2d127de37b942baad06145e54b0c619a1f22327b2ebbcfbec78f5564afe39d",
              "e7f6c011776e8db7cd330b54174fd76f7d0216b612387a5ffcfb81e6f0919683",
              "8527a891e224136950ff32ca212b45bc93f69fbb801c3b1ebedac52775f99e61"],
              "checkpoint":"oversight.example/ledger\\n48\\nSBNJTRN+FjG7owHVrKtue7eqdM4RhdRWVl71HXN2d7I=\\noversight-chain-head ny5tM6NxfugmNTpAS6RhjRrutoea15Nrzo7V9GgUkk0=\\noversight-time 1765022400500000\\n\\n— oversight.example/ledger TAjVX7tA8X/IWz3A+8XueWAqa3A1N5s1nZ6j5FSes/RileNQHVHS9XLebCJpjy2xHtGjr9M8qIwvSmDcbRw05K1f/ws=\\n"}}""";

    static final String ENTRY_ONLY = ENTRY + "}";

    static final String CHECKPOINT = """
            oversight.example/ledger
            5000
            SBNJTRN+FjG7owHVrKtue7eqdM4RhdRWVl71HXN2d7I=
            oversight-chain-head ny5tM6NxfugmNTpAS6RhjRrutoea15Nrzo7V9GgUkk0=
            oversight-time 1767225600000000

            — oversight.example/ledger TAjVX7tA8X/IWz3A+8XueWAqa3A1N5s1nZ6j5FSes/RileNQHVHS9XLebCJpjy2xHtGjr9M8qIwvSmDcbRw05K1f/ws=
            """;

    static final String TRUST = """
            oversight.example/ledger+4c08d55f+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea - 2026-06-01T00:00:00Z
            """;

    static final String CONSISTENCY = """
            {"fromSize":8,"toSize":20,"hashes":[
              "0b1f5c3e2a7d4f96b8e1c0d3a5f7b9e2c4d6f8a0b2c4e6f8a1b3c5d7e9f0a2b4",
              "5d41402abc4b2a76b9719d911017c592ae2f4d8f3c1b6e0a9d7c5b3a1f2e4d6c",
              "a9993e364706816aba3e25717850c26c9cd0d89d1f0e2d3c4b5a69788796a5b4"]}""";

    static final String VERIFICATION_STARTED = """
            {"jobId":"6f1c2a9e-0c1d-4a51-9a43-0a4c1f3b2d10","state":"RUNNING","fromSequence":0,"toSequence":4999,
             "checked":0,"requestedBy":"ps-s2jhtlgmxgedn73u55xtplpft7","startedAt":"2026-12-06T12:10:00.118Z","notices":[]}""";

    static final String VERIFIED = """
            {"jobId":"6f1c2a9e-0c1d-4a51-9a43-0a4c1f3b2d10","state":"VERIFIED","fromSequence":0,"toSequence":4999,
             "checked":5000,"requestedBy":"ps-s2jhtlgmxgedn73u55xtplpft7","startedAt":"2026-12-06T12:10:00.118Z",
             "finishedAt":"2026-12-06T12:10:04.902Z","notices":[]}""";

    static final String FAILED = """
            {"jobId":"0d8e3b6a-4f1c-4e27-b9a5-3c7d1e8f2a40","state":"FAILED","fromSequence":0,"toSequence":4999,
             "checked":1207,"requestedBy":"ps-s2jhtlgmxgedn73u55xtplpft7","startedAt":"2026-12-06T12:20:00.004Z",
             "finishedAt":"2026-12-06T12:20:01.377Z","failure":{"kind":"TAMPERING","firstBadSequence":1207,
              "message":"entry 1207 does not link to entry 1206",
              "expected":"d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35",
              "actual":"4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a"},"notices":[]}""";

    static final String ROTATION = """
            {"previousKey":"oversight.example/ledger+4c08d55f+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea",
             "newKey":"oversight.example/ledger+9a2e4c71+AePNwwt9ZKw1NQmmU0qvHy7j3a6JnvBS6r9HdXWgvLs8",
             "at":"2026-12-06T13:00:00.250Z","recordId":5012}""";

    static final String REVEAL_REQUEST = """
            {"justification":"DSAR 2026-118"}""";

    static final String REVEALED = """
            {"pseudonym":"ps-pix6ea6qom66zjojyaekctbr6y","kind":"DATA_SUBJECT","identity":"dispute-1001",
             "fields":{"customer.name":"Jo Bloggs","customer.email":"jo@example.com"}}""";
}
