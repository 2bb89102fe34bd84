-- SPDX-License-Identifier: GPL-3.0-or-later
-- The dialer counts every number's calls over the last 30 days across all campaigns before each claim.
CREATE INDEX call_attempts_phone_claimed_idx ON call_attempts (phone_e164, claimed_at);
