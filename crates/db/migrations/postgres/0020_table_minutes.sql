-- Minutes of the territorial tables' held meetings: one set of minutes per meeting, drafted by
-- the secretariat, circulated with a comment deadline, amended (each amendment a revision whose
-- content, the sections with their decisions, is kept as JSON), approved once (who and when) and
-- published. Decisions also have rows of their own with a stable id, kept when an amendment
-- withdraws them (`current` false), so that what is created from a decision (commitments) can
-- point at it. Comments point at a section and at the revision they were made on.

CREATE TABLE table_minutes (
    id UUID PRIMARY KEY,
    table_id UUID NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    meeting_id UUID NOT NULL UNIQUE REFERENCES table_meetings(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    comment_deadline TIMESTAMPTZ,
    circulated_at TIMESTAMPTZ,
    circulated_by UUID REFERENCES users(id),
    approved_at TIMESTAMPTZ,
    approved_by UUID REFERENCES users(id),
    published_at TIMESTAMPTZ,
    published_by UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX table_minutes_table ON table_minutes (table_id, status);

CREATE TABLE table_minutes_revisions (
    minutes_id UUID NOT NULL REFERENCES table_minutes(id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    body TEXT NOT NULL,
    note TEXT NOT NULL,
    author UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (minutes_id, number)
);

CREATE TABLE table_minutes_decisions (
    id UUID PRIMARY KEY,
    minutes_id UUID NOT NULL REFERENCES table_minutes(id) ON DELETE CASCADE,
    meeting_id UUID NOT NULL REFERENCES table_meetings(id) ON DELETE CASCADE,
    table_id UUID NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    section_id UUID NOT NULL,
    position BIGINT NOT NULL,
    text TEXT NOT NULL,
    current BOOLEAN NOT NULL,
    first_revision BIGINT NOT NULL,
    last_revision BIGINT NOT NULL
);
CREATE INDEX table_minutes_decisions_minutes ON table_minutes_decisions (minutes_id, position);
CREATE INDEX table_minutes_decisions_table ON table_minutes_decisions (table_id, meeting_id);

CREATE TABLE table_minutes_comments (
    id UUID PRIMARY KEY,
    minutes_id UUID NOT NULL REFERENCES table_minutes(id) ON DELETE CASCADE,
    section_id UUID NOT NULL,
    revision BIGINT NOT NULL,
    author UUID NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX table_minutes_comments_minutes ON table_minutes_comments (minutes_id, created_at);
