-- Strand C's labs: a lab session can be scheduled for one interregional group (the contact
-- people of its member administrations are invited, and the people of those administrations may
-- register).

ALTER TABLE lab_sessions ADD COLUMN group_id BLOB REFERENCES network_groups(id);
CREATE INDEX lab_sessions_group ON lab_sessions (group_id, starts_at);
