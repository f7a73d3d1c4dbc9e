# Ponte — Italian interface (the reference language).

## Layout
skip-to-content = Vai al contenuto principale
header-owner = Programma di cooperazione internazionale delle amministrazioni locali
tagline = Cooperazione internazionale con i Balcani occidentali e il Mediterraneo del sud
language-switcher = Lingua
language-it = Italiano
language-en = Inglese
language-fr = Francese
nav-main = Navigazione principale
nav-toggle = Mostra o nascondi la navigazione
nav-close = Chiudi la navigazione
nav-home = Home
nav-programme = Programma
nav-organisations = Amministrazioni e partner
nav-invitations = Inviti
nav-users = Utenti
nav-audit = Registro delle attività
breadcrumbs = Percorso di navigazione
footer-programme = Il programma
footer-about = Ponte
footer-about-text = L'ambiente web del programma: laboratori, tutoraggio a distanza, documenti e comunità professionale delle amministrazioni.
footer-account = Il tuo accesso
footer-status = Stato del servizio
back-home = Torna alla home
save = Salva
search = Cerca
download-csv = Scarica in CSV
filter = Filtra
all = Tutti
pagination = Paginazione
previous = Precedente
next = Successiva
form-has-errors = Il modulo contiene errori: correggi i campi indicati.

## Home
home-title = Ponte: l'ambiente web del programma
home-lead = Le amministrazioni locali e regionali imparano e praticano la cooperazione internazionale con i Balcani occidentali e i Paesi della sponda sud del Mediterraneo.
home-sign-in-title = Area riservata
home-sign-in-text = Accedi per lavorare con la tua amministrazione, il tuo tutor e lo staff del programma.
home-welcome = Benvenuta, benvenuto { $name }
home-workspaces = I tuoi spazi di lavoro
home-features-title = Cosa trovi in Ponte
home-feature-labs = I laboratori del programma: moduli, giornate in presenza, materiali.
home-feature-products = I prodotti di ogni amministrazione, elaborati con il tutoraggio a distanza.
home-feature-library = Documenti e informazioni di natura tematica e geografica.
home-feature-tables = Tavoli territoriali con gli attori locali e laboratori interregionali.

## Information pages
info-accessibility-title = Dichiarazione di accessibilità
info-accessibility-p1 = Ponte si impegna a rendere il proprio sito accessibile, conformemente alla legge 9 gennaio 2004, n. 4, e alle linee guida AgID (WCAG 2.1 livello AA).
info-accessibility-p2 = Ogni tipo di pagina è verificato automaticamente a ogni modifica. Per segnalare un problema di accessibilità scrivi allo staff del programma.
info-privacy-title = Informativa sul trattamento dei dati
info-privacy-p1 = Ponte tratta i dati personali degli utenti (nome, indirizzo email, lingue, competenze) solo per lo svolgimento delle attività del programma.
info-privacy-p2 = Ponte usa soltanto cookie tecnici: la sessione di accesso e la lingua scelta. Nessun cookie di profilazione, nessun servizio di terze parti.

## Accounts
sign-in = Accedi
sign-out = Esci
field-email = Indirizzo email
field-password = Password
field-new-password = Nuova password
field-current-password = Password attuale
field-password-confirmation = Ripeti la nuova password
field-name = Nome e cognome
field-organisation-name = Denominazione
field-languages = Lingue parlate
field-competences = Competenze
field-role = Ruolo
field-roles = Ruoli
field-since = Iscritto dal
field-organisation = Amministrazione o organizzazione
password-hint = Almeno 10 caratteri.
competences-hint = Separate da virgole, per esempio: progettazione europea, PCM, partenariati.
forgot-title = Password dimenticata?
forgot-text = Scrivi l'indirizzo email del tuo account: riceverai un link per scegliere una nuova password.
forgot-submit = Invia il link
reset-title = Scegli una nuova password
reset-submit = Salva la nuova password
invitation-title = Invito a Ponte
invitation-text = Sei stato invitato con l'indirizzo { $email } con il ruolo: { $role }. Completa la registrazione scegliendo il nome da mostrare e una password.
invitation-submit = Completa la registrazione
profile-title = Il mio profilo
profile-details = Dati personali
profile-roles = Ruoli
profile-no-roles = Nessun ruolo assegnato.
profile-organisations = Le mie amministrazioni
password-change-title = Cambia password
password-change-submit = Cambia password
field-status = Stato
user-active = Attivo
user-suspended = Sospeso
user-suspend = Sospendi
user-reactivate = Riattiva
users-title = Utenti
users-count = { $count } utenti registrati.
invite-title = Invita una persona
invite-text = La persona riceverà un'email con un link personale, valido 7 giorni e utilizzabile una sola volta.
invite-no-organisation = Nessuna (ruoli di piattaforma o di programma)
invite-organisation-hint = Obbligatoria per referenti, membri, tutor e attori locali.
invite-sent = Inviti inviati
invite-sent-on = Inviato il
invitation-pending = In attesa
invitation-accepted = Accettato
invitation-expired = Scaduto
invite-submit = Invia l'invito
done-reset = Password cambiata: accedi con la nuova password.
done-password = Password cambiata. Le altre sessioni aperte sono state chiuse.
done-profile = Profilo salvato.
done-invited = Invito inviato.
done-signed-out = Sei uscito da Ponte.
done-reset-sent = Se l'indirizzo corrisponde a un account, riceverai a breve un'email con il link per scegliere una nuova password.
mail-reset-subject = Ponte: scegli una nuova password
mail-reset-body = Buongiorno,
    per scegliere una nuova password per Ponte apri questo link entro un'ora:
    { $link }
    Se non hai chiesto tu il cambio della password, ignora questo messaggio.
