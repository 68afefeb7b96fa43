-- Accounts of the default database identity store (see SecurityConfiguration).
CREATE TABLE app_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    display_name  VARCHAR(200),
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE app_user_role (
    username  VARCHAR(64) NOT NULL REFERENCES app_user (username),
    role_name VARCHAR(32) NOT NULL,
    PRIMARY KEY (username, role_name),
    CONSTRAINT app_user_role_known CHECK (role_name IN
        ('annotator', 'reviewer', 'expert', 'adjudicator', 'governance', 'auditor', 'admin'))
);
