-- API tokens of integration accounts (ADR 0033). Only the SHA-256 digest of a token is kept; the
-- token itself is shown once, when it is created. Revoked tokens stay, for the record of who used what.
CREATE TABLE app_api_token (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    username     VARCHAR(64)  NOT NULL REFERENCES app_user (username),
    name         VARCHAR(100) NOT NULL,
    token_digest VARCHAR(64)  NOT NULL,
    token_hint   VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT app_api_token_digest_unique UNIQUE (token_digest)
);

CREATE INDEX app_api_token_username ON app_api_token (username, created_at);
