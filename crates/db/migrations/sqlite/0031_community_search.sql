-- The discussions' search and attachments. Each message has a row of stemmed terms in
-- community_search (its thread's title with the opening message), written by the application in
-- the message's own transaction as the library's rows are; community_post_documents holds the
-- library documents a message attaches, in the order given.

ALTER TABLE community_posts ADD COLUMN search_id BIGINT;
CREATE UNIQUE INDEX community_posts_search_id ON community_posts (search_id);
CREATE VIRTUAL TABLE community_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0');

CREATE TABLE community_post_documents (
    post_id BLOB NOT NULL REFERENCES community_posts(id),
    document_id BLOB NOT NULL REFERENCES library_documents(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (post_id, document_id)
);
CREATE INDEX community_post_documents_document ON community_post_documents (document_id);

-- The discussions' forms offer the writer's own recent documents.
CREATE INDEX library_documents_author ON library_documents (created_by, created_at);
