# The territorial tables tied to the rest of Ponte: documents, labs, calendar address, late joiners.
table-documents = Documenti del tavolo
table-documents-hint = Documenti della biblioteca riservati al tavolo: li vedono la segreteria, i rappresentanti con un account, lo staff del programma e i tutor.
table-documents-none = Il tavolo non ha ancora documenti.
table-document-add = Aggiungi un documento
table-document-added = aggiunto il { $date }
