-- One certificate per person and season (the programme a person takes part in): every download
-- carries the same verification code, and the statement is brought up to date when more
-- attendance counts. Certificates issued before keep their codes and verify as they were (they
-- have no season).
ALTER TABLE certificates ADD COLUMN season TEXT;
CREATE UNIQUE INDEX certificates_season ON certificates (user_id, season);
