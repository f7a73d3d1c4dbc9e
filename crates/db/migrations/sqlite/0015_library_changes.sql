-- The library's change log: the documents whose catalogue entry (visibility, owner, group, year,
-- date of entry, search row, facets) changed, each with the number of its last change. The
-- database writes it itself, through the triggers below, so that no write path can forget it;
-- `db::library::Catalogue` reads what changed since it last looked and keeps its copy in step.
-- The numbers come from one row of `generations`, raised by each change: on SQLite one writer
-- at a time, so a number seen means every smaller number was committed before it.
INSERT INTO generations (part, value) VALUES ('library-changes', 0) ON CONFLICT (part) DO NOTHING;

CREATE TABLE library_changes (
    document_id BLOB PRIMARY KEY,
    seq INTEGER NOT NULL
);
CREATE INDEX library_changes_seq ON library_changes (seq);

CREATE TRIGGER library_documents_added AFTER INSERT ON library_documents
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes';
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (NEW.id, (SELECT value FROM generations WHERE part = 'library-changes'));
END;

CREATE TRIGGER library_documents_changed
AFTER UPDATE OF id, visibility, organisation_id, cohort_id, year, created_at, search_id, facets ON library_documents
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes';
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (OLD.id, (SELECT value FROM generations WHERE part = 'library-changes'));
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (NEW.id, (SELECT value FROM generations WHERE part = 'library-changes'));
END;

CREATE TRIGGER library_documents_removed AFTER DELETE ON library_documents
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes';
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (OLD.id, (SELECT value FROM generations WHERE part = 'library-changes'));
END;
