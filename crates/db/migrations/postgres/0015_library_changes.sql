-- The library's change log: the documents whose catalogue entry (visibility, owner, group, year,
-- date of entry, search row, facets) changed, each with the number of its last change. The
-- database writes it itself, through the trigger below, so that no write path can forget it;
-- `db::library::Catalogue` reads what changed since it last looked and keeps its copy in step.
-- The numbers come from one row of `generations`, raised by each change and locked until its
-- transaction ends: a later change waits for that commit before it takes the next number, so a
-- number seen means every smaller number was committed before it (a sequence would not ensure
-- this: its numbers are taken out of commit order).
INSERT INTO generations (part, value) VALUES ('library-changes', 0) ON CONFLICT (part) DO NOTHING;

CREATE TABLE library_changes (
    document_id UUID PRIMARY KEY,
    seq BIGINT NOT NULL
);
CREATE INDEX library_changes_seq ON library_changes (seq);

CREATE FUNCTION library_document_changed() RETURNS trigger AS $$
DECLARE
    n BIGINT;
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes' RETURNING value INTO n;
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO library_changes (document_id, seq) VALUES (OLD.id, n)
            ON CONFLICT (document_id) DO UPDATE SET seq = excluded.seq;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO library_changes (document_id, seq) VALUES (NEW.id, n)
            ON CONFLICT (document_id) DO UPDATE SET seq = excluded.seq;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER library_documents_changed
AFTER INSERT OR DELETE OR UPDATE OF id, visibility, organisation_id, cohort_id, year, created_at, search_id, facets
ON library_documents
FOR EACH ROW EXECUTE FUNCTION library_document_changed();
