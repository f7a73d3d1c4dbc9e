-- The interregional network (strand C): each administration's relations with foreign partners
-- and its past cooperation experience, each shared with the network at a level the
-- administration chooses (private, programme, public); interregional groups of administrations
-- of different regions, their members with contact people and the relations members pool into
-- them; the groups' joint initiatives with every move of their state kept for the timeline.
-- Themes and countries are short lists kept as JSON, filtered after one read.

CREATE TABLE network_relations (
    id UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    partner_id UUID NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    country TEXT NOT NULL,
    start_year INTEGER NOT NULL,
    end_year INTEGER,
    themes TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    funding_programme TEXT NOT NULL,
    project_role TEXT,
    amount_cents BIGINT,
    notes TEXT NOT NULL,
    sharing TEXT NOT NULL,
    created_by UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX network_relations_organisation ON network_relations (organisation_id);
CREATE INDEX network_relations_country ON network_relations (country, sharing);
CREATE INDEX network_relations_partner ON network_relations (partner_id);

CREATE TABLE network_relation_documents (
    relation_id UUID NOT NULL REFERENCES network_relations(id) ON DELETE CASCADE,
    document_id UUID NOT NULL REFERENCES library_documents(id) ON DELETE CASCADE,
    PRIMARY KEY (relation_id, document_id)
);
CREATE INDEX network_relation_documents_document ON network_relation_documents (document_id);

CREATE TABLE network_experiences (
    id UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    title TEXT NOT NULL,
    start_year INTEGER NOT NULL,
    end_year INTEGER,
    countries TEXT NOT NULL,
    themes TEXT NOT NULL,
    partners TEXT NOT NULL,
    funding TEXT NOT NULL,
    budget_cents BIGINT,
    results TEXT NOT NULL,
    lessons TEXT NOT NULL,
    sharing TEXT NOT NULL,
    practice_id UUID REFERENCES library_documents(id) ON DELETE SET NULL,
    created_by UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX network_experiences_organisation ON network_experiences (organisation_id);

CREATE TABLE network_groups (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    purpose TEXT NOT NULL,
    countries TEXT NOT NULL,
    themes TEXT NOT NULL,
    status TEXT NOT NULL,
    formed_by UUID REFERENCES users(id),
    formed_on DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE network_group_members (
    group_id UUID NOT NULL REFERENCES network_groups(id) ON DELETE CASCADE,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    contact_name TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    joined_on DATE NOT NULL,
    PRIMARY KEY (group_id, organisation_id)
);
CREATE INDEX network_group_members_organisation ON network_group_members (organisation_id);

CREATE TABLE network_group_relations (
    group_id UUID NOT NULL REFERENCES network_groups(id) ON DELETE CASCADE,
    relation_id UUID NOT NULL REFERENCES network_relations(id) ON DELETE CASCADE,
    pooled_by UUID REFERENCES users(id),
    pooled_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, relation_id)
);
CREATE INDEX network_group_relations_relation ON network_group_relations (relation_id);

CREATE TABLE network_initiatives (
    id UUID PRIMARY KEY,
    group_id UUID NOT NULL REFERENCES network_groups(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    state TEXT NOT NULL,
    state_on DATE NOT NULL,
    lead_id UUID NOT NULL REFERENCES organisations(id),
    countries TEXT NOT NULL,
    call_name TEXT NOT NULL,
    call_deadline DATE,
    budget_cents BIGINT,
    created_by UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX network_initiatives_group ON network_initiatives (group_id);
CREATE INDEX network_initiatives_lead ON network_initiatives (lead_id);

CREATE TABLE network_initiative_partners (
    initiative_id UUID NOT NULL REFERENCES network_initiatives(id) ON DELETE CASCADE,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (initiative_id, organisation_id)
);
CREATE INDEX network_initiative_partners_organisation ON network_initiative_partners (organisation_id);

CREATE TABLE network_initiative_products (
    initiative_id UUID NOT NULL REFERENCES network_initiatives(id) ON DELETE CASCADE,
    product_id UUID NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, product_id)
);

CREATE TABLE network_initiative_events (
    id UUID PRIMARY KEY,
    initiative_id UUID NOT NULL REFERENCES network_initiatives(id) ON DELETE CASCADE,
    from_state TEXT,
    to_state TEXT NOT NULL,
    on_date DATE NOT NULL,
    reason TEXT NOT NULL,
    by_user UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX network_initiative_events_initiative ON network_initiative_events (initiative_id, on_date);

INSERT INTO generations (part, value) VALUES ('network', 1);
