-- Minutes of the territorial tables' held meetings: one set of minutes per meeting, drafted by
-- the secretariat, circulated with a comment deadline, amended (each amendment a revision whose
-- content, the sections with their decisions, is kept as JSON), approved once (who and when) and
-- published. Decisions also have rows of their own with a stable id, kept when an amendment
-- withdraws them (`current` false), so that what is created from a decision (commitments) can
-- point at it. Comments point at a section and at the revision they were made on.

CREATE TABLE table_minutes (
    id BLOB PRIMARY KEY,
    table_id BLOB NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    meeting_id BLOB NOT NULL UNIQUE REFERENCES table_meetings(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    revision INTEGER NOT NULL,
    comment_deadline TEXT,
    circulated_at TEXT,
    circulated_by BLOB REFERENCES users(id),
    approved_at TEXT,
    approved_by BLOB REFERENCES users(id),
    published_at TEXT,
    published_by BLOB REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX table_minutes_table ON table_minutes (table_id, status);

CREATE TABLE table_minutes_revisions (
    minutes_id BLOB NOT NULL REFERENCES table_minutes(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    body TEXT NOT NULL,
    note TEXT NOT NULL,
    author BLOB REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (minutes_id, number)
);

CREATE TABLE table_minutes_decisions (
    id BLOB PRIMARY KEY,
    minutes_id BLOB NOT NULL REFERENCES table_minutes(id) ON DELETE CASCADE,
    meeting_id BLOB NOT NULL REFERENCES table_meetings(id) ON DELETE CASCADE,
    table_id BLOB NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    section_id BLOB NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    current INTEGER NOT NULL,
    first_revision INTEGER NOT NULL,
    last_revision INTEGER NOT NULL
);
CREATE INDEX table_minutes_decisions_minutes ON table_minutes_decisions (minutes_id, position);
CREATE INDEX table_minutes_decisions_table ON table_minutes_decisions (table_id, meeting_id);

CREATE TABLE table_minutes_comments (
    id BLOB PRIMARY KEY,
    minutes_id BLOB NOT NULL REFERENCES table_minutes(id) ON DELETE CASCADE,
    section_id BLOB NOT NULL,
    revision INTEGER NOT NULL,
    author BLOB NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX table_minutes_comments_minutes ON table_minutes_comments (minutes_id, created_at);
