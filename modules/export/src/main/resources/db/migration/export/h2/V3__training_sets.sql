-- Training-set exports (SPEC X3, X4): a job like a report's (same states, heartbeat and progress,
-- ADR 0015) with the request's filters, the manifest once completed (canonical JSON; its SHA-256 is
-- the export.dataset.created ledger entry) and its files. A completed export never changes;
-- retention (oversight.export.retentionDays) removes files, never the manifest.
CREATE TABLE export_dataset (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    workflow_key          VARCHAR(64)   NOT NULL,
    period_from           TIMESTAMP WITH TIME ZONE NOT NULL,
    period_to             TIMESTAMP WITH TIME ZONE NOT NULL,
    format                VARCHAR(8)    NOT NULL CHECK (format IN ('JSONL', 'CSV')),
    model_snapshot_id     VARCHAR(36),
    guideline_version_id  VARCHAR(36),
    sources               VARCHAR(200)  NOT NULL,
    label                 VARCHAR(200),
    state                 VARCHAR(16)   NOT NULL
                          CHECK (state IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED')),
    requested_by          VARCHAR(256)  NOT NULL,
    requested_role        VARCHAR(64)   NOT NULL,
    requested_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at            TIMESTAMP WITH TIME ZONE,
    finished_at           TIMESTAMP WITH TIME ZONE,
    heartbeat_at          TIMESTAMP WITH TIME ZONE,
    rows_done             BIGINT        NOT NULL DEFAULT 0,
    rows_total            BIGINT        NOT NULL DEFAULT 0,
    failure               VARCHAR(2000),
    manifest              CLOB,
    manifest_sha256       VARCHAR(64),
    ledger_sequence       BIGINT,
    CHECK (period_from < period_to)
);

CREATE INDEX export_dataset_requested ON export_dataset (requested_at);

CREATE TABLE export_dataset_file (
    dataset_id  VARCHAR(36)  NOT NULL REFERENCES export_dataset (id),
    name        VARCHAR(64)  NOT NULL,
    position    INTEGER      NOT NULL,
    media_type  VARCHAR(64)  NOT NULL,
    rows_count  BIGINT       NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    content     BLOB,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dataset_id, name)
);
