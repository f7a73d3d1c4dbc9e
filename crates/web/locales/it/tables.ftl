## Territorial tables: list, table page, public page, forms

nav-tables = Tavoli territoriali
tables-title = Tavoli territoriali
tables-intro = I tavoli riuniscono attorno a un'amministrazione gli attori pubblici e privati del territorio interessati alla cooperazione internazionale: camere di commercio, università, associazioni di imprese, ONG, scuole, aziende sanitarie, associazioni della diaspora.
tables-filters = Filtra i tavoli
tables-count = { $count ->
    [0] Nessun tavolo
    [one] Un tavolo
   *[other] { $count } tavoli
}
tables-none = Nessun tavolo corrisponde ai filtri scelti.
table-new = Nuovo tavolo territoriale
table-create = Crea il tavolo
table-edit = Modifica il tavolo
table-edit-title = Modifica: { $name }
table-form-intro = Il tavolo nasce «in formazione»: membri, protocollo d'intesa e rappresentanti si aggiungono dalla pagina del tavolo.
table-conflict-text = Le tue modifiche non sono state salvate. Qui sotto trovi la versione salvata accanto alla tua, con le differenze evidenziate; il modulo tiene ciò che hai scritto: salvalo di nuovo per sostituire la versione salvata.
table-name = Nome del tavolo
table-lead = Amministrazione capofila
table-territory = Territorio
table-territory-hint = Codici ISTAT separati da virgole: il codice della provincia (3 cifre, per esempio 065) oppure quelli dei comuni (6 cifre, per esempio 065116).
table-purpose = Finalità
table-themes = Temi
table-countries = Paesi di interesse
table-countries-legend = Paesi con cui il tavolo intende cooperare
table-rules = Regolamento di funzionamento
table-rules-hint = Testo in Markdown: titoli con #, elenchi con -, grassetto con **.
table-rules-none = Il regolamento non è ancora stato scritto.
table-formed-on = In formazione dal
table-public-choice = Pagina pubblica del tavolo
table-public-hint = Chiunque, anche senza accedere, vede che cosa è il tavolo e chi ne fa parte.
table-visibility = Pagina pubblica
table-public-yes = Sì: visibile a tutti
table-public-no = No: visibile solo ai partecipanti e allo staff
table-public-page = Pagina pubblica
table-public-note = Questa è la pagina pubblica del tavolo: mostra che cosa è e chi ne fa parte.
table-open-full = Apri la pagina completa del tavolo.
table-who-takes-part = Chi partecipa
table-see-form = Vai al modulo.
table-since = dal { $date }
table-status = Stato
table-status-forming = In formazione
table-status-constituted = Costituito
table-status-active = Attivo
table-status-dormant = Inattivo
table-life = Storia del tavolo
table-status-move = Nuovo stato
table-status-on = Dal giorno
table-status-save = Cambia lo stato
table-members = Membri e rappresentanti
table-members-none = Il tavolo non ha ancora membri.
table-member-organisation = Organizzazione
table-member-role = Ruolo nel tavolo
table-member-joined-on = Data di adesione
table-joined = dal { $date }
table-left = uscito il { $date }
table-member-leave = Registra l'uscita
table-member-leave-confirm = Conferma l'uscita
table-member-left-on = Data di uscita di { $name }
table-member-add = Aggiungi un membro
table-member-add-button = Aggiungi al tavolo
table-role-promoter = Promotore
table-role-member = Membro
table-role-observer = Osservatore
table-actor-add = Registra un nuovo attore locale
table-actor-add-hint = Per un'organizzazione che non è ancora nell'anagrafe: viene registrata nella regione del tavolo e aggiunta come membro.
table-actor-nature = Natura
table-actor-add-button = Registra e aggiungi
table-representatives = Rappresentanti
table-representative-add = Aggiungi un rappresentante
table-representative-hint = Chi ha già un account su Ponte viene collegato al suo account; gli altri restano contatti con nome ed email e ricevono comunque convocazioni e verbali.
table-representative-add-button = Aggiungi il rappresentante
table-person-name = Nome e cognome
table-person-email = Email
table-contact-only = solo contatto
table-secretariat = Segreteria
table-secretariat-text = La segreteria convoca le riunioni e cura i verbali: ne fanno parte il referente di { $lead } e le persone che nomina.
table-secretary-add = Nomina nella segreteria
table-secretary-add-button = Nomina
table-secretary-none-left = Tutte le persone dell'amministrazione capofila sono già nella segreteria.
table-memorandum = Protocollo d'intesa
table-memorandum-none = Il protocollo d'intesa non è ancora stato registrato.
table-memorandum-recorded = Protocollo registrato.
table-memorandum-choose = Documento del protocollo
table-memorandum-hint = Scegli il documento tra quelli di { $lead } nella biblioteca; se manca, caricalo prima nella biblioteca.
table-memorandum-document = Documento
table-memorandum-save = Registra il protocollo
table-memorandum-signed-by = Il protocollo d'intesa è stato firmato da:
table-signatories = Firmatari del protocollo
table-signatory = Firmatario
table-signed-on = Data della firma
table-signatory-add = Aggiungi un firmatario
table-signatory-add-button = Aggiungi la firma

