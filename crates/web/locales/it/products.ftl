## Products and remote tutoring

nav-notifications = Notifiche
nav-tutoring = Tutoraggio
products-title = Prodotti
products-of = Prodotti di { $name }
products-new = Nuovo prodotto
products-create = Crea il prodotto
products-none = Nessun prodotto ancora. Inizia dal primo prodotto del laboratorio.
products-field-title = Titolo
products-field-kind = Tipo di prodotto
products-field-state = Stato
products-field-due = Scadenza
products-due-hint = Facoltativa. Tre giorni prima arriva un promemoria a chi lavora al prodotto.
products-due = Scadenza: { $date }
products-updated = Aggiornato il { $at }
products-versions-count = { $count ->
    [one] una versione
   *[other] { $count } versioni
}
products-open-comments = Commenti aperti
products-feed = Attività recenti
products-feed-empty = Ancora nessuna attività.
products-someone = Qualcuno
products-edit = Modifica
products-editing = Modifica: { $title }
products-versions = Versioni
products-version = Versione
products-version-n = versione { $n }
products-version-label = Descrizione della versione
products-version-by = Autore
products-version-at = Data
products-versions-intro = Le versioni sono copie fisse del prodotto: non cambiano più. Ogni invio al tutor ne crea una.
products-no-versions = Nessuna versione ancora: spunta «Salva come versione» quando salvi, oppure invia il prodotto al tutor.
products-state-since = dal { $at }, { $who }
products-draft = Bozza attuale
products-draft-updated = Bozza aggiornata il { $at } da { $who }.
products-viewing-version = Stai leggendo la versione { $n } del { $at } ({ $who }).
products-back-to-draft = Torna alla bozza
products-content = Contenuto
products-empty = Il prodotto è ancora vuoto.
products-history = Cronologia
products-text = Testo
products-markdown-hint = Scrivi in Markdown: ## per i titoli delle sezioni, - per gli elenchi, **grassetto**, [testo](https://indirizzo) per i link. Il codice HTML è mostrato come testo.
products-mark-version = Salva come versione (una copia fissa che il tutor può confrontare)
products-save = Salva
products-save-stay = Salva e continua
products-not-editable = Il prodotto è in revisione o approvato: non si può modificare ora.
products-conflict-title = Qualcun altro ha salvato questo prodotto mentre lo modificavi.
products-conflict-body = { $who } ha salvato il { $at }. Le tue modifiche sono qui sotto, non salvate: confrontale con la versione salvata e salva di nuovo per tenerle.
products-conflict-show = Mostra la versione salvata
products-done-saved = Modifiche salvate.
products-done-version = Modifiche salvate come nuova versione.
products-done-submitted = Prodotto inviato al tutor.
products-done-resubmitted = Prodotto inviato di nuovo al tutor.
products-done-changes_requested = Modifiche richieste: gli autori sono stati avvisati.
products-done-approved = Prodotto approvato.
products-done-blocked = Il quadro logico ha ancora errori: correggili prima di inviarlo (vedi il controllo di qualità).
products-compare = Confronta versioni
products-compare-from = Da
products-compare-to = A
products-compare-go = Confronta
products-comparing = Differenze tra { $a } e { $b }.
products-compare-mixed = Le due versioni hanno contenuti di tipo diverso e non si possono confrontare riga per riga.
products-changes = { $count ->
    [0] Nessuna differenza
    [one] Una differenza
   *[other] { $count } differenze
}
products-diff-row = Riga
products-diff-change = Cambiamento
products-diff-before = Prima
products-diff-after = Dopo
products-diff-same = invariata
products-diff-added = aggiunta
products-diff-removed = eliminata
products-diff-changed = modificata
products-diff-renumbered = prima era { $from }

state-draft = Bozza
state-submitted = Inviato al tutor
state-changes_requested = Modifiche richieste
state-resubmitted = Inviato di nuovo
state-approved = Approvato

