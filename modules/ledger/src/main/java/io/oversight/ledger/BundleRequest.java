package io.oversight.ledger;

import java.util.OptionalLong;

/**
 * What to export as an offline bundle.
 *
 * @param fromSequence         first entry to include
 * @param toSize               tree size to end at; rounded up to the next signed checkpoint, and by
 *                             default the latest checkpoint
 * @param consistencyFromSize  size of an earlier checkpoint the auditor holds: the bundle then carries
 *                             the consistency proof from it, unless that size lies within the bundle
 */
public record BundleRequest(long fromSequence, OptionalLong toSize, OptionalLong consistencyFromSize) {

    public BundleRequest {
        if (fromSequence < 0) {
            throw new IllegalArgumentException("fromSequence must be >= 0, got " + fromSequence);
        }
        if (toSize.isPresent() && toSize.getAsLong() <= fromSequence) {
            throw new IllegalArgumentException("toSize " + toSize.getAsLong() + " must be greater than fromSequence "
                    + fromSequence);
        }
        if (consistencyFromSize.isPresent() && consistencyFromSize.getAsLong() < 1) {
            throw new IllegalArgumentException("consistencyFromSize must be >= 1: a proof from the empty tree proves nothing");
        }
    }

    /** The whole log up to the latest checkpoint. */
    public static BundleRequest wholeLog() {
        return new BundleRequest(0, OptionalLong.empty(), OptionalLong.empty());
    }
}
