# The territorial tables tied to the rest of Ponte: documents, labs, calendar address, late joiners.
table-documents = Documenti del tavolo
table-documents-hint = Documenti della biblioteca riservati al tavolo: li vedono la segreteria, i rappresentanti con un account, lo staff del programma e i tutor.
table-documents-none = Il tavolo non ha ancora documenti.
table-document-add = Aggiungi un documento
table-document-added = aggiunto il { $date }
audit-did-tables-feed-token = ha creato il proprio indirizzo segreto del calendario di un tavolo territoriale
audit-did-tables-feed-revoke = ha revocato il proprio indirizzo segreto del calendario di un tavolo territoriale
table-feed-title = Calendario del tavolo nella tua applicazione
table-feed-hint = Un indirizzo segreto e personale del calendario delle riunioni del tavolo, per iscriverti da un'applicazione di calendario senza accedere. Mostra ciò che puoi vedere e smette di funzionare se lasci il tavolo o lo revochi.
table-feed-active = Hai un indirizzo attivo. Crearne uno nuovo disattiva il precedente.
table-feed-make = Crea il mio indirizzo
table-feed-new = Crea un nuovo indirizzo
table-feed-revoke = Revoca il mio indirizzo
table-feed-shown-once = Ecco il tuo indirizzo segreto: è mostrato solo ora. Non condividerlo; se qualcuno lo conosce, creane uno nuovo.
table-feed-back = Torna al tavolo
