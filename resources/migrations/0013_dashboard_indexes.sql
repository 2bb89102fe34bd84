-- SPDX-License-Identifier: GPL-3.0-or-later
-- The dashboard selects attempts by the time they were claimed (dialed), for one campaign or all.
CREATE INDEX call_attempts_campaign_claimed_idx ON call_attempts (campaign_id, claimed_at);
CREATE INDEX call_attempts_claimed_idx ON call_attempts (claimed_at);
