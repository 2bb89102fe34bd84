-- SPDX-License-Identifier: GPL-3.0-or-later
-- Summary tables the dashboard reads instead of every call attempt (DashboardRepository), kept current by triggers
-- on call_attempts, contacts and answers in the same transaction as the write (0014_*.postgres.sql, *.sqlite.sql).
-- Hours are UTC hours of claimed_at, so any period whose ends fall on whole hours is a range of rows.

-- Attempts per campaign, UTC hour, the contact's time zone, status, answering machine and answered.
CREATE TABLE dashboard_attempt_hours (
    campaign_id BIGINT NOT NULL,
    utc_hour {{TS}} NOT NULL,
    time_zone TEXT NOT NULL,
    status TEXT NOT NULL,
    machine INTEGER NOT NULL,
    answered INTEGER NOT NULL,
    attempts BIGINT NOT NULL,
    connected BIGINT NOT NULL,         -- attempts with duration_seconds > 0
    connected_seconds BIGINT NOT NULL, -- their seconds
    billable_minutes BIGINT NOT NULL,  -- their seconds rounded up to whole minutes
    PRIMARY KEY (campaign_id, utc_hour, time_zone, status, machine, answered)
);
CREATE INDEX dashboard_attempt_hours_hour_idx ON dashboard_attempt_hours (utc_hour);

-- Each contact's AAPOR case facts over all its attempts, as the bit mask of DashboardRepository's kFacts, with the
-- UTC hours of its first and last attempt: a contact whose attempts all fall in a period has these facts there.
CREATE TABLE dashboard_contact_facts (
    contact_id BIGINT PRIMARY KEY,
    campaign_id BIGINT NOT NULL,
    first_hour {{TS}} NOT NULL,
    last_hour {{TS}} NOT NULL,
    facts INTEGER NOT NULL
);
CREATE INDEX dashboard_contact_facts_first_idx ON dashboard_contact_facts (first_hour, last_hour);
CREATE INDEX dashboard_contact_facts_last_idx ON dashboard_contact_facts (last_hour, first_hour);

-- dashboard_contact_facts counted per campaign, first and last hour and facts: what the dashboard sums.
CREATE TABLE dashboard_case_counts (
    campaign_id BIGINT NOT NULL,
    first_hour {{TS}} NOT NULL,
    last_hour {{TS}} NOT NULL,
    facts INTEGER NOT NULL,
    cases BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, first_hour, last_hour, facts)
);
CREATE INDEX dashboard_case_counts_first_idx ON dashboard_case_counts (first_hour, last_hour);
CREATE INDEX dashboard_case_counts_last_idx ON dashboard_case_counts (last_hour, first_hour);
