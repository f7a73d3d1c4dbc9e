-- Lists of products show each one's open comment threads: counting them read every open thread
-- of every product listed (fifty each in the benchmark). The count is kept on the product,
-- recounted in the transaction of every change to its threads (`db::products`).
ALTER TABLE products ADD COLUMN open_threads BIGINT NOT NULL DEFAULT 0;
UPDATE products SET open_threads = (
    SELECT COUNT(*) FROM product_comments c
    WHERE c.product_id = products.id AND c.parent_id IS NULL AND c.resolved_at IS NULL
);

-- A person's or an organisation's sessions are those of the cohorts its organisations belong
-- to: without this index SQLite built a temporary one on every such list.
CREATE INDEX cohort_members_organisation ON cohort_members (organisation_id, cohort_id);

-- Lists of sessions are in time order, then by id: with the id in the index SQLite reads them in
-- order instead of sorting each list.
DROP INDEX lab_sessions_starts;
CREATE INDEX lab_sessions_starts ON lab_sessions (starts_at, id);