event-created = Creato
event-version = Versione
event-submitted = Inviato al tutor
event-resubmitted = Inviato di nuovo
event-changes_requested = Modifiche richieste
event-approved = Approvato
feed-created = { $who } ha creato
feed-version = { $who } ha salvato una versione
feed-submitted = { $who } ha inviato al tutor
feed-resubmitted = { $who } ha inviato di nuovo al tutor
feed-changes_requested = { $who } ha richiesto modifiche
feed-approved = { $who } ha approvato
feed-commented = { $who } ha commentato
event-commented = Commentato

review-title = Revisione
review-note = Nota per l'altra parte (facoltativa)
review-action-submit = Invia al tutor
review-action-request_changes = Chiedi modifiche
review-action-approve = Approva
review-refused-state = Questa azione non è possibile nello stato attuale del prodotto.
review-refused-role = Non puoi compiere questa azione su questo prodotto.
review-refused-own = Non puoi approvare né respingere un prodotto a cui hai lavorato.

comments-title = Commenti
comments-anchor = Su quale elemento
comments-general = Tutto il prodotto
comments-body = Commento
comments-add = Aggiungi il commento
comments-none = Nessun commento.
comments-on-draft = sulla bozza
comments-anchor-gone = elemento non più presente
comments-resolved = Risolto
comments-resolve = Segna come risolto
comments-reopen = Riapri
comments-reply = Rispondi

inbox-title = Tutoraggio a distanza
inbox-no-organisations = Non sei tutor di nessuna amministrazione.
inbox-waiting = Prodotti da rivedere
inbox-waiting-none = Nessun prodotto in attesa di revisione.
inbox-threads = Commenti aperti
inbox-threads-none = Nessun commento aperto.

notifications-title = Notifiche
notifications-none = Nessuna notifica.
notifications-new = Nuova
notifications-mark-read = { $count ->
    [one] Segna come letta
   *[other] Segna tutte come lette ({ $count })
}
notification-submitted = { $who } ha inviato al tutor
notification-resubmitted = { $who } ha inviato di nuovo
notification-changes_requested = { $who } ha chiesto modifiche
notification-approved = { $who } ha approvato
notification-comment = { $who } ha commentato
notification-reminder = Scadenza vicina

mail-product-submitted-subject = Ponte: «{ $title }» è pronto per la revisione
mail-product-submitted-body = Il prodotto «{ $title }» è stato inviato al tutor.

    Aprilo qui: { $link }
mail-product-resubmitted-subject = Ponte: «{ $title }» è stato inviato di nuovo
mail-product-resubmitted-body = Il prodotto «{ $title }» è stato rivisto dagli autori e inviato di nuovo.

    Aprilo qui: { $link }
mail-product-changes_requested-subject = Ponte: il tutor chiede modifiche a «{ $title }»
mail-product-changes_requested-body = Il tutor ha chiesto modifiche al prodotto «{ $title }».

    Leggi i commenti qui: { $link }
mail-product-approved-subject = Ponte: «{ $title }» è approvato
mail-product-approved-body = Il tutor ha approvato il prodotto «{ $title }».

    Aprilo qui: { $link }
mail-product-reminder-subject = Ponte: «{ $title }» scade il { $due }
mail-product-reminder-body = Promemoria: il prodotto «{ $title }» va inviato al tutor entro il { $due }.

    Aprilo qui: { $link }

section-chosen-areas = Macroaree scelte
section-rationale = Motivazioni
section-actors = Attori del territorio coinvolti
section-priorities = Priorità
section-target-countries = Paesi target
section-linked-logframes = Quadri logici collegati
section-timeline = Cronoprogramma
section-objectives = Obiettivi
section-audiences = Destinatari
section-messages = Messaggi chiave
section-channels = Canali e strumenti
section-partners = Partner
section-roles = Ruoli e responsabilità
section-agreements = Accordi e strumenti di partenariato
section-cost-items = Voci di costo
section-funding-sources = Fonti di finanziamento
section-cofinancing = Cofinanziamento
section-context = Contesto e problema
section-activities = Attività
section-budget = Budget
section-sustainability = Sostenibilità
section-current-organisation = Assetto organizzativo attuale
section-strengths-weaknesses = Punti di forza e di debolezza
section-improvement-hypotheses = Ipotesi di miglioramento
section-actions = Azioni di miglioramento
section-responsibilities = Responsabilità
section-monitoring = Monitoraggio

