-- A completed job's files, written once in the transaction that completes the job and records it
-- in the ledger; deleted by retention (oversight.export.retentionDays), never changed.
CREATE TABLE export_artifact (
    job_id      VARCHAR(36)  NOT NULL REFERENCES export_job (id),
    format      VARCHAR(8)   NOT NULL CHECK (format IN ('XML', 'PDF')),
    media_type  VARCHAR(64)  NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    content     BYTEA        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job_id, format)
);
