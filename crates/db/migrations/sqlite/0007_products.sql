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
    state_at TEXT,
    model INTEGER NOT NULL DEFAULT 0,
    model_of BLOB REFERENCES products(id)
);
CREATE INDEX products_organisation ON products (organisation_id, updated_at);
CREATE INDEX products_state ON products (state, organisation_id);
CREATE INDEX products_model ON products (model, kind);

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
CREATE INDEX product_comments_open ON product_comments (product_id, parent_id, resolved_at);

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

-- The tutoring log: remote sessions between a tutor and an administration, with the next steps
-- agreed (who does what by when), optionally about one product.
CREATE TABLE tutoring_sessions (
    id BLOB PRIMARY KEY,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    tutor_id BLOB REFERENCES users(id),
    held_on TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    participants TEXT NOT NULL,
    notes TEXT NOT NULL,
    product_id BLOB REFERENCES products(id),
    created_at TEXT NOT NULL
);
CREATE INDEX tutoring_sessions_organisation ON tutoring_sessions (organisation_id, held_on);
CREATE INDEX tutoring_sessions_tutor ON tutoring_sessions (tutor_id, held_on);

CREATE TABLE tutoring_steps (
    id BLOB PRIMARY KEY,
    session_id BLOB NOT NULL REFERENCES tutoring_sessions(id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_on TEXT
);
CREATE INDEX tutoring_steps_session ON tutoring_steps (session_id, position);
