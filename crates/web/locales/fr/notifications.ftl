## Notifications as each person prefers: preferences, emails, digests, unsubscribe links.

notifications-unread-count = { $count ->
    [one] notification à lire
   *[other] notifications à lire
}
notifications-preferences-title = Préférences de notification
notifications-preferences-link = Choisir comment recevoir les notifications
notifications-preferences-intro = Pour chaque type de notification, choisissez de recevoir un e-mail tout de suite, un résumé quotidien, un résumé hebdomadaire ou aucun e-mail. Les notifications des discussions restent de toute façon dans la liste des notifications ; les invitations et convocations restent dans le calendrier des laboratoires et sur la page de la table.
notifications-preferences-saved = Préférences enregistrées.
notifications-default = par défaut
notifications-digest-times = Le récapitulatif quotidien part chaque matin à 8 h 00 (heure de Rome), l'hebdomadaire le lundi à 8 h 00.
notifications-delivery-immediate = Immédiatement
notifications-delivery-daily = Récapitulatif quotidien
notifications-delivery-weekly = Récapitulatif hebdomadaire
notifications-delivery-off = Aucun courriel
notifications-kind-mention = Mentions
notifications-kind-mention-hint = Quelqu'un vous mentionne dans une discussion.
notifications-kind-reply = Réponses à mes discussions
notifications-kind-reply-hint = Quelqu'un répond dans une discussion que vous avez ouverte.
notifications-kind-new_thread = Nouvelles discussions dans mes espaces
notifications-kind-new_thread-hint = Une discussion s'ouvre dans un espace dont vous faites partie.
notifications-kind-review = Révisions de mes produits
notifications-kind-review-hint = Un produit de votre administration est envoyé au tuteur, renvoyé avec des demandes de modification, ou approuvé.
notifications-kind-lab = Laboratoires
notifications-kind-lab-hint = Invitations et changements des séances de laboratoire auxquelles vous participez. Sans e-mail, vous les trouvez dans le calendrier des laboratoires.
notifications-kind-convocation = Convocations des tables
notifications-kind-convocation-hint = Convocations, modifications et annulations des réunions des tables territoriales, avec l'invitation pour l'agenda. Sans e-mail, vous les trouvez sur la page de la table.
notification-mention = { $who } vous a mentionné
notification-reply = { $who } a répondu à votre discussion
notification-new_thread = { $who } a ouvert une discussion
mail-mention-subject = Ponte : { $who } vous a mentionné dans « { $title } »
mail-mention-body = { $who } vous a mentionné dans la discussion « { $title } » ({ $space }). Lire le message : { $link }
mail-reply-subject = Ponte : { $who } a répondu dans « { $title } »
mail-reply-body = { $who } a répondu dans la discussion « { $title } » que vous avez ouverte ({ $space }). Lire la réponse : { $link }
mail-new_thread-subject = Ponte : nouvelle discussion « { $title } »
mail-new_thread-body = { $who } a ouvert la discussion « { $title } » dans { $space }. La lire : { $link }
mail-digest-daily-subject = Ponte : récapitulatif quotidien — { $kind } ({ $count })
mail-digest-daily-intro = Voici les notifications du jour ({ $kind }), regroupées par espace.
mail-digest-weekly-subject = Ponte : récapitulatif hebdomadaire — { $kind } ({ $count })
mail-digest-weekly-intro = Voici les notifications de la semaine ({ $kind }), regroupées par espace.
mail-notification-footer = Ne plus recevoir de courriels pour « { $kind } » ? Se désabonner : { $link } — Ou choisir comment les recevoir : { $preferences }
unsubscribe-title = Se désabonner
unsubscribe-confirm = Ne plus recevoir de courriels pour « { $kind } » ? Les notifications resteront dans votre liste de notifications de Ponte.
unsubscribe-submit = Ne plus recevoir ces courriels
unsubscribe-done = C'est fait : vous ne recevrez plus de courriels pour « { $kind } ».
unsubscribe-choose = Vous pouvez changer d'avis à tout moment :
unsubscribe-error-invalid = Ce lien de désabonnement n'est pas valide : il a été modifié ou ne vient pas de Ponte. Rien n'a été changé.
unsubscribe-error-expired = Ce lien de désabonnement a expiré. Rien n'a été changé : connectez-vous et choisissez vos préférences.
community-error-mention-outside = Parmi les personnes qui voient cet espace, aucune ne s'appelle « { $name } » : seules celles qui le voient peuvent être mentionnées. Vérifiez le nom après @. Le message n'a pas été enregistré.
community-error-mention-ambiguous = Plusieurs personnes de cet espace s'appellent « { $name } » : on ne sait pas qui mentionner. Le message n'a pas été enregistré.
community-mention-hint = Pour mentionner quelqu'un, écrivez @[Prénom Nom].
community-mention-people = Qui puis-je mentionner ?
community-people-title = Qui vous pouvez mentionner dans { $space }
community-people-intro = Seules les personnes qui voient cet espace peuvent être mentionnées. Copiez la mention dans le texte de votre message.
community-people-mention = Mention
audit-did-notifications-preferences = a changé ses préférences de notification
audit-did-notifications-unsubscribe = s'est désabonné d'un type de courriel
