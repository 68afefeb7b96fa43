-- The claim order's index ends in the tie-breaker id, as on PostgreSQL (see the postgresql V8); H2
-- has no partial indexes, so status is a key, as in V2.
CREATE INDEX task_open_in_order_by_id ON task_task
    (workflow_key, tier, status, priority DESC, sla_deadline, uncertainty DESC, created_at, id);
DROP INDEX task_open_in_order;
