-- Retrain triggers (SPEC G5, ADR 0056): per-workflow rules set by governance, evaluated every
-- oversight.export.triggerSeconds by the one server that holds export_trigger_head's row (FOR UPDATE
-- SKIP LOCKED, the monitor tick's pattern). A rule fires once per crossing: armed is cleared by a
-- firing and set again by the first round in which the condition no longer holds.
CREATE TABLE export_retrain_trigger (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    workflow_key    VARCHAR(64)   NOT NULL,
    kind            VARCHAR(32)   NOT NULL
                    CHECK (kind IN ('CORRECTIONS_SINCE_EXPORT', 'CORRECTION_RATE', 'DRIFT_ALERT', 'SCHEDULE')),
    corrections     BIGINT        CHECK (corrections >= 1),
    rate            DOUBLE PRECISION CHECK (rate > 0 AND rate <= 1),
    window_hours    INTEGER       CHECK (window_hours >= 1),
    every_hours     INTEGER       CHECK (every_hours >= 1),
    armed           BOOLEAN       NOT NULL,
    created_by      VARCHAR(256)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_fired_at   TIMESTAMP WITH TIME ZONE,
    last_export_id  VARCHAR(36),
    firings         BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX export_retrain_trigger_workflow ON export_retrain_trigger (workflow_key, created_at);

-- The evaluation round's lock row: the server holding it evaluates, the others skip the round.
CREATE TABLE export_trigger_head (
    id                INTEGER      NOT NULL PRIMARY KEY CHECK (id = 1),
    rounds            BIGINT       NOT NULL,
    last_round_at     TIMESTAMP WITH TIME ZONE,
    last_round_holder VARCHAR(200)
);

INSERT INTO export_trigger_head (id, rounds) VALUES (1, 0);

-- The rule whose firing made an export: its completion queues the retrain webhook.
ALTER TABLE export_dataset ADD COLUMN trigger_id VARCHAR(36);
