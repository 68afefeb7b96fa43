-- Append-only enforcement (SPEC L9): sealed entries, tiles and checkpoints are never updated or
-- deleted, whoever asks. Tampering is still detected by verification if someone bypasses this (a
-- superuser can); the triggers stop accidents and an application account gone rogue.
--
-- Grants for the application's database user (the owner of the schema should be another role):
--   GRANT SELECT, INSERT ON ledger_entry, ledger_tile, ledger_checkpoint TO oversight_app;
--   GRANT SELECT, INSERT, DELETE ON ledger_pending TO oversight_app;
--   GRANT SELECT, UPDATE ON ledger_head TO oversight_app;
--   GRANT SELECT, INSERT, UPDATE ON ledger_signing_key, ledger_verification TO oversight_app;
--   GRANT SELECT, INSERT, UPDATE, DELETE ON ledger_vault_subject, ledger_vault_field TO oversight_app;
-- and no TRUNCATE, UPDATE or DELETE on ledger_entry, ledger_tile or ledger_checkpoint.

CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_tile_append_only BEFORE UPDATE OR DELETE ON ledger_tile
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_tile_no_truncate BEFORE TRUNCATE ON ledger_tile
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_checkpoint_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
