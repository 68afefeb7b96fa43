-- Queue indexes on PostgreSQL: partial, so they hold only the live tasks (OPEN and CLAIMED) however
-- many completed ones accumulate. claim-next walks task_open_in_order with FOR UPDATE SKIP LOCKED;
-- the dashboard counts and finds the oldest open task per queue from task_live_by_queue.
CREATE INDEX task_open_in_order ON task_task
    (workflow_key, tier, priority DESC, sla_deadline ASC NULLS LAST, uncertainty DESC, created_at)
    WHERE status = 'OPEN';
CREATE INDEX task_live_by_queue ON task_task (workflow_key, tier, status, created_at)
    WHERE status IN ('OPEN', 'CLAIMED');
CREATE INDEX task_claimed_by_expiry ON task_task (lease_expires_at) WHERE status = 'CLAIMED';
