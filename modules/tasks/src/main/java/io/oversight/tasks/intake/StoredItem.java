package io.oversight.tasks.intake;

import io.oversight.tasks.ReviewItem;

/**
 * An item with the digest of the request that created it, which only intake needs: it tells an
 * idempotent replay from a reused client key.
 */
public record StoredItem(ReviewItem item, String requestDigest) {
}
