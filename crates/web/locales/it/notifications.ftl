## Notifications as each person prefers: preferences, emails, digests, unsubscribe links.

notifications-unread-count = { $count ->
    [one] notifica da leggere
   *[other] notifiche da leggere
}
notifications-preferences-title = Preferenze delle notifiche
notifications-preferences-link = Scegli come ricevere le notifiche
notifications-preferences-intro = Per ogni tipo di notifica scegli se ricevere un'email subito, un riepilogo giornaliero, un riepilogo settimanale o nessuna email. Le notifiche delle discussioni restano comunque nell'elenco delle notifiche; inviti e convocazioni restano nel calendario dei laboratori e nella pagina del tavolo.
notifications-preferences-saved = Preferenze salvate.
notifications-default = predefinito
notifications-digest-times = Il riepilogo giornaliero parte ogni mattina alle 8:00 (ora di Roma), quello settimanale il lunedì alle 8:00.
notifications-delivery-immediate = Subito
notifications-delivery-daily = Riepilogo giornaliero
notifications-delivery-weekly = Riepilogo settimanale
notifications-delivery-off = Nessuna email
notifications-kind-mention = Menzioni
notifications-kind-mention-hint = Qualcuno ti menziona in una discussione.
notifications-kind-reply = Risposte alle mie discussioni
notifications-kind-reply-hint = Qualcuno risponde in una discussione che hai aperto.
notifications-kind-new_thread = Nuove discussioni nei miei spazi
notifications-kind-new_thread-hint = Si apre una discussione in uno spazio di cui fai parte.
notifications-kind-review = Revisioni dei miei prodotti
notifications-kind-review-hint = Un prodotto della tua amministrazione è inviato al tutor, rimandato con richieste di modifica o approvato.
notifications-kind-lab = Laboratori
notifications-kind-lab-hint = Inviti e cambiamenti degli incontri dei laboratori a cui partecipi. Senza email li trovi nel calendario dei laboratori.
notifications-kind-convocation = Convocazioni dei tavoli
notifications-kind-convocation-hint = Convocazioni, modifiche e annullamenti delle riunioni dei tavoli territoriali, con l'invito per il calendario. Senza email le trovi nella pagina del tavolo.
notification-mention = { $who } ti ha menzionato
notification-reply = { $who } ha risposto alla tua discussione
notification-new_thread = { $who } ha aperto una discussione
mail-mention-subject = Ponte: { $who } ti ha menzionato in «{ $title }»
mail-mention-body = { $who } ti ha menzionato nella discussione «{ $title }» ({ $space }). Leggi il messaggio: { $link }
mail-reply-subject = Ponte: { $who } ha risposto in «{ $title }»
mail-reply-body = { $who } ha risposto nella discussione «{ $title }» che hai aperto ({ $space }). Leggi la risposta: { $link }
mail-new_thread-subject = Ponte: nuova discussione «{ $title }»
mail-new_thread-body = { $who } ha aperto la discussione «{ $title }» in { $space }. Leggila: { $link }
mail-digest-daily-subject = Ponte: riepilogo giornaliero — { $kind } ({ $count })
mail-digest-daily-intro = Ecco le notifiche del giorno ({ $kind }), raggruppate per spazio.
mail-digest-weekly-subject = Ponte: riepilogo settimanale — { $kind } ({ $count })
mail-digest-weekly-intro = Ecco le notifiche della settimana ({ $kind }), raggruppate per spazio.
mail-notification-footer = Non vuoi più ricevere email per «{ $kind }»? Annulla l'iscrizione: { $link } — Oppure scegli come riceverle: { $preferences }
unsubscribe-title = Annulla l'iscrizione
unsubscribe-confirm = Vuoi smettere di ricevere email per «{ $kind }»? Le notifiche resteranno nell'elenco delle notifiche di Ponte.
unsubscribe-submit = Non ricevere più queste email
unsubscribe-done = Fatto: non riceverai più email per «{ $kind }».
unsubscribe-choose = Puoi cambiare idea in qualsiasi momento:
unsubscribe-error-invalid = Questo link di annullamento non è valido: è stato modificato o non proviene da Ponte. Non è stato cambiato nulla.
unsubscribe-error-expired = Questo link di annullamento è scaduto. Non è stato cambiato nulla: accedi e scegli le tue preferenze.
community-error-mention-outside = Tra le persone che vedono questo spazio nessuna si chiama «{ $name }»: si può menzionare solo chi lo vede. Controlla il nome dopo @. Il messaggio non è stato salvato.
community-error-mention-ambiguous = Più persone in questo spazio si chiamano «{ $name }»: non è chiaro chi menzionare. Il messaggio non è stato salvato.
community-mention-hint = Per menzionare qualcuno scrivi @[Nome Cognome].
community-mention-people = Chi posso menzionare?
community-people-title = Chi puoi menzionare in { $space }
community-people-intro = Solo le persone che vedono questo spazio possono essere menzionate. Copia la menzione nel testo del messaggio.
community-people-mention = Menzione
audit-did-notifications-preferences = ha cambiato le preferenze delle notifiche
audit-did-notifications-unsubscribe = ha annullato l'iscrizione a un tipo di email