product-document = Documento libero

lf-mode = Tipo di matrice
lf-mode-hint = La matrice classica del Project Cycle Management o la catena dei risultati delle azioni UE attuali.
lf-mode-classic = Matrice classica 4x4
lf-mode-results_chain = Catena dei risultati (UE)
lf-metadata = Dati del quadro logico
lf-macro-area = Macroarea
lf-language = Lingua della matrice
lf-language-hint = I numeri senza formato dichiarato si leggono secondo questa lingua: «1.234» è milleduecentotrentaquattro in italiano e in francese, uno virgola due tre quattro in inglese.
lf-language-none = Non indicata
lf-project-end = Fine del progetto
lf-project-end-hint = I valori obiettivo dei risultati vanno raggiunti entro questa data.
lf-preconditions = Precondizioni
lf-preconditions-hint = Ciò che deve essere vero prima che le attività possano iniziare (matrice classica).
lf-marked-final = Matrice definitiva
lf-marked-final-hint = Segnala la matrice come definitiva: i valori di partenza e obiettivo che il modello UE a catena dei risultati consente di completare alla firma del contratto o nella prima relazione diventano obbligatori.
lf-final-badge = Definitiva
lf-sectors = Settori OCSE-DAC
lf-editor-hint = Ogni riga ha un numero automatico (1, 1.1, 1.1.1). Sposta le righe con i pulsanti o trascinandole: la riga porta con sé quelle che dipendono da lei.
lf-drag = Trascina per spostare
lf-level = Livello
lf-level-overall = Obiettivo generale
lf-level-specific = Obiettivo specifico
lf-level-result = Risultato
lf-level-activity = Attività
lf-level-impact = Impatto
lf-level-outcome = Effetto
lf-level-output = Realizzazione
lf-col-logic-classic = Logica d'intervento
lf-col-logic-results_chain = Catena dei risultati
lf-col-indicators = Indicatori
lf-col-sources-classic = Fonti di verifica
lf-col-sources-results_chain = Fonti dei dati
lf-col-assumptions = Ipotesi
lf-means = Mezzi
lf-costs = Costi
lf-indicator = Indicatore
lf-indicator-text = Indicatore
lf-measure = Misura
lf-measure-number = Numero
lf-measure-percentage = Percentuale
lf-measure-qualitative = Qualitativo
lf-direction = Andamento atteso
lf-direction-increase = Aumento
lf-direction-decrease = Diminuzione
lf-direction-maintain = Mantenimento
lf-unit = Unità di misura
lf-baseline = Valore di partenza
lf-baseline-year = Anno del valore di partenza
lf-target = Valore obiettivo
lf-target-date = Data del valore obiettivo
lf-milestones = Tappe intermedie
lf-source = Fonte
lf-disaggregation = Disaggregazione
lf-move-up = Sposta su
lf-move-down = Sposta giù
lf-add-indicator = Indicatore
lf-add-overall = Obiettivo generale
lf-add-classic-specific = Obiettivo specifico
lf-add-classic-result = Risultato
lf-add-classic-activity = Attività
lf-add-results_chain-specific = Effetto
lf-add-results_chain-result = Realizzazione
lf-remove-indicator = Elimina l'indicatore
lf-remove-row = Elimina la riga
lf-row-actions = Azioni su { $row }
lf-field-mode = tipo di matrice
lf-field-macro_area = macroarea
lf-field-countries = paesi
lf-field-sectors = settori
lf-field-language = lingua della matrice
lf-field-project_end = fine del progetto
lf-field-preconditions = precondizioni
lf-field-marked_final = matrice definitiva
lf-field-level = livello
lf-field-text = testo
lf-field-sources = fonti
lf-field-assumptions = ipotesi
lf-field-means = mezzi
lf-field-costs = costi
lf-field-unit = unità
lf-field-measure = misura
lf-field-direction = andamento
lf-field-baseline = valore di partenza
lf-field-baseline_year = anno di partenza
lf-field-target = valore obiettivo
lf-field-target_date = data obiettivo
lf-field-milestones = tappe
lf-field-source = fonte
lf-field-disaggregation = disaggregazione
lf-error-year = Scrivi un anno di quattro cifre tra 1950 e 2100.
lf-error-too-many-rows = Il quadro logico può avere al massimo 200 righe.
lf-error-too-many-indicators = Una riga può avere al massimo 20 indicatori.
lf-check-title = Controllo di qualità
lf-check-ok = Il controllo di qualità non trova problemi.
lf-severity-error = Da correggere
lf-severity-warning = Da valutare
lf-check-no-overall = Manca l'obiettivo generale: il quadro logico ne ha esattamente uno.
lf-check-many-overall = C'è più di un obiettivo generale: il quadro logico ne ha uno solo; gli altri possono diventare obiettivi specifici.
lf-check-no-specific = Manca un obiettivo specifico: serve almeno uno.
lf-check-orphan-result = Questo risultato non sta sotto un obiettivo specifico: spostalo sotto l'obiettivo a cui contribuisce.
lf-check-orphan-activity = Questa attività non sta sotto un risultato: spostala sotto il risultato che produce.
lf-check-empty-specific = Sotto questo obiettivo non c'è alcun risultato: indica i risultati (output) che lo rendono raggiungibile.
lf-check-empty-result = Sotto questo risultato non c'è alcuna attività: nella matrice classica ogni risultato ha le attività che lo producono.
lf-check-no-indicator = Manca un indicatore: ogni obiettivo e ogni risultato ne ha almeno uno.
lf-check-no-unit = L'indicatore numerico non ha un'unità di misura.
lf-check-no-baseline = L'indicatore quantitativo non ha un valore di partenza con il suo anno.
lf-check-no-target = L'indicatore quantitativo non ha un valore obiettivo con la sua data.
lf-check-no-source = L'indicatore quantitativo non ha una fonte (né sua, né della riga).
lf-check-chain-baseline-pending = Il valore di partenza con il suo anno manca ancora: il modello UE consente di completarlo alla firma del contratto o al più tardi nella prima relazione; sarà obbligatorio quando segnali la matrice come definitiva.
lf-check-chain-target-pending = Il valore obiettivo con la sua data manca ancora: il modello UE consente di completarlo alla firma del contratto o al più tardi nella prima relazione; sarà obbligatorio quando segnali la matrice come definitiva.
lf-check-qualitative-no-source = L'indicatore qualitativo non ha una fonte (né sua, né della riga): indica dove si verificherà il cambiamento.
lf-check-qualitative-no-target = L'indicatore qualitativo non descrive la situazione attesa: scrivi come sarà lo stato da raggiungere.
lf-check-ambiguous-number = Un valore si può leggere in due modi (per esempio «1.234»: milleduecentotrentaquattro o uno virgola due): indica la lingua della matrice o scrivi il numero senza ambiguità («1234» o «1,234»).
lf-check-target-direction = Il valore obiettivo non va nella direzione attesa rispetto al valore di partenza.
lf-check-percent-range = Una percentuale è fuori dall'intervallo tra 0 e 100.
lf-check-target-before-baseline = La data del valore obiettivo è precedente all'anno del valore di partenza.
lf-check-target-after-end = Il valore obiettivo di questo risultato è datato dopo la fine del progetto: i risultati si raggiungono entro il progetto.
lf-check-outcome-target-after-end = Il valore obiettivo è datato dopo la fine del progetto: verifica che si possa misurare, per esempio nella valutazione finale.
lf-check-qualitative-numbers = L'indicatore qualitativo ha come valore solo una quantità: rendilo numerico, oppure descrivi lo stato a parole.
lf-check-process-indicator = Questo indicatore conta incontri, seminari o formazioni svolti: misura le attività, non il cambiamento atteso a livello di obiettivo. Spostalo su un risultato e misura qui l'effetto.
lf-check-no-sex-disaggregation = L'indicatore conta persone ma non è disaggregato per sesso, come chiede il piano d'azione UE sulla parità di genere.
lf-check-no-assumption = In questa riga manca un'ipotesi: scrivi la condizione esterna necessaria per passare al livello superiore.
lf-check-no-activity-assumption = Nessuna attività indica ipotesi e mancano le precondizioni: scrivi che cosa serve perché le attività si svolgano.
lf-check-copied-assumption = La stessa ipotesi è copiata su ogni riga: ogni passaggio tra livelli ha le sue condizioni esterne.
lf-check-activity-means = L'attività non indica mezzi o costi: aggiungili, finché non li fornisce un budget collegato.
lf-check-chain-activity = La catena dei risultati non contiene attività: descrivile nel progetto, non nella matrice.
lf-check-chain-too-many = La catena dei risultati ha più di 10 risultati, impatto compreso: concentrala sui principali.
lf-check-activity-objective = Questo obiettivo descrive un'attività («organizzare», «realizzazione di»…): descrivi invece il cambiamento atteso.
lf-check-activity-result = Questo risultato descrive un'attività («organizzare», «realizzazione di»…): descrivi invece il prodotto o il servizio ottenuto (per esempio «Piano adottato»).
lf-check-duplicate-row = Questa riga ripete quasi con le stesse parole un'altra riga: uniscile o distinguile.
lf-check-restates-parent = Questa riga ripete quella da cui dipende: descrivi il passo intermedio che porta al livello superiore.

