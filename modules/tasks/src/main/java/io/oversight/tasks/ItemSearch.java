package io.oversight.tasks;

import java.time.Instant;
import java.util.Optional;

/**
 * What a person looks for in the item browser; every present filter must match. {@code label}
 * matches the model's predicted labels or the decided ones; {@code receivedFrom} is inclusive,
 * {@code receivedBefore} exclusive. Results come {@code pageSize} at a time from {@code offset}.
 */
public record ItemSearch(
        Optional<String> workflowKey,
        Optional<ItemStatus> status,
        Optional<String> label,
        Optional<String> routeOutcome,
        Optional<Instant> receivedFrom,
        Optional<Instant> receivedBefore,
        Optional<String> clientKey,
        Order order,
        boolean descending,
        int offset,
        int pageSize) {

    /** Most items one page shows. */
    public static final int MAX_PAGE = 100;

    /** The columns a person may sort by; ties are broken by item id so that pages never overlap. */
    public enum Order { RECEIVED, CONFIDENCE, CLIENT_KEY, STATUS, ROUTE }

    public ItemSearch {
        if (offset < 0 || pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("offset " + offset + ", page size " + pageSize);
        }
    }
}
