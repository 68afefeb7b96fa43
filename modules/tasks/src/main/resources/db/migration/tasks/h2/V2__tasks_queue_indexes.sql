-- Queue indexes on the embedded database, which has no partial indexes.
CREATE INDEX task_open_in_order ON task_task
    (workflow_key, tier, status, priority DESC, sla_deadline, uncertainty DESC, created_at);
CREATE INDEX task_live_by_queue ON task_task (workflow_key, tier, status, created_at);
CREATE INDEX task_claimed_by_expiry ON task_task (status, lease_expires_at);
