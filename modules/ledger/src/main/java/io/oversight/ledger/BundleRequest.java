package io.oversight.ledger;

import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What to export as an offline bundle. A bundle carries the signed checkpoints an auditor needs,
 * not every one in its range (one is signed per second of activity): the first at or after
 * {@code fromSequence}, the one it ends at, and those asked for in {@code checkpointSizes}.
 *
 * @param fromSequence         first entry to include
 * @param toSize               tree size to end at; rounded up to the next signed checkpoint, and by
 *                             default the latest checkpoint
 * @param consistencyFromSize  size of an earlier checkpoint the auditor holds: the bundle then carries
 *                             the consistency proof from it, unless that size lies within the bundle
 * @param checkpointSizes      sizes of further signed checkpoints to include, each within
 *                             {@code [fromSequence, toSize]}, at most {@link #MAX_REQUESTED_CHECKPOINTS}
 */
public record BundleRequest(long fromSequence, OptionalLong toSize, OptionalLong consistencyFromSize,
        SortedSet<Long> checkpointSizes) {

    /** Most checkpoints one request may ask for beyond those always included. */
    public static final int MAX_REQUESTED_CHECKPOINTS = 100;

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
        checkpointSizes = Collections.unmodifiableSortedSet(new TreeSet<>(checkpointSizes));
        if (checkpointSizes.size() > MAX_REQUESTED_CHECKPOINTS) {
            throw new IllegalArgumentException("at most " + MAX_REQUESTED_CHECKPOINTS + " checkpoints may be asked for, got "
                    + checkpointSizes.size());
        }
        for (long size : checkpointSizes) {
            if (size < 1) {
                throw new IllegalArgumentException("checkpoint sizes start at 1, got " + size);
            }
            if (size < fromSequence) {
                throw new IllegalArgumentException("checkpoint " + size + " lies before the bundle's first entry " + fromSequence);
            }
            if (toSize.isPresent() && size > toSize.getAsLong()) {
                throw new IllegalArgumentException("checkpoint " + size + " lies beyond the bundle's end " + toSize.getAsLong());
            }
        }
    }

    /** A request with no checkpoints asked for beyond the edges. */
    public BundleRequest(long fromSequence, OptionalLong toSize, OptionalLong consistencyFromSize) {
        this(fromSequence, toSize, consistencyFromSize, new TreeSet<>());
    }

    /** The whole log up to the latest checkpoint. */
    public static BundleRequest wholeLog() {
        return new BundleRequest(0, OptionalLong.empty(), OptionalLong.empty());
    }

    /** The same request, also asking for the checkpoints at {@code sizes}. */
    public BundleRequest withCheckpoints(List<Long> sizes) {
        SortedSet<Long> all = new TreeSet<>(checkpointSizes);
        all.addAll(sizes);
        return new BundleRequest(fromSequence, toSize, consistencyFromSize, all);
    }
}
