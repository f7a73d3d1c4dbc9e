# Minutes of the territorial tables' meetings.

audit-did-tables-minutes-draft = a commencé le procès-verbal d'une réunion d'une table territoriale
audit-did-tables-minutes-amend = a modifié le procès-verbal d'une réunion d'une table territoriale
audit-did-tables-minutes-circulate = a diffusé le procès-verbal d'une réunion d'une table territoriale
audit-did-tables-minutes-comment = a commenté le procès-verbal d'une réunion d'une table territoriale
audit-did-tables-minutes-approve = a approuvé le procès-verbal d'une réunion d'une table territoriale
audit-did-tables-minutes-publish = a publié le procès-verbal d'une réunion d'une table territoriale

error-minutes-sections = Les sections du procès-verbal ne correspondent plus à celles enregistrées : rechargez la page.
error-minutes-decision-unknown = Une décision n'appartient pas à cette section du procès-verbal.
error-minutes-too-many = Une section compte plus de 30 décisions.
error-minutes-approved = Le procès-verbal est déjà approuvé : il ne peut plus changer.
error-minutes-deadline-past = La date limite des commentaires doit être postérieure à aujourd'hui.
error-minutes-deadline-far = La date limite des commentaires peut être au plus dans 90 jours.
error-minutes-not-circulated = Le procès-verbal n'a pas encore été diffusé.
error-minutes-comment-approved = Le procès-verbal est déjà approuvé : les commentaires sont clos.
error-minutes-comment-closed = La date limite des commentaires est passée.
error-minutes-already-approved = Le procès-verbal a déjà été approuvé.
error-minutes-already-published = Le procès-verbal est déjà publié.
error-minutes-not-approved = Un procès-verbal ne peut être publié qu'une fois approuvé.
error-minutes-exists = Cette réunion a déjà un procès-verbal.
error-minutes-not-held = Un procès-verbal se rédige seulement pour une réunion tenue (présences enregistrées).
error-minutes-not-representative = Seuls les représentants des membres de la table commentent le procès-verbal.
error-minutes-changed = Le procès-verbal a changé entre-temps : rechargez la page et réessayez.

minutes-title = Procès-verbal
minutes-steps = Étapes du procès-verbal
minutes-status-draft = Brouillon
minutes-status-circulated = Diffusé
minutes-status-approved = Approuvé
minutes-status-published = Approuvé et publié
minutes-revision = Version { $number }
minutes-circulated-on = Diffusé : { $when }
minutes-deadline-until = Commentaires ouverts jusqu'à : { $date } (inclus)
minutes-deadline-passed = Commentaires clos : { $date }
minutes-approved-by = Approuvé par { $name } : { $when }
minutes-approved-on = Approuvé le { $when }
minutes-published-on = Publié : { $when }
minutes-amend = Modifier le procès-verbal
minutes-approve = Approuver le procès-verbal
minutes-publish = Publier le procès-verbal
minutes-circulate = Diffuser le procès-verbal
minutes-circulate-again = Diffuser à nouveau le procès-verbal
minutes-circulate-hint = Chaque représentant des membres reçoit un courriel avec le lien vers le procès-verbal ; ceux qui ont un compte peuvent commenter chaque section jusqu'à la date limite.
minutes-deadline = Date limite des commentaires
minutes-circulate-send = Envoyer aux représentants
minutes-export-docx = Télécharger le procès-verbal (DOCX)
minutes-export-pdf = Télécharger le procès-verbal (PDF/A)
minutes-section-empty = Aucun texte pour ce point.
minutes-decision = Décision
minutes-decision-n = Décision { $number }
minutes-decisions = Décisions
minutes-decisions-hint = Une décision par case. Videz une case pour retirer sa décision ; les cases vides à la fin en ajoutent.
minutes-comments = Commentaires
minutes-on-revision = sur la version { $number }
minutes-comment-on = Commenter le point { $number }
minutes-comment = Commentaire
minutes-comment-send = Envoyer le commentaire
minutes-revisions = Versions
minutes-compare = Comparer des versions du procès-verbal
minutes-compare-previous = comparer avec la précédente
minutes-form-hint = Une section pour chaque point de l'ordre du jour : écrivez ce qui a été dit et indiquez à part les décisions prises. Chaque enregistrement est une nouvelle version.
minutes-section-body = Compte rendu
minutes-markdown-hint = Vous pouvez utiliser Markdown : **gras**, listes avec « - », titres avec « ### ».
minutes-note = Ce qui change dans cette version (facultatif)
minutes-save = Enregistrer la version
minutes-back = Retour au procès-verbal
minutes-file = proces-verbal
minutes-of-meeting = Procès-verbal de la réunion
minutes-draft = Rédiger le procès-verbal
minutes-draft-hint = Le procès-verbal a une section pour chaque point de l'ordre du jour.
minutes-open = Ouvrir le procès-verbal
minutes-none-yet = Le procès-verbal n'est pas encore disponible.
minutes-public-title = Procès-verbaux approuvés
minutes-public-none = Aucun procès-verbal publié.

mail-minutes-subject = Procès-verbal à commenter : { $title } ({ $table })
mail-minutes-body =
    Bonjour { $name },

    le procès-verbal de la réunion « { $title } » ({ $date }) de la table « { $table } » est prêt pour vos commentaires.
    Date limite des commentaires : { $deadline } (inclus).
    { $account ->
        [yes] Vous pouvez le lire et commenter chaque section ici : { $link }
       *[no] Vous pouvez envoyer vos commentaires au secrétariat de la table. Le texte figure ci-dessous.
    }

    { $text }
