-- SPDX-License-Identifier: GPL-3.0-or-later
-- The live monitor (issue 12).
-- Who ended a call from the monitor, as the audit log names them (headless actors have no users row), and when.
ALTER TABLE call_attempts ADD COLUMN hung_up_by_name TEXT;
ALTER TABLE call_attempts ADD COLUMN hung_up_at {{TS}};
-- The call's own clock runs this many times faster than the wall clock (a simulated carrier's --time-scale): the
-- monitor ticks its duration in the call's time. 1 for real carriers.
ALTER TABLE call_attempts ADD COLUMN time_scale REAL NOT NULL DEFAULT 1;
-- Recently ended calls stay on the monitor for a while: find them without scanning every attempt.
CREATE INDEX call_attempts_ended_idx ON call_attempts (ended_at);
