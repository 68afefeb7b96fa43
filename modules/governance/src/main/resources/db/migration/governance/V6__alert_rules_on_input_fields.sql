-- Alert rules on the input-drift monitors: such a rule names the declared drift field it watches
-- (its series is the subject 'input:<path>'); a rule on any other monitor has none.
ALTER TABLE gov_alert_rule ADD COLUMN field VARCHAR(100);
