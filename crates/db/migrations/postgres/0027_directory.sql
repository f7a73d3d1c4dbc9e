-- The community's directory. A person has a row only once they have saved their choice (so
-- nothing shows before they have seen it); `listed` says whether they chose to appear. Their
-- role (job title) and the countries and themes of their experience (codes separated by spaces)
-- are kept here; their languages and competences are those of their profile (users). Each
-- reach_* column says how far one field is seen: 'programme', 'administration' or 'nobody'.
CREATE TABLE directory_entries (
    user_id UUID PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    listed BOOLEAN NOT NULL,
    role TEXT,
    countries TEXT NOT NULL DEFAULT '',
    themes TEXT NOT NULL DEFAULT '',
    reach_administration TEXT NOT NULL,
    reach_role TEXT NOT NULL,
    reach_languages TEXT NOT NULL,
    reach_competences TEXT NOT NULL,
    reach_countries TEXT NOT NULL,
    reach_themes TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX directory_entries_listed ON directory_entries (listed);