error-table-lead = Scegli un'amministrazione italiana con la sua regione.
error-table-lead-not-yours = Puoi creare un tavolo solo per l'amministrazione di cui sei referente.
error-table-lead-leaves = L'amministrazione capofila non può uscire dal proprio tavolo.
error-table-territory-code = Ogni codice ISTAT ha 3 cifre (provincia) o 6 cifre (comune).
error-table-territory-unknown = Uno dei codici ISTAT non corrisponde a nessuna provincia o comune conosciuto.
error-table-territory-region = Il territorio deve trovarsi nella regione dell'amministrazione capofila.
error-table-themes = Scegli almeno un tema.
error-table-too-many = Hai scelto troppi valori: al massimo 40.
error-table-status-move = Il tavolo non può passare a questo stato da quello attuale.
error-table-status-future = La data non può essere nel futuro.
error-table-status-before = La data non può precedere l'inizio dello stato attuale.
error-table-formed-after-status = La data di avvio non può essere successiva alla costituzione o all'attivazione del tavolo.
error-table-formed-after-member = La data di avvio non può essere successiva all'adesione di un membro del tavolo.
error-table-no-memorandum = Prima registra il protocollo d'intesa del tavolo.
error-table-not-member = Questa organizzazione non è tra i membri attuali del tavolo.
error-table-member-twice = Questa organizzazione fa già parte del tavolo.
error-table-signed-twice = Per questa organizzazione la firma è già registrata.
error-table-left-before-joined = La data di uscita non può precedere quella di adesione.
error-table-email-twice = Questo indirizzo email rappresenta già un membro del tavolo.
error-table-account-elsewhere = Questa email appartiene a un account che non fa parte dell'organizzazione scelta.
error-table-memorandum-document = Scegli uno dei documenti dell'amministrazione capofila.
error-table-secretary = Scegli una persona dell'amministrazione capofila.
error-table-secretary-twice = Questa persona fa già parte della segreteria.

## Meetings of a table

