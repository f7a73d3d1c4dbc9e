# Minutes of the territorial tables' meetings.

audit-did-tables-minutes-draft = a commencé le procès-verbal d'une réunion d'une table territoriale
audit-did-tables-minutes-amend = a modifié le procès-verbal d'une réunion d'une table territoriale
audit-did-tables-minutes-circulate = a diffusé le procès-verbal d'une réunion d'une table territoriale
audit-did-tables-minutes-comment = a commenté le procès-verbal d'une réunion d'une table territoriale
audit-did-tables-minutes-approve = a approuvé le procès-verbal d'une réunion d'une table territoriale
audit-did-tables-minutes-publish = a publié le procès-verbal d'une réunion d'une table territoriale

error-minutes-sections = Les sections du procès-verbal ne correspondent plus à celles enregistrées : rechargez la page.
error-minutes-decision-long = Une décision dépasse 2 000 caractères.
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
