-- Territorial tables (strand B): a table of local actors around a lead administration, its
-- members with their roles and dates, the people who represent them (with an account or as a
-- contact), the secretariat the lead administration names, and the signatories of the
-- memorandum of understanding (a library document). Themes, countries and the territory are
-- short lists kept as JSON: a programme has tens of tables, filtered after one read.

CREATE TABLE territorial_tables (
    id BLOB PRIMARY KEY,
    name TEXT NOT NULL,
    lead_id BLOB NOT NULL REFERENCES organisations(id),
    region_code TEXT NOT NULL,
    territory TEXT NOT NULL,
    purpose TEXT NOT NULL,
    themes TEXT NOT NULL,
    countries TEXT NOT NULL,
    rules TEXT NOT NULL,
    public INTEGER NOT NULL,
    status TEXT NOT NULL,
    formed_on TEXT NOT NULL,
    constituted_on TEXT,
    active_since TEXT,
    dormant_since TEXT,
    memorandum_id BLOB REFERENCES library_documents(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX territorial_tables_lead ON territorial_tables (lead_id);

CREATE TABLE table_members (
    id BLOB PRIMARY KEY,
    table_id BLOB NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    role TEXT NOT NULL,
    joined_on TEXT NOT NULL,
    left_on TEXT
);
CREATE INDEX table_members_table ON table_members (table_id);
CREATE INDEX table_members_organisation ON table_members (organisation_id);

CREATE TABLE table_representatives (
    id BLOB PRIMARY KEY,
    table_id BLOB NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    user_id BLOB REFERENCES users(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (table_id, email)
);
CREATE INDEX table_representatives_user ON table_representatives (user_id);

CREATE TABLE table_secretariat (
    table_id BLOB NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    user_id BLOB NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (table_id, user_id)
);
CREATE INDEX table_secretariat_user ON table_secretariat (user_id);

CREATE TABLE table_signatories (
    table_id BLOB NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    signed_on TEXT NOT NULL,
    PRIMARY KEY (table_id, organisation_id)
);

INSERT INTO generations (part, value) VALUES ('tables', 1);
