-- SPDX-License-Identifier: GPL-3.0-or-later
-- PostgreSQL: the dashboard's summary tables (0014_dashboard_summary.sql) kept by triggers, then filled from the
-- existing attempts. The facts expression must stay the same as DashboardRepository's and the SQLite triggers'.

CREATE FUNCTION dashboard_hour(at TIMESTAMPTZ) RETURNS TIMESTAMPTZ LANGUAGE sql IMMUTABLE AS $$
SELECT date_trunc('hour', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
$$;

-- Adds (sign 1) or removes (sign -1) one attempt; a NULL zone means its contact is gone, and with it the attempt.
CREATE FUNCTION dashboard_count_attempt(p_campaign BIGINT, p_claimed TIMESTAMPTZ, p_zone TEXT, p_status TEXT,
                                        p_answered_by TEXT, p_answered_at TIMESTAMPTZ, p_duration INTEGER,
                                        p_sign INTEGER) RETURNS void LANGUAGE sql AS $$
INSERT INTO dashboard_attempt_hours AS h (campaign_id, utc_hour, time_zone, status, machine, answered, attempts,
                                          connected, connected_seconds, billable_minutes)
SELECT p_campaign, dashboard_hour(p_claimed), p_zone, p_status,
       CASE WHEN p_answered_by LIKE 'machine%' THEN 1 ELSE 0 END,
       CASE WHEN p_answered_at IS NOT NULL THEN 1 ELSE 0 END, p_sign,
       CASE WHEN p_duration > 0 THEN p_sign ELSE 0 END,
       CASE WHEN p_duration > 0 THEN p_sign * p_duration ELSE 0 END,
       CASE WHEN p_duration > 0 THEN p_sign * ((p_duration + 59) / 60) ELSE 0 END
WHERE p_zone IS NOT NULL
ON CONFLICT (campaign_id, utc_hour, time_zone, status, machine, answered) DO UPDATE
SET attempts = h.attempts + excluded.attempts, connected = h.connected + excluded.connected,
    connected_seconds = h.connected_seconds + excluded.connected_seconds,
    billable_minutes = h.billable_minutes + excluded.billable_minutes
$$;

-- Recomputes one contact's facts from its attempts and moves it between dashboard_case_counts rows.
CREATE FUNCTION dashboard_refresh_contact(p_contact BIGINT) RETURNS void LANGUAGE sql AS $$
UPDATE dashboard_case_counts k SET cases = k.cases - 1 FROM dashboard_contact_facts f
WHERE f.contact_id = p_contact AND k.campaign_id = f.campaign_id AND k.first_hour = f.first_hour
  AND k.last_hour = f.last_hour AND k.facts = f.facts;
DELETE FROM dashboard_contact_facts WHERE contact_id = p_contact;
INSERT INTO dashboard_contact_facts (contact_id, campaign_id, first_hour, last_hour, facts)
SELECT c.id, MIN(a.campaign_id), dashboard_hour(MIN(a.claimed_at)), dashboard_hour(MAX(a.claimed_at)),
       CASE WHEN c.status = 'completed' THEN 1 ELSE 0 END
        + CASE WHEN EXISTS (SELECT 1 FROM answers an WHERE an.contact_id = c.id) THEN 2 ELSE 0 END
        + CASE WHEN c.status = 'opted_out' THEN 4 ELSE 0 END
        + 8 * MAX(CASE WHEN a.answered_at IS NOT NULL AND (a.answered_by IS NULL
                       OR (a.answered_by NOT LIKE 'machine%' AND a.answered_by <> 'fax')) THEN 1 ELSE 0 END)
        + 16 * MAX(CASE WHEN a.answered_by LIKE 'machine%' THEN 1 ELSE 0 END)
        + 32 * MAX(CASE WHEN a.answered_by = 'fax' THEN 1 ELSE 0 END)
        + CASE WHEN c.status = 'invalid' THEN 64 ELSE 0 END
        + 128 * MAX(CASE WHEN a.status IN ('failed', 'canceled') THEN 1 ELSE 0 END)
FROM call_attempts a JOIN contacts c ON c.id = a.contact_id WHERE a.contact_id = p_contact GROUP BY c.id, c.status;
INSERT INTO dashboard_case_counts AS k (campaign_id, first_hour, last_hour, facts, cases)
SELECT campaign_id, first_hour, last_hour, facts, 1 FROM dashboard_contact_facts WHERE contact_id = p_contact
ON CONFLICT (campaign_id, first_hour, last_hour, facts) DO UPDATE SET cases = k.cases + 1
$$;

-- The triggers run as the schema's owner (SECURITY DEFINER): the provisioned roles that write attempts, contacts
-- and answers (db provision) may read the summary but never write it themselves. search_path is pinned to the
-- migration's, so a caller's search_path cannot redirect the owner's writes.
CREATE FUNCTION dashboard_attempt_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM dashboard_count_attempt(OLD.campaign_id, OLD.claimed_at,
                                        (SELECT time_zone FROM contacts WHERE id = OLD.contact_id), OLD.status,
                                        OLD.answered_by, OLD.answered_at, OLD.duration_seconds, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM dashboard_count_attempt(NEW.campaign_id, NEW.claimed_at,
                                        (SELECT time_zone FROM contacts WHERE id = NEW.contact_id), NEW.status,
                                        NEW.answered_by, NEW.answered_at, NEW.duration_seconds, 1);
        PERFORM dashboard_refresh_contact(NEW.contact_id);
    ELSE
        PERFORM dashboard_refresh_contact(OLD.contact_id);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER dashboard_attempt_inserted AFTER INSERT OR DELETE ON call_attempts
    FOR EACH ROW EXECUTE FUNCTION dashboard_attempt_changed();
CREATE TRIGGER dashboard_attempt_updated
    AFTER UPDATE OF status, answered_by, answered_at, duration_seconds, claimed_at ON call_attempts
    FOR EACH ROW EXECUTE FUNCTION dashboard_attempt_changed();

CREATE FUNCTION dashboard_contact_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- While the contact still exists, so its attempts leave the counts under its time zone.
        DELETE FROM call_attempts WHERE contact_id = OLD.id;
        RETURN OLD;
    END IF;
    IF NEW.time_zone IS DISTINCT FROM OLD.time_zone THEN
        PERFORM dashboard_count_attempt(a.campaign_id, a.claimed_at, OLD.time_zone, a.status, a.answered_by,
                                        a.answered_at, a.duration_seconds, -1),
                dashboard_count_attempt(a.campaign_id, a.claimed_at, NEW.time_zone, a.status, a.answered_by,
                                        a.answered_at, a.duration_seconds, 1)
        FROM call_attempts a WHERE a.contact_id = NEW.id;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        PERFORM dashboard_refresh_contact(NEW.id);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER dashboard_contact_deleted BEFORE DELETE ON contacts
    FOR EACH ROW EXECUTE FUNCTION dashboard_contact_changed();
CREATE TRIGGER dashboard_contact_updated AFTER UPDATE OF status, time_zone ON contacts
    FOR EACH ROW EXECUTE FUNCTION dashboard_contact_changed();

CREATE FUNCTION dashboard_answer_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    PERFORM dashboard_refresh_contact(CASE WHEN TG_OP = 'DELETE' THEN OLD.contact_id ELSE NEW.contact_id END);
    RETURN NULL;
END
$$;
CREATE TRIGGER dashboard_answer_changed AFTER INSERT OR DELETE ON answers
    FOR EACH ROW EXECUTE FUNCTION dashboard_answer_changed();

-- Fills the summary from scratch: here for the attempts made before 0014, and by bench_dashboard after a bulk load
-- with the triggers disabled.
CREATE FUNCTION dashboard_rebuild() RETURNS void LANGUAGE sql AS $$
DELETE FROM dashboard_attempt_hours;
DELETE FROM dashboard_contact_facts;
DELETE FROM dashboard_case_counts;
INSERT INTO dashboard_attempt_hours (campaign_id, utc_hour, time_zone, status, machine, answered, attempts,
                                     connected, connected_seconds, billable_minutes)
SELECT a.campaign_id, dashboard_hour(a.claimed_at), c.time_zone, a.status,
       CASE WHEN a.answered_by LIKE 'machine%' THEN 1 ELSE 0 END,
       CASE WHEN a.answered_at IS NOT NULL THEN 1 ELSE 0 END, COUNT(*),
       SUM(CASE WHEN a.duration_seconds > 0 THEN 1 ELSE 0 END),
       SUM(CASE WHEN a.duration_seconds > 0 THEN a.duration_seconds ELSE 0 END),
       SUM(CASE WHEN a.duration_seconds > 0 THEN (a.duration_seconds + 59) / 60 ELSE 0 END)
FROM call_attempts a JOIN contacts c ON c.id = a.contact_id GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO dashboard_contact_facts (contact_id, campaign_id, first_hour, last_hour, facts)
SELECT c.id, MIN(a.campaign_id), dashboard_hour(MIN(a.claimed_at)), dashboard_hour(MAX(a.claimed_at)),
       CASE WHEN c.status = 'completed' THEN 1 ELSE 0 END
        + CASE WHEN EXISTS (SELECT 1 FROM answers an WHERE an.contact_id = c.id) THEN 2 ELSE 0 END
        + CASE WHEN c.status = 'opted_out' THEN 4 ELSE 0 END
        + 8 * MAX(CASE WHEN a.answered_at IS NOT NULL AND (a.answered_by IS NULL
                       OR (a.answered_by NOT LIKE 'machine%' AND a.answered_by <> 'fax')) THEN 1 ELSE 0 END)
        + 16 * MAX(CASE WHEN a.answered_by LIKE 'machine%' THEN 1 ELSE 0 END)
        + 32 * MAX(CASE WHEN a.answered_by = 'fax' THEN 1 ELSE 0 END)
        + CASE WHEN c.status = 'invalid' THEN 64 ELSE 0 END
        + 128 * MAX(CASE WHEN a.status IN ('failed', 'canceled') THEN 1 ELSE 0 END)
FROM call_attempts a JOIN contacts c ON c.id = a.contact_id GROUP BY c.id, c.status;
INSERT INTO dashboard_case_counts (campaign_id, first_hour, last_hour, facts, cases)
SELECT campaign_id, first_hour, last_hour, facts, COUNT(*) FROM dashboard_contact_facts GROUP BY 1, 2, 3, 4
$$;
SELECT dashboard_rebuild();
