-- Funding calls: the calls for proposals the administrations answer, with the rule pack their
-- budgets are checked against and the call's own limits. Eligible countries and the partner
-- minima by country group are short lists kept as JSON; amounts in euro cents.

CREATE TABLE funding_calls (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    programme TEXT NOT NULL,
    pack TEXT NOT NULL,
    deadline DATE,
    countries TEXT NOT NULL,
    eu_rate_max TEXT,
    grant_min BIGINT,
    grant_max BIGINT,
    months_min BIGINT,
    months_max BIGINT,
    partners_min BIGINT NOT NULL,
    countries_min BIGINT NOT NULL,
    per_country_max BIGINT,
    group_minima TEXT NOT NULL,
    cover_targets BOOLEAN NOT NULL,
    source TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX funding_calls_deadline ON funding_calls (deadline);
