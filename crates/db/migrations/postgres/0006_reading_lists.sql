-- Reading lists: library documents staff ask participants to read before a module's labs or a
-- given session, in order, each with an optional note.

CREATE TABLE reading_list_items (
    id UUID PRIMARY KEY,
    module_id UUID REFERENCES modules(id),
    session_id UUID REFERENCES lab_sessions(id),
    document_id UUID NOT NULL REFERENCES library_documents(id),
    note TEXT NOT NULL,
    position BIGINT NOT NULL,
    added_by UUID REFERENCES users(id),
    added_at TIMESTAMPTZ NOT NULL,
    CHECK ((module_id IS NULL) <> (session_id IS NULL))
);
CREATE UNIQUE INDEX reading_list_module ON reading_list_items (module_id, document_id);
CREATE UNIQUE INDEX reading_list_session ON reading_list_items (session_id, document_id);
CREATE INDEX reading_list_document ON reading_list_items (document_id);