mail-invitation-subject = Ponte: sei stato invitato
mail-invitation-body = Buongiorno,
    sei stato invitato a partecipare a Ponte con il ruolo: { $role }.
    Per completare la registrazione apri questo link entro 7 giorni:
    { $link }

## Roles
role-admin = Amministratore della piattaforma
role-staff = Staff del programma
role-tutor = Tutor
role-coordinator = Referente dell'amministrazione
role-member = Membro dell'amministrazione
role-actor = Attore locale o partner

## Spoken languages
spoken-it = Italiano
spoken-en = Inglese
spoken-fr = Francese
spoken-es = Spagnolo
spoken-de = Tedesco
spoken-ar = Arabo
spoken-sq = Albanese
spoken-sr = Serbo
spoken-hr = Croato
spoken-bs = Bosniaco
spoken-mk = Macedone
spoken-el = Greco
spoken-tr = Turco

## Programme
programme-general-objective = Obiettivo generale
programme-path = Percorso
programme-system-actions = Le azioni di sistema
programme-method = Il metodo
programme-phases = Fasi
programme-strands = Gli ambiti dell'intervento
programme-total-days = Giornate previste
programme-cohorts = Gruppi di amministrazioni
programme-expected-results = Principali risultati attesi
programme-transversal = Azioni trasversali
programme-contribution = Il contributo dell'attuatore
programme-strand-no-modules = I moduli di questo ambito sono definiti con le amministrazioni coinvolte e compariranno qui.
programme-strand-labs-title = Laboratori
strand-label = Ambito { $code }
dimension-label = Dimensione { $number }
phase-label = Fase { $number }
module-title = Modulo
module-days = Giornate
module-description = Descrizione
module-products = Prodotti attesi
module-sessions = Giornate in calendario
module-sessions-none = Il calendario delle giornate sarà pubblicato dallo staff del programma.
days-in_person = { $days } { $unit ->
        [one] giornata
       *[other] giornate
    } in presenza
days-remote = { $days } { $unit ->
        [one] giornata
       *[other] giornate
    } a distanza
cohort-strands = Ambiti
cohort-organisations = Amministrazioni del gruppo
product-macro_areas = Selezione delle macroaree di internazionalizzazione
product-logframe = Quadri logici per macroarea
product-strategic_plan = Proposta di piano strategico di apertura internazionale
product-communication_plan = Piano di comunicazione interna ed esterna
product-partnership_plan = Piano dei partenariati
product-budget = Budget
product-project_proposal = Proposta progettuale
product-organisational_analysis = Analisi dell'assetto organizzativo con ipotesi di miglioramento
product-improvement_plan = Piano di azioni di miglioramento organizzativo

