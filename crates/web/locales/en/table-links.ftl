# The territorial tables tied to the rest of Ponte: documents, labs, calendar address, late joiners.
table-documents = The table's documents
table-documents-hint = Library documents kept for the table: its secretariat, its representatives with an account, programme staff and tutors see them.
table-documents-none = The table has no documents yet.
table-document-add = Add a document
table-document-added = added on { $date }
