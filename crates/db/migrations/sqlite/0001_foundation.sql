-- Foundation: accounts, grants, sessions, throttling, invitations, resets, organisations,
-- municipalities, programme structure, cohorts, audit log, job queue.

CREATE TABLE users (
    id BLOB PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    languages TEXT NOT NULL DEFAULT '',
    competences TEXT NOT NULL DEFAULT '[]',
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE grants (
    user_id BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    space_kind TEXT NOT NULL,
    space_id BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, role, space_kind, space_id)
);
CREATE INDEX grants_space ON grants (space_kind, space_id);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
    id BLOB PRIMARY KEY,
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    at TEXT NOT NULL,
    success INTEGER NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

CREATE TABLE organisations (
    id BLOB PRIMARY KEY,
    category TEXT NOT NULL,
    name TEXT NOT NULL,
    pa_kind TEXT,
    istat_code TEXT,
    ipa_code TEXT UNIQUE,
    tax_code TEXT UNIQUE,
    region_code TEXT,
    province_code TEXT,
    country TEXT NOT NULL,
    partner_type TEXT,
    actor_sector TEXT,
    actor_public INTEGER,
    website TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX organisations_name ON organisations (category, name);

CREATE TABLE invitations (
    id BLOB PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    organisation_id BLOB REFERENCES organisations(id),
    invited_by BLOB REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT,
    accepted_user_id BLOB REFERENCES users(id)
);

CREATE TABLE password_resets (
    id BLOB PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

CREATE TABLE municipalities (
    istat_code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    region_code TEXT NOT NULL,
    region_name TEXT NOT NULL,
    supra_code TEXT NOT NULL,
    supra_name TEXT NOT NULL,
    car_plate TEXT NOT NULL,
    cadastral_code TEXT NOT NULL,
    is_capital INTEGER NOT NULL,
    name_key TEXT NOT NULL
);
CREATE INDEX municipalities_name ON municipalities (name_key);

CREATE TABLE programmes (
    id BLOB PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    funding TEXT NOT NULL,
    partners TEXT NOT NULL,
    general_objective TEXT NOT NULL,
    system_actions TEXT NOT NULL,
    path TEXT NOT NULL,
    method TEXT NOT NULL,
    expected_results TEXT NOT NULL,
    transversal TEXT NOT NULL,
    contribution TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE phases (
    id BLOB PRIMARY KEY,
    programme_id BLOB NOT NULL REFERENCES programmes(id),
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    UNIQUE (programme_id, number)
);

CREATE TABLE strands (
    id BLOB PRIMARY KEY,
    programme_id BLOB NOT NULL REFERENCES programmes(id),
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (programme_id, code)
);

CREATE TABLE dimensions (
    id BLOB PRIMARY KEY,
    strand_id BLOB NOT NULL REFERENCES strands(id),
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    question TEXT NOT NULL,
    UNIQUE (strand_id, number)
);

CREATE TABLE modules (
    id BLOB PRIMARY KEY,
    strand_id BLOB NOT NULL REFERENCES strands(id),
    dimension_id BLOB REFERENCES dimensions(id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    days_min_tenths INTEGER NOT NULL,
    days_max_tenths INTEGER NOT NULL,
    delivery TEXT NOT NULL,
    products TEXT NOT NULL DEFAULT '[]',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX modules_strand ON modules (strand_id, position);

CREATE TABLE cohorts (
    id BLOB PRIMARY KEY,
    programme_id BLOB NOT NULL REFERENCES programmes(id),
    phase_id BLOB NOT NULL REFERENCES phases(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE cohort_members (
    cohort_id BLOB NOT NULL REFERENCES cohorts(id),
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (cohort_id, organisation_id)
);

CREATE TABLE cohort_strands (
    cohort_id BLOB NOT NULL REFERENCES cohorts(id),
    strand_id BLOB NOT NULL REFERENCES strands(id),
    PRIMARY KEY (cohort_id, strand_id)
);

CREATE TABLE audit_log (
    id BLOB PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id BLOB,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);

-- The job queue: work done after the request that asked for it (email, and later reminders,
-- text extraction, large exports). `key` groups jobs for limits such as "emails to one address".
CREATE TABLE jobs (
    id BLOB PRIMARY KEY,
    kind TEXT NOT NULL,
    key TEXT,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    run_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    done_at TEXT,
    last_error TEXT
);
CREATE INDEX jobs_due ON jobs (done_at, run_at);
CREATE INDEX jobs_key ON jobs (kind, key, created_at);
CREATE INDEX audit_log_action ON audit_log (action, at);
