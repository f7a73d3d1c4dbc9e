-- Two more generations (see `programme_state`), raised in the same transaction as every change
-- to their part: `labs_state` for sessions, registrations and attendance, `people_state` for
-- people's names, organisations' names and who belongs to which organisation. The season's
-- attendance report is kept while both (and the programme's) are unchanged, and every instance
-- sees a change at once.
CREATE TABLE labs_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO labs_state (id, generation) VALUES (1, 0);
CREATE TABLE people_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO people_state (id, generation) VALUES (1, 0);
