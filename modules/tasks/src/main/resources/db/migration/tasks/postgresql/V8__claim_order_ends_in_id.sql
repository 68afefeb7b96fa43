-- Claim-next reads the first open task of a queue in the order priority DESC, sla_deadline ASC NULLS
-- LAST, uncertainty DESC, created_at, id. The V2 index stopped before the tie-breaker id, so without
-- statistics (a fresh table, or autovacuum off) the planner sorted the whole queue on every claim.
-- This index holds the whole order: the first row comes straight off it, and no plan needs a sort.
CREATE INDEX task_open_in_order_by_id ON task_task
    (workflow_key, tier, priority DESC, sla_deadline ASC NULLS LAST, uncertainty DESC, created_at, id)
    WHERE status = 'OPEN';
DROP INDEX task_open_in_order;
