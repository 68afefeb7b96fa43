-- Monitor alerts (governance, ADR 0017) are sent through the decision webhooks' outbox: such a
-- delivery concerns a workflow, not an item.
ALTER TABLE task_webhook_delivery ALTER COLUMN item_id DROP NOT NULL;
