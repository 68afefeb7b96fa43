-- Training-set exports (export module, through the ReleasedLabels API) read a workflow's decided
-- items in keyset pages ordered by decision time then id: this index serves those pages.
CREATE INDEX task_item_released ON task_item (workflow_key, decided_at, id);
