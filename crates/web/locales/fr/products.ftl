## Products and remote tutoring

nav-notifications = Notifications
nav-tutoring = Tutorat
products-title = Produits
products-of = Produits de { $name }
products-new = Nouveau produit
products-create = Créer le produit
products-none = Aucun produit pour l'instant. Commencez par le premier produit du laboratoire.
products-field-title = Titre
products-field-kind = Type de produit
products-field-state = État
products-field-due = Échéance
products-due-hint = Facultative. Trois jours avant, les personnes qui travaillent sur le produit reçoivent un rappel.
products-due = Échéance : { $date }
products-updated = Mis à jour le { $at }
products-versions-count = { $count ->
    [one] une version
   *[other] { $count } versions
}
products-open-comments = Commentaires ouverts
products-feed = Activité récente
products-feed-empty = Aucune activité pour l'instant.
products-someone = Quelqu'un
products-edit = Modifier
products-editing = Modification : { $title }
products-versions = Versions
products-version = Version
products-version-n = version { $n }
products-version-label = Description de la version
products-version-by = Auteur
products-version-at = Date
products-versions-intro = Les versions sont des copies figées du produit : elles ne changent plus. Chaque envoi au tuteur en crée une.
products-no-versions = Aucune version pour l'instant : cochez « Enregistrer comme version » en enregistrant, ou envoyez le produit au tuteur.
products-state-since = depuis le { $at }, { $who }
products-draft = Brouillon actuel
products-draft-updated = Brouillon mis à jour le { $at } par { $who }.
products-viewing-version = Vous lisez la version { $n } du { $at } ({ $who }).
products-back-to-draft = Revenir au brouillon
products-content = Contenu
products-empty = Le produit est encore vide.
products-history = Historique
products-text = Texte
products-markdown-hint = Écrivez en Markdown : ## pour les titres de section, - pour les listes, **gras**, [texte](https://adresse) pour les liens. Le code HTML est affiché comme du texte.
products-mark-version = Enregistrer comme version (une copie figée que le tuteur peut comparer)
products-save = Enregistrer
products-save-stay = Enregistrer et continuer
products-not-editable = Le produit est en révision ou approuvé : il ne peut pas être modifié maintenant.
products-conflict-title = Quelqu'un d'autre a enregistré ce produit pendant que vous le modifiiez.
products-conflict-body = { $who } a enregistré le { $at }. Vos modifications sont ci-dessous, non enregistrées : comparez-les avec la version enregistrée et enregistrez de nouveau pour les garder.
products-conflict-show = Afficher la version enregistrée
products-done-saved = Modifications enregistrées.
products-done-version = Modifications enregistrées comme nouvelle version.
products-done-submitted = Produit envoyé au tuteur.
products-done-resubmitted = Produit envoyé de nouveau au tuteur.
products-done-changes_requested = Modifications demandées : les auteurs ont été prévenus.
products-done-approved = Produit approuvé.
products-done-blocked = Le cadre logique contient encore des erreurs : corrigez-les avant de l'envoyer (voir le contrôle de qualité).
products-compare = Comparer les versions
products-compare-from = De
products-compare-to = À
products-compare-go = Comparer
products-comparing = Différences entre { $a } et { $b }.
products-compare-mixed = Les deux versions ont des contenus de types différents et ne peuvent pas être comparées ligne par ligne.
products-changes = { $count ->
    [0] Aucune différence
    [one] Une différence
   *[other] { $count } différences
}
products-diff-row = Ligne
products-diff-change = Changement
products-diff-before = Avant
products-diff-after = Après
products-diff-same = inchangée
products-diff-added = ajoutée
products-diff-removed = supprimée
products-diff-changed = modifiée
products-diff-renumbered = auparavant { $from }

state-draft = Brouillon
state-submitted = Envoyé au tuteur
state-changes_requested = Modifications demandées
state-resubmitted = Envoyé de nouveau
state-approved = Approuvé

