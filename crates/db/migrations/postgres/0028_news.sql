-- News and events. A news item has one text per language it is written in (news_texts) and may
-- carry an image, stored under image_key with its content type and description; events are
-- dated (UTC instants) with a place or a link.
CREATE TABLE news_items (
    id UUID PRIMARY KEY,
    author_id UUID REFERENCES users(id) ON DELETE SET NULL,
    image_key UUID,
    image_type TEXT,
    image_alt TEXT,
    published_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX news_items_published ON news_items (published_at);

CREATE TABLE news_texts (
    news_id UUID NOT NULL REFERENCES news_items(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (news_id, language)
);

CREATE TABLE events (
    id UUID PRIMARY KEY,
    author_id UUID REFERENCES users(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    place TEXT NOT NULL,
    url TEXT NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX events_starts ON events (starts_at);
