# Minutes of the territorial tables' meetings.

audit-did-tables-minutes-draft = ha avviato il verbale di una riunione di un tavolo territoriale
audit-did-tables-minutes-amend = ha modificato il verbale di una riunione di un tavolo territoriale
audit-did-tables-minutes-circulate = ha fatto circolare il verbale di una riunione di un tavolo territoriale
audit-did-tables-minutes-comment = ha commentato il verbale di una riunione di un tavolo territoriale
audit-did-tables-minutes-approve = ha approvato il verbale di una riunione di un tavolo territoriale
audit-did-tables-minutes-publish = ha pubblicato il verbale di una riunione di un tavolo territoriale

error-minutes-sections = Le sezioni del verbale non corrispondono più a quelle salvate: ricarica la pagina.
error-minutes-decision-long = Una decisione supera i 2.000 caratteri.
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
