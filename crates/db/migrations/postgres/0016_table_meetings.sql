-- Meetings of the territorial tables: convened by the secretariat (times in UTC, entered in
-- Rome), with a place or an online link, the agenda (items with their presenter) and the library
-- documents to read kept as short JSON lists, a status (convened, held, cancelled with a reason)
-- and the SEQUENCE of the iCalendar invitation, raised on each change sent. Attendance is one row
-- per organisation of the table.

CREATE TABLE table_meetings (
    id UUID PRIMARY KEY,
    table_id UUID NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    place TEXT NOT NULL,
    online_url TEXT NOT NULL,
    agenda TEXT NOT NULL,
    documents TEXT NOT NULL,
    status TEXT NOT NULL,
    cancel_reason TEXT NOT NULL DEFAULT '',
    sequence BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX table_meetings_table ON table_meetings (table_id, starts_at);

CREATE TABLE table_attendance (
    meeting_id UUID NOT NULL REFERENCES table_meetings(id) ON DELETE CASCADE,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    presence TEXT NOT NULL,
    person TEXT NOT NULL,
    delegate TEXT NOT NULL,
    PRIMARY KEY (meeting_id, organisation_id)
);
