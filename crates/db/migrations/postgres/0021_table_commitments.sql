-- Commitments (impegni) of the territorial tables: what a member organisation owes, through one of
-- its representatives, by a due date not before the meeting that decided it; its state (open, in
-- progress, done, dropped with a reason) and its evidence (a library document or a web link).
-- `decision_id` names the decision of the meeting's minutes that created it, when there is one
-- (its stable id, kept when an amendment withdraws it). Every change is one row of
-- the history: who, when, the fields changed (a JSON list of field, before, after) and a note.
-- Reminders and weekly digests sent are recorded so that each goes out once: a reminder per
-- commitment and due date, a digest per address and week.

CREATE TABLE table_commitments (
    id UUID PRIMARY KEY,
    table_id UUID NOT NULL REFERENCES territorial_tables(id) ON DELETE CASCADE,
    meeting_id UUID NOT NULL REFERENCES table_meetings(id) ON DELETE CASCADE,
    decision_id UUID REFERENCES table_minutes_decisions(id) ON DELETE SET NULL,
    what TEXT NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    representative_id UUID NOT NULL REFERENCES table_representatives(id),
    due_on DATE NOT NULL,
    status TEXT NOT NULL,
    drop_reason TEXT NOT NULL DEFAULT '',
    evidence_document UUID REFERENCES library_documents(id) ON DELETE SET NULL,
    evidence_url TEXT NOT NULL DEFAULT '',
    closed_on DATE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX table_commitments_table ON table_commitments (table_id, due_on);
CREATE INDEX table_commitments_open ON table_commitments (status, due_on);
CREATE INDEX table_commitments_representative ON table_commitments (representative_id);

CREATE TABLE table_commitment_updates (
    id UUID PRIMARY KEY,
    commitment_id UUID NOT NULL REFERENCES table_commitments(id) ON DELETE CASCADE,
    at TIMESTAMPTZ NOT NULL,
    actor_id UUID REFERENCES users(id),
    changes TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX table_commitment_updates_commitment ON table_commitment_updates (commitment_id, at);

CREATE TABLE table_commitment_reminders (
    commitment_id UUID NOT NULL REFERENCES table_commitments(id) ON DELETE CASCADE,
    due_on DATE NOT NULL,
    email TEXT NOT NULL,
    sent_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (commitment_id, due_on)
);

CREATE TABLE table_commitment_digests (
    email TEXT NOT NULL,
    week_of DATE NOT NULL,
    sent_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (email, week_of)
);
