# Minutes of the territorial tables' meetings.

audit-did-tables-minutes-draft = ha avviato il verbale di una riunione di un tavolo territoriale
audit-did-tables-minutes-amend = ha modificato il verbale di una riunione di un tavolo territoriale
audit-did-tables-minutes-circulate = ha fatto circolare il verbale di una riunione di un tavolo territoriale
audit-did-tables-minutes-comment = ha commentato il verbale di una riunione di un tavolo territoriale
audit-did-tables-minutes-approve = ha approvato il verbale di una riunione di un tavolo territoriale
audit-did-tables-minutes-publish = ha pubblicato il verbale di una riunione di un tavolo territoriale

error-minutes-sections = Le sezioni del verbale non corrispondono più a quelle salvate: ricarica la pagina.
error-minutes-decision-unknown = Una decisione non appartiene a questa sezione del verbale.
error-minutes-too-many = Una sezione ha più di 30 decisioni.
error-minutes-approved = Il verbale è già approvato: non può più cambiare.
error-minutes-deadline-past = La scadenza per i commenti deve essere successiva a oggi.
error-minutes-deadline-far = La scadenza per i commenti può essere al massimo fra 90 giorni.
error-minutes-not-circulated = Il verbale non è ancora stato fatto circolare.
error-minutes-comment-approved = Il verbale è già approvato: non si accettano più commenti.
error-minutes-comment-closed = La scadenza per i commenti è passata.
error-minutes-already-approved = Il verbale è già stato approvato.
error-minutes-already-published = Il verbale è già pubblicato.
error-minutes-not-approved = Il verbale si può pubblicare solo dopo l'approvazione.
error-minutes-exists = Questa riunione ha già un verbale.
error-minutes-not-held = Il verbale si redige solo per una riunione tenuta (con le presenze registrate).
error-minutes-not-representative = Commentano il verbale solo i rappresentanti dei membri del tavolo.
error-minutes-changed = Il verbale è cambiato nel frattempo: ricarica la pagina e riprova.

minutes-title = Verbale
minutes-steps = Passaggi del verbale
minutes-status-draft = In bozza
minutes-status-circulated = In circolazione
minutes-status-approved = Approvato
minutes-status-published = Approvato e pubblicato
minutes-revision = Versione { $number }
minutes-circulated-on = Fatto circolare: { $when }
minutes-deadline-until = Commenti aperti fino a: { $date } (compreso)
minutes-deadline-passed = Commenti chiusi: { $date }
minutes-approved-by = Approvato da { $name }: { $when }
minutes-approved-on = Approvato il { $when }
minutes-published-on = Pubblicato: { $when }
minutes-amend = Modifica il verbale
minutes-approve = Approva il verbale
minutes-publish = Pubblica il verbale
minutes-circulate = Fai circolare il verbale
minutes-circulate-again = Fai circolare di nuovo il verbale
minutes-circulate-hint = Ogni rappresentante dei membri riceve un'email con il collegamento al verbale; chi ha un account può commentare ogni sezione fino alla scadenza.
minutes-deadline = Scadenza per i commenti
minutes-circulate-send = Invia ai rappresentanti
minutes-export-docx = Scarica il verbale (DOCX)
minutes-export-pdf = Scarica il verbale (PDF/A)
minutes-section-empty = Nessun testo per questo punto.
minutes-decision = Decisione
minutes-decision-n = Decisione { $number }
minutes-decisions = Decisioni
minutes-decisions-hint = Una decisione per riquadro. Svuota un riquadro per ritirare la decisione; i riquadri vuoti in fondo servono ad aggiungerne.
minutes-comments = Commenti
minutes-on-revision = sulla versione { $number }
minutes-comment-on = Commenta il punto { $number }
minutes-comment = Commento
minutes-comment-send = Invia il commento
minutes-revisions = Versioni
minutes-compare = Confronta versioni del verbale
minutes-compare-previous = confronta con la precedente
minutes-form-hint = Una sezione per ogni punto dell'ordine del giorno: scrivi cosa si è detto e segna a parte le decisioni prese. Ogni salvataggio è una nuova versione.
minutes-section-body = Resoconto
minutes-markdown-hint = Puoi usare Markdown: **grassetto**, elenchi con «-», titoli con «###».
minutes-note = Cosa cambia in questa versione (facoltativo)
minutes-save = Salva la versione
minutes-back = Torna al verbale
minutes-file = verbale
minutes-of-meeting = Verbale della riunione
minutes-draft = Redigi il verbale
minutes-draft-hint = Il verbale ha una sezione per ogni punto dell'ordine del giorno.
minutes-open = Apri il verbale
minutes-none-yet = Il verbale non è ancora disponibile.
minutes-public-title = Verbali approvati
minutes-public-none = Nessun verbale pubblicato.

mail-minutes-subject = Verbale da commentare: { $title } ({ $table })
mail-minutes-body =
    Gentile { $name },

    il verbale della riunione «{ $title }» ({ $date }) del { $table } è pronto per i commenti.
    Scadenza per i commenti: { $deadline } (compreso).
    { $account ->
        [yes] Puoi leggerlo e commentare ogni sezione qui: { $link }
       *[no] Puoi inviare i tuoi commenti alla segreteria del tavolo. Il testo è qui sotto.
    }

    { $text }
