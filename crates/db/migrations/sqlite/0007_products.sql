-- Products: deliverables an administration drafts with its tutor. The current draft lives in
-- `products` (with a version counter against lost updates); marked versions are immutable copies
-- in `product_versions`; comments point at a version number (0: the draft) and an element.

CREATE TABLE products (
    id BLOB PRIMARY KEY,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    state TEXT NOT NULL,
    content TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    due_on TEXT,
    session_id BLOB REFERENCES lab_sessions(id),
    created_by BLOB REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_by BLOB REFERENCES users(id),
    updated_at TEXT NOT NULL,
    state_by BLOB REFERENCES users(id),
    state_at TEXT
);
CREATE INDEX products_organisation ON products (organisation_id, updated_at);
CREATE INDEX products_state ON products (state, organisation_id);

CREATE TABLE product_contributors (
    product_id BLOB NOT NULL REFERENCES products(id),
    user_id BLOB NOT NULL REFERENCES users(id),
    PRIMARY KEY (product_id, user_id)
);

CREATE TABLE product_versions (
    id BLOB PRIMARY KEY,
    product_id BLOB NOT NULL REFERENCES products(id),
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    label TEXT NOT NULL,
    created_by BLOB REFERENCES users(id),
    created_at TEXT NOT NULL,
    UNIQUE (product_id, number)
);

CREATE TABLE product_events (
    id BLOB PRIMARY KEY,
    product_id BLOB NOT NULL REFERENCES products(id),
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    actor_id BLOB REFERENCES users(id),
    at TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX product_events_product ON product_events (product_id, at);
CREATE INDEX product_events_organisation ON product_events (organisation_id, at);

CREATE TABLE product_comments (
    id BLOB PRIMARY KEY,
    product_id BLOB NOT NULL REFERENCES products(id),
    parent_id BLOB REFERENCES product_comments(id),
    version_number INTEGER NOT NULL,
    anchor TEXT NOT NULL,
    body TEXT NOT NULL,
    author_id BLOB REFERENCES users(id),
    created_at TEXT NOT NULL,
    resolved_by BLOB REFERENCES users(id),
    resolved_at TEXT
);
CREATE INDEX product_comments_product ON product_comments (product_id, created_at);
CREATE INDEX product_comments_open ON product_comments (resolved_at, product_id);

CREATE TABLE notifications (
    id BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    link TEXT NOT NULL,
    actor_id BLOB REFERENCES users(id),
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);
