-- Good practices: the structured record of an Italian administration's experience, kept beside
-- its library document (kind 'good_practice'), so that it is found, filtered and mapped with
-- the documents.

CREATE TABLE good_practices (
    document_id UUID PRIMARY KEY REFERENCES library_documents(id),
    administration TEXT NOT NULL,
    context TEXT NOT NULL,
    problem TEXT NOT NULL,
    approach TEXT NOT NULL,
    partners TEXT NOT NULL,
    results TEXT NOT NULL,
    resources TEXT NOT NULL,
    contacts TEXT NOT NULL,
    transferability TEXT NOT NULL
);
