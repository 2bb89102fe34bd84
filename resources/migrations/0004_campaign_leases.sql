-- SPDX-License-Identifier: GPL-3.0-or-later
-- Exactly one dialer drives a campaign at a time: the holder renews heartbeat_at; a lease not renewed for 15 s
-- may be taken over by another console or headless dialer.
CREATE TABLE campaign_leases (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    holder TEXT NOT NULL,
    holder_label TEXT NOT NULL,
    acquired_at {{TS}} NOT NULL,
    heartbeat_at {{TS}} NOT NULL
);
