## The community's discussions: spaces, threads, replies, moderation

nav-community = Communauté
community-title = Communauté professionnelle
community-intro = Les espaces de discussion du programme : chacun est ouvert aux personnes du programme, de l'axe, du groupe d'administrations, de l'administration, de la table territoriale ou du groupe interrégional auquel il appartient.
community-no-spaces = Vous ne faites encore partie d'aucun espace de discussion.
community-kind-programme = Programme
community-kind-strand = Axes
community-kind-cohort = Groupes d'administrations
community-kind-administration = Administrations
community-kind-table = Tables territoriales
community-kind-interregional_group = Groupes interrégionaux
community-kind-one-programme = Programme
community-kind-one-strand = Axe
community-kind-one-cohort = Groupe d'administrations
community-kind-one-administration = Administration
community-kind-one-table = Table territoriale
community-kind-one-interregional_group = Groupe interrégional
community-threads-count = { $count ->
    [0] Aucune discussion
    [one] Une discussion
   *[other] { $count } discussions
}
community-unread-count = { $count ->
    [one] une non lue
   *[other] { $count } non lues
}
community-replies-count = { $count ->
    [0] aucune réponse
    [one] une réponse
   *[other] { $count } réponses
}
community-last-message = dernier message { $when }
community-no-threads = Il n'y a pas encore de discussion dans cet espace.
community-thread-new = Nouvelle discussion
community-thread-title = Titre
community-thread-create = Ouvrir la discussion
community-message = Message
community-markdown-hint = Texte en Markdown : gras avec **, listes avec -, liens avec [texte](adresse).
community-cancel = Annuler
community-pinned = Épinglée
community-locked = Fermée
community-unread = Non lue
community-pin = Épingler
community-unpin = Désépingler
community-lock = Fermer aux réponses
community-unlock = Rouvrir aux réponses
community-locked-notice = Cette discussion est fermée : aucune réponse ne peut être ajoutée.
community-reply = Répondre
community-reply-send = Envoyer la réponse
community-quote = Citer
community-quoting = { $author } a écrit :
community-quoting-hint = Votre réponse citera le message choisi.
community-edit = Modifier
community-edit-intro = Les versions précédentes restent consultables par les lecteurs de la discussion.
community-edit-conflict = Le message a été modifié entre-temps : vos modifications n'ont pas été enregistrées. Ci-dessous la version enregistrée et, dans le formulaire, le texte que vous avez écrit : enregistrez-le à nouveau pour la remplacer.
community-edit-saved = Version enregistrée
community-edit-yours = Votre texte
community-save = Enregistrer
community-edited = modifié le { $when }
community-history = Versions du message
community-version-current = Version actuelle
community-version-earlier = Version écrite le { $written }, remplacée le { $replaced }
community-history-none = Le message n'a jamais été modifié.
community-hidden = Masqué
community-hidden-notice = Ce message a été masqué par les modérateurs.
community-hide = Masquer le message
community-hide-reason = Motif
community-hide-confirm = Masquer
community-report = Signaler aux modérateurs
community-report-reason = Motif du signalement
community-report-send = Envoyer le signalement
community-report-by = Signalé par { $reporter } le { $when } ; message de { $author }
community-report-close = Marquer comme traité
community-moderation = Signalements
community-moderation-intro = Les signalements des membres en attente : ouvrez le message, masquez-le si nécessaire, puis marquez le signalement comme traité.
community-moderation-empty = Aucun signalement en attente.
community-error-locked = La discussion est fermée : la réponse n'a pas été ajoutée.
community-error-locked-edit = La discussion est fermée : le message n'a pas été modifié.
community-error-quote = Le message cité ne fait pas partie de cette discussion.
community-error-own-report = Vous ne pouvez pas signaler votre propre message.
community-error-reported-already = Vous avez déjà signalé ce message.
audit-did-community-thread-create = a ouvert une discussion
audit-did-community-reply = a répondu dans une discussion
audit-did-community-post-update = a modifié un message
audit-did-community-pin = a épinglé ou désépinglé une discussion
audit-did-community-lock = a fermé ou rouvert une discussion
audit-did-community-hide = a masqué un message
audit-did-community-report = a signalé un message
audit-did-community-report-close = a traité un signalement
community-page-of = Page { $page } sur { $pages }
community-thread-pages = Pages de la discussion
community-attach = Joindre des documents de la bibliothèque
community-attach-hint = Le message renvoie aux documents ; qui ne les voit pas dans la bibliothèque ne les verra pas ici non plus.
community-attach-own = Vos documents récents
community-attach-unseen = Un document que vous ne pouvez plus voir (décochez pour le détacher)
community-attach-addresses = Autres documents : adresse de la page, une par ligne
community-attach-addresses-hint = Copiez l'adresse de la page du document, par exemple https://…/library/documents/…, cinq documents au plus.
community-attach-library = Ouvrir la bibliothèque
community-attached = Documents joints
community-attached-unseen = { $count ->
    [one] Un autre document joint ne vous est pas visible.
   *[other] { $count } autres documents joints ne vous sont pas visibles.
}
community-error-attachment-address = Chaque ligne doit être l'adresse de la page d'un document de la bibliothèque.
community-error-attachments-too-many = Un message joint cinq documents au plus.
community-error-attachment-unseen = L'un des documents n'existe pas ou ne vous est pas visible dans la bibliothèque.
community-search = Rechercher dans les discussions
community-search-label = Mots à rechercher
community-search-button = Rechercher
community-search-hint = Les mots sont recherchés en italien, en anglais et en français ; mettez une expression entre guillemets, ou * après le début d'un mot.
community-search-in = Seulement dans { $space }
community-search-everywhere = Rechercher dans tous vos espaces
community-search-found = { $count ->
    [one] Un message trouvé
   *[other] { $count } messages trouvés
}
community-search-none = Aucun message ne correspond à la recherche.
community-search-where = dans { $space }
community-mention-picker = Personnes que vous pouvez mentionner
community-mention-count = Personnes trouvées : {"{"}count{"}"}. Utilisez les flèches pour choisir et Entrée pour insérer.
community-report-intro = Signalez au personnel du programme un message qui enfreint les règles de la communauté : le personnel lit le signalement et décide. L'auteur du message ne voit pas qui l'a signalé.

community-space-discussions = Discussions
