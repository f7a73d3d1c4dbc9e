-- The community's discussions. A thread belongs to a space named by its kind (programme, strand,
-- cohort, administration, table) and the id of the record the space is derived from: who may
-- read and write a space is read from that record's data, never copied here. A thread's opening
-- message is its first post; an edited post keeps its earlier texts in community_revisions;
-- a hidden post keeps its text and the moderator's reason; community_reads holds, per person and
-- thread, the time of the last message they have seen (copied from last_post_at).

CREATE TABLE community_threads (
    id BLOB PRIMARY KEY,
    space_kind TEXT NOT NULL,
    space_id BLOB NOT NULL,
    title TEXT NOT NULL,
    author_id BLOB NOT NULL REFERENCES users(id),
    pinned INTEGER NOT NULL,
    locked INTEGER NOT NULL,
    replies INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    last_post_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX community_threads_space ON community_threads (space_kind, space_id, pinned, last_post_at);

CREATE TABLE community_posts (
    id BLOB PRIMARY KEY,
    thread_id BLOB NOT NULL REFERENCES community_threads(id) ON DELETE CASCADE,
    author_id BLOB NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    quote_id BLOB REFERENCES community_posts(id),
    hidden_reason TEXT,
    hidden_by BLOB REFERENCES users(id),
    created_at TEXT NOT NULL,
    edited_at TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX community_posts_thread ON community_posts (thread_id, created_at);

CREATE TABLE community_revisions (
    id BLOB PRIMARY KEY,
    post_id BLOB NOT NULL REFERENCES community_posts(id) ON DELETE CASCADE,
    title TEXT,
    body TEXT NOT NULL,
    written_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE INDEX community_revisions_post ON community_revisions (post_id, replaced_at);

CREATE TABLE community_reports (
    id BLOB PRIMARY KEY,
    post_id BLOB NOT NULL REFERENCES community_posts(id) ON DELETE CASCADE,
    reporter_id BLOB NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    closed_at TEXT,
    closed_by BLOB REFERENCES users(id),
    UNIQUE (post_id, reporter_id)
);
CREATE INDEX community_reports_open ON community_reports (closed_at, created_at);

CREATE TABLE community_reads (
    user_id BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    thread_id BLOB NOT NULL REFERENCES community_threads(id) ON DELETE CASCADE,
    read_at TEXT NOT NULL,
    PRIMARY KEY (user_id, thread_id)
);

INSERT INTO generations (part, value) VALUES ('community', 1);
