-- A taxonomy may be a rating scale: each leaf label stands for a number (issue 18), which orders and
-- spaces the labels for ordinal, interval and ratio agreement. Null for the labels of every taxonomy
-- that is not a scale, which is all of them before this version.
ALTER TABLE gov_taxonomy_label ADD COLUMN scale_value DOUBLE PRECISION;
