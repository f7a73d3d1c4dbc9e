-- An interregional group's document space: a library document can be scoped to one group (seen
-- by the people of its member administrations, staff and tutors).

ALTER TABLE library_documents ADD COLUMN network_group_id UUID REFERENCES network_groups(id);
CREATE INDEX library_documents_network_group ON library_documents (network_group_id);

-- A document moved from one group to another changes who sees it: the catalogue must hear of it.
DROP TRIGGER library_documents_changed ON library_documents;
CREATE TRIGGER library_documents_changed
AFTER INSERT OR DELETE OR UPDATE OF id, visibility, organisation_id, cohort_id, table_id, network_group_id, year, created_at, search_id, facets, title, summary, language, extraction
ON library_documents
FOR EACH ROW EXECUTE FUNCTION library_document_changed();
