-- Funding calls: the calls for proposals the administrations answer, with the rule pack their
-- budgets are checked against and the call's own limits. Eligible countries and the partner
-- minima by country group are short lists kept as JSON; amounts in euro cents.

CREATE TABLE funding_calls (
    id BLOB PRIMARY KEY,
    name TEXT NOT NULL,
    programme TEXT NOT NULL,
    pack TEXT NOT NULL,
    deadline TEXT,
    countries TEXT NOT NULL,
    eu_rate_max TEXT,
    grant_min INTEGER,
    grant_max INTEGER,
    months_min INTEGER,
    months_max INTEGER,
    partners_min INTEGER NOT NULL,
    countries_min INTEGER NOT NULL,
    per_country_max INTEGER,
    group_minima TEXT NOT NULL,
    cover_targets INTEGER NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX funding_calls_deadline ON funding_calls (deadline);