products-starting-from = Il nuovo prodotto parte da una copia di «{ $title }».
products-use-practice = Usa nella mia amministrazione
products-from-practice-intro = Adattamento della buona pratica «{ $title }» ({ $administration }).
products-practice-adaptation = Come la adattiamo alla nostra amministrazione
products-model-not-approved = Solo un prodotto approvato può diventare un modello.
products-done-model = Il prodotto è pubblicato come modello per le altre amministrazioni.
products-done-unmodel = Il prodotto non è più un modello.
models-title = Modelli di prodotto
models-intro = Prodotti approvati che lo staff del programma ha pubblicato come modelli: ogni amministrazione può partire da una loro copia.
models-none = Nessun modello pubblicato ancora.
models-browse = Oppure parti da un modello pubblicato
models-badge = Modello
models-from = di { $name }
models-use = Parti da questo modello per { $name }
models-publish = Pubblica come modello
models-withdraw = Ritira il modello

tutoring-log = Registro del tutoraggio
tutoring-total = { $count ->
    [0] Nessuna sessione registrata.
    [one] Una sessione registrata, { $hours } ore.
   *[other] { $count } sessioni registrate, { $hours } ore in tutto.
}
tutoring-recorded = Sessione registrata.
tutoring-minutes = { $minutes } minuti
tutoring-by = Tutor: { $who }
tutoring-participants = Partecipanti
tutoring-steps = Prossimi passi concordati
tutoring-step = Che cosa
tutoring-owner = Chi
tutoring-due = Entro
tutoring-none = Nessuna sessione di tutoraggio registrata.
tutoring-record = Registra una sessione
tutoring-date = Data della sessione
tutoring-duration = Durata in minuti
tutoring-notes = Note
tutoring-product = Prodotto discusso
tutoring-save = Registra la sessione
tutoring-error-date = La data non può essere nel futuro né più vecchia di dieci anni.
tutoring-error-minutes = Scrivi la durata in minuti, tra 5 e 600.

