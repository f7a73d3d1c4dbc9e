# Commitments (impegni) of the territorial tables.
commitments-title = Engagements
commitments-none = Aucun engagement enregistré.
commitment-title = Engagement
commitment-new = Nouvel engagement
commitment-edit = Modifier l'engagement
commitment-form-intro = Engagement décidé lors de la réunion :
commitment-conflict-text = L'engagement a été modifié pendant que vous le modifiiez. Voici la version enregistrée ; le formulaire garde ce que vous avez saisi : l'enregistrer remplace cette version.
commitment-what = Quoi
commitment-organisation = Organisation engagée
commitment-person = Personne de référence
commitment-person-hint = L'un des représentants de l'organisation à la table.
commitment-choose = Choisir…
commitment-due-on = Échéance
commitment-due-hint = Pas avant le jour de la réunion.
commitment-due = échéance { $date }
commitment-evidence = Justificatif
commitment-evidence-hint = L'adresse d'un document de la bibliothèque que tous les membres de la table peuvent lire, ou un lien web (https://…).
commitment-document = document de la bibliothèque
commitment-note = Note
commitment-save = Enregistrer l'engagement
commitment-meeting = Décidé lors de la réunion
commitment-closed = Clos le
commitment-closed-on = clos le { $date }
commitment-reason = Motif de l'abandon
commitment-reason-field = Motif (en cas d'abandon)
commitment-reason-hint = Obligatoire pour abandonner l'engagement.
commitment-status = État
commitment-status-open = Ouvert
commitment-status-in_progress = En cours
commitment-status-overdue = En retard
commitment-status-done = Réalisé
commitment-status-dropped = Abandonné
commitment-progress = Mettre à jour l'engagement
commitment-progress-save = Enregistrer la mise à jour
commitment-progress-conflict = Quelqu'un d'autre a mis à jour l'engagement pendant que vous écriviez : voici son état actuel. Votre note est gardée dans le formulaire ; vérifiez et envoyez-la de nouveau.
commitment-overdue-notice = L'échéance du { $date } est passée et l'engagement n'est pas réalisé.
commitment-history = Historique
commitment-history-someone = le système
commitment-field-what = Quoi
commitment-field-organisation = Organisation
commitment-field-representative = Personne de référence
commitment-field-due_on = Échéance
commitment-field-status = État
commitment-field-evidence = Justificatif
commitment-field-reason = Motif de l'abandon
commitment-record-from = Enregistrer un engagement décidé lors d'une réunion
commitment-record-at = Nouvel engagement issu de « { $meeting } »
commitments-review-title = Engagements à vérifier
commitments-review-hint = L'ordre du jour propose de vérifier les engagements encore ouverts ; le point proposé peut être modifié ou effacé.
commitments-review-stem = Suivi des engagements
commitments-review-item = Suivi des engagements : { $open ->
        [one] un engagement ouvert
       *[other] { $open } engagements ouverts
    }{ $overdue ->
        [0] {""}
        [one] , dont un en retard
       *[other] , dont { $overdue } en retard
    }
commitments-review-presenter = Le secrétariat de la table
error-commitment-closed = L'engagement est déjà réalisé ou abandonné : il ne change plus.
error-commitment-status-move = Ce changement d'état n'est pas possible.
error-commitment-drop-reason = Pour abandonner l'engagement, écrivez le motif.
error-commitment-evidence = Indiquez un document de la bibliothèque ou une adresse web complète (https://…).
error-commitment-document = Le document indiqué n'existe pas ou tous les membres de la table ne peuvent pas le lire.
error-commitment-person = Choisissez l'un des représentants de l'organisation engagée.
error-commitment-due-before-meeting = L'échéance ne peut pas précéder le jour de la réunion.
error-commitment-nothing = La mise à jour ne change rien : changez l'état ou le justificatif, ou écrivez une note.
mail-commitment-reminder-subject = Rappel : engagement à échéance le { $due }
mail-commitment-reminder-body =
    Bonjour { $name },

    nous vous rappelons que l'engagement pris par { $organisation } à la { $table } arrive à échéance le { $due } :

    { $what }

    Vous pouvez mettre à jour son état et ajouter son justificatif ici :
    { $link }
mail-commitment-digest-subject = { $count ->
        [one] Un engagement en retard à mettre à jour
       *[other] { $count } engagements en retard à mettre à jour
    }
mail-commitment-digest-body =
    Bonjour { $name },

    ces engagements des tables territoriales sont en retard et ne sont pas réalisés :

    { $list }
    Mettez à jour leur état (en cours, réalisé, ou abandonné avec le motif) depuis la page de chaque engagement.
commitment-decision = Décision du procès-verbal dont il est issu
commitment-decision-none = Aucune décision indiquée
commitment-field-decision = Décision du procès-verbal
error-commitment-decision = Choisissez l'une des décisions du procès-verbal de cette réunion.
