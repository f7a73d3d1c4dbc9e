-- One table of generations, one row per part of the data (`db::Part`), replacing the one-row
-- tables of each part. A part's value is raised by the write path in the transaction of every
-- change that names the part, and read by kept values in one query. Values are carried over;
-- the library's themes (macro-areas and sector names) become a part of their own, starting from
-- the library's value.
CREATE TABLE generations (
    part TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO generations (part, value) SELECT 'programme', generation FROM programme_state;
INSERT INTO generations (part, value) SELECT 'library', generation FROM library_state;
INSERT INTO generations (part, value) SELECT 'themes', generation FROM library_state;
INSERT INTO generations (part, value) SELECT 'labs', generation FROM labs_state;
INSERT INTO generations (part, value) SELECT 'people', generation FROM people_state;
INSERT INTO generations (part, value) SELECT 'products', generation FROM products_generation;
DROP TABLE programme_state;
DROP TABLE library_state;
DROP TABLE labs_state;
DROP TABLE people_state;
DROP TABLE products_generation;
