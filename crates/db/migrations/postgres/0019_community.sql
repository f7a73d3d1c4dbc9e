-- The community's discussions. A thread belongs to a space named by its kind (programme, strand,
-- cohort, administration, table) and the id of the record the space is derived from: who may
-- read and write a space is read from that record's data, never copied here. A thread's opening
-- message is its first post; an edited post keeps its earlier texts in community_revisions;
-- a hidden post keeps its text and the moderator's reason; community_reads holds, per person and
-- thread, the time of the last message they have seen (copied from last_post_at).

CREATE TABLE community_threads (
    id UUID PRIMARY KEY,
    space_kind TEXT NOT NULL,
    space_id UUID NOT NULL,
    title TEXT NOT NULL,
    author_id UUID NOT NULL REFERENCES users(id),
    pinned BOOLEAN NOT NULL,
    locked BOOLEAN NOT NULL,
    replies BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    last_post_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX community_threads_space ON community_threads (space_kind, space_id, pinned, last_post_at);

CREATE TABLE community_posts (
    id UUID PRIMARY KEY,
    thread_id UUID NOT NULL REFERENCES community_threads(id) ON DELETE CASCADE,
    author_id UUID NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    quote_id UUID REFERENCES community_posts(id),
    hidden_reason TEXT,
    hidden_by UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    edited_at TIMESTAMPTZ,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX community_posts_thread ON community_posts (thread_id, created_at);

CREATE TABLE community_revisions (
    id UUID PRIMARY KEY,
    post_id UUID NOT NULL REFERENCES community_posts(id) ON DELETE CASCADE,
    title TEXT,
    body TEXT NOT NULL,
    written_at TIMESTAMPTZ NOT NULL,
    replaced_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX community_revisions_post ON community_revisions (post_id, replaced_at);

CREATE TABLE community_reports (
    id UUID PRIMARY KEY,
    post_id UUID NOT NULL REFERENCES community_posts(id) ON DELETE CASCADE,
    reporter_id UUID NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    closed_at TIMESTAMPTZ,
    closed_by UUID REFERENCES users(id),
    UNIQUE (post_id, reporter_id)
);
CREATE INDEX community_reports_open ON community_reports (closed_at, created_at);

CREATE TABLE community_reads (
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    thread_id UUID NOT NULL REFERENCES community_threads(id) ON DELETE CASCADE,
    read_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, thread_id)
);

INSERT INTO generations (part, value) VALUES ('community', 1);
