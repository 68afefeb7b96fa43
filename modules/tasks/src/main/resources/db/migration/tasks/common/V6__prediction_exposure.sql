-- Automation-bias control (SPEC R9, issue 18; owned by review per ADR 0022): one row per completed
-- review (not gold, audit or feedback) saying whether its reviewer saw the model's prediction before
-- answering, with the answer and the model's prediction as comparable keys (ReviewAnswer.key), so the
-- agreement of reviews made with and without the prediction can be compared without replaying the ledger.
CREATE TABLE task_prediction_exposure (
    task_id           VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES task_task (id),
    item_id           VARCHAR(36)   NOT NULL,
    workflow_key      VARCHAR(64)   NOT NULL,
    tier              INTEGER       NOT NULL,
    prediction_shown  BOOLEAN       NOT NULL,
    answer_key        VARCHAR(4000) NOT NULL,
    model_key         VARCHAR(4000) NOT NULL,
    completed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX task_prediction_exposure_period ON task_prediction_exposure (workflow_key, completed_at);
CREATE INDEX task_prediction_exposure_item ON task_prediction_exposure (item_id);
