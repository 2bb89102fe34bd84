-- SPDX-License-Identifier: GPL-3.0-or-later
-- The audit log is append-only: a row is written once, and its hash filled in once in the same transaction
-- (AuditRepository::record); nothing is ever updated or deleted. Users are disabled, never deleted.
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.row_hash IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor_user_id IS NOT OLD.actor_user_id OR NEW.actor_name IS NOT OLD.actor_name OR NEW.action IS NOT OLD.action OR NEW.entity_type IS NOT OLD.entity_type OR NEW.entity_id IS NOT OLD.entity_id OR NEW.details IS NOT OLD.details OR NEW.before_data IS NOT OLD.before_data OR NEW.after_data IS NOT OLD.after_data OR NEW.prev_hash IS NOT OLD.prev_hash BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
