package io.oversight.tasks.intake;

import io.oversight.ledger.Database;
import io.oversight.tasks.queue.TaskStore;
import io.oversight.tasks.ItemCatalog;
import io.oversight.tasks.ItemSearch;
import io.oversight.tasks.ReviewItem;
import io.oversight.tasks.ReviewTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The item browser's queries, over the item and task tables this module owns. */
@ApplicationScoped
public class DefaultItemCatalog implements ItemCatalog {

    @Inject
    Database database;

    @Inject
    ItemSearchStore itemSearchStore;

    @Inject
    ItemStore itemStore;

    @Inject
    TaskStore taskStore;

    @Override
    public ItemPage find(ItemSearch search) {
        List<ReviewItem> rows = database.run("finding items", c -> itemSearchStore.search(c, search));
        boolean more = rows.size() > search.pageSize();
        return new ItemPage(more ? List.copyOf(rows.subList(0, search.pageSize())) : rows, more);
    }

    @Override
    public Optional<ReviewItem> item(String itemId) {
        return database.run("reading an item", c -> itemStore.findItem(c, itemId, false)).map(StoredItem::item);
    }

    @Override
    public List<ReviewTask> tasksOf(String itemId) {
        return database.run("reading an item's tasks", c -> taskStore.tasksOfItem(c, itemId));
    }
}
