## Labs: calendar, sessions, registrations, attendance, feedback

nav-labs = Laboratori
nav-my-labs = I miei laboratori
choose = Scegli…
cancel = Annulla
hours-count = { $hours } ore
half-day-0 = Mattina
half-day-1 = Pomeriggio

labs-calendar-title = Calendario dei laboratori
labs-schedule = Programma una giornata
labs-filters = Filtra il calendario
labs-filter-strand = Ambito
labs-filter-cohort = Gruppo
labs-filter-organisation = Amministrazione
labs-filter-all = Tutti
labs-filter-apply = Filtra
labs-navigation = Mesi e viste
labs-previous-month = ← Mese precedente
labs-next-month = Mese successivo →
labs-view-month = Vista mensile
labs-view-list = Vista elenco
labs-cohort-feed = Calendario del gruppo (iCalendar)
labs-month-caption = Giornate di { $month }: { $count }
labs-none = Nessuna giornata in programma con questi filtri.
labs-none-month = Nessuna giornata in questo mese con questi filtri.

session-status-planned = In programma
session-status-confirmed = Confermata
session-status-held = Svolta
session-status-cancelled = Annullata
registration-registered = Iscritto
registration-invited = Invitato

session-title = Titolo della giornata
session-module = Modulo
session-cohort = Gruppo
session-date = Data
session-start = Inizio
session-end = Fine
session-time-hint = Ora di Roma.
session-place = Luogo
session-place-hint = Indirizzo e sala; lascia vuoto se la giornata è solo a distanza.
session-online = a distanza
session-online-link = Collegamento a distanza
session-online-sign-in = Accedi per vedere il collegamento.
session-capacity = Posti disponibili
session-hours = Durata
session-seats = Posti
session-seats-taken = { $registered } iscritti su { $capacity } posti
session-calendar = Calendario
session-add-to-calendar = Aggiungi al tuo calendario (iCalendar)
session-save = Salva la giornata
session-edit = Modifica la giornata
session-conflict-title = Nel frattempo qualcun altro ha modificato questa giornata.
session-conflict-text = Ora è: «{ $title }», { $date }, { $start }–{ $end }, { $registered } iscritti su { $capacity } posti. Il modulo qui sotto conserva le tue modifiche: controllale e salva di nuovo.
session-overlaps = Lo stesso gruppo ha già un'altra giornata in questo orario:
session-overlap-confirm = Ho visto la sovrapposizione e voglio salvare comunque.
session-take-part = Partecipazione
session-you-are-registered = Sei iscritto a questa giornata.
session-you-are-invited = Sei stato invitato a questa giornata.
session-not-registered = Non sei iscritto a questa giornata.
session-register = Iscriviti
session-unregister = Annulla l'iscrizione
session-sign-in-to-register = Accedi per iscriverti a questa giornata.
session-attended = Presenza registrata: { $hours } ore.
session-check-in-code = Codice della giornata
session-check-in = Registra la presenza
session-give-feedback = Compila il questionario di gradimento
session-feedback-thanks = Grazie: hai già compilato il questionario.
session-manage = Gestione della giornata
session-check-in-code-is = Codice per la registrazione delle presenze da mostrare in aula:
session-change-status = Nuovo stato
session-status-mail-note = Gli iscritti e gli invitati ricevono un'email quando la giornata viene confermata, annullata o riprogrammata.
session-invite-email = Invita una persona (email dell'account)
session-invite = Invita
session-register-sheet = Registro presenze
session-agenda = Programma della giornata
session-agenda-none = Il programma non è ancora disponibile.
session-agenda-time = Orario
session-agenda-item = Attività
session-agenda-speaker = Relatore
session-agenda-actions = Azioni
session-agenda-start = Dalle
session-agenda-end = Alle
session-agenda-add = Aggiungi
session-agenda-remove = Rimuovi
session-materials = Materiali
session-materials-none = Nessun materiale per questa giornata.
session-materials-sign-in = Accedi per vedere i materiali.
session-material-title = Titolo del materiale
session-material-url = Link
session-material-file = oppure un file (PDF, DOCX, XLSX, PPTX, ODT, TXT; massimo 10 MB)
session-material-add = Aggiungi
session-participants = Partecipanti
session-participants-none = Nessun iscritto per ora.
session-participant-organisation = Amministrazione
session-participant-status = Iscrizione
session-outcomes = Esiti e verbale
session-outcomes-none = Gli esiti saranno pubblicati dopo la giornata.
session-outcomes-edit = Esiti e verbale della giornata
session-outcomes-save = Salva gli esiti
session-feedback-results = Risultati del questionario di gradimento

mine-summary = Hai partecipato a { $attended } ore sulle { $expected } previste ({ $rate } %).
mine-summary-none = Non hai ancora partecipato a giornate concluse.
mine-upcoming = Prossime giornate
mine-upcoming-none = Nessuna giornata in programma per te.
mine-not-registered = Non sei ancora iscritto.
mine-past = Giornate passate
mine-past-none = Nessuna giornata passata.
mine-hours-attended = Ore di presenza
mine-feedback = Questionario
mine-feed-title = Il tuo calendario personale
mine-feed-text = Crea un indirizzo segreto da aggiungere al calendario del tuo telefono o della tua posta: vedrai le tue giornate, aggiornate automaticamente.
mine-feed-has = Hai già un indirizzo del calendario. Se lo hai perso o condiviso per errore, creane uno nuovo: il precedente smetterà di funzionare.
mine-feed-create = Crea l'indirizzo del calendario
mine-feed-renew = Crea un nuovo indirizzo
mine-feed-shown-once = Copia questo indirizzo nel tuo programma di calendario. Per sicurezza viene mostrato una sola volta.
mine-feed-address = Indirizzo del calendario
mine-back = Torna ai miei laboratori

dashboard-title = Cruscotto della stagione
dashboard-count-planned = In programma
dashboard-count-confirmed = Confermate
dashboard-count-held = Svolte
dashboard-count-cancelled = Annullate
dashboard-rate = Tasso di presenza complessivo: { $rate } % ({ $hours } ore di presenza).
dashboard-rate-none = Nessuna presenza registrata per ora.
dashboard-overlaps = Giornate sovrapposte per lo stesso gruppo
dashboard-to-close = Giornate concluse da chiudere (segna come svolte o annullate)
dashboard-upcoming = Prossime giornate
dashboard-held = Ultime giornate svolte
dashboard-held-none = Nessuna giornata svolta.
dashboard-answers = Questionari

register-caption = Spunta le mezze giornate a cui ogni iscritto ha partecipato. Le ore si calcolano da sole.
register-checked-in = presenza registrata dal partecipante
register-hours = Ore
register-save = Salva il registro

report-title = Presenze
report-overall = Presenza complessiva: { $rate } % ({ $attended } ore su { $expected } previste).
report-explained = Il tasso è il rapporto tra le ore di presenza e le ore delle giornate svolte a cui le persone erano iscritte.
report-by-organisation = Per amministrazione
report-by-module = Per modulo
report-by-participant = Per partecipante
report-organisation = Amministrazione
report-module = Modulo
report-participant = Partecipante
report-expected-hours = Ore previste
report-attended-hours = Ore di presenza
report-rate = Tasso di presenza (%)
report-export-csv = Scarica in CSV

feedback-title = Questionario di gradimento
feedback-scale-explained = Indica quanto sei d'accordo con ogni affermazione, da 1 (per niente) a 5 (del tutto). Puoi lasciare vuota una domanda.
feedback-q-useful = La giornata è stata utile per il lavoro della mia amministrazione.
feedback-q-content = I contenuti erano chiari e pertinenti.
feedback-q-speakers = I relatori e i tutor sono stati efficaci.
feedback-q-organisation = L'organizzazione (luogo, tempi, materiali) è stata adeguata.
feedback-q-applicable = Potrò applicare quanto appreso nel mio lavoro.
feedback-point-1 = per niente d'accordo
feedback-point-2 = poco d'accordo
feedback-point-3 = né d'accordo né in disaccordo
feedback-point-4 = abbastanza d'accordo
feedback-point-5 = del tutto d'accordo
feedback-went-well = Che cosa ha funzionato?
feedback-to-improve = Che cosa miglioreresti?
feedback-anonymous = Rispondi in forma anonima (il tuo nome non sarà collegato alle risposte).
feedback-send = Invia il questionario
feedback-results-title = Risultati del questionario
feedback-count = { $count } risposte da { $registered } iscritti
feedback-results-caption = Risposte per domanda, da 1 (per niente d'accordo) a 5 (del tutto d'accordo)
feedback-question = Affermazione
feedback-distribution = Distribuzione
feedback-mean = Media
feedback-legend = Colori: dal rosso (1, per niente d'accordo) al verde (5, del tutto d'accordo). I numeri sono anche nelle colonne 1–5.
feedback-comments = Commenti
feedback-comments-none = Nessun commento.
feedback-anonymous-author = Anonimo
feedback-author = Autore
feedback-date = Data

error-choose = Scegli un valore dall'elenco.
error-date = Inserisci una data valida (gg/mm/aaaa).
error-time = Inserisci un orario valido, per esempio 09:30.
error-time-skipped = Quest'ora non esiste in quella notte: gli orologi passano dalle 02:00 alle 03:00. Scegli un altro orario.
error-end-before-start = La fine deve venire dopo l'inizio.
error-capacity = Indica un numero di posti tra 1 e 500.
error-capacity-below-registered = I posti non possono essere meno degli iscritti.
error-place-or-link = Indica un luogo o un collegamento a distanza.
error-session-overlap = Lo stesso gruppo ha già una giornata in questo orario.
error-status-unchanged = La giornata è già in questo stato.
error-status-held-future = Una giornata può essere segnata come svolta solo dopo il suo inizio.
error-status-after-held = Una giornata svolta può solo essere annullata.
error-registration-exists = Sei già iscritto a questa giornata.
error-registration-closed = Le iscrizioni a questa giornata sono chiuse.
error-registration-past = La giornata è già iniziata: le iscrizioni sono chiuse.
error-registration-not-eligible = Questa giornata è riservata alle amministrazioni del gruppo e alle persone invitate.
error-registration-full = Non ci sono più posti liberi.
error-unregister-closed = Non è più possibile annullare l'iscrizione.
error-check-in-closed = La registrazione delle presenze è aperta da mezz'ora prima dell'inizio fino alla fine della giornata.
error-check-in-not-registered = Per registrare la presenza devi essere iscritto alla giornata.
error-check-in-code = Il codice non è corretto. Controlla quello mostrato in aula.
error-agenda-time = Indica un orario di inizio e di fine compreso nella giornata.
error-file-or-link = Indica un link oppure un file (uno dei due).
error-file-too-large = Il file è troppo grande: il massimo è 10 MB.
error-file-type = Questo tipo di file non è accettato, oppure il contenuto non corrisponde all'estensione.
error-invite-unknown = Nessun account con questa email.
error-rating = Scegli un valore da 1 a 5.
error-feedback-empty = Rispondi almeno a una domanda.
error-feedback-given = Hai già compilato il questionario di questa giornata.
error-feedback-not-registered = Il questionario è riservato a chi era iscritto alla giornata.
error-feedback-not-held = Il questionario si apre dopo lo svolgimento della giornata.

mail-session-changed-subject = Ponte: aggiornamento sulla giornata «{ $title }»
mail-session-changed-body =
    Gentile { $name },

    la giornata «{ $title }» ({ $when }{ $has_place ->
        [yes] , { $place }
       *[no] {""}
    }) è ora: { $status }.
    { $has_online ->
        [yes] Per partecipare online: { $online }

        Trovi tutti i dettagli qui:
       *[no] Trovi tutti i dettagli qui:
    }
    { $link }

    Ponte
mail-session-invitation-subject = Ponte: sei invitato alla giornata «{ $title }»
mail-session-invitation-body =
    Buongiorno,

    sei invitato alla giornata «{ $title }» ({ $when }).
    Per iscriverti apri questo link:
    { $link }

    Ponte

## Programme structure editing

module-objectives = Obiettivi
structure-title = Struttura del programma
structure-intro = Fasi, ambiti, dimensioni, moduli e gruppi. Ogni modifica resta nel registro delle attività.
structure-phases = Fasi
structure-edit = Modifica
structure-add = Aggiungi
structure-new-phase = Nuova fase
structure-description = Descrizione
structure-question = Domanda guida
structure-edit-strand = Modifica i testi dell'ambito
structure-new-module = Nuovo modulo
structure-new-module-here = Nuovo modulo in questa dimensione
structure-dimensions = Dimensioni
structure-new-dimension = Nuova dimensione
structure-modules-of = Moduli dell'ambito { $code }
structure-dimension = Dimensione
structure-order = Ordine
structure-move-up = Sposta su
structure-move-down = Sposta giù
structure-no-modules = Nessun modulo in questo ambito.
structure-cohorts = Gruppi
structure-new-cohort = Nuovo gruppo
structure-edit-module = Modifica il modulo
structure-edit-cohort = Modifica il gruppo
structure-conflict-title = Nel frattempo qualcun altro ha salvato questa scheda.
structure-conflict-module = Ora il modulo è «{ $title }», { $days } giornate. Il modulo qui sotto conserva le tue modifiche: controllale e salva di nuovo.
structure-conflict-texts = Ora il titolo è «{ $title }». Il modulo qui sotto conserva le tue modifiche: controllale e salva di nuovo.
structure-conflict-cohort = Il modulo qui sotto conserva le tue modifiche: controllale e salva di nuovo.
structure-module-title = Titolo del modulo
structure-no-dimension = Nessuna dimensione
structure-days-min = Giornate previste
structure-days-max = Fino a (giornate)
structure-days-hint = Per esempio 1,5.
structure-days-max-hint = Se le giornate sono un intervallo, per esempio da 4 a 5.
structure-delivery = Modalità
structure-delivery-in_person = In presenza
structure-delivery-remote = A distanza
structure-save = Salva
structure-edit-texts-phases = Modifica la fase
structure-edit-texts-strands = Modifica l'ambito
structure-edit-texts-dimensions = Modifica la dimensione
structure-texts-title = Titolo
structure-cohort-name = Nome del gruppo
structure-phase = Fase
error-days = Indica le giornate con al massimo un decimale, tra 0,5 e 30 (per esempio 1,5).
error-days-range = Il massimo non può essere inferiore al minimo.
error-cohort-organisations = Scegli almeno un'amministrazione.
error-cohort-strands = Scegli almeno un ambito.

## Certificates and exports

mine-certificate = Attestato di partecipazione
mine-certificate-text = Scarica l'attestato (PDF/A) con i moduli, le giornate e le ore a cui hai partecipato. Il tuo attestato ha un codice di verifica che resta lo stesso ogni volta che lo scarichi.
mine-certificate-download = Scarica l'attestato
report-export-xlsx = Scarica in Excel (XLSX)
verify-title = Verifica di un attestato
verify-valid = L'attestato con codice { $code } è autentico ed è stato rilasciato da Ponte.
verify-unknown = Nessun attestato con il codice { $code }. Controlla di averlo scritto come compare sull'attestato.
verify-person = Intestatario
verify-total = Partecipazione
verify-total-value = { $hours } ore in { $days } giornate
verify-issued = Rilasciato il
verify-modules = Moduli frequentati
verify-dates = Date
error-certificate-none = Non risultano ancora presenze a giornate svolte: l'attestato sarà disponibile dopo la prima giornata frequentata.
error-status-started = La giornata è già iniziata: può essere segnata come svolta o annullata.
error-invite-closed = Si può invitare solo a una giornata non ancora iniziata né annullata.
session-action-planned = Riporta in programma
session-action-confirmed = Conferma la giornata
session-action-held = Segna come svolta
session-action-cancelled = Annulla la giornata
session-status-final = Questa giornata non cambia più stato.
session-confirm-cancelled-title = Annullare la giornata?
session-confirm-cancelled-body = { $told ->
    [0] Nessuno è iscritto o invitato. Le iscrizioni si chiuderanno.
    [one] La persona iscritta o invitata riceverà un'email. Le iscrizioni si chiuderanno.
   *[other] Le { $told } persone iscritte o invitate riceveranno un'email. Le iscrizioni si chiuderanno.
}
session-confirm-cancelled-yes = Sì, annulla la giornata
session-confirm-no = No, torna alla giornata

# The certificate of participation (PDF), in the reader's language.
certificate-title = Attestato di partecipazione
certificate-statement = Si attesta che { $who } ha partecipato ai laboratori del programma «{ $programme }», nel gruppo «{ $cohort }», per complessive { $hours } ore in { $days ->
        [one] una giornata
       *[other] { $days } giornate
    }, come indicato di seguito.
certificate-module = Modulo
certificate-dates = Date
certificate-hours = Ore
certificate-issued = Rilasciato il { $date }.
certificate-code = Codice di verifica: { $code }.
certificate-verify = L'autenticità di questo attestato può essere verificata all'indirizzo
certificate-file = attestato
mine-feed-subscribe = Iscriviti dal calendario
mine-feed-copy = Copia l'indirizzo
mine-feed-copied = Indirizzo copiato.
report-administration = Amministrazione
mine-feedback-given = Compilato
mine-feedback-none = Nessun questionario
session-table = Tavolo territoriale
session-table-none = Nessuno
session-table-hint = Solo per i moduli dell'Ambito { $strand }: i rappresentanti con un account dei membri del tavolo sono invitati per email e possono iscriversi.
error-lab-table-strand = Un laboratorio per un tavolo territoriale deve essere di un modulo dell'Ambito B: scegli un modulo dell'Ambito B o nessun tavolo.
session-group = Gruppo interregionale
session-group-none = Nessuno
session-group-hint = Solo per i moduli dell'Ambito { $strand }: i referenti con un account delle amministrazioni del gruppo sono invitati per email e chi lavora in una di esse può iscriversi.
error-lab-group-strand = Un laboratorio per un gruppo interregionale deve essere di un modulo dell'Ambito C: scegli un modulo dell'Ambito C o nessun gruppo.
error-lab-table-and-group = Un laboratorio è per un tavolo territoriale o per un gruppo interregionale, non per entrambi.
