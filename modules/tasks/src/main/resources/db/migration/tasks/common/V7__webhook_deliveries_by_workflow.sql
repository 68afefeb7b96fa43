-- The intake-settings page and GET /workflows/{key}/webhook-deliveries list a workflow's deliveries
-- newest first, in keyset pages ordered by creation time then id: this index serves those pages (and
-- their status filter reads only the rows of the page). Portable: the same on H2 and PostgreSQL.
CREATE INDEX task_webhook_by_workflow ON task_webhook_delivery (workflow_key, created_at DESC, id DESC);