## Organisations
organisations-title = Amministrazioni e partner
organisations-search = Cerca per nome
organisations-count = { $count } risultati.
organisations-none = Nessuna organizzazione corrisponde alla ricerca.
edit = Modifica
organisation-edit = Modifica: { $name }
conflict-title = Qualcun altro ha salvato questa scheda mentre la modificavi.
conflict-text = Le tue modifiche non sono state salvate e non sono andate perse: sono nel modulo qui sotto. Confronta le due versioni (le differenze sono evidenziate); salvando di nuovo, la tua versione sostituirà quella attuale.
conflict-current = Versione salvata ora
conflict-yours = La tua versione
organisation-new = Nuova organizzazione
organisation-new-text = Compila la sezione che corrisponde alla categoria scelta; le altre vengono ignorate.
organisation-section-pa = Amministrazione italiana
organisation-section-partner = Partner estero
organisation-section-actor = Attore locale
field-category = Categoria
field-kind = Tipo
field-place = Regione o Paese
field-region = Regione
field-province = Provincia
field-country = Paese
field-istat-code = Codice ISTAT
field-ipa-code = Codice IPA
field-tax-code = Codice fiscale
field-website = Sito web
field-partner-type = Tipo di partner
field-actor-sector = Settore
field-actor-nature = Natura
field-cadastral-code = Codice catastale
istat-code-hint = 2 cifre per una regione, 3 per una provincia o città metropolitana, 6 per un comune.
ipa-code-hint = Il codice dell'Indice dei domicili digitali della PA, per esempio c_h501.
province-code-hint = La sigla della provincia, per esempio SA. Obbligatoria per province e comuni.
tax-code-hint = 11 cifre, con la cifra di controllo.
category-italian_pa = Amministrazione italiana
category-foreign_partner = Partner estero
category-local_actor = Attore locale
pa-kind-regione = Regione
pa-kind-provincia = Provincia
pa-kind-citta_metropolitana = Città metropolitana
pa-kind-comune = Comune
pa-kind-unione_di_comuni = Unione di comuni
pa-kind-altra_pa = Altra pubblica amministrazione
partner-type-central_government = Governo centrale
partner-type-local_government = Autorità locale
partner-type-agency = Agenzia pubblica
partner-type-university = Università o centro di ricerca
partner-type-ngo = Organizzazione non governativa
partner-type-business = Impresa
partner-type-international = Organizzazione internazionale
actor-sector-public_body = Ente pubblico
actor-sector-university = Università o centro di ricerca
actor-sector-chamber_of_commerce = Camera di commercio
actor-sector-business = Impresa
actor-sector-association = Associazione
actor-sector-ngo = Organizzazione non governativa
actor-sector-foundation = Fondazione
actor-sector-trade_union = Sindacato o associazione di categoria
actor-sector-other = Altro
actor-public = Pubblico
actor-private = Privato
workspace = Spazio di lavoro
workspace-title = Spazio di lavoro: { $name }
workspace-open = Apri lo spazio di lavoro
workspace-people = Persone
workspace-no-people = Nessuna persona ha ancora un ruolo in questo spazio.
workspace-invite = Invita una persona in questo spazio
workspace-remove = Rimuovi
workspace-removed = Il ruolo è stato rimosso.
workspace-products = Prodotti
workspace-products-all = Tutti i prodotti e le attività
workspace-tutors = Tutor
municipalities-title = Comuni italiani (ISTAT)
municipalities-text = L'elenco ufficiale dei comuni italiani pubblicato dall'ISTAT: { $count } comuni caricati.
municipalities-search = Nome del comune
municipalities-hint = Scrivi almeno due lettere; gli accenti non contano.
municipalities-none = Nessun comune trovato.

## Audit
audit-title = Registro delle attività
audit-when = Quando
audit-who = Chi
audit-action = Azione
audit-entity = Oggetto
audit-before = Prima
audit-after = Dopo
audit-system = Sistema
audit-count = { $count } attività registrate.