event-created = Créé
event-version = Version
event-submitted = Envoyé au tuteur
event-resubmitted = Envoyé de nouveau
event-changes_requested = Modifications demandées
event-approved = Approuvé
feed-created = { $who } a créé
feed-version = { $who } a enregistré une version
feed-submitted = { $who } a envoyé au tuteur
feed-resubmitted = { $who } a renvoyé au tuteur
feed-changes_requested = { $who } a demandé des modifications
feed-approved = { $who } a approuvé
feed-commented = { $who } a commenté
event-commented = Commenté

review-title = Révision
review-note = Note pour l'autre partie (facultative)
review-action-submit = Envoyer au tuteur
review-action-request_changes = Demander des modifications
review-action-approve = Approuver
review-refused-state = Cette action n'est pas possible dans l'état actuel du produit.
review-refused-role = Vous ne pouvez pas effectuer cette action sur ce produit.
review-refused-own = Vous ne pouvez ni approuver ni renvoyer un produit auquel vous avez travaillé.

comments-title = Commentaires
comments-anchor = Sur quel élément
comments-general = Le produit entier
comments-body = Commentaire
comments-add = Ajouter le commentaire
comments-none = Aucun commentaire.
comments-on-draft = sur le brouillon
comments-anchor-gone = élément qui n'existe plus
comments-resolved = Résolu
comments-resolve = Marquer comme résolu
comments-reopen = Rouvrir
comments-reply = Répondre

inbox-title = Tutorat à distance
inbox-no-organisations = Vous n'êtes tuteur d'aucune administration.
inbox-waiting = Produits à réviser
inbox-waiting-none = Aucun produit n'attend de révision.
inbox-threads = Commentaires ouverts
inbox-threads-none = Aucun commentaire ouvert.

notifications-title = Notifications
notifications-none = Aucune notification.
notifications-new = Nouveau
notifications-mark-read = { $count ->
    [one] Marquer comme lue
   *[other] Tout marquer comme lu ({ $count })
}
notification-submitted = { $who } a envoyé au tuteur
notification-resubmitted = { $who } a envoyé de nouveau
notification-changes_requested = { $who } a demandé des modifications
notification-approved = { $who } a approuvé
notification-comment = { $who } a commenté
notification-reminder = Échéance proche

mail-product-submitted-subject = Ponte : « { $title } » est prêt pour la révision
mail-product-submitted-body = Le produit « { $title } » a été envoyé au tuteur.

    Ouvrez-le ici : { $link }
mail-product-resubmitted-subject = Ponte : « { $title } » a été envoyé de nouveau
mail-product-resubmitted-body = Les auteurs ont revu le produit « { $title } » et l'ont envoyé de nouveau.

    Ouvrez-le ici : { $link }
mail-product-changes_requested-subject = Ponte : le tuteur demande des modifications à « { $title } »
mail-product-changes_requested-body = Le tuteur a demandé des modifications au produit « { $title } ».

    Lisez les commentaires ici : { $link }
mail-product-approved-subject = Ponte : « { $title } » est approuvé
mail-product-approved-body = Le tuteur a approuvé le produit « { $title } ».

    Ouvrez-le ici : { $link }
mail-product-reminder-subject = Ponte : « { $title } » est à rendre le { $due }
mail-product-reminder-body = Rappel : le produit « { $title } » doit être envoyé au tuteur au plus tard le { $due }.

    Ouvrez-le ici : { $link }

section-chosen-areas = Macro-domaines choisis
section-rationale = Justification
section-actors = Acteurs du territoire concernés
section-priorities = Priorités
section-target-countries = Pays cibles
section-linked-logframes = Cadres logiques liés
section-timeline = Calendrier
section-objectives = Objectifs
section-audiences = Publics
section-messages = Messages clés
section-channels = Canaux et outils
section-partners = Partenaires
section-roles = Rôles et responsabilités
section-agreements = Accords et outils de partenariat
section-cost-items = Postes de coût
section-funding-sources = Sources de financement
section-cofinancing = Cofinancement
section-context = Contexte et problème
section-activities = Activités
section-budget = Budget
section-sustainability = Durabilité
section-current-organisation = Organisation actuelle
section-strengths-weaknesses = Forces et faiblesses
section-improvement-hypotheses = Hypothèses d'amélioration
section-actions = Actions d'amélioration
section-responsibilities = Responsabilités
section-monitoring = Suivi

