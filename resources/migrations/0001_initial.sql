-- SPDX-License-Identifier: GPL-3.0-or-later
-- The whole product's schema. One text serves SQLite and PostgreSQL: the migrator replaces
-- {{PK}} {{TS}} {{JSON}} {{BOOL}} {{NOW}} with each dialect's spelling. Timestamps are UTC.
-- Statements end with a semicolon at the end of a line.

CREATE TABLE roles (
    id {{PK}},
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    permissions TEXT NOT NULL DEFAULT ''
);

CREATE TABLE users (
    id {{PK}},
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    email TEXT,
    auth_source TEXT NOT NULL DEFAULT 'local' CHECK (auth_source IN ('local', 'oidc')),
    oidc_issuer TEXT,
    oidc_subject TEXT,
    password_hash TEXT,
    disabled {{BOOL}} NOT NULL DEFAULT FALSE,
    created_at {{TS}} NOT NULL DEFAULT {{NOW}},
    last_login_at {{TS}},
    UNIQUE (oidc_issuer, oidc_subject)
);

CREATE TABLE user_roles (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id BIGINT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);

CREATE TABLE survey_scripts (
    id {{PK}},
    name TEXT NOT NULL,
    created_at {{TS}} NOT NULL DEFAULT {{NOW}}
);

-- A script is edited by adding versions; a campaign pins one, so answers always know their wording.
CREATE TABLE script_versions (
    id {{PK}},
    script_id BIGINT NOT NULL REFERENCES survey_scripts (id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version > 0),
    language TEXT NOT NULL DEFAULT 'en-US',
    voice TEXT NOT NULL DEFAULT 'Polly.Joanna',
    definition {{JSON}} NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at {{TS}} NOT NULL DEFAULT {{NOW}},
    UNIQUE (script_id, version)
);

CREATE TABLE questions (
    id {{PK}},
    script_version_id BIGINT NOT NULL REFERENCES script_versions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question_key TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('yes_no', 'single_choice', 'numeric', 'free_speech', 'recording')),
    prompt TEXT NOT NULL,
    required {{BOOL}} NOT NULL DEFAULT TRUE,
    options {{JSON}},
    UNIQUE (script_version_id, question_key),
    UNIQUE (script_version_id, position)
);

CREATE TABLE campaigns (
    id {{PK}},
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'ready', 'running', 'paused', 'completed', 'stopped')),
    script_version_id BIGINT REFERENCES script_versions (id) ON DELETE RESTRICT,
    caller_id TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en-US',
    voice TEXT NOT NULL DEFAULT 'Polly.Joanna',
    calls_per_second REAL NOT NULL DEFAULT 1 CHECK (calls_per_second > 0),
    max_concurrent_calls INTEGER NOT NULL DEFAULT 10 CHECK (max_concurrent_calls > 0),
    window_start TEXT NOT NULL DEFAULT '08:00',
    window_end TEXT NOT NULL DEFAULT '21:00',
    blocked_weekdays TEXT NOT NULL DEFAULT '',
    blocked_dates TEXT NOT NULL DEFAULT '',
    max_attempts INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts > 0),
    retry_policy {{JSON}},
    quotas {{JSON}},
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at {{TS}} NOT NULL DEFAULT {{NOW}},
    updated_at {{TS}} NOT NULL DEFAULT {{NOW}}
);

CREATE TABLE contacts (
    id {{PK}},
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    phone_e164 TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    custom_fields {{JSON}},
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'in_progress', 'completed', 'failed', 'invalid', 'suppressed', 'opted_out')),
    attempts_count INTEGER NOT NULL DEFAULT 0,
    next_attempt_at {{TS}},
    created_at {{TS}} NOT NULL DEFAULT {{NOW}},
    UNIQUE (campaign_id, phone_e164)
);
CREATE INDEX contacts_dialable_idx ON contacts (campaign_id, status, next_attempt_at);
CREATE INDEX contacts_phone_idx ON contacts (phone_e164);

