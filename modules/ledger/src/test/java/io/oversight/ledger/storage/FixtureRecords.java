package io.oversight.ledger.storage;

import io.oversight.ledger.Actor;
import io.oversight.ledger.LedgerRecord;
import io.oversight.ledger.Roles;
import java.time.Instant;

/**
 * The test fixture action type, so the ledger is exercised without any other module: one record per
 * call, carrying a caller-chosen key in attribute {@value #KEY} to find it again.
 */
public final class FixtureRecords {

    public static final String ACTION = "test.fixture.recorded";
    public static final String KEY = "fixture.key";

    private FixtureRecords() {
    }

    public static LedgerRecord record(String key) {
        int n = Math.floorMod(key.hashCode(), 7);
        return LedgerRecord.builder(ACTION, new Actor("ps-fixture-actor-" + n, n % 2 == 0 ? Roles.REVIEWER : Roles.EXPERT))
                .workflow("wf-fixture-" + (n % 3))
                .subject("item", "item-" + key)
                .guideline("gv-" + (n % 2), LedgerRecord.digestOf("guideline " + (n % 2)))
                .modelSnapshot("model-" + (n % 4))
                .payloadDigest(LedgerRecord.digestOf("payload " + key))
                .rationale("rationale " + key)
                .occurredAt(Instant.parse("2026-01-01T00:00:00Z"))
                .attribute(KEY, key)
                .attribute("label", n % 2 == 0 ? "approve" : "reject")
                .build();
    }
}