product-document = Document libre

lf-mode = Type de matrice
lf-mode-hint = La matrice classique de la gestion du cycle de projet, ou la chaîne des résultats des actions actuelles de l'UE.
lf-mode-classic = Matrice classique 4x4
lf-mode-results_chain = Chaîne des résultats (UE)
lf-metadata = Données du cadre logique
lf-macro-area = Macro-domaine
lf-language = Langue de la matrice
lf-language-hint = Les nombres sans format déclaré sont lus selon cette langue : « 1.234 » vaut mille deux cent trente-quatre en italien et en français, un virgule deux trois quatre en anglais.
lf-language-none = Non précisée
lf-project-end = Fin du projet
lf-project-end-hint = Les valeurs cibles des résultats sont atteintes à cette date.
lf-preconditions = Conditions préalables
lf-preconditions-hint = Ce qui doit être vrai avant que les activités puissent commencer (matrice classique).
lf-marked-final = Matrice définitive
lf-marked-final-hint = Marque la matrice comme définitive : les valeurs de référence et cibles que le modèle UE de chaîne des résultats permet de compléter à la signature du contrat ou dans le premier rapport deviennent obligatoires.
lf-final-badge = Définitive
lf-sectors = Secteurs CAD de l'OCDE
lf-editor-hint = Chaque ligne est numérotée automatiquement (1, 1.1, 1.1.1). Déplacez les lignes avec les boutons ou en les faisant glisser : une ligne emporte celles qui en dépendent.
lf-drag = Faire glisser pour déplacer
lf-level = Niveau
lf-level-overall = Objectif général
lf-level-specific = Objectif spécifique
lf-level-result = Résultat
lf-level-activity = Activité
lf-level-impact = Impact
lf-level-outcome = Effet
lf-level-output = Produit
lf-col-logic-classic = Logique d'intervention
lf-col-logic-results_chain = Chaîne des résultats
lf-col-indicators = Indicateurs
lf-col-sources-classic = Sources de vérification
lf-col-sources-results_chain = Sources des données
lf-col-assumptions = Hypothèses
lf-means = Moyens
lf-costs = Coûts
lf-indicator = Indicateur
lf-indicator-text = Indicateur
lf-measure = Mesure
lf-measure-number = Nombre
lf-measure-percentage = Pourcentage
lf-measure-qualitative = Qualitatif
lf-direction = Évolution attendue
lf-direction-increase = Hausse
lf-direction-decrease = Baisse
lf-direction-maintain = Maintien
lf-unit = Unité
lf-baseline = Valeur de référence
lf-baseline-year = Année de référence
lf-target = Valeur cible
lf-target-date = Date de la cible
lf-milestones = Étapes intermédiaires
lf-source = Source
lf-disaggregation = Ventilation
lf-move-up = Monter
lf-move-down = Descendre
lf-add-indicator = Indicateur
lf-add-overall = Objectif général
lf-add-classic-specific = Objectif spécifique
lf-add-classic-result = Résultat
lf-add-classic-activity = Activité
lf-add-results_chain-specific = Effet
lf-add-results_chain-result = Produit
lf-remove-indicator = Supprimer l'indicateur
lf-remove-row = Supprimer la ligne
lf-row-actions = Actions sur { $row }
lf-field-mode = type de matrice
lf-field-macro_area = macro-domaine
lf-field-countries = pays
lf-field-sectors = secteurs
lf-field-language = langue de la matrice
lf-field-project_end = fin du projet
lf-field-preconditions = conditions préalables
lf-field-marked_final = matrice définitive
lf-field-level = niveau
lf-field-text = texte
lf-field-sources = sources
lf-field-assumptions = hypothèses
lf-field-means = moyens
lf-field-costs = coûts
lf-field-unit = unité
lf-field-measure = mesure
lf-field-direction = évolution
lf-field-baseline = valeur de référence
lf-field-baseline_year = année de référence
lf-field-target = valeur cible
lf-field-target_date = date de la cible
lf-field-milestones = étapes
lf-field-source = source
lf-field-disaggregation = ventilation
lf-error-year = Écrivez une année à quatre chiffres entre 1950 et 2100.
lf-error-too-many-rows = Un cadre logique peut avoir au plus 200 lignes.
lf-error-too-many-indicators = Une ligne peut avoir au plus 20 indicateurs.
lf-check-title = Contrôle de qualité
lf-check-ok = Le contrôle de qualité ne trouve aucun problème.
lf-severity-error = À corriger
lf-severity-warning = À examiner
lf-check-no-overall = L'objectif général manque : un cadre logique en a exactement un.
lf-check-many-overall = Il y a plus d'un objectif général : un cadre logique n'en a qu'un ; les autres peuvent devenir des objectifs spécifiques.
lf-check-no-specific = Il manque un objectif spécifique : il en faut au moins un.
lf-check-orphan-result = Ce résultat n'est pas sous un objectif spécifique : placez-le sous l'objectif auquel il contribue.
lf-check-orphan-activity = Cette activité n'est pas sous un résultat : placez-la sous le résultat qu'elle produit.
lf-check-empty-specific = Il n'y a aucun résultat sous cet objectif : indiquez les résultats (produits) qui le rendent atteignable.
lf-check-empty-result = Il n'y a aucune activité sous ce résultat : dans la matrice classique, chaque résultat a les activités qui le produisent.
lf-check-no-indicator = Il manque un indicateur : chaque objectif et chaque résultat en a au moins un.
lf-check-no-unit = L'indicateur numérique n'a pas d'unité.
lf-check-no-baseline = L'indicateur quantitatif n'a pas de valeur de référence avec son année.
lf-check-no-target = L'indicateur quantitatif n'a pas de valeur cible avec sa date.
lf-check-no-source = L'indicateur quantitatif n'a pas de source (ni la sienne, ni celle de la ligne).
lf-check-chain-baseline-pending = La valeur de référence avec son année manque encore : le modèle UE permet de la compléter à la signature du contrat ou au plus tard dans le premier rapport ; elle devient obligatoire quand vous marquez la matrice comme définitive.
lf-check-chain-target-pending = La valeur cible avec sa date manque encore : le modèle UE permet de la compléter à la signature du contrat ou au plus tard dans le premier rapport ; elle devient obligatoire quand vous marquez la matrice comme définitive.
lf-check-qualitative-no-source = L'indicateur qualitatif n'a pas de source (ni la sienne, ni celle de la ligne) : indiquez où le changement sera vérifié.
lf-check-qualitative-no-target = L'indicateur qualitatif ne décrit pas la situation attendue : écrivez à quoi ressemble l'état à atteindre.
lf-check-ambiguous-number = Une valeur peut se lire de deux façons (par exemple « 1.234 » : mille deux cent trente-quatre, ou un virgule deux) : indiquez la langue de la matrice ou écrivez le nombre sans ambiguïté (« 1234 » ou « 1,234 »).
lf-check-target-direction = La valeur cible ne s'écarte pas de la valeur de référence dans le sens attendu.
lf-check-percent-range = Un pourcentage est en dehors de l'intervalle de 0 à 100.
lf-check-target-before-baseline = La valeur cible est datée avant l'année de la valeur de référence.
lf-check-target-after-end = La valeur cible de ce résultat est datée après la fin du projet : les résultats sont atteints pendant le projet.
lf-check-outcome-target-after-end = La valeur cible est datée après la fin du projet : vérifiez qu'elle pourra être mesurée, par exemple lors de l'évaluation finale.
lf-check-qualitative-numbers = La valeur de l'indicateur qualitatif n'est qu'une quantité : rendez l'indicateur numérique, ou décrivez l'état avec des mots.
lf-check-process-indicator = Cet indicateur compte des réunions, séminaires ou formations tenus : il mesure les activités, pas le changement attendu au niveau de l'objectif. Placez-le sur un résultat et mesurez ici l'effet.
lf-check-no-sex-disaggregation = L'indicateur compte des personnes mais n'est pas ventilé par sexe, comme le demande le plan d'action de l'UE sur l'égalité des genres.
lf-check-no-assumption = Cette ligne n'a pas d'hypothèse : écrivez la condition externe nécessaire pour atteindre le niveau supérieur.
lf-check-no-activity-assumption = Aucune activité n'indique d'hypothèse et il n'y a pas de conditions préalables : écrivez ce dont les activités ont besoin pour se dérouler.
lf-check-copied-assumption = La même hypothèse est copiée sur chaque ligne : chaque passage entre niveaux a ses propres conditions externes.
lf-check-activity-means = L'activité n'indique pas de moyens ou de coûts : ajoutez-les, tant qu'un budget lié ne les fournit pas.
lf-check-chain-activity = La chaîne des résultats ne contient pas d'activités : décrivez-les dans le projet, pas dans la matrice.
lf-check-chain-too-many = La chaîne des résultats compte plus de 10 résultats, impact compris : concentrez-la sur les principaux.
lf-check-activity-objective = Cet objectif décrit une activité (« organiser », « mise en place de »…) : décrivez plutôt le changement attendu.
lf-check-activity-result = Ce résultat décrit une activité (« organiser », « mise en place de »…) : décrivez plutôt le produit ou le service obtenu (par exemple « Plan adopté »).
lf-check-duplicate-row = Cette ligne répète presque mot pour mot une autre ligne : fusionnez-les ou distinguez-les.
lf-check-restates-parent = Cette ligne reprend celle dont elle dépend : décrivez l'étape intermédiaire qui mène au niveau supérieur.

