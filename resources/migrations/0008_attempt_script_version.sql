-- SPDX-License-Identifier: GPL-3.0-or-later
-- A call keeps the script version it started with: the attempt records the campaign's version when it is created,
-- and every turn of the call reads that one, so editing a running campaign's script changes new calls only.
-- Attempts from before this migration have none and fall back to the campaign's current version.
ALTER TABLE call_attempts ADD COLUMN script_version_id BIGINT REFERENCES script_versions (id);
