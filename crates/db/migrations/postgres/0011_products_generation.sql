-- The products' generation (as `programme_state`; named apart from the index `products_state`),
-- raised in the same transaction as every change to a product, its versions, its comments or its
-- state. The product lists of the workspaces and the tutors' inbox are kept rendered while it
-- (and people's generation) is unchanged, and every instance sees a change at once.
CREATE TABLE products_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO products_generation (id, generation) VALUES (1, 0);
