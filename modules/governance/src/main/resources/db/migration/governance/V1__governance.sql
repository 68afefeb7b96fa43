-- Governance module (SPEC T1, G1, G2, T3): workflows, taxonomy versions, guideline versions, model
-- snapshots and routing-policy versions. Portable SQL for H2 and PostgreSQL.
-- "The one active X of a workflow" is enforced by the database: an active row carries its
-- workflow's key in active_workflow_key, which is unique (NULLs do not collide).

CREATE TABLE gov_workflow (
    workflow_key       VARCHAR(64)   NOT NULL PRIMARY KEY,
    name               VARCHAR(200)  NOT NULL,
    description        VARCHAR(4000) NOT NULL,
    consequence        VARCHAR(16)   NOT NULL,
    volume             VARCHAR(16)   NOT NULL,
    accuracy           VARCHAR(16)   NOT NULL,
    integration_mode   VARCHAR(16)   NOT NULL,
    reviewers_per_item INTEGER       NOT NULL CHECK (reviewers_per_item >= 1),
    retention_days     INTEGER       NOT NULL CHECK (retention_days >= 1),
    legal_hold         BOOLEAN       NOT NULL,
    pii_field_paths    VARCHAR(20000) NOT NULL,
    task_kind          VARCHAR(32)   NOT NULL,
    label_selection    VARCHAR(16)   NOT NULL,
    taxonomy_version   INTEGER       NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version        BIGINT        NOT NULL
);

-- Rows of a taxonomy version are never changed; a change writes the next version's rows.
CREATE TABLE gov_taxonomy_label (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    workflow_key     VARCHAR(64)   NOT NULL REFERENCES gov_workflow (workflow_key),
    taxonomy_version INTEGER       NOT NULL,
    sort_order       INTEGER       NOT NULL,
    code             VARCHAR(64)   NOT NULL,
    parent_code      VARCHAR(64),
    display_name     VARCHAR(200)  NOT NULL,
    description      VARCHAR(2000) NOT NULL,
    CONSTRAINT gov_label_code_unique UNIQUE (workflow_key, taxonomy_version, code)
);

CREATE TABLE gov_guideline_version (
    id                  VARCHAR(36)     NOT NULL PRIMARY KEY,
    workflow_key        VARCHAR(64)     NOT NULL REFERENCES gov_workflow (workflow_key),
    version_number      INTEGER         NOT NULL,
    taxonomy_version    INTEGER         NOT NULL,
    status              VARCHAR(16)     NOT NULL CHECK (status IN ('DRAFT', 'PILOT', 'ACTIVE', 'RETIRED')),
    content_format      VARCHAR(16)     NOT NULL,
    instructions        VARCHAR(100000) NOT NULL,
    content_digest      VARCHAR(64)     NOT NULL,
    active_workflow_key VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    status_changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version         BIGINT          NOT NULL,
    CONSTRAINT gov_guideline_number_unique UNIQUE (workflow_key, version_number),
    CONSTRAINT gov_guideline_one_active UNIQUE (active_workflow_key),
    CONSTRAINT gov_guideline_active_marker CHECK ((status = 'ACTIVE') = (active_workflow_key IS NOT NULL))
);

CREATE TABLE gov_guideline_example (
    guideline_id VARCHAR(36)    NOT NULL REFERENCES gov_guideline_version (id),
    sort_order   INTEGER        NOT NULL,
    label_code   VARCHAR(64)    NOT NULL,
    kind         VARCHAR(16)    NOT NULL,
    input_text   VARCHAR(10000) NOT NULL,
    explanation  VARCHAR(10000) NOT NULL,
    PRIMARY KEY (guideline_id, sort_order)
);

CREATE TABLE gov_model_snapshot (
    id                     VARCHAR(36)   NOT NULL PRIMARY KEY,
    workflow_key           VARCHAR(64)   NOT NULL REFERENCES gov_workflow (workflow_key),
    model_name             VARCHAR(200)  NOT NULL,
    model_version          VARCHAR(100)  NOT NULL,
    artifact_digest        VARCHAR(64)   NOT NULL,
    training_set_export_id VARCHAR(200),
    label_space            VARCHAR(70000) NOT NULL,
    status                 VARCHAR(16)   NOT NULL CHECK (status IN ('SHADOW', 'CANARY', 'ACTIVE', 'ROLLED_BACK', 'RETIRED')),
    active_workflow_key    VARCHAR(64),
    superseded_id          VARCHAR(36),
    registered_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    status_changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version            BIGINT        NOT NULL,
    CONSTRAINT gov_model_name_version_unique UNIQUE (workflow_key, model_name, model_version),
    CONSTRAINT gov_model_one_active UNIQUE (active_workflow_key),
    CONSTRAINT gov_model_active_marker CHECK ((status = 'ACTIVE') = (active_workflow_key IS NOT NULL))
);

CREATE TABLE gov_routing_policy (
    id                  VARCHAR(36)     NOT NULL PRIMARY KEY,
    workflow_key        VARCHAR(64)     NOT NULL REFERENCES gov_workflow (workflow_key),
    version_number      INTEGER         NOT NULL,
    status              VARCHAR(16)     NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
    content             VARCHAR(200000) NOT NULL,
    content_digest      VARCHAR(64)     NOT NULL,
    active_workflow_key VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    status_changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version         BIGINT          NOT NULL,
    CONSTRAINT gov_policy_number_unique UNIQUE (workflow_key, version_number),
    CONSTRAINT gov_policy_one_active UNIQUE (active_workflow_key),
    CONSTRAINT gov_policy_active_marker CHECK ((status = 'ACTIVE') = (active_workflow_key IS NOT NULL))
);

CREATE INDEX gov_label_by_version ON gov_taxonomy_label (workflow_key, taxonomy_version);
CREATE INDEX gov_guideline_by_workflow ON gov_guideline_version (workflow_key);
CREATE INDEX gov_model_by_workflow ON gov_model_snapshot (workflow_key);
CREATE INDEX gov_policy_by_workflow ON gov_routing_policy (workflow_key);
