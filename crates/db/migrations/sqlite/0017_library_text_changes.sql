-- The library's change log (0015) also records every change of what the full-text index is made
-- of: a document's title, summary, language and extraction state, its extracted text and its
-- good-practice record. The matches of a query's clauses kept between searches are brought up to
-- date from this log by checking again only the documents it names, so that a change of text no
-- write path logs itself would leave them stale. (The index, an FTS5 table, cannot have triggers:
-- the tables it is made from have them.)
DROP TRIGGER library_documents_changed;
CREATE TRIGGER library_documents_changed
AFTER UPDATE OF id, visibility, organisation_id, cohort_id, year, created_at, search_id, facets, title, summary, language, extraction ON library_documents
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes';
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (OLD.id, (SELECT value FROM generations WHERE part = 'library-changes'));
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (NEW.id, (SELECT value FROM generations WHERE part = 'library-changes'));
END;

CREATE TRIGGER library_texts_added AFTER INSERT ON library_texts
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes';
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (NEW.document_id, (SELECT value FROM generations WHERE part = 'library-changes'));
END;

CREATE TRIGGER library_texts_changed AFTER UPDATE ON library_texts
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes';
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (OLD.document_id, (SELECT value FROM generations WHERE part = 'library-changes'));
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (NEW.document_id, (SELECT value FROM generations WHERE part = 'library-changes'));
END;

CREATE TRIGGER library_texts_removed AFTER DELETE ON library_texts
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes';
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (OLD.document_id, (SELECT value FROM generations WHERE part = 'library-changes'));
END;

CREATE TRIGGER good_practices_added AFTER INSERT ON good_practices
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes';
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (NEW.document_id, (SELECT value FROM generations WHERE part = 'library-changes'));
END;

CREATE TRIGGER good_practices_changed AFTER UPDATE ON good_practices
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes';
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (OLD.document_id, (SELECT value FROM generations WHERE part = 'library-changes'));
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (NEW.document_id, (SELECT value FROM generations WHERE part = 'library-changes'));
END;

CREATE TRIGGER good_practices_removed AFTER DELETE ON good_practices
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes';
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (OLD.document_id, (SELECT value FROM generations WHERE part = 'library-changes'));
END;
