-- SPDX-License-Identifier: GPL-3.0-or-later
-- SQLite: the dashboard's summary tables (0014_dashboard_summary.sql) kept by triggers, then filled from the
-- existing attempts. The facts expression must stay the same as DashboardRepository's and the PostgreSQL functions'.
-- SQLite has no stored procedures, so the triggers on call_attempts, contacts and answers write a row into one of two
-- work tables whose own trigger does the work and removes the row again. The migrator ends a statement at a line
-- ending in ';', so the statements inside a trigger body start with ';' instead.

CREATE TABLE dashboard_attempt_delta (campaign_id BIGINT, claimed_at TEXT, time_zone TEXT, status TEXT,
                                      answered_by TEXT, answered_at TEXT, duration_seconds INTEGER, sign INTEGER);
CREATE TABLE dashboard_stale_contacts (contact_id BIGINT);

-- Adds (sign 1) or removes (sign -1) one attempt; a NULL zone means its contact is gone, and with it the attempt.
CREATE TRIGGER dashboard_attempt_delta_apply AFTER INSERT ON dashboard_attempt_delta BEGIN
INSERT INTO dashboard_attempt_hours (campaign_id, utc_hour, time_zone, status, machine, answered, attempts,
                                     connected, connected_seconds, billable_minutes)
SELECT NEW.campaign_id, substr(NEW.claimed_at, 1, 13) || ':00:00.000Z', NEW.time_zone, NEW.status,
       CASE WHEN NEW.answered_by LIKE 'machine%' THEN 1 ELSE 0 END,
       CASE WHEN NEW.answered_at IS NOT NULL THEN 1 ELSE 0 END, NEW.sign,
       CASE WHEN NEW.duration_seconds > 0 THEN NEW.sign ELSE 0 END,
       CASE WHEN NEW.duration_seconds > 0 THEN NEW.sign * NEW.duration_seconds ELSE 0 END,
       CASE WHEN NEW.duration_seconds > 0 THEN NEW.sign * ((NEW.duration_seconds + 59) / 60) ELSE 0 END
WHERE NEW.time_zone IS NOT NULL
ON CONFLICT (campaign_id, utc_hour, time_zone, status, machine, answered) DO UPDATE
SET attempts = attempts + excluded.attempts, connected = connected + excluded.connected,
    connected_seconds = connected_seconds + excluded.connected_seconds,
    billable_minutes = billable_minutes + excluded.billable_minutes
; DELETE FROM dashboard_attempt_delta WHERE rowid = NEW.rowid
; END;

-- Recomputes one contact's facts from its attempts and moves it between dashboard_case_counts rows.
CREATE TRIGGER dashboard_stale_contact_refresh AFTER INSERT ON dashboard_stale_contacts BEGIN
UPDATE dashboard_case_counts SET cases = cases - 1
WHERE (campaign_id, first_hour, last_hour, facts) IN (SELECT campaign_id, first_hour, last_hour, facts
                                                      FROM dashboard_contact_facts WHERE contact_id = NEW.contact_id)
; DELETE FROM dashboard_contact_facts WHERE contact_id = NEW.contact_id
; INSERT INTO dashboard_contact_facts (contact_id, campaign_id, first_hour, last_hour, facts)
SELECT c.id, MIN(a.campaign_id), substr(MIN(a.claimed_at), 1, 13) || ':00:00.000Z', substr(MAX(a.claimed_at), 1, 13) || ':00:00.000Z',
       CASE WHEN c.status = 'completed' THEN 1 ELSE 0 END + CASE WHEN EXISTS (SELECT 1 FROM answers an WHERE an.contact_id = c.id) THEN 2 ELSE 0 END + CASE WHEN c.status = 'opted_out' THEN 4 ELSE 0 END + 8 * MAX(CASE WHEN a.answered_at IS NOT NULL AND (a.answered_by IS NULL OR (a.answered_by NOT LIKE 'machine%' AND a.answered_by <> 'fax')) THEN 1 ELSE 0 END) + 16 * MAX(CASE WHEN a.answered_by LIKE 'machine%' THEN 1 ELSE 0 END) + 32 * MAX(CASE WHEN a.answered_by = 'fax' THEN 1 ELSE 0 END) + CASE WHEN c.status = 'invalid' THEN 64 ELSE 0 END + 128 * MAX(CASE WHEN a.status IN ('failed', 'canceled') THEN 1 ELSE 0 END)
FROM call_attempts a JOIN contacts c ON c.id = a.contact_id WHERE a.contact_id = NEW.contact_id GROUP BY c.id, c.status
; INSERT INTO dashboard_case_counts (campaign_id, first_hour, last_hour, facts, cases)
SELECT campaign_id, first_hour, last_hour, facts, 1 FROM dashboard_contact_facts WHERE contact_id = NEW.contact_id
ON CONFLICT (campaign_id, first_hour, last_hour, facts) DO UPDATE SET cases = cases + 1
; DELETE FROM dashboard_stale_contacts WHERE rowid = NEW.rowid
; END;

CREATE TRIGGER dashboard_attempt_inserted AFTER INSERT ON call_attempts BEGIN
INSERT INTO dashboard_attempt_delta VALUES (NEW.campaign_id, NEW.claimed_at,
    (SELECT time_zone FROM contacts WHERE id = NEW.contact_id), NEW.status, NEW.answered_by, NEW.answered_at,
    NEW.duration_seconds, 1)
