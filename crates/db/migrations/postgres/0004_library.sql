-- Library: documents with metadata, themes (programme macro-areas and OECD DAC sectors), places,
-- extracted text, and the full-text index of stemmed text (tsvector on the 'simple'
-- configuration: the words arrive already folded and stemmed, see domain::library::text).

CREATE TABLE macro_areas (
    code TEXT PRIMARY KEY,
    name_it TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    position BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE sectors (
    code TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT
);

CREATE TABLE library_documents (
    id UUID PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    kind TEXT NOT NULL,
    language TEXT NOT NULL,
    year INTEGER,
    source TEXT,
    licence TEXT,
    url TEXT,
    storage_key UUID,
    file_name TEXT,
    content_type TEXT,
    size BIGINT,
    visibility TEXT NOT NULL,
    organisation_id UUID REFERENCES organisations(id),
    cohort_id UUID REFERENCES cohorts(id),
    strand_id UUID REFERENCES strands(id),
    module_id UUID REFERENCES modules(id),
    session_id UUID REFERENCES lab_sessions(id),
    extraction TEXT NOT NULL,
    extraction_error TEXT,
    created_by UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    search_id BIGINT,
    -- Type, year, language, themes and places in one short text (domain::library::facet_key).
    facets TEXT NOT NULL DEFAULT ''
);
-- What a search reads to count its facets: the visibility columns and the facets, nothing else.
CREATE INDEX library_documents_facets ON library_documents (visibility, organisation_id, cohort_id, search_id, facets);
CREATE INDEX library_documents_recent ON library_documents (year, created_at);
CREATE INDEX library_documents_module ON library_documents (module_id);
CREATE INDEX library_documents_session ON library_documents (session_id);
CREATE UNIQUE INDEX library_documents_search_id ON library_documents (search_id);

-- The extracted text, apart from the metadata so that scanning documents never reads it.
CREATE TABLE library_texts (
    document_id UUID PRIMARY KEY REFERENCES library_documents(id),
    body TEXT NOT NULL
);

CREATE TABLE library_document_themes (
    document_id UUID NOT NULL REFERENCES library_documents(id),
    theme TEXT NOT NULL,
    PRIMARY KEY (document_id, theme)
);
CREATE INDEX library_document_themes_theme ON library_document_themes (theme, document_id);

CREATE TABLE library_document_places (
    document_id UUID NOT NULL REFERENCES library_documents(id),
    place TEXT NOT NULL,
    PRIMARY KEY (document_id, place)
);
CREATE INDEX library_document_places_place ON library_document_places (place, document_id);

CREATE TABLE library_search (
    rowid BIGINT PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    search tsvector GENERATED ALWAYS AS
        (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) STORED
);
CREATE INDEX library_search_gin ON library_search USING GIN (search);

-- Bumped by every change to what searches find; cached search results carry the generation
-- they were computed at.
CREATE TABLE library_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO library_state (id, generation) VALUES (1, 0);
