package io.oversight.tasks.infrastructure;

import io.oversight.tasks.ReviewItem;
import java.util.Optional;

/**
 * An item with what only the module itself needs: the digest of the request that created it (to
 * tell an idempotent replay from a reused key) and the vault subject holding its personal data.
 */
public record StoredItem(ReviewItem item, String requestDigest, Optional<String> dataSubject, String payloadDigest) {
}
