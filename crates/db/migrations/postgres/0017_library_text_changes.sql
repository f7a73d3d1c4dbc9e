-- The library's change log (0015) also records every change of what the full-text index is made
-- of: a document's title, summary, language and extraction state, its extracted text and its
-- good-practice record. The matches of a query's clauses kept between searches are brought up to
-- date from this log by checking again only the documents it names, so that a change of text no
-- write path logs itself would leave them stale. The numbering is that of 0015 (one row of
-- `generations`, locked until commit).
DROP TRIGGER library_documents_changed ON library_documents;
CREATE TRIGGER library_documents_changed
AFTER INSERT OR DELETE OR UPDATE OF id, visibility, organisation_id, cohort_id, year, created_at, search_id, facets, title, summary, language, extraction
ON library_documents
FOR EACH ROW EXECUTE FUNCTION library_document_changed();

-- The same for the tables keyed by `document_id`.
CREATE FUNCTION library_part_changed() RETURNS trigger AS $$
DECLARE
    n BIGINT;
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes' RETURNING value INTO n;
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO library_changes (document_id, seq) VALUES (OLD.document_id, n)
            ON CONFLICT (document_id) DO UPDATE SET seq = excluded.seq;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO library_changes (document_id, seq) VALUES (NEW.document_id, n)
            ON CONFLICT (document_id) DO UPDATE SET seq = excluded.seq;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER library_texts_changed
AFTER INSERT OR DELETE OR UPDATE ON library_texts
FOR EACH ROW EXECUTE FUNCTION library_part_changed();

CREATE TRIGGER good_practices_changed
AFTER INSERT OR DELETE OR UPDATE ON good_practices
FOR EACH ROW EXECUTE FUNCTION library_part_changed();
