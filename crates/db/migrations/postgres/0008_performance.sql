-- The programme structure's generation, raised in the same transaction as every change to the
-- programme, its phases, strands, dimensions, modules and cohorts: pages keep the structure they
-- read while the generation is unchanged, and every instance sees a change at once.
CREATE TABLE programme_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO programme_state (id, generation) VALUES (1, 0);

-- The tutor's inbox reads the oldest open threads of many products: with the creation time and
-- the id in the index, the oldest ones are chosen from the index alone.
DROP INDEX product_comments_open;
CREATE INDEX product_comments_open ON product_comments (product_id, parent_id, resolved_at, created_at, id);
