-- SPDX-License-Identifier: GPL-3.0-or-later
-- Webhook handling: where each call stands in its script, and which status callback set the current status
-- (callbacks may arrive out of order; the highest sequence number wins and a terminal status is final).
ALTER TABLE call_attempts ADD COLUMN dialogue_state {{JSON}};
ALTER TABLE call_attempts ADD COLUMN status_sequence INTEGER NOT NULL DEFAULT -1;
ALTER TABLE call_attempts ADD COLUMN sip_response_code INTEGER;
