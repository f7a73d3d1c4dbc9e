-- Territorial tables (strand B): a table of local actors around a lead administration, its
-- members with their roles and dates, the people who represent them (with an account or as a
-- contact), the secretariat the lead administration names, and the signatories of the
-- memorandum of understanding (a library document). Themes, countries and the territory are
-- short lists kept as JSON: a programme has tens of tables, filtered after one read.

CREATE TABLE territorial_tables (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    lead_id UUID NOT NULL REFERENCES organisations(id),
    region_code TEXT NOT NULL,
    territory TEXT NOT NULL,
    purpose TEXT NOT NULL,
    themes TEXT NOT NULL,
    countries TEXT NOT NULL,
    rules TEXT NOT NULL,
    public BOOLEAN NOT NULL,
    status TEXT NOT NULL,
    formed_on DATE NOT NULL,
    constituted_on DATE,
    active_since DATE,
    dormant_since DATE,
    memorandum_id UUID REFERENCES library_documents(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX territorial_tables_lead ON territorial_tables (lead_id);

CREATE TABLE table_members (
    id UUID PRIMARY KEY,
    table_id UUID NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    role TEXT NOT NULL,
    joined_on DATE NOT NULL,
    left_on DATE
);
CREATE INDEX table_members_table ON table_members (table_id);
CREATE INDEX table_members_organisation ON table_members (organisation_id);

CREATE TABLE table_representatives (
    id UUID PRIMARY KEY,
    table_id UUID NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    user_id UUID REFERENCES users(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (table_id, email)
);
CREATE INDEX table_representatives_user ON table_representatives (user_id);

CREATE TABLE table_secretariat (
    table_id UUID NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (table_id, user_id)
);
CREATE INDEX table_secretariat_user ON table_secretariat (user_id);

CREATE TABLE table_signatories (
    table_id UUID NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    signed_on DATE NOT NULL,
    PRIMARY KEY (table_id, organisation_id)
);

INSERT INTO generations (part, value) VALUES ('tables', 1);