workload-title = Carico di lavoro dei tutor
workload-intro = Per ogni tutor: amministrazioni seguite, sessioni registrate e loro durata, prodotti in attesa di revisione e commenti aperti.
workload-tutor = Tutor
workload-organisations = Amministrazioni
workload-sessions = Sessioni
workload-hours = Ore
workload-last = Ultima sessione
workload-none = Nessun tutor assegnato.
products-export = Scarica
products-export-docx = Documento Word (DOCX)
products-export-pdf = PDF
products-export-xlsx = Foglio di calcolo (XLSX)
lf-countries-label = Paesi

analysis-title = Analisi dei problemi e degli attori
analysis-link = Parti dall'albero dei problemi e dall'analisi degli attori.
analysis-intro = L'albero dei problemi (il problema centrale, le sue cause sotto e i suoi effetti sopra) si riformula nell'albero degli obiettivi con gli stessi legami di causa ed effetto; l'albero degli obiettivi genera le righe del quadro logico. L'analisi degli attori dice chi conta e come partecipa.
analysis-empty = L'albero è ancora vuoto: comincia dal problema centrale.
analysis-problem-tree = Albero dei problemi
analysis-objective-tree = Albero degli obiettivi
analysis-effects = Effetti
analysis-causes = Cause
analysis-ends = Fini
analysis-means = Mezzi
analysis-to-restate = (da riformulare)
analysis-stakeholders = Analisi degli attori
analysis-no-stakeholders = Nessun attore ancora.
analysis-stakeholder = Attore
analysis-interests = Interessi
analysis-influence = Influenza
analysis-capacity = Capacità
analysis-participation = Partecipazione
analysis-watch-title = Da considerare nelle ipotesi
analysis-watch = { $names }: molta influenza ma solo informati o consultati. Scrivete nelle ipotesi del quadro logico che cosa succede se non collaborano.
analysis-edit = Modifica l'analisi
analysis-nodes = Problemi e obiettivi
analysis-nodes-hint = Un solo problema centrale. Ogni causa indica il problema che provoca; ogni effetto il problema da cui deriva. Svuota il problema per eliminare una riga.
analysis-kind = Tipo
analysis-kind-core = Problema centrale
analysis-kind-cause = Causa
analysis-kind-effect = Effetto
analysis-parent = Legato a
analysis-problem = Problema
analysis-objective = Obiettivo (il problema riformulato in positivo)
analysis-save = Salva l'analisi
analysis-generate = Genera le righe del quadro logico
analysis-generate-hint = Gli effetti diretti diventano l'obiettivo generale, il problema centrale l'obiettivo specifico, le cause dirette i risultati e le loro cause le attività. Un quadro logico vuoto viene sostituito; altrimenti le righe si aggiungono in fondo.
analysis-error-core = L'albero ha bisogno di uno e un solo problema centrale.
analysis-error-link = Ogni causa deve essere legata al problema centrale o a un'altra causa, ogni effetto al problema centrale o a un altro effetto, senza giri.
grade-low = Bassa
grade-medium = Media
grade-high = Alta
participation-inform = Informato
participation-consult = Consultato
participation-involve = Coinvolto
participation-collaborate = Collabora
participation-empower = Decide