meetings-title = Riunioni
meetings-feed = Calendario delle riunioni (iCal)
meetings-upcoming = Prossime riunioni
meetings-upcoming-none = Nessuna riunione convocata.
meetings-past = Riunioni passate e annullate
meeting-new = Convoca una riunione
meeting-edit = Modifica la riunione
meeting-edit-title = Modifica: { $title }
meeting-form-intro = La convocazione parte per email, con l'invito da aggiungere al calendario, a tutti i rappresentanti attuali dei membri, ciascuno nella sua lingua.
meeting-conflict-text = Le tue modifiche non sono state salvate né inviate: la riunione è cambiata nel frattempo. Qui sotto trovi la versione salvata accanto alla tua, con le differenze evidenziate; il modulo tiene ciò che hai scritto: invialo di nuovo per sostituire la versione salvata.
meeting-form-intro-edit = Le modifiche partono per email, con l'invito aggiornato, a tutti i rappresentanti attuali dei membri.
meeting-title = Titolo della riunione
meeting-when = Quando
meeting-when-hint = Data e orari nell'ora di Roma.
meeting-date = Data
meeting-start = Inizio
meeting-end = Fine
meeting-where = Dove
meeting-place = Luogo
meeting-place-hint = Indirizzo e sala; lascialo vuoto per una riunione solo a distanza.
meeting-online = Collegamento a distanza
meeting-online-hint = Un indirizzo web completo, che inizi con https://.
meeting-online-short = a distanza
meeting-rome-time = ora di Roma
meeting-agenda = Ordine del giorno
meeting-agenda-hint = Un punto per riga, ciascuno con chi lo presenta: un rappresentante del tavolo oppure un nome scritto a mano. Le righe vuote non contano; per aggiungere altri punti salva e modifica di nuovo.
meeting-item = Punto { $n }
meeting-presenter-representative = Presenta (rappresentante)
meeting-presenter-other = Altra persona…
meeting-presenter-text = Oppure: chi presenta
meeting-documents = Documenti da leggere
meeting-documents-hint = Un documento per riga: il suo indirizzo nella biblioteca (o il suo identificativo). Solo documenti pubblici o visibili a tutto il programma, che tutti i membri possono leggere.
meeting-documents-library = Apri la biblioteca
meeting-documents-none = Nessun documento da leggere.
meeting-convene = Convoca e invia
meeting-save-edit = Salva e invia le modifiche
meeting-status-convened = Convocata
meeting-status-held = Tenuta
meeting-status-cancelled = Annullata
meeting-cancelled-notice = Questa riunione è stata annullata.
meeting-attendance = Presenze
meeting-attendance-none = Le presenze non sono ancora state registrate.
meeting-attendance-record = Registra le presenze
meeting-attendance-hint = Per ogni organizzazione membro il giorno della riunione: presente (con chi c'era), delega (a chi), assente giustificata o assente. Registrare le presenze segna la riunione come tenuta.
meeting-attendance-later = Le presenze si registrano dal giorno della riunione.
meeting-attendance-save = Salva le presenze
meeting-presence = Presenza
meeting-person = Persona
meeting-person-present = Chi era presente
meeting-delegate = Delega a (nome e cognome)
meeting-delegated-to = delega a { $name }
meeting-presence-unrecorded = Non registrata
meeting-presence-present = Presente
meeting-presence-delegated = Delega
meeting-presence-excused = Assente giustificata
meeting-presence-absent = Assente
meeting-cancel = Annulla la riunione
meeting-cancel-hint = L'annullamento parte per email a tutti i rappresentanti e toglie la riunione dai loro calendari.
meeting-cancel-reason = Motivo dell'annullamento
meeting-cancel-confirm = Annulla la riunione e avvisa

mail-meeting-convened-subject = Convocazione: { $title } ({ $table })
mail-meeting-changed-subject = Riunione modificata: { $title } ({ $table })
mail-meeting-cancelled-subject = Riunione annullata: { $title } ({ $table })
mail-meeting-withdrawn-subject = Non più convocato: { $title } ({ $table })
mail-meeting-body =
    Gentile { $name },

    { $kind ->
        [cancelled] la riunione «{ $title }» del { $table }, prevista il { $when }, è stata annullata. Motivo: { $reason }
        [withdrawn] non sei più convocato alla riunione «{ $title }» del { $table }, prevista il { $when }: non rappresenti più un membro del tavolo. L'invito allegato la toglie dal tuo calendario.
        [changed] la riunione «{ $title }» del { $table } è cambiata. Ecco i dettagli aggiornati.
       *[convened] sei convocato alla riunione «{ $title }» del { $table }.
    }

    Quando: { $when } (ora di Roma)
    { $has_place ->
        [yes] Dove: { $place }
       *[no] Dove: a distanza
    }
    { $has_online ->
        [yes] Collegamento: { $online }
       *[no] {""}
    }
    Ordine del giorno:
    { $agenda }
    L'invito allegato aggiorna il tuo calendario. Trovi tutti i dettagli qui:
    { $link }

error-meeting-past = La riunione deve essere convocata per un momento futuro.
error-meeting-agenda = Scrivi almeno un punto all'ordine del giorno.
error-meeting-too-many = Troppi elementi: al massimo 20.
error-meeting-item = Ogni punto all'ordine del giorno ha un titolo di una riga, al massimo 300 caratteri.
error-meeting-presenter-missing = Indica chi presenta ogni punto all'ordine del giorno.
error-meeting-presenter-long = Il nome di chi presenta è troppo lungo (al massimo 120 caratteri).
error-meeting-presenter = Chi presenta deve essere uno dei rappresentanti attuali del tavolo.
error-meeting-document = Indica documenti della biblioteca che tutti i membri del tavolo possono leggere, uno per riga.
error-meeting-cancelled = La riunione è stata annullata.
error-meeting-held = La riunione si è già tenuta.
error-meeting-begun = La riunione è già cominciata: non può più essere modificata né annullata.
error-meeting-cancelled-twice = La riunione è già stata annullata.
error-attendance-early = Le presenze si registrano dal giorno della riunione.
error-attendance-not-member = Le presenze si registrano solo per le organizzazioni membri del tavolo il giorno della riunione.
error-attendance-twice = Ogni organizzazione compare una sola volta.
error-attendance-person = I nomi hanno al massimo 120 caratteri, senza caratteri di controllo.
error-attendance-delegate = Per una delega indica a chi è stata data.
error-attendance-empty = Registra la presenza di almeno un'organizzazione.
