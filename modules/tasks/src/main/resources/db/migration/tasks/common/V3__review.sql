-- Review (SPEC R1-R8): what a reviewer concluded and why, multi-review and adjudication settings,
-- the adjudication queue, gold items and reviewers' accuracy on them, pauses, fatigue caps and the
-- notes adjudication sends back to reviewers. Portable SQL for H2 and PostgreSQL.

-- A completed review keeps its verdict, the reviewer's rationale (for the adjudicator) and who
-- completed it (for fatigue caps, agreement metrics and feedback) under which guideline version. Gold tasks look like any other
-- task to the reviewer; only this flag tells them apart.
ALTER TABLE task_task ADD COLUMN verdict VARCHAR(16);
ALTER TABLE task_task ADD COLUMN rationale VARCHAR(4000);
ALTER TABLE task_task ADD COLUMN completed_by VARCHAR(256);
ALTER TABLE task_task ADD COLUMN gold BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE task_task ADD COLUMN guideline_id VARCHAR(36);

-- The item's final verdict: APPROVE (the model was right), CORRECT (people chose other labels or
-- output) or REJECT (people rejected the model's output without a replacement).
ALTER TABLE task_item ADD COLUMN decision_verdict VARCHAR(16);

-- Pairwise-preference items (SPEC R3): the two outputs compared, as JSON [{"id","output"}, ...].
ALTER TABLE task_item ADD COLUMN candidates VARCHAR(41000);

-- May this reviewer see an item's personal data (each reveal is a ledger entry)?
ALTER TABLE task_qualification ADD COLUMN may_reveal_pii BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE task_review_settings (
    workflow_key              VARCHAR(64)  NOT NULL PRIMARY KEY,
    review_mode               VARCHAR(16)  NOT NULL CHECK (review_mode IN ('FIXED', 'DYNAMIC')),
    max_reviewers             INTEGER      NOT NULL CHECK (max_reviewers BETWEEN 2 AND 9),
    on_disagreement           VARCHAR(16)  NOT NULL CHECK (on_disagreement IN ('ADJUDICATE', 'ADD_REVIEWER')),
    rationale_required        VARCHAR(16)  NOT NULL CHECK (rationale_required IN ('NEVER', 'ON_CHANGE', 'ALWAYS')),
    show_reviewer_identities  BOOLEAN      NOT NULL,
    gold_rate                 DOUBLE PRECISION NOT NULL CHECK (gold_rate >= 0 AND gold_rate <= 0.5),
    gold_min_answers          INTEGER      NOT NULL CHECK (gold_min_answers >= 1),
    gold_window               INTEGER      NOT NULL CHECK (gold_window >= 1),
    gold_pause_below          DOUBLE PRECISION NOT NULL CHECK (gold_pause_below >= 0 AND gold_pause_below <= 1),
    max_items_per_session     INTEGER      NOT NULL CHECK (max_items_per_session >= 0),
    max_items_per_hour        INTEGER      NOT NULL CHECK (max_items_per_hour >= 0),
    session_gap_minutes       INTEGER      NOT NULL CHECK (session_gap_minutes >= 1),
    break_reminder_minutes    INTEGER      NOT NULL CHECK (break_reminder_minutes >= 0),
    changed_at                TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Items whose independent reviews disagree, waiting for (or settled by) an adjudicator.
CREATE TABLE task_adjudication (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    item_id           VARCHAR(36)   NOT NULL REFERENCES task_item (id),
    workflow_key      VARCHAR(64)   NOT NULL,
    status            VARCHAR(16)   NOT NULL CHECK (status IN ('OPEN', 'CLAIMED', 'COMPLETED')),
    holder            VARCHAR(256),
    lease_expires_at  TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at      TIMESTAMP WITH TIME ZONE,
    completed_by      VARCHAR(256),
    verdict           VARCHAR(16),
    result_labels     VARCHAR(4000),
    result_output     VARCHAR(20000),
    rationale         VARCHAR(4000),
    CONSTRAINT task_adjudication_one_per_item UNIQUE (item_id),
    CONSTRAINT task_adjudication_lease CHECK ((status = 'CLAIMED') = (holder IS NOT NULL))
);
CREATE INDEX task_adjudication_queue ON task_adjudication (workflow_key, status, created_at);

-- Items with a known answer, mixed into queues to measure reviewers (SPEC R6).
CREATE TABLE task_gold (
    item_id        VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES task_item (id),
    workflow_key   VARCHAR(64)   NOT NULL,
    verdict        VARCHAR(16)   NOT NULL,
    answer_labels  VARCHAR(4000) NOT NULL,
    answer_output  VARCHAR(20000),
    marked_by      VARCHAR(256)  NOT NULL,
    marked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX task_gold_by_workflow ON task_gold (workflow_key, retired_at);

CREATE TABLE task_gold_answer (
    task_id       VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES task_task (id),
    item_id       VARCHAR(36)  NOT NULL REFERENCES task_item (id),
    workflow_key  VARCHAR(64)  NOT NULL,
    reviewer      VARCHAR(256) NOT NULL,
    correct       BOOLEAN      NOT NULL,
    answered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX task_gold_answer_by_reviewer ON task_gold_answer (workflow_key, reviewer, answered_at);

-- A reviewer stopped from claiming in a workflow (gold accuracy under the threshold) until an
-- administrator resumes them.
CREATE TABLE task_reviewer_pause (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    reviewer      VARCHAR(256) NOT NULL,
    workflow_key  VARCHAR(64)  NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    accuracy      DOUBLE PRECISION NOT NULL,
    answers       INTEGER      NOT NULL,
    paused_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    resumed_at    TIMESTAMP WITH TIME ZONE,
    resumed_by    VARCHAR(256)
);
CREATE INDEX task_reviewer_pause_active ON task_reviewer_pause (reviewer, workflow_key, resumed_at);

-- What adjudication tells a reviewer whose answer it changed.
CREATE TABLE task_reviewer_notice (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    reviewer      VARCHAR(256)  NOT NULL,
    item_id       VARCHAR(36)   NOT NULL REFERENCES task_item (id),
    workflow_key  VARCHAR(64)   NOT NULL,
    message       VARCHAR(6000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX task_reviewer_notice_by_reviewer ON task_reviewer_notice (reviewer, created_at);

CREATE INDEX task_task_completed_by ON task_task (completed_by, workflow_key, completed_at);
