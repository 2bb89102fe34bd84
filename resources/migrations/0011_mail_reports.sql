-- SPDX-License-Identifier: GPL-3.0-or-later
-- E-mailed reports (issue 12): who receives a campaign's reports (comma-separated addresses; empty: none), whether it
-- also sends a daily summary, and each report claimed for sending, so one goes out once however many consoles run
-- and however often they restart. kind 'finished' has period '' (one per campaign); 'daily' has the day it covers.
ALTER TABLE campaigns ADD COLUMN report_recipients TEXT NOT NULL DEFAULT '';
ALTER TABLE campaigns ADD COLUMN daily_summary {{BOOL}} NOT NULL DEFAULT FALSE;

CREATE TABLE mail_reports (
    id {{PK}},
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('finished', 'daily')),
    period TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'sent', 'failed')),
    recipients TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 1,
    claimed_at {{TS}} NOT NULL,
    sent_at {{TS}},
    last_error TEXT NOT NULL DEFAULT '',
    UNIQUE (campaign_id, kind, period)
);