; INSERT INTO dashboard_stale_contacts VALUES (NEW.contact_id)
; END;
CREATE TRIGGER dashboard_attempt_updated
AFTER UPDATE OF status, answered_by, answered_at, duration_seconds, claimed_at ON call_attempts BEGIN
INSERT INTO dashboard_attempt_delta VALUES (OLD.campaign_id, OLD.claimed_at,
    (SELECT time_zone FROM contacts WHERE id = OLD.contact_id), OLD.status, OLD.answered_by, OLD.answered_at,
    OLD.duration_seconds, -1)
; INSERT INTO dashboard_attempt_delta VALUES (NEW.campaign_id, NEW.claimed_at,
    (SELECT time_zone FROM contacts WHERE id = NEW.contact_id), NEW.status, NEW.answered_by, NEW.answered_at,
    NEW.duration_seconds, 1)
; INSERT INTO dashboard_stale_contacts VALUES (NEW.contact_id)
; END;
CREATE TRIGGER dashboard_attempt_deleted AFTER DELETE ON call_attempts BEGIN
INSERT INTO dashboard_attempt_delta VALUES (OLD.campaign_id, OLD.claimed_at,
    (SELECT time_zone FROM contacts WHERE id = OLD.contact_id), OLD.status, OLD.answered_by, OLD.answered_at,
    OLD.duration_seconds, -1)
; INSERT INTO dashboard_stale_contacts VALUES (OLD.contact_id)
; END;

-- While the contact still exists, so its attempts leave the counts under its time zone.
CREATE TRIGGER dashboard_contact_deleted BEFORE DELETE ON contacts BEGIN
DELETE FROM call_attempts WHERE contact_id = OLD.id
; END;
CREATE TRIGGER dashboard_contact_status AFTER UPDATE OF status ON contacts WHEN NEW.status IS NOT OLD.status BEGIN
INSERT INTO dashboard_stale_contacts VALUES (NEW.id)
; END;
CREATE TRIGGER dashboard_contact_zone AFTER UPDATE OF time_zone ON contacts
WHEN NEW.time_zone IS NOT OLD.time_zone BEGIN
INSERT INTO dashboard_attempt_delta SELECT campaign_id, claimed_at, OLD.time_zone, status, answered_by, answered_at,
    duration_seconds, -1 FROM call_attempts WHERE contact_id = NEW.id
; INSERT INTO dashboard_attempt_delta SELECT campaign_id, claimed_at, NEW.time_zone, status, answered_by, answered_at,
    duration_seconds, 1 FROM call_attempts WHERE contact_id = NEW.id
; END;

CREATE TRIGGER dashboard_answer_inserted AFTER INSERT ON answers BEGIN
INSERT INTO dashboard_stale_contacts VALUES (NEW.contact_id)
; END;
CREATE TRIGGER dashboard_answer_deleted AFTER DELETE ON answers BEGIN
INSERT INTO dashboard_stale_contacts VALUES (OLD.contact_id)
; END;

-- The attempts made before this migration.
INSERT INTO dashboard_attempt_hours (campaign_id, utc_hour, time_zone, status, machine, answered, attempts,
                                     connected, connected_seconds, billable_minutes)
SELECT a.campaign_id, substr(a.claimed_at, 1, 13) || ':00:00.000Z' AS utc_hour, c.time_zone, a.status,
       CASE WHEN a.answered_by LIKE 'machine%' THEN 1 ELSE 0 END AS machine,
       CASE WHEN a.answered_at IS NOT NULL THEN 1 ELSE 0 END AS answered, COUNT(*),
       SUM(CASE WHEN a.duration_seconds > 0 THEN 1 ELSE 0 END),
       SUM(CASE WHEN a.duration_seconds > 0 THEN a.duration_seconds ELSE 0 END),
       SUM(CASE WHEN a.duration_seconds > 0 THEN (a.duration_seconds + 59) / 60 ELSE 0 END)
FROM call_attempts a JOIN contacts c ON c.id = a.contact_id
GROUP BY a.campaign_id, utc_hour, c.time_zone, a.status, machine, answered;
INSERT INTO dashboard_contact_facts (contact_id, campaign_id, first_hour, last_hour, facts)
SELECT c.id, MIN(a.campaign_id), substr(MIN(a.claimed_at), 1, 13) || ':00:00.000Z', substr(MAX(a.claimed_at), 1, 13) || ':00:00.000Z',
       CASE WHEN c.status = 'completed' THEN 1 ELSE 0 END + CASE WHEN EXISTS (SELECT 1 FROM answers an WHERE an.contact_id = c.id) THEN 2 ELSE 0 END + CASE WHEN c.status = 'opted_out' THEN 4 ELSE 0 END + 8 * MAX(CASE WHEN a.answered_at IS NOT NULL AND (a.answered_by IS NULL OR (a.answered_by NOT LIKE 'machine%' AND a.answered_by <> 'fax')) THEN 1 ELSE 0 END) + 16 * MAX(CASE WHEN a.answered_by LIKE 'machine%' THEN 1 ELSE 0 END) + 32 * MAX(CASE WHEN a.answered_by = 'fax' THEN 1 ELSE 0 END) + CASE WHEN c.status = 'invalid' THEN 64 ELSE 0 END + 128 * MAX(CASE WHEN a.status IN ('failed', 'canceled') THEN 1 ELSE 0 END)
FROM call_attempts a JOIN contacts c ON c.id = a.contact_id GROUP BY c.id, c.status;
INSERT INTO dashboard_case_counts (campaign_id, first_hour, last_hour, facts, cases)
SELECT campaign_id, first_hour, last_hour, facts, COUNT(*) FROM dashboard_contact_facts
GROUP BY campaign_id, first_hour, last_hour, facts;
