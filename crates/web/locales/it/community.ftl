## The community's discussions: spaces, threads, replies, moderation

nav-community = Comunità
community-title = Comunità professionale
community-intro = Gli spazi di discussione del programma: ciascuno è aperto a chi fa parte del programma, dell'ambito, del gruppo di amministrazioni, dell'amministrazione, del tavolo territoriale o del gruppo interregionale a cui appartiene.
community-no-spaces = Non fai ancora parte di alcuno spazio di discussione.
community-kind-programme = Programma
community-kind-strand = Ambiti
community-kind-cohort = Gruppi di amministrazioni
community-kind-administration = Amministrazioni
community-kind-table = Tavoli territoriali
community-kind-interregional_group = Gruppi interregionali
community-kind-one-programme = Programma
community-kind-one-strand = Ambito
community-kind-one-cohort = Gruppo di amministrazioni
community-kind-one-administration = Amministrazione
community-kind-one-table = Tavolo territoriale
community-kind-one-interregional_group = Gruppo interregionale
community-threads-count = { $count ->
    [0] Nessuna discussione
    [one] Una discussione
   *[other] { $count } discussioni
}
community-unread-count = { $count ->
    [one] una da leggere
   *[other] { $count } da leggere
}
community-replies-count = { $count ->
    [0] nessuna risposta
    [one] una risposta
   *[other] { $count } risposte
}
community-last-message = ultimo messaggio { $when }
community-no-threads = In questo spazio non ci sono ancora discussioni.
community-thread-new = Nuova discussione
community-thread-title = Titolo
community-thread-create = Apri la discussione
community-message = Messaggio
community-markdown-hint = Testo in Markdown: grassetto con **, elenchi con -, collegamenti con [testo](indirizzo).
community-cancel = Annulla
community-pinned = In evidenza
community-locked = Chiusa
community-unread = Da leggere
community-pin = Metti in evidenza
community-unpin = Togli dall'evidenza
community-lock = Chiudi alle risposte
community-unlock = Riapri alle risposte
community-locked-notice = La discussione è chiusa: non si possono aggiungere risposte.
community-reply = Rispondi
community-reply-send = Invia la risposta
community-quote = Cita
community-quoting = { $author } ha scritto:
community-quoting-hint = La tua risposta citerà il messaggio scelto.
community-edit = Modifica
community-edit-intro = Le versioni precedenti restano consultabili da chi legge la discussione.
community-edit-conflict = Il messaggio è stato modificato nel frattempo: le tue modifiche non sono state salvate. Qui sotto trovi la versione salvata e, nel modulo, il testo che hai scritto: salvalo di nuovo per sostituirla.
community-edit-saved = Versione salvata
community-edit-yours = Il tuo testo
community-save = Salva
community-edited = modificato il { $when }
community-history = Versioni del messaggio
community-version-current = Versione attuale
community-version-earlier = Versione scritta il { $written }, sostituita il { $replaced }
community-history-none = Il messaggio non è mai stato modificato.
community-hidden = Nascosto
community-hidden-notice = Questo messaggio è stato nascosto dai moderatori.
community-hide = Nascondi il messaggio
community-hide-reason = Motivo
community-hide-confirm = Nascondi
community-report = Segnala ai moderatori
community-report-reason = Motivo della segnalazione
community-report-send = Invia la segnalazione
community-report-by = Segnalato da { $reporter } il { $when }; messaggio di { $author }
community-report-close = Segna come gestita
community-moderation = Segnalazioni
community-moderation-intro = Le segnalazioni dei membri in attesa: apri il messaggio, nascondilo se serve, poi segna la segnalazione come gestita.
community-moderation-empty = Nessuna segnalazione in attesa.
community-error-locked = La discussione è chiusa: la risposta non è stata aggiunta.
community-error-locked-edit = La discussione è chiusa: il messaggio non è stato modificato.
community-error-quote = Il messaggio citato non fa parte di questa discussione.
community-error-own-report = Non puoi segnalare un tuo messaggio.
community-error-reported-already = Hai già segnalato questo messaggio.
audit-did-community-thread-create = ha aperto una discussione
audit-did-community-reply = ha risposto in una discussione
audit-did-community-post-update = ha modificato un messaggio
audit-did-community-pin = ha messo o tolto una discussione dall'evidenza
audit-did-community-lock = ha chiuso o riaperto una discussione
audit-did-community-hide = ha nascosto un messaggio
audit-did-community-report = ha segnalato un messaggio
audit-did-community-report-close = ha gestito una segnalazione
community-page-of = Pagina { $page } di { $pages }
community-thread-pages = Pagine della discussione
community-attach = Allega documenti della biblioteca
community-attach-hint = Il messaggio rimanda ai documenti; chi non li vede nella biblioteca non li vedrà nemmeno qui.
community-attach-own = I tuoi documenti recenti
community-attach-unseen = Un documento che non puoi più vedere (togli la spunta per staccarlo)
community-attach-addresses = Altri documenti: indirizzo della pagina, uno per riga
community-attach-addresses-hint = Copia l'indirizzo della pagina del documento, per esempio https://…/library/documents/…, al massimo cinque documenti.
community-attach-library = Apri la biblioteca
community-attached = Documenti allegati
community-attached-unseen = { $count ->
    [one] Un altro documento allegato non è visibile per te.
   *[other] Altri { $count } documenti allegati non sono visibili per te.
}
community-error-attachment-address = Ogni riga deve essere l'indirizzo della pagina di un documento della biblioteca.
community-error-attachments-too-many = Un messaggio allega al massimo cinque documenti.
community-error-attachment-unseen = Uno dei documenti non esiste o non è visibile per te nella biblioteca.
community-search = Cerca nelle discussioni
community-search-label = Parole da cercare
community-search-button = Cerca
community-search-hint = Le parole si cercano in italiano, inglese e francese; metti una frase tra virgolette, o * dopo l'inizio di una parola.
community-search-in = Solo in { $space }
community-search-everywhere = Cerca in tutti i tuoi spazi
community-search-found = { $count ->
    [one] Un messaggio trovato
   *[other] { $count } messaggi trovati
}
community-search-none = Nessun messaggio corrisponde alla ricerca.
community-search-where = in { $space }
community-mention-picker = Persone che puoi menzionare
community-mention-count = Persone trovate: {"{"}count{"}"}. Usa le frecce per scegliere e Invio per inserire.
community-report-intro = Segnala allo staff del programma un messaggio che non rispetta le regole della comunità: lo staff legge la segnalazione e decide. Chi ha scritto il messaggio non vede chi lo ha segnalato.

community-space-discussions = Discussioni
