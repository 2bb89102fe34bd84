-- SPDX-License-Identifier: GPL-3.0-or-later
-- The audit log is append-only: a row is written once, and its hash filled in once in the same transaction
-- (AuditRepository::record); nothing is ever updated, deleted or truncated. Users are disabled, never deleted.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.row_hash IS NULL AND NEW.row_hash IS NOT NULL
       AND (NEW.id, NEW.at, NEW.actor_user_id, NEW.actor_name, NEW.action, NEW.entity_type, NEW.entity_id,
            NEW.details, NEW.before_data, NEW.after_data, NEW.prev_hash)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.at, OLD.actor_user_id, OLD.actor_name, OLD.action, OLD.entity_type, OLD.entity_id,
            OLD.details, OLD.before_data, OLD.after_data, OLD.prev_hash) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
