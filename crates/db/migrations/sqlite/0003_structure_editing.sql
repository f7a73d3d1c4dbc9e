-- Staff edit the programme structure: every editable record carries a version, so that a stale
-- save is refused instead of overwriting someone else's change.

ALTER TABLE phases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE strands ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE dimensions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE cohorts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