-- campaign_id NULL = suppressed for every campaign.
CREATE TABLE suppression_list (
    id {{PK}},
    phone_e164 TEXT NOT NULL,
    campaign_id BIGINT REFERENCES campaigns (id) ON DELETE CASCADE,
    reason TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'in_call_opt_out', 'api')),
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at {{TS}} NOT NULL DEFAULT {{NOW}}
);
CREATE UNIQUE INDEX suppression_global_uq ON suppression_list (phone_e164) WHERE campaign_id IS NULL;
CREATE UNIQUE INDEX suppression_campaign_uq ON suppression_list (phone_e164, campaign_id) WHERE campaign_id IS NOT NULL;

CREATE TABLE call_attempts (
    id {{PK}},
    contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    phone_e164 TEXT NOT NULL,
    attempt_number INTEGER NOT NULL CHECK (attempt_number > 0),
    provider TEXT NOT NULL CHECK (provider IN ('twilio', 'simulated')),
    call_sid TEXT UNIQUE,
    status TEXT NOT NULL DEFAULT 'claimed'
        CHECK (status IN ('claimed', 'queued', 'initiated', 'ringing', 'in-progress',
                          'completed', 'busy', 'no-answer', 'failed', 'canceled')),
    answered_by TEXT,
    dialer_id TEXT,
    claimed_at {{TS}} NOT NULL DEFAULT {{NOW}},
    started_at {{TS}},
    answered_at {{TS}},
    ended_at {{TS}},
    duration_seconds INTEGER,
    error_code INTEGER,
    error_message TEXT,
    UNIQUE (contact_id, attempt_number)
);
-- The live monitor reads the few non-terminal attempts; keep that index small.
CREATE INDEX call_attempts_active_idx ON call_attempts (campaign_id, status)
    WHERE status IN ('claimed', 'queued', 'initiated', 'ringing', 'in-progress');
CREATE INDEX call_attempts_campaign_started_idx ON call_attempts (campaign_id, started_at);
CREATE INDEX call_attempts_phone_started_idx ON call_attempts (phone_e164, started_at);
CREATE INDEX call_attempts_started_idx ON call_attempts (started_at);

-- Every status callback as received; (call_sid, sequence_number) makes redelivery harmless.
CREATE TABLE call_events (
    id {{PK}},
    call_attempt_id BIGINT REFERENCES call_attempts (id) ON DELETE CASCADE,
    call_sid TEXT NOT NULL,
    sequence_number INTEGER NOT NULL,
    call_status TEXT NOT NULL,
    payload {{JSON}},
    occurred_at {{TS}},
    received_at {{TS}} NOT NULL DEFAULT {{NOW}},
    UNIQUE (call_sid, sequence_number)
);
CREATE INDEX call_events_attempt_idx ON call_events (call_attempt_id);

CREATE TABLE answers (
    id {{PK}},
    call_attempt_id BIGINT NOT NULL REFERENCES call_attempts (id) ON DELETE CASCADE,
    contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL REFERENCES questions (id) ON DELETE RESTRICT,
    script_version_id BIGINT NOT NULL REFERENCES script_versions (id) ON DELETE RESTRICT,
    raw_speech TEXT,
    raw_digits TEXT,
    confidence REAL,
    normalized_value TEXT,
    answered_at {{TS}} NOT NULL DEFAULT {{NOW}},
    UNIQUE (call_attempt_id, question_id)
);
CREATE INDEX answers_question_idx ON answers (question_id, normalized_value);
CREATE INDEX answers_contact_idx ON answers (contact_id);

CREATE TABLE audit_log (
    id {{PK}},
    at {{TS}} NOT NULL DEFAULT {{NOW}},
    actor_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id BIGINT,
    details {{JSON}}
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at);

-- Non-secret settings shared by every console on this database. Secrets live in the OS keychain.
CREATE TABLE app_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

INSERT INTO roles (name, description, permissions) VALUES
    ('admin', 'Manages users, roles and settings', 'users.manage,roles.manage,settings.manage,campaign.edit,campaign.run,calls.monitor,calls.hangup,results.view,results.export'),
    ('supervisor', 'Watches live calls and can hang one up', 'campaign.run,calls.monitor,calls.hangup,results.view,results.export'),
    ('operator', 'Builds and runs campaigns', 'campaign.edit,campaign.run,results.view'),
    ('viewer', 'Reads results', 'results.view');
