-- Export module (SPEC X1, X4): report jobs, shared by every server of a cluster (ADR 0015); their
-- files are in V2, per vendor (BLOB on H2, BYTEA on PostgreSQL). A job's heartbeat moves while it
-- runs; a running job with a stale heartbeat lost its server and is shown as INTERRUPTED until
-- someone restarts it.
CREATE TABLE export_job (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    kind            VARCHAR(16)   NOT NULL CHECK (kind IN ('REPORT')),
    workflow_key    VARCHAR(64),
    period_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    period_to       TIMESTAMP WITH TIME ZONE NOT NULL,
    state           VARCHAR(16)   NOT NULL
                    CHECK (state IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED')),
    requested_by    VARCHAR(256)  NOT NULL,
    requested_role  VARCHAR(64)   NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    heartbeat_at    TIMESTAMP WITH TIME ZONE,
    rows_done       BIGINT        NOT NULL DEFAULT 0,
    rows_total      BIGINT        NOT NULL DEFAULT 0,
    cancel_requested BOOLEAN      NOT NULL DEFAULT FALSE,
    failure         VARCHAR(2000),
    xml_sha256      VARCHAR(64),
    pdf_sha256      VARCHAR(64),
    ledger_sequence BIGINT,
    attempts        INTEGER       NOT NULL DEFAULT 1,
    CHECK (period_from < period_to)
);

CREATE INDEX export_job_requested ON export_job (requested_at);
