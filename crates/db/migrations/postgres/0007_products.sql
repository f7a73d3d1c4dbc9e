-- Products: deliverables an administration drafts with its tutor. The current draft lives in
-- `products` (with a version counter against lost updates); marked versions are immutable copies
-- in `product_versions`; comments point at a version number (0: the draft) and an element.

CREATE TABLE products (
    id UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    state TEXT NOT NULL,
    content TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    due_on DATE,
    session_id UUID REFERENCES lab_sessions(id),
    created_by UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_by UUID REFERENCES users(id),
    updated_at TIMESTAMPTZ NOT NULL,
    state_by UUID REFERENCES users(id),
    state_at TIMESTAMPTZ,
    model BOOLEAN NOT NULL DEFAULT FALSE,
    model_of UUID REFERENCES products(id)
);
CREATE INDEX products_organisation ON products (organisation_id, updated_at);
CREATE INDEX products_state ON products (state, organisation_id);
CREATE INDEX products_model ON products (model, kind);

CREATE TABLE product_contributors (
    product_id UUID NOT NULL REFERENCES products(id),
    user_id UUID NOT NULL REFERENCES users(id),
    PRIMARY KEY (product_id, user_id)
);

CREATE TABLE product_versions (
    id UUID PRIMARY KEY,
    product_id UUID NOT NULL REFERENCES products(id),
    number BIGINT NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    label TEXT NOT NULL,
    created_by UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (product_id, number)
);

CREATE TABLE product_events (
    id UUID PRIMARY KEY,
    product_id UUID NOT NULL REFERENCES products(id),
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    actor_id UUID REFERENCES users(id),
    at TIMESTAMPTZ NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX product_events_product ON product_events (product_id, at);
CREATE INDEX product_events_organisation ON product_events (organisation_id, at);

CREATE TABLE product_comments (
    id UUID PRIMARY KEY,
    product_id UUID NOT NULL REFERENCES products(id),
    parent_id UUID REFERENCES product_comments(id),
    version_number BIGINT NOT NULL,
    anchor TEXT NOT NULL,
    body TEXT NOT NULL,
    author_id UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    resolved_by UUID REFERENCES users(id),
    resolved_at TIMESTAMPTZ
);
CREATE INDEX product_comments_product ON product_comments (product_id, created_at);
CREATE INDEX product_comments_open ON product_comments (product_id, parent_id, resolved_at);

CREATE TABLE notifications (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    link TEXT NOT NULL,
    actor_id UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    read_at TIMESTAMPTZ
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);

-- The tutoring log: remote sessions between a tutor and an administration, with the next steps
-- agreed (who does what by when), optionally about one product.
CREATE TABLE tutoring_sessions (
    id UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    tutor_id UUID REFERENCES users(id),
    held_on DATE NOT NULL,
    minutes BIGINT NOT NULL,
    participants TEXT NOT NULL,
    notes TEXT NOT NULL,
    product_id UUID REFERENCES products(id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX tutoring_sessions_organisation ON tutoring_sessions (organisation_id, held_on);
CREATE INDEX tutoring_sessions_tutor ON tutoring_sessions (tutor_id, held_on);

CREATE TABLE tutoring_steps (
    id UUID PRIMARY KEY,
    session_id UUID NOT NULL REFERENCES tutoring_sessions(id),
    position BIGINT NOT NULL,
    text TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_on DATE
);
CREATE INDEX tutoring_steps_session ON tutoring_steps (session_id, position);
