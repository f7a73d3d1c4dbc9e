-- Library: documents with metadata, themes (programme macro-areas and OECD DAC sectors), places,
-- extracted text, and the full-text index of stemmed text (FTS5).

CREATE TABLE macro_areas (
    code TEXT PRIMARY KEY,
    name_it TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    position INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sectors (
    code TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    active INTEGER NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT
);

CREATE TABLE library_documents (
    id BLOB PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    kind TEXT NOT NULL,
    language TEXT NOT NULL,
    year INTEGER,
    source TEXT,
    licence TEXT,
    url TEXT,
    storage_key BLOB,
    file_name TEXT,
    content_type TEXT,
    size INTEGER,
    visibility TEXT NOT NULL,
    organisation_id BLOB REFERENCES organisations(id),
    cohort_id BLOB REFERENCES cohorts(id),
    strand_id BLOB REFERENCES strands(id),
    module_id BLOB REFERENCES modules(id),
    session_id BLOB REFERENCES lab_sessions(id),
    extraction TEXT NOT NULL,
    extraction_error TEXT,
    created_by BLOB REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    search_id INTEGER,
    -- Type, year, language, themes and places in one short text (domain::library::facet_key).
    facets TEXT NOT NULL DEFAULT ''
);
-- What a search reads to count its facets: the visibility columns and the facets, nothing else.
CREATE INDEX library_documents_facets ON library_documents (visibility, organisation_id, cohort_id, search_id, facets);
CREATE UNIQUE INDEX library_documents_search_id ON library_documents (search_id);
CREATE INDEX library_documents_recent ON library_documents (year, created_at);
CREATE INDEX library_documents_module ON library_documents (module_id);
CREATE INDEX library_documents_session ON library_documents (session_id);

-- The extracted text, apart from the metadata so that scanning documents never reads it.
CREATE TABLE library_texts (
    document_id BLOB PRIMARY KEY REFERENCES library_documents(id),
    body TEXT NOT NULL
);

CREATE TABLE library_document_themes (
    document_id BLOB NOT NULL REFERENCES library_documents(id),
    theme TEXT NOT NULL,
    PRIMARY KEY (document_id, theme)
);
CREATE INDEX library_document_themes_theme ON library_document_themes (theme, document_id);

CREATE TABLE library_document_places (
    document_id BLOB NOT NULL REFERENCES library_documents(id),
    place TEXT NOT NULL,
    PRIMARY KEY (document_id, place)
);
CREATE INDEX library_document_places_place ON library_document_places (place, document_id);

-- Stemmed title and text (see domain::library::text); the rowid is the document's `search_id`.
CREATE VIRTUAL TABLE library_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0');

-- Bumped by every change to what searches find; cached search results carry the generation
-- they were computed at.
CREATE TABLE library_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO library_state (id, generation) VALUES (1, 0);
