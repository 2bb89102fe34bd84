-- SPDX-License-Identifier: GPL-3.0-or-later
-- Lease fencing. Every takeover raises the lease's generation; a claim checks holder and generation (and that the
-- lease is unexpired by the database's clock) inside its own transaction, so a holder that lost its lease can no
-- longer claim. A released lease keeps its row (released_at set) so the generation never starts over.
ALTER TABLE campaign_leases ADD COLUMN generation BIGINT NOT NULL DEFAULT 1;
ALTER TABLE campaign_leases ADD COLUMN released_at {{TS}};
-- Which lease claimed each attempt (dialer_id is the holder), and when by the database's clock: a standby measures
-- how long a claim without a call SID has been pending on that clock, never on a host's.
ALTER TABLE call_attempts ADD COLUMN lease_generation BIGINT;
ALTER TABLE call_attempts ADD COLUMN claimed_db_at {{TS}};
