-- Results and the do-not-call pane (issue 11).
-- Who added a do-not-call entry, as the audit log names them: headless actors ("os:alice", "pg:bob") have no users
-- row, and an in-call opt-out has no person at all (empty).
ALTER TABLE suppression_list ADD COLUMN created_by_name TEXT NOT NULL DEFAULT '';
CREATE INDEX suppression_list_source_idx ON suppression_list (source, id);

-- The results pane pages through a campaign's contacts by id (keyset: WHERE campaign_id = ? AND id > ? ORDER BY id
-- LIMIT n); the unique (campaign_id, phone_e164) index cannot give that order.
CREATE INDEX contacts_campaign_id_idx ON contacts (campaign_id, id);
-- Answers of a page of contacts, newest last, in one range scan.
CREATE INDEX answers_contact_answered_idx ON answers (contact_id, answered_at);