## Errors
error-title = Errore { $status }
error-not-found = La pagina richiesta non esiste o non è più disponibile.
error-forbidden = Non hai i permessi per vedere questa pagina o compiere questa azione.
error-sign-in-needed = Devi accedere per compiere questa azione.
error-conflict = Qualcun altro ha modificato questi dati mentre li stavi modificando: ricarica la pagina per vedere la versione aggiornata, poi riapplica le tue modifiche.
error-internal = Si è verificato un errore imprevisto. Riprova tra poco; se il problema continua, contatta lo staff del programma.
error-unreadable = Un dato salvato non si può leggere, quindi questa pagina non può essere mostrata. Il problema è stato registrato: contatta lo staff del programma.
error-bad-form = La richiesta non è valida. Ricarica la pagina e riprova.
error-bad-encoding = La richiesta contiene caratteri non validi.
error-too-large = La richiesta è troppo grande.
error-form-too-large = Il modulo supera la dimensione massima ammessa: non è stato salvato nulla. Torna alla pagina precedente e accorcia ciò che hai scritto (il testo di un prodotto può avere al massimo 200.000 caratteri, gli altri moduli molto meno).
error-duplicate = Questo elemento esiste già.
error-link-invalid = Il link non è valido: è scaduto o è già stato usato. Chiedine uno nuovo.
error-required = Campo obbligatorio.
error-too-long = Il testo è troppo lungo.
error-invalid-characters = Il testo contiene caratteri non ammessi.
error-email = Inserisci un indirizzo email valido, per esempio nome@comune.it.
error-url = Inserisci un indirizzo web completo, che inizi con https://.
error-unknown-choice = Scegli uno dei valori proposti.
error-password-short = La password deve avere almeno 10 caratteri.
error-password-mismatch = Le due password non coincidono.
error-password-wrong = La password attuale non è corretta.
error-sign-in-failed = Email o password non corrette.
error-throttled = Troppi tentativi di accesso non riusciti. Riprova tra 15 minuti o scegli una nuova password.
error-competence-long = Ogni competenza può avere al massimo 80 caratteri.
error-competences-many = Puoi indicare al massimo 20 competenze.
error-organisation-needed = Per questo ruolo scegli un'amministrazione o un'organizzazione.
error-organisation-exists = Un'organizzazione con questo codice è già registrata.
error-istat-code = Il codice ISTAT non ha il numero di cifre previsto per questo tipo di ente.
error-ipa-code = Il codice IPA può contenere solo lettere minuscole, cifre e trattini bassi (da 2 a 20 caratteri).
error-tax-code-format = Il codice fiscale deve avere 11 cifre oppure 16 caratteri.
error-tax-code-check = Il codice fiscale non è corretto: la cifra di controllo non corrisponde.
error-province-code = La sigla della provincia è fatta di due lettere, per esempio SA.
error-suspend-self = Non puoi sospendere il tuo stesso account.
error-istat-unknown = Questo codice non è nell'elenco ISTAT dei comuni caricato.
error-istat-region = Secondo l'ISTAT questo ente è in un'altra regione.
error-istat-province = Secondo l'ISTAT la sigla della provincia è un'altra.
error-country = Scegli un Paese estero valido.
nav-my-workspace = La mia amministrazione
home-mine-title = Per te
home-next-session = La tua prossima giornata
home-next-session-none = Nessuna giornata in programma per te.
home-registered = sei iscritto
home-invited = sei invitato
home-not-registered = non sei ancora iscritto
home-products-due = Prodotti in scadenza
home-products-due-none = Nessun prodotto con una scadenza.
home-due-on = entro il { $date }
home-waiting = Ti aspettano
home-waiting-reviews = { $count ->
    [one] 1 prodotto da rivedere
   *[other] { $count } prodotti da rivedere
}
home-waiting-changes = { $count ->
    [one] 1 prodotto con modifiche richieste dal tutor
   *[other] { $count } prodotti con modifiche richieste dal tutor
}
home-waiting-comments = { $count ->
    [one] 1 commento a cui rispondere
   *[other] { $count } commenti a cui rispondere
}
home-waiting-nothing = Nulla in attesa.
home-open-workspace = Apri lo spazio di lavoro di { $name }
error-line-break = Questo campo sta su una sola riga: togli gli a capo.
audit-did = { $who } { $what }
audit-someone = Il sistema
audit-unknown-action = ha fatto un'operazione ({ $code })
audit-record = Scheda
audit-person = Persona
audit-from = Dal
audit-until = Al
audit-record-id = Identificativo della scheda
audit-details = Dettagli tecnici
audit-everyone = Tutti
audit-did-grant-add = ha assegnato un ruolo
audit-did-grant-revoke = ha revocato un ruolo
audit-did-invitation-accept = ha accettato un invito e creato il suo account
audit-did-invitation-create = ha invitato una persona
audit-did-labs-agenda-add = ha aggiunto un punto al programma di una giornata
audit-did-labs-agenda-remove = ha tolto un punto dal programma di una giornata
audit-did-labs-certificate-issue = ha ottenuto un attestato di partecipazione
audit-did-labs-certificate-update = ha ottenuto il suo attestato di partecipazione aggiornato
audit-did-labs-check-in = ha registrato la sua presenza
audit-did-labs-feed-token = ha creato il suo calendario personale
audit-did-labs-feedback = ha compilato un questionario
audit-did-labs-invite = ha invitato una persona a una giornata
audit-did-labs-material-add = ha aggiunto un materiale a una giornata
audit-did-labs-register = ha fatto l'iscrizione a una giornata
audit-did-labs-register-record = ha iscritto una persona a una giornata
audit-did-labs-register-save = ha salvato il registro delle presenze
audit-did-labs-session-create = ha programmato una giornata
audit-did-labs-session-outcomes = ha scritto gli esiti di una giornata
audit-did-labs-session-status = ha cambiato lo stato di una giornata
audit-did-labs-session-update = ha modificato una giornata
audit-did-labs-unregister = ha annullato un'iscrizione
audit-did-library-create = ha aggiunto un documento alla biblioteca
audit-did-library-delete = ha eliminato un documento della biblioteca
audit-did-library-extract = ha chiesto l'estrazione del testo di un documento
audit-did-library-extraction = ha estratto il testo di un documento
audit-did-library-extraction-retry = ha chiesto di nuovo l'estrazione del testo
audit-did-library-import-sectors = ha importato i settori OCSE-DAC
audit-did-library-macro-area-save = ha salvato una macroarea
audit-did-library-reading-add = ha aggiunto una lettura consigliata
audit-did-library-reading-remove = ha tolto una lettura consigliata
audit-did-library-update = ha modificato un documento della biblioteca
audit-did-municipalities-import = ha importato l'elenco dei comuni
audit-did-organisation-create = ha aggiunto un'organizzazione all'anagrafe
audit-did-organisation-update = ha modificato la scheda di un'organizzazione
audit-did-password-reset = ha reimpostato la password
audit-did-password-reset-request = ha chiesto di reimpostare la password
audit-did-products-comment = ha commentato un prodotto
audit-did-products-create = ha creato un prodotto
audit-did-products-publish-model = ha pubblicato un prodotto come modello
audit-did-products-reopen = ha riaperto un commento
audit-did-products-resolve = ha chiuso un commento
audit-did-products-review = ha fatto avanzare la revisione di un prodotto
audit-did-products-save = ha salvato un prodotto
audit-did-programme-cohort-create = ha creato un gruppo di amministrazioni
audit-did-programme-cohort-update = ha modificato un gruppo di amministrazioni
audit-did-programme-dimension-create = ha aggiunto una dimensione
audit-did-programme-load = ha caricato il programma
audit-did-programme-module-create = ha creato un modulo
audit-did-programme-module-move = ha spostato un modulo
audit-did-programme-module-update = ha modificato un modulo
audit-did-programme-phase-create = ha aggiunto una fase
audit-did-programme-texts-update = ha modificato i testi del programma
audit-did-session-close = ha chiuso la sessione
audit-did-tables-create = ha creato un tavolo territoriale
audit-did-tables-meeting-attendance = ha registrato le presenze a una riunione di un tavolo territoriale
audit-did-tables-meeting-cancel = ha annullato una riunione di un tavolo territoriale
audit-did-tables-meeting-convene = ha convocato una riunione di un tavolo territoriale
audit-did-tables-meeting-update = ha modificato una riunione di un tavolo territoriale
audit-did-tables-member-add = ha aggiunto un membro a un tavolo territoriale
audit-did-tables-member-leave = ha registrato l'uscita di un membro da un tavolo territoriale
audit-did-tables-memorandum = ha registrato il protocollo d'intesa di un tavolo territoriale
audit-did-tables-representative-add = ha aggiunto un rappresentante a un tavolo territoriale
audit-did-tables-secretariat-add = ha nominato una persona nella segreteria di un tavolo territoriale
audit-did-tables-signatory-add = ha registrato una firma del protocollo d'intesa di un tavolo territoriale
audit-did-tables-status = ha cambiato lo stato di un tavolo territoriale
audit-did-tables-update = ha modificato un tavolo territoriale
audit-did-session-open = ha aperto una sessione
audit-did-tutoring-record = ha registrato un incontro di tutoraggio
audit-did-user-create = ha creato un account
audit-did-user-password = ha cambiato la password
audit-did-user-profile = ha aggiornato un profilo
audit-did-user-reactivate = ha riattivato un account
audit-did-user-suspend = ha sospeso un account