products-starting-from = Le nouveau produit part d'une copie de « { $title } ».
products-use-practice = Utiliser dans mon administration
products-from-practice-intro = Adaptation de la bonne pratique « { $title } » ({ $administration }).
products-practice-adaptation = Comment nous l'adaptons à notre administration
products-model-not-approved = Seul un produit approuvé peut devenir un modèle.
products-done-model = Le produit est publié comme modèle pour les autres administrations.
products-done-unmodel = Le produit n'est plus un modèle.
models-title = Modèles de produit
models-intro = Des produits approuvés que l'équipe du programme a publiés comme modèles : chaque administration peut partir d'une copie.
models-none = Aucun modèle publié pour l'instant.
models-browse = Ou partez d'un modèle publié
models-badge = Modèle
models-from = de { $name }
models-use = Partir de ce modèle pour { $name }
models-publish = Publier comme modèle
models-withdraw = Retirer le modèle

tutoring-log = Registre du tutorat
tutoring-total = { $count ->
    [0] Aucune séance enregistrée.
    [one] Une séance enregistrée, { $hours } heures.
   *[other] { $count } séances enregistrées, { $hours } heures au total.
}
tutoring-recorded = Séance enregistrée.
tutoring-minutes = { $minutes } minutes
tutoring-by = Tuteur : { $who }
tutoring-participants = Participants
tutoring-steps = Prochaines étapes convenues
tutoring-step = Quoi
tutoring-owner = Qui
tutoring-due = Pour le
tutoring-none = Aucune séance de tutorat enregistrée.
tutoring-record = Enregistrer une séance
tutoring-date = Date de la séance
tutoring-duration = Durée en minutes
tutoring-notes = Notes
tutoring-product = Produit discuté
tutoring-save = Enregistrer la séance
tutoring-error-date = La date ne peut être ni dans le futur ni vieille de plus de dix ans.
tutoring-error-minutes = Écrivez la durée en minutes, entre 5 et 600.

