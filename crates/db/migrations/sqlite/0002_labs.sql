-- Labs: dated sessions of a module for a cohort, with agenda, materials, registrations,
-- attendance by half-day, feedback and certificates.

ALTER TABLE modules ADD COLUMN objectives TEXT NOT NULL DEFAULT '';

CREATE TABLE lab_sessions (
    id BLOB PRIMARY KEY,
    module_id BLOB NOT NULL REFERENCES modules(id),
    cohort_id BLOB NOT NULL REFERENCES cohorts(id),
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place TEXT NOT NULL,
    online_url TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    registered INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    check_in_code TEXT NOT NULL,
    outcomes TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE INDEX lab_sessions_starts ON lab_sessions (starts_at);
CREATE INDEX lab_sessions_cohort ON lab_sessions (cohort_id, starts_at);
CREATE INDEX lab_sessions_module ON lab_sessions (module_id, starts_at);

CREATE TABLE agenda_items (
    id BLOB PRIMARY KEY,
    session_id BLOB NOT NULL REFERENCES lab_sessions(id),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    title TEXT NOT NULL,
    speaker TEXT NOT NULL
);
CREATE INDEX agenda_items_session ON agenda_items (session_id, starts_at);

CREATE TABLE session_materials (
    id BLOB PRIMARY KEY,
    session_id BLOB NOT NULL REFERENCES lab_sessions(id),
    title TEXT NOT NULL,
    url TEXT,
    storage_key BLOB,
    file_name TEXT,
    content_type TEXT,
    size INTEGER,
    created_at TEXT NOT NULL
);
CREATE INDEX session_materials_session ON session_materials (session_id, created_at);

-- `invited` means staff asked this person to come; `registered` holds a seat.
CREATE TABLE registrations (
    session_id BLOB NOT NULL REFERENCES lab_sessions(id),
    user_id BLOB NOT NULL REFERENCES users(id),
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX registrations_user ON registrations (user_id);

-- One row per participant and half-day (0 = morning, 1 = afternoon) that they attended.
CREATE TABLE attendance (
    session_id BLOB NOT NULL REFERENCES lab_sessions(id),
    user_id BLOB NOT NULL REFERENCES users(id),
    half_day INTEGER NOT NULL,
    source TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (session_id, user_id, half_day)
);
CREATE INDEX attendance_user ON attendance (user_id);

-- Who answered (to answer once) is kept apart from what was answered, so that an anonymous answer
-- cannot be traced back to its author.
CREATE TABLE feedback_given (
    session_id BLOB NOT NULL REFERENCES lab_sessions(id),
    user_id BLOB NOT NULL REFERENCES users(id),
    PRIMARY KEY (session_id, user_id)
);

CREATE TABLE feedback_answers (
    id BLOB PRIMARY KEY,
    session_id BLOB NOT NULL REFERENCES lab_sessions(id),
    user_id BLOB REFERENCES users(id),
    ratings TEXT NOT NULL,
    went_well TEXT NOT NULL,
    to_improve TEXT NOT NULL,
    answered_on TEXT NOT NULL
);
CREATE INDEX feedback_answers_session ON feedback_answers (session_id);

CREATE TABLE calendar_tokens (
    user_id BLOB PRIMARY KEY REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE certificates (
    code TEXT PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users(id),
    issued_at TEXT NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX certificates_user ON certificates (user_id, issued_at);
