-- SPDX-License-Identifier: GPL-3.0-or-later
-- The campaign editor: campaigns can be archived (hidden from the list, kept with their results), and say what to do
-- when an answering machine picks up ('hang_up', or 'leave_message' then hang up, with the message text).
ALTER TABLE campaigns ADD COLUMN archived_at {{TS}};
ALTER TABLE campaigns ADD COLUMN machine_action TEXT NOT NULL DEFAULT 'hang_up'
    CHECK (machine_action IN ('hang_up', 'leave_message'));
ALTER TABLE campaigns ADD COLUMN machine_message TEXT NOT NULL DEFAULT '';
