-- Notifications as each person prefers. notification_preferences holds the choices a person
-- saved (a kind they never chose has its default, see domain::notifications). The in-app
-- notifications gain, for the kinds told by email through preferences (the community's): the
-- delivery chosen when each was made, the space it belongs to (digests group by it), the thread
-- (reading the thread reads it) and when it was emailed (at once, or gathered into a digest;
-- never when off). Notifications without a delivery are emailed by the feature that made them.
-- A person's unread count is kept in notification_unread, read with the session at no extra query.
-- community_mentions records whom each message mentions (so that an edit tells only the people
-- it adds). server_keys holds the server's secret keys (the one that signs unsubscribe links),
-- made on first use and shared by every instance.

CREATE TABLE notification_preferences (
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    delivery TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, kind)
);

ALTER TABLE notifications ADD COLUMN delivery TEXT;
ALTER TABLE notifications ADD COLUMN space_kind TEXT;
ALTER TABLE notifications ADD COLUMN space_id UUID;
ALTER TABLE notifications ADD COLUMN space_name TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN thread_id UUID;
ALTER TABLE notifications ADD COLUMN mailed_at TIMESTAMPTZ;
CREATE INDEX notifications_thread ON notifications (user_id, thread_id);
CREATE INDEX notifications_pending ON notifications (mailed_at, delivery);

CREATE TABLE community_mentions (
    post_id UUID NOT NULL REFERENCES community_posts(id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, user_id)
);

CREATE TABLE server_keys (
    name TEXT PRIMARY KEY,
    secret BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE notification_unread (
    user_id UUID PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    unread BIGINT NOT NULL
);
INSERT INTO notification_unread (user_id, unread)
    SELECT user_id, COUNT(*) FROM notifications WHERE read_at IS NULL GROUP BY user_id;