workload-title = Charge de travail des tuteurs
workload-intro = Pour chaque tuteur : administrations suivies, séances enregistrées et leur durée, produits en attente de révision et commentaires ouverts.
workload-tutor = Tuteur
workload-organisations = Administrations
workload-sessions = Séances
workload-hours = Heures
workload-last = Dernière séance
workload-none = Aucun tuteur affecté.
products-export = Télécharger
products-export-docx = Document Word (DOCX)
products-export-pdf = PDF
products-export-xlsx = Tableur (XLSX)
lf-countries-label = Pays

analysis-title = Analyse des problèmes et des acteurs
analysis-link = Partez de l'arbre des problèmes et de l'analyse des acteurs.
analysis-intro = L'arbre des problèmes (le problème central, ses causes en dessous et ses effets au-dessus) se reformule en arbre des objectifs avec les mêmes liens de cause à effet ; l'arbre des objectifs génère les lignes du cadre logique. L'analyse des acteurs dit qui compte et comment il participe.
analysis-empty = L'arbre est encore vide : commencez par le problème central.
analysis-problem-tree = Arbre des problèmes
analysis-objective-tree = Arbre des objectifs
analysis-effects = Effets
analysis-causes = Causes
analysis-ends = Fins
analysis-means = Moyens
analysis-to-restate = (à reformuler)
analysis-stakeholders = Analyse des acteurs
analysis-no-stakeholders = Aucun acteur pour l'instant.
analysis-stakeholder = Acteur
analysis-interests = Intérêts
analysis-influence = Influence
analysis-capacity = Capacité
analysis-participation = Participation
analysis-watch-title = À prendre en compte dans les hypothèses
analysis-watch = { $names } : beaucoup d'influence mais seulement informés ou consultés. Écrivez dans les hypothèses du cadre logique ce qui se passe s'ils ne suivent pas.
analysis-edit = Modifier l'analyse
analysis-nodes = Problèmes et objectifs
analysis-nodes-hint = Un seul problème central. Chaque cause indique le problème qu'elle provoque ; chaque effet le problème dont il découle. Videz le problème pour supprimer une ligne.
analysis-kind = Type
analysis-kind-core = Problème central
analysis-kind-cause = Cause
analysis-kind-effect = Effet
analysis-parent = Lié à
analysis-problem = Problème
analysis-objective = Objectif (le problème reformulé en positif)
analysis-save = Enregistrer l'analyse
analysis-generate = Générer les lignes du cadre logique
analysis-generate-hint = Les effets directs deviennent l'objectif général, le problème central l'objectif spécifique, les causes directes les résultats et leurs causes les activités. Un cadre logique vide est remplacé ; sinon les lignes s'ajoutent à la fin.
analysis-error-core = L'arbre a besoin d'un et d'un seul problème central.
analysis-error-link = Chaque cause doit être liée au problème central ou à une autre cause, chaque effet au problème central ou à un autre effet, sans boucle.
grade-low = Faible
grade-medium = Moyenne
grade-high = Forte
participation-inform = Informé
participation-consult = Consulté
participation-involve = Impliqué
participation-collaborate = Collabore
participation-empower = Décide

