-- What reviewers see of an item (issue 18, SPEC R1 and R9): the input fields shown as people read them
-- (a JSON array of {path, label, format}, paths being JSON Pointers into the stored input) and the
-- tiers whose reviewers answer without seeing the model's prediction (comma-separated, e.g. "1,2").
-- No row: the raw input, and the prediction shown on every tier, as before this version.
CREATE TABLE gov_reviewer_view (
    workflow_key             VARCHAR(64)    NOT NULL PRIMARY KEY,
    fields                   VARCHAR(16000) NOT NULL,
    prediction_hidden_tiers  VARCHAR(16)    NOT NULL,
    changed_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
