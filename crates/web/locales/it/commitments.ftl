# Commitments (impegni) of the territorial tables.
commitments-title = Impegni
commitments-none = Nessun impegno registrato.
commitment-title = Impegno
commitment-new = Nuovo impegno
commitment-edit = Modifica l'impegno
commitment-form-intro = Impegno deciso nella riunione:
commitment-conflict-text = L'impegno è stato modificato mentre lo modificavi. Ecco la versione salvata; il modulo conserva quello che hai scritto: salvandolo la sostituisci.
commitment-what = Che cosa
commitment-organisation = Organizzazione che lo assume
commitment-person = Persona di riferimento
commitment-person-hint = Uno dei rappresentanti dell'organizzazione al tavolo.
commitment-choose = Scegli…
commitment-due-on = Scadenza
commitment-due-hint = Non prima del giorno della riunione.
commitment-due = scadenza { $date }
commitment-evidence = Documentazione
commitment-evidence-hint = L'indirizzo di un documento della biblioteca leggibile da tutti i membri del tavolo, oppure un collegamento web (https://…).
commitment-document = documento della biblioteca
commitment-note = Nota
commitment-save = Salva l'impegno
commitment-meeting = Deciso nella riunione
commitment-closed = Chiuso il
commitment-closed-on = chiuso il { $date }
commitment-reason = Motivo dell'abbandono
commitment-reason-field = Motivo (se abbandonato)
commitment-reason-hint = Obbligatorio per abbandonare l'impegno.
commitment-status = Stato
commitment-status-open = Aperto
commitment-status-in_progress = In corso
commitment-status-overdue = Scaduto
commitment-status-done = Concluso
commitment-status-dropped = Abbandonato
commitment-progress = Aggiorna l'impegno
commitment-progress-save = Salva l'aggiornamento
commitment-progress-conflict = L'impegno è stato aggiornato da qualcun altro mentre scrivevi: ecco il suo stato attuale. La tua nota è conservata nel modulo; controlla e invia di nuovo.
commitment-overdue-notice = La scadenza del { $date } è passata e l'impegno non è concluso.
commitment-history = Storico
commitment-history-someone = il sistema
commitment-field-what = Che cosa
commitment-field-organisation = Organizzazione
commitment-field-representative = Persona di riferimento
commitment-field-due_on = Scadenza
commitment-field-status = Stato
commitment-field-evidence = Documentazione
commitment-field-reason = Motivo dell'abbandono
commitment-record-from = Registra un impegno deciso in una riunione
commitment-record-at = Nuovo impegno da «{ $meeting }»
commitments-review-title = Impegni da verificare
commitments-review-hint = L'ordine del giorno propone di verificare gli impegni ancora aperti; il punto proposto si può modificare o cancellare.
commitments-review-stem = Verifica degli impegni
commitments-review-item = Verifica degli impegni: { $open ->
        [one] un impegno aperto
       *[other] { $open } impegni aperti
    }{ $overdue ->
        [0] {""}
        [one] , di cui uno scaduto
       *[other] , di cui { $overdue } scaduti
    }
commitments-review-presenter = La segreteria del tavolo
error-commitment-closed = L'impegno è già concluso o abbandonato: non cambia più.
error-commitment-status-move = Questo passaggio di stato non è possibile.
error-commitment-drop-reason = Per abbandonare l'impegno scrivi il motivo.
error-commitment-evidence = Indica un documento della biblioteca o un indirizzo web completo (https://…).
error-commitment-document = Il documento indicato non esiste o non è leggibile da tutti i membri del tavolo.
error-commitment-person = Scegli uno dei rappresentanti dell'organizzazione che assume l'impegno.
error-commitment-due-before-meeting = La scadenza non può precedere il giorno della riunione.
error-commitment-nothing = L'aggiornamento non cambia nulla: cambia lo stato o la documentazione, oppure scrivi una nota.
mail-commitment-reminder-subject = Promemoria: impegno in scadenza il { $due }
mail-commitment-reminder-body =
    Gentile { $name },

    ricordiamo che l'impegno assunto da { $organisation } al { $table } scade il { $due }:

    { $what }

    Puoi aggiornarne lo stato e allegare la documentazione qui:
    { $link }
mail-commitment-digest-subject = { $count ->
        [one] Un impegno scaduto da aggiornare
       *[other] { $count } impegni scaduti da aggiornare
    }
mail-commitment-digest-body =
    Gentile { $name },

    questi impegni dei tavoli territoriali sono scaduti e non risultano conclusi:

    { $list }
    Aggiornane lo stato (in corso, concluso o abbandonato con il motivo) dalla pagina di ciascun impegno.
commitment-decision = Decisione del verbale da cui nasce
commitment-decision-none = Nessuna decisione indicata
commitment-field-decision = Decisione del verbale
error-commitment-decision = Scegli una delle decisioni del verbale di questa riunione.
