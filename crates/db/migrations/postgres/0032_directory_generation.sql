-- The directory's choices get their own generation, so that kept values depending on them (the
-- directory's index) follow a saved choice without throwing away what depends on people only.
INSERT INTO generations (part, value) VALUES ('directory', 1);
