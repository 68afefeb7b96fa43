-- Two monitors added after V2: reviewer agreement and input drift.

-- The reviewer-agreement monitor: Krippendorff's alpha (nominal) per window, kept as its two
-- additive sums so windows merge by addition like every other aggregate. An observation of kind
-- REVIEWERS carries an item's answer counts in label (up to 20 reviewers' answer keys, hence wider).

ALTER TABLE gov_observation ALTER COLUMN label SET DATA TYPE VARCHAR(4000);

ALTER TABLE gov_window ADD COLUMN reviewer_values VARCHAR(8000) DEFAULT '' NOT NULL;
ALTER TABLE gov_window ADD COLUMN reviewer_disagreement DOUBLE PRECISION DEFAULT 0 NOT NULL;

-- Input drift: the payload fields a workflow watches (path:KIND pairs). Each field's values are
-- folded into windows and a reference of the subject 'input:<path>', as predictions are for '*';
-- an observation of kind INPUT carries the path in label and the value's count key in detail. Label
-- counts of those windows hold many number buckets, hence wider.
ALTER TABLE gov_monitor_settings ADD COLUMN drift_fields VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE gov_window ALTER COLUMN label_counts SET DATA TYPE VARCHAR(32000);
ALTER TABLE gov_reference ALTER COLUMN label_counts SET DATA TYPE VARCHAR(32000);
