-- Labs: dated sessions of a module for a cohort, with agenda, materials, registrations,
-- attendance by half-day, feedback and certificates.

ALTER TABLE modules ADD COLUMN objectives TEXT NOT NULL DEFAULT '';

CREATE TABLE lab_sessions (
    id UUID PRIMARY KEY,
    module_id UUID NOT NULL REFERENCES modules(id),
    cohort_id UUID NOT NULL REFERENCES cohorts(id),
    title TEXT NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    place TEXT NOT NULL,
    online_url TEXT NOT NULL,
    capacity BIGINT NOT NULL,
    registered BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    check_in_code TEXT NOT NULL,
    outcomes TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX lab_sessions_starts ON lab_sessions (starts_at);
CREATE INDEX lab_sessions_cohort ON lab_sessions (cohort_id, starts_at);
CREATE INDEX lab_sessions_module ON lab_sessions (module_id, starts_at);

CREATE TABLE agenda_items (
    id UUID PRIMARY KEY,
    session_id UUID NOT NULL REFERENCES lab_sessions(id),
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    title TEXT NOT NULL,
    speaker TEXT NOT NULL
);
CREATE INDEX agenda_items_session ON agenda_items (session_id, starts_at);

CREATE TABLE session_materials (
    id UUID PRIMARY KEY,
    session_id UUID NOT NULL REFERENCES lab_sessions(id),
    title TEXT NOT NULL,
    url TEXT,
    storage_key UUID,
    file_name TEXT,
    content_type TEXT,
    size BIGINT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX session_materials_session ON session_materials (session_id, created_at);

-- `invited` means staff asked this person to come; `registered` holds a seat.
CREATE TABLE registrations (
    session_id UUID NOT NULL REFERENCES lab_sessions(id),
    user_id UUID NOT NULL REFERENCES users(id),
    status TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX registrations_user ON registrations (user_id);

-- One row per participant and half-day (0 = morning, 1 = afternoon) that they attended.
CREATE TABLE attendance (
    session_id UUID NOT NULL REFERENCES lab_sessions(id),
    user_id UUID NOT NULL REFERENCES users(id),
    half_day BIGINT NOT NULL,
    source TEXT NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, user_id, half_day)
);
CREATE INDEX attendance_user ON attendance (user_id);

-- Who answered (to answer once) is kept apart from what was answered, so that an anonymous answer
-- cannot be traced back to its author.
CREATE TABLE feedback_given (
    session_id UUID NOT NULL REFERENCES lab_sessions(id),
    user_id UUID NOT NULL REFERENCES users(id),
    PRIMARY KEY (session_id, user_id)
);

CREATE TABLE feedback_answers (
    id UUID PRIMARY KEY,
    session_id UUID NOT NULL REFERENCES lab_sessions(id),
    user_id UUID REFERENCES users(id),
    ratings TEXT NOT NULL,
    went_well TEXT NOT NULL,
    to_improve TEXT NOT NULL,
    answered_on DATE NOT NULL
);
CREATE INDEX feedback_answers_session ON feedback_answers (session_id);

CREATE TABLE calendar_tokens (
    user_id UUID PRIMARY KEY REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE certificates (
    code TEXT PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users(id),
    issued_at TIMESTAMPTZ NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX certificates_user ON certificates (user_id, issued_at);
