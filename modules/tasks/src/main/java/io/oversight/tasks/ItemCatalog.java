package io.oversight.tasks;

import java.util.List;
import java.util.Optional;

/** Finds items for people (the item browser): by workflow, status, label, routing outcome, period, client key. */
public interface ItemCatalog {

    /** One page of matching items and whether another follows. */
    record ItemPage(List<ReviewItem> items, boolean more) {
    }

    ItemPage find(ItemSearch search);

    Optional<ReviewItem> item(String itemId);

    /** Every task an item had (review slots, audits, escalations), oldest first. */
    List<ReviewTask> tasksOf(String itemId);
}
