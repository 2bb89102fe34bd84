-- SPDX-License-Identifier: GPL-3.0-or-later
-- Identity and access: the permission matrix of the built-in roles (models/permission.h is the one list), users'
-- credentials apart from their profile (so PostgreSQL can guard them on their own), database logins mapped to
-- users, and an audit log that says who acted, what changed before and after, and links each row to the previous
-- one by hash (services/storage/auditrepository.cpp).
ALTER TABLE roles ADD COLUMN builtin {{BOOL}} NOT NULL DEFAULT FALSE;
UPDATE roles SET builtin = TRUE, description = 'Manages users, roles and settings; reads the audit log',
    permissions = 'campaign.edit,campaign.run,contacts.import,contacts.view,pii.view,calls.monitor,calls.hangup,results.view,results.export,suppression.manage,users.manage,roles.manage,settings.manage,audit.view'
    WHERE name = 'admin';
UPDATE roles SET builtin = TRUE, description = 'Watches live calls, hangs up, manages the do-not-call list',
    permissions = 'campaign.run,contacts.view,pii.view,calls.monitor,calls.hangup,results.view,results.export,suppression.manage'
    WHERE name = 'supervisor';
UPDATE roles SET builtin = TRUE, description = 'Builds, imports and runs campaigns',
    permissions = 'campaign.edit,campaign.run,contacts.import,contacts.view,pii.view,calls.monitor,results.view'
    WHERE name = 'operator';
UPDATE roles SET builtin = TRUE, description = 'Reads results; phone numbers and names masked',
    permissions = 'contacts.view,results.view'
    WHERE name = 'viewer';

ALTER TABLE users ADD COLUMN db_login TEXT;
ALTER TABLE users ADD COLUMN invited_at {{TS}};
CREATE UNIQUE INDEX users_db_login_idx ON users (db_login);
ALTER TABLE users DROP COLUMN password_hash;

CREATE TABLE user_credentials (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    password_hash TEXT NOT NULL,
    must_change {{BOOL}} NOT NULL DEFAULT FALSE,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until {{TS}},
    changed_at {{TS}} NOT NULL DEFAULT {{NOW}}
);

ALTER TABLE audit_log ADD COLUMN actor_name TEXT;
ALTER TABLE audit_log ADD COLUMN before_data {{JSON}};
ALTER TABLE audit_log ADD COLUMN after_data {{JSON}};
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN row_hash TEXT;
CREATE INDEX audit_log_action_idx ON audit_log (action, at);
