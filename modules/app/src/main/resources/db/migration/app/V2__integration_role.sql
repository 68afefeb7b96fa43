-- The integration role: customer systems (model services posting predictions, applications
-- reporting feedback) calling the API under an account of their own.
ALTER TABLE app_user_role DROP CONSTRAINT app_user_role_known;
ALTER TABLE app_user_role ADD CONSTRAINT app_user_role_known CHECK (role_name IN
    ('annotator', 'reviewer', 'expert', 'adjudicator', 'governance', 'auditor', 'admin', 'integration'));
