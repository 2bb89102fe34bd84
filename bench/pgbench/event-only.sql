-- SPDX-License-Identifier: GPL-3.0-or-later
-- Only the event row of a status callback (its foreign key checked, duplicates skipped), no lock and no update of
-- the attempt: what an append-only store would cost before folding statuses into the attempts later.
\set k random(1, :attempts)
\set seq random(1, 1000000000)
INSERT INTO call_events (call_attempt_id, call_sid, sequence_number, call_status, payload, occurred_at, received_at) VALUES ((SELECT id FROM bench_ids WHERE k = (:k)::bigint), (SELECT sid FROM bench_ids WHERE k = (:k)::bigint), (:seq)::int, 'in-progress', '{"CallStatus": "in-progress"}', now(), now()) ON CONFLICT (call_sid, sequence_number) DO NOTHING;
