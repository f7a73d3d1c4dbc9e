-- An interregional group's document space: a library document can be scoped to one group (seen
-- by the people of its member administrations, staff and tutors).

ALTER TABLE library_documents ADD COLUMN network_group_id BLOB REFERENCES network_groups(id);
CREATE INDEX library_documents_network_group ON library_documents (network_group_id);

-- A document moved from one group to another changes who sees it: the catalogue must hear of it.
DROP TRIGGER library_documents_changed;
CREATE TRIGGER library_documents_changed
AFTER UPDATE OF id, visibility, organisation_id, cohort_id, table_id, network_group_id, year, created_at, search_id, facets, title, summary, language, extraction ON library_documents
BEGIN
    UPDATE generations SET value = value + 1 WHERE part = 'library-changes';
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (OLD.id, (SELECT value FROM generations WHERE part = 'library-changes'));
    INSERT OR REPLACE INTO library_changes (document_id, seq)
        VALUES (NEW.id, (SELECT value FROM generations WHERE part = 'library-changes'));
END;