strategy-areas = Macro-domaines choisis et justification
strategy-rationale = Pourquoi ce macro-domaine
strategy-priorities = Priorités
strategy-priorities-hint = Une priorité par ligne, la plus importante d'abord.
strategy-countries = Pays cibles
strategy-map-caption = Les pays cibles du plan sont en bleu foncé.
strategy-logframes = Cadres logiques liés
strategy-no-logframes = L'administration n'a pas encore de cadre logique.
strategy-timeline = Calendrier
strategy-when = Quand (AAAA-MM ou AAAA-MM-JJ)
strategy-what = Quoi
strategy-none = Pas encore indiqué.
strategy-error-area = Choisissez un macro-domaine du programme.
strategy-error-area-twice = Chaque macro-domaine n'est choisi qu'une fois.
strategy-error-when = Écrivez les dates du calendrier sous la forme AAAA-MM ou AAAA-MM-JJ.
strategy-when-short = Quand
products-field-session = Journée de laboratoire
products-session-hint = Facultative : le produit est attendu à cette journée, qui devient l'échéance.
inbox-threads-oldest = Les 60 commentaires ouverts les plus anciens sont affichés.
lf-sectors-filter = Filtrer les secteurs
products-preview = Aperçu
products-preview-show = Mettre à jour l'aperçu
products-preview-empty = Écrivez le texte, puis mettez à jour l'aperçu pour le voir comme les autres le liront.
inbox-waiting-order = Les produits qui attendent depuis le plus longtemps viennent en premier.
inbox-waited = { $days ->
    [0] Envoyé aujourd'hui
    [one] En attente depuis 1 jour (envoyé le { $since })
   *[other] En attente depuis { $days } jours (envoyé le { $since })
}
lf-row-n = Ligne { $n }
