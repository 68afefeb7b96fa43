-- Failed sign-ins, one row each, shared by every server of a cluster (ADR 0033). The throttle counts
-- the rows of a client address (and of an account from that address) within its window; rows older
-- than the window are deleted as new ones arrive.
CREATE TABLE app_sign_in_failure (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    username   VARCHAR(64)  NOT NULL,
    address    VARCHAR(64)  NOT NULL,
    failed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX app_sign_in_failure_address ON app_sign_in_failure (address, failed_at);
CREATE INDEX app_sign_in_failure_failed_at ON app_sign_in_failure (failed_at);