strategy-areas = Macroaree scelte e motivazioni
strategy-rationale = Perché questa macroarea
strategy-priorities = Priorità
strategy-priorities-hint = Una priorità per riga, in ordine di importanza.
strategy-countries = Paesi target
strategy-map-caption = I paesi target del piano sono in blu scuro.
strategy-logframes = Quadri logici collegati
strategy-no-logframes = L'amministrazione non ha ancora quadri logici.
strategy-timeline = Cronoprogramma
strategy-when = Quando (AAAA-MM o AAAA-MM-GG)
strategy-what = Che cosa
strategy-none = Non ancora indicato.
strategy-error-area = Scegli una macroarea del programma.
strategy-error-area-twice = Ogni macroarea va scelta una sola volta.
strategy-error-when = Scrivi le date del cronoprogramma come AAAA-MM o AAAA-MM-GG.
strategy-when-short = Quando
products-field-session = Giornata di laboratorio
products-session-hint = Facoltativa: il prodotto va presentato a questa giornata, che diventa la scadenza.
inbox-threads-oldest = Sono mostrati i 60 commenti aperti più vecchi.
lf-sectors-filter = Filtra i settori
products-preview = Anteprima
products-preview-show = Aggiorna l'anteprima
products-preview-empty = Scrivi il testo, poi aggiorna l'anteprima per vederlo come lo leggeranno gli altri.
inbox-waiting-order = Prima i prodotti che aspettano da più tempo.
inbox-waited = { $days ->
    [0] Inviato oggi
    [one] In attesa da 1 giorno (inviato il { $since })
   *[other] In attesa da { $days } giorni (inviato il { $since })
}
lf-row-n = Riga { $n }
