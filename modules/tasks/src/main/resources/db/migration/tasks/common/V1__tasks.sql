-- Tasks module (SPEC T2-T9): predictions received for review ("items"), the review tasks cut from
-- them, qualifications, per-workflow intake settings, webhook deliveries and SLA state.
-- Portable SQL for H2 and PostgreSQL; each vendor folder adds the indexes that suit it (V2).
-- Everything a cluster of servers must share lives here: leases, idempotency keys, SLA episodes.

CREATE TABLE task_workflow_settings (
    workflow_key          VARCHAR(64)   NOT NULL PRIMARY KEY,
    ordering_method       VARCHAR(32)   NOT NULL,
    diversity_lambda      DOUBLE PRECISION NOT NULL CHECK (diversity_lambda >= 0 AND diversity_lambda <= 1),
    lease_seconds         INTEGER       NOT NULL CHECK (lease_seconds > 0),
    inline_timeout_millis INTEGER       NOT NULL CHECK (inline_timeout_millis > 0),
    inline_timeout_outcome VARCHAR(16)  NOT NULL CHECK (inline_timeout_outcome IN ('FAIL_CLOSED', 'FAIL_OPEN')),
    webhook_url           VARCHAR(2000),
    webhook_secret        VARCHAR(100),
    audit_seed            VARCHAR(200)  NOT NULL,
    audit_tier            INTEGER       NOT NULL CHECK (audit_tier BETWEEN 1 AND 3),
    feedback_tier         INTEGER       NOT NULL CHECK (feedback_tier BETWEEN 1 AND 3),
    feedback_priority     INTEGER       NOT NULL,
    conflict_field_paths  VARCHAR(4000) NOT NULL,
    changed_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per prediction received: its tokenized payload, the routing decision and, later, the
-- decision that settles it. (workflow_key, client_key) is the idempotency key.
CREATE TABLE task_item (
    id                   VARCHAR(36)    NOT NULL PRIMARY KEY,
    workflow_key         VARCHAR(64)    NOT NULL,
    client_key           VARCHAR(200)   NOT NULL,
    request_digest       VARCHAR(64)    NOT NULL,
    integration_mode     VARCHAR(16)    NOT NULL,
    model_snapshot_id    VARCHAR(36)    NOT NULL,
    predicted_labels     VARCHAR(4000)  NOT NULL,
    predicted_output     VARCHAR(20000),
    confidence           DOUBLE PRECISION NOT NULL,
    class_scores         VARCHAR(20000),
    committee_scores     VARCHAR(100000),
    correlation_id       VARCHAR(200),
    priority             INTEGER        NOT NULL,
    payload              VARCHAR(262144) NOT NULL,
    payload_digest       VARCHAR(64)    NOT NULL,
    data_subject         VARCHAR(256),
    route_outcome        VARCHAR(16)    NOT NULL,
    route_tier           INTEGER        NOT NULL,
    route_reason         VARCHAR(1000)  NOT NULL,
    policy_id            VARCHAR(36)    NOT NULL,
    policy_version       INTEGER        NOT NULL,
    audit_sampled        BOOLEAN        NOT NULL,
    ordering_method      VARCHAR(32)    NOT NULL,
    uncertainty          DOUBLE PRECISION NOT NULL,
    uncertainty_note     VARCHAR(500)   NOT NULL,
    status               VARCHAR(24)    NOT NULL CHECK (status IN
                             ('AUTO_ACCEPTED', 'AUTO_REJECTED', 'IN_REVIEW', 'NEEDS_ADJUDICATION', 'DECIDED')),
    reviews_required     INTEGER        NOT NULL,
    decision_labels      VARCHAR(4000),
    decision_output      VARCHAR(20000),
    decision_source      VARCHAR(16),
    model_agreed         BOOLEAN,
    inline_timeout_outcome VARCHAR(16),
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT task_item_client_key_unique UNIQUE (workflow_key, client_key)
);

-- A unit of human work on an item, in the queue of (workflow_key, tier). An item that needs N
-- independent reviews has N REVIEW tasks (slots); a task is held by at most one reviewer, under a
-- lease that expires.
CREATE TABLE task_task (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    item_id           VARCHAR(36)   NOT NULL REFERENCES task_item (id),
    workflow_key      VARCHAR(64)   NOT NULL,
    tier              INTEGER       NOT NULL CHECK (tier BETWEEN 1 AND 3),
    purpose           VARCHAR(16)   NOT NULL CHECK (purpose IN ('REVIEW', 'AUDIT', 'ESCALATION', 'FEEDBACK')),
    slot              INTEGER       NOT NULL,
    status            VARCHAR(16)   NOT NULL CHECK (status IN ('OPEN', 'CLAIMED', 'COMPLETED', 'ESCALATED')),
    priority          INTEGER       NOT NULL,
    sla_deadline      TIMESTAMP WITH TIME ZONE,
    uncertainty       DOUBLE PRECISION NOT NULL,
    sim_hash          BIGINT        NOT NULL,
    lease_holder      VARCHAR(256),
    lease_expires_at  TIMESTAMP WITH TIME ZONE,
    claims            INTEGER       NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at      TIMESTAMP WITH TIME ZONE,
    result_labels     VARCHAR(4000),
    result_output     VARCHAR(20000),
    escalated_to      VARCHAR(36),
    note              VARCHAR(4000),
    CONSTRAINT task_lease_consistent CHECK ((status = 'CLAIMED') = (lease_holder IS NOT NULL))
);

-- Who has held a task of an item: a reviewer never gets a second task (slot) of the same item.
-- The unique key is what makes that hold under concurrent claims.
CREATE TABLE task_item_reviewer (
    item_id   VARCHAR(36)  NOT NULL REFERENCES task_item (id),
    reviewer  VARCHAR(256) NOT NULL,
    task_id   VARCHAR(36)  NOT NULL REFERENCES task_task (id),
    CONSTRAINT task_item_reviewer_unique PRIMARY KEY (item_id, reviewer)
);

-- People an item's input names (SHA-256 of the lower-cased identity): they never review it.
CREATE TABLE task_item_exclusion (
    item_id          VARCHAR(36) NOT NULL REFERENCES task_item (id),
    identity_digest  VARCHAR(64) NOT NULL,
    CONSTRAINT task_item_exclusion_pk PRIMARY KEY (item_id, identity_digest)
);

-- A reviewer may claim from the queues of a workflow up to max_tier.
CREATE TABLE task_qualification (
    principal     VARCHAR(256) NOT NULL,
    workflow_key  VARCHAR(64)  NOT NULL,
    max_tier      INTEGER      NOT NULL CHECK (max_tier BETWEEN 1 AND 3),
    granted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT task_qualification_pk PRIMARY KEY (principal, workflow_key)
);

CREATE TABLE task_feedback (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    item_id     VARCHAR(36)   NOT NULL REFERENCES task_item (id),
    kind        VARCHAR(16)   NOT NULL CHECK (kind IN ('THUMBS_DOWN', 'REPORT_ISSUE')),
    comment     VARCHAR(4000) NOT NULL,
    task_id     VARCHAR(36)   NOT NULL REFERENCES task_task (id),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Webhook outbox: written in the transaction that decides the item, sent after commit, retried.
CREATE TABLE task_webhook_delivery (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    item_id          VARCHAR(36)   NOT NULL REFERENCES task_item (id),
    workflow_key     VARCHAR(64)   NOT NULL,
    url              VARCHAR(2000) NOT NULL,
    body             VARCHAR(40000) NOT NULL,
    status           VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE
);

CREATE TABLE task_webhook_attempt (
    delivery_id   VARCHAR(36)  NOT NULL REFERENCES task_webhook_delivery (id),
    attempt       INTEGER      NOT NULL,
    attempted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code   INTEGER,
    error         VARCHAR(1000),
    duration_ms   BIGINT       NOT NULL,
    CONSTRAINT task_webhook_attempt_pk PRIMARY KEY (delivery_id, attempt)
);

-- SLA state per queue and measure: an episode opens when the measure goes over its target and
-- closes when it comes back; each opening is one alert (and one ledger entry), however often the
-- monitor looks.
CREATE TABLE task_sla_state (
    workflow_key  VARCHAR(64) NOT NULL,
    tier          INTEGER     NOT NULL,
    measure       VARCHAR(16) NOT NULL CHECK (measure IN ('REVIEW_TIME', 'QUEUE_DEPTH')),
    breached      BOOLEAN     NOT NULL,
    alert_id      VARCHAR(36),
    checked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT task_sla_state_pk PRIMARY KEY (workflow_key, tier, measure)
);

CREATE TABLE task_sla_alert (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    workflow_key  VARCHAR(64) NOT NULL,
    tier          INTEGER     NOT NULL,
    measure       VARCHAR(16) NOT NULL,
    observed      BIGINT      NOT NULL,
    target        BIGINT      NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX task_item_by_workflow ON task_item (workflow_key, received_at);
CREATE INDEX task_task_by_item ON task_task (item_id);
CREATE INDEX task_webhook_due ON task_webhook_delivery (status, next_attempt_at);
CREATE INDEX task_webhook_by_item ON task_webhook_delivery (item_id);
CREATE INDEX task_feedback_by_item ON task_feedback (item_id);
