-- SPDX-License-Identifier: GPL-3.0-or-later
-- SQLite: a new answer changes a contact's dashboard facts only when it is the contact's first ("has answers",
-- bit 2 of dashboard_contact_facts.facts); the other answers of a survey leave the summary as it is (0014).

DROP TRIGGER dashboard_answer_inserted;
CREATE TRIGGER dashboard_answer_inserted AFTER INSERT ON answers
WHEN NOT EXISTS (SELECT 1 FROM dashboard_contact_facts WHERE contact_id = NEW.contact_id AND (facts & 2) = 2) BEGIN
INSERT INTO dashboard_stale_contacts VALUES (NEW.contact_id)
; END;
