-- The territorial tables tied to the rest of Ponte: a library document can be scoped to one
-- table (seen by its secretariat, its representatives with an account, staff and tutors); a lab
-- session can be scheduled for one table (its representatives are invited); and each person
-- who sees a table can have a secret address of its meetings' calendar (stored as a hash, one per
-- person and table, replaced or revoked by its owner).

ALTER TABLE library_documents ADD COLUMN table_id UUID REFERENCES territorial_tables(id);
CREATE INDEX library_documents_table ON library_documents (table_id);

-- A document moved from one table to another changes who sees it: the catalogue must hear of it.
DROP TRIGGER library_documents_changed ON library_documents;
CREATE TRIGGER library_documents_changed
AFTER INSERT OR DELETE OR UPDATE OF id, visibility, organisation_id, cohort_id, table_id, year, created_at, search_id, facets, title, summary, language, extraction
ON library_documents
FOR EACH ROW EXECUTE FUNCTION library_document_changed();

ALTER TABLE lab_sessions ADD COLUMN table_id UUID REFERENCES territorial_tables(id);
CREATE INDEX lab_sessions_table ON lab_sessions (table_id, starts_at);

CREATE TABLE table_feed_tokens (
    table_id UUID NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (table_id, user_id)
);
