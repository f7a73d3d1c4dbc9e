## Labs: calendar, sessions, registrations, attendance, feedback

nav-labs = Ateliers
nav-my-labs = Mes ateliers
choose = Choisir…
cancel = Annuler
hours-count = { $hours } heures
half-day-0 = Matin
half-day-1 = Après-midi

labs-calendar-title = Calendrier des ateliers
labs-schedule = Programmer une journée
labs-filters = Filtrer le calendrier
labs-filter-strand = Axe
labs-filter-cohort = Groupe
labs-filter-organisation = Administration
labs-filter-all = Tous
labs-filter-apply = Filtrer
labs-navigation = Mois et vues
labs-previous-month = ← Mois précédent
labs-next-month = Mois suivant →
labs-view-month = Vue mensuelle
labs-view-list = Vue en liste
labs-cohort-feed = Calendrier du groupe (iCalendar)
labs-month-caption = Journées de { $month } : { $count }
labs-none = Aucune journée programmée avec ces filtres.
labs-none-month = Aucune journée ce mois-ci avec ces filtres.

session-status-planned = Programmée
session-status-confirmed = Confirmée
session-status-held = Tenue
session-status-cancelled = Annulée
registration-registered = Inscrit
registration-invited = Invité

session-title = Titre de la journée
session-module = Module
session-cohort = Groupe
session-date = Date
session-start = Début
session-end = Fin
session-time-hint = Heure de Rome.
session-place = Lieu
session-place-hint = Adresse et salle ; laissez vide si la journée est uniquement à distance.
session-online = à distance
session-online-link = Lien à distance
session-online-sign-in = Connectez-vous pour voir le lien.
session-capacity = Places disponibles
session-hours = Durée
session-seats = Places
session-seats-taken = { $registered } inscrits pour { $capacity } places
session-calendar = Calendrier
session-add-to-calendar = Ajouter à votre calendrier (iCalendar)
session-save = Enregistrer la journée
session-edit = Modifier la journée
session-conflict-title = Quelqu'un d'autre a modifié cette journée entre-temps.
session-conflict-text = Elle est maintenant : « { $title } », { $date }, { $start }–{ $end }, { $registered } inscrits pour { $capacity } places. Le formulaire ci-dessous garde vos modifications : vérifiez-les et enregistrez à nouveau.
session-overlaps = Le même groupe a déjà une autre journée à cet horaire :
session-overlap-confirm = J'ai vu le chevauchement et je veux enregistrer quand même.
session-take-part = Participation
session-you-are-registered = Vous êtes inscrit à cette journée.
session-you-are-invited = Vous avez été invité à cette journée.
session-not-registered = Vous n'êtes pas inscrit à cette journée.
session-register = S'inscrire
session-unregister = Annuler mon inscription
session-sign-in-to-register = Connectez-vous pour vous inscrire à cette journée.
session-attended = Présence enregistrée : { $hours } heures.
session-check-in-code = Code de la journée
session-check-in = Enregistrer ma présence
session-give-feedback = Remplir le questionnaire de satisfaction
session-feedback-thanks = Merci : vous avez déjà répondu au questionnaire.
session-manage = Gestion de la journée
session-check-in-code-is = Code d'enregistrement des présences à afficher dans la salle :
session-change-status = Nouvel état
session-status-mail-note = Les inscrits et les invités reçoivent un courriel quand la journée est confirmée, annulée ou reprogrammée.
session-invite-email = Inviter une personne (courriel du compte)
session-invite = Inviter
session-register-sheet = Feuille de présence
session-agenda = Programme de la journée
session-agenda-none = Le programme n'est pas encore disponible.
session-agenda-time = Horaire
session-agenda-item = Activité
session-agenda-speaker = Intervenant
session-agenda-actions = Actions
session-agenda-start = De
session-agenda-end = À
session-agenda-add = Ajouter
session-agenda-remove = Retirer
session-materials = Documents
session-materials-none = Aucun document pour cette journée.
session-materials-sign-in = Connectez-vous pour voir les documents.
session-material-title = Titre du document
session-material-url = Lien
session-material-file = ou un fichier (PDF, DOCX, XLSX, PPTX, ODT, TXT ; 10 Mo au maximum)
session-material-add = Ajouter
session-participants = Participants
session-participants-none = Aucun inscrit pour l'instant.
session-participant-organisation = Administration
session-participant-status = Inscription
session-outcomes = Résultats et compte rendu
session-outcomes-none = Les résultats seront publiés après la journée.
session-outcomes-edit = Résultats et compte rendu de la journée
session-outcomes-save = Enregistrer les résultats
session-feedback-results = Résultats du questionnaire de satisfaction

mine-summary = Vous avez participé à { $attended } heures sur les { $expected } prévues ({ $rate } %).
mine-summary-none = Vous n'avez pas encore participé à une journée terminée.
mine-upcoming = Prochaines journées
mine-upcoming-none = Aucune journée programmée pour vous.
mine-not-registered = Vous n'êtes pas encore inscrit.
mine-past = Journées passées
mine-past-none = Aucune journée passée.
mine-hours-attended = Heures de présence
mine-feedback = Questionnaire
mine-feed-title = Votre calendrier personnel
mine-feed-text = Créez une adresse secrète à ajouter au calendrier de votre téléphone ou de votre messagerie : vous verrez vos journées, toujours à jour.
mine-feed-has = Vous avez déjà une adresse de calendrier. Si vous l'avez perdue ou partagée par erreur, créez-en une nouvelle : l'ancienne cessera de fonctionner.
mine-feed-create = Créer l'adresse du calendrier
mine-feed-renew = Créer une nouvelle adresse
mine-feed-shown-once = Copiez cette adresse dans votre logiciel de calendrier. Par sécurité, elle n'est affichée qu'une fois.
mine-feed-address = Adresse du calendrier
mine-back = Retour à mes ateliers

dashboard-title = Tableau de bord de la saison
dashboard-count-planned = Programmées
dashboard-count-confirmed = Confirmées
dashboard-count-held = Tenues
dashboard-count-cancelled = Annulées
dashboard-rate = Taux de présence global : { $rate } % ({ $hours } heures de présence).
dashboard-rate-none = Aucune présence enregistrée pour l'instant.
dashboard-overlaps = Journées qui se chevauchent pour le même groupe
dashboard-to-close = Journées terminées à clôturer (marquez-les tenues ou annulées)
dashboard-upcoming = Prochaines journées
dashboard-held = Dernières journées tenues
dashboard-held-none = Aucune journée tenue.
dashboard-answers = Questionnaires

register-caption = Cochez les demi-journées auxquelles chaque inscrit a participé. Les heures sont calculées automatiquement.
register-checked-in = présence enregistrée par le participant
register-hours = Heures
register-save = Enregistrer la feuille

report-title = Présences
report-overall = Présence globale : { $rate } % ({ $attended } heures sur { $expected } prévues).
report-explained = Le taux est le rapport entre les heures de présence et les heures des journées tenues auxquelles les personnes étaient inscrites.
report-by-organisation = Par administration
report-by-module = Par module
report-by-participant = Par participant
report-organisation = Administration
report-module = Module
report-participant = Participant
report-expected-hours = Heures prévues
report-attended-hours = Heures de présence
report-rate = Taux de présence (%)
report-export-csv = Télécharger en CSV

feedback-title = Questionnaire de satisfaction
feedback-scale-explained = Indiquez votre accord avec chaque affirmation, de 1 (pas du tout) à 5 (tout à fait). Vous pouvez laisser une question sans réponse.
feedback-q-useful = La journée a été utile pour le travail de mon administration.
feedback-q-content = Les contenus étaient clairs et pertinents.
feedback-q-speakers = Les intervenants et les tuteurs ont été efficaces.
feedback-q-organisation = L'organisation (lieu, horaires, documents) était adaptée.
feedback-q-applicable = Je pourrai appliquer ce que j'ai appris dans mon travail.
feedback-point-1 = pas du tout d'accord
feedback-point-2 = plutôt pas d'accord
feedback-point-3 = ni d'accord ni pas d'accord
feedback-point-4 = plutôt d'accord
feedback-point-5 = tout à fait d'accord
feedback-went-well = Qu'est-ce qui a bien fonctionné ?
feedback-to-improve = Que faudrait-il améliorer ?
feedback-anonymous = Répondre de façon anonyme (votre nom ne sera pas lié à vos réponses).
feedback-send = Envoyer le questionnaire
feedback-results-title = Résultats du questionnaire
feedback-count = { $count } réponses pour { $registered } inscrits
feedback-results-caption = Réponses par question, de 1 (pas du tout d'accord) à 5 (tout à fait d'accord)
feedback-question = Affirmation
feedback-distribution = Répartition
feedback-mean = Moyenne
feedback-legend = Couleurs : du rouge (1, pas du tout d'accord) au vert (5, tout à fait d'accord). Les nombres figurent aussi dans les colonnes 1 à 5.
feedback-comments = Commentaires
feedback-comments-none = Aucun commentaire.
feedback-anonymous-author = Anonyme
feedback-author = Auteur
feedback-date = Date

error-choose = Choisissez une valeur dans la liste.
error-date = Saisissez une date valide.
error-time = Saisissez une heure valide, par exemple 09:30.
error-time-skipped = Cette heure n'existe pas cette nuit-là : les horloges passent de 02:00 à 03:00. Choisissez une autre heure.
error-end-before-start = La fin doit venir après le début.
error-capacity = Indiquez un nombre de places entre 1 et 500.
error-capacity-below-registered = Les places ne peuvent pas être moins nombreuses que les inscrits.
error-place-or-link = Indiquez un lieu ou un lien à distance.
error-session-overlap = Le même groupe a déjà une journée à cet horaire.
error-status-unchanged = La journée est déjà dans cet état.
error-status-held-future = Une journée ne peut être marquée tenue qu'après son début.
error-status-after-held = Une journée tenue ne peut qu'être annulée.
error-registration-exists = Vous êtes déjà inscrit à cette journée.
error-registration-closed = Les inscriptions à cette journée sont closes.
error-registration-past = La journée a déjà commencé : les inscriptions sont closes.
error-registration-not-eligible = Cette journée est réservée aux administrations du groupe et aux personnes invitées.
error-registration-full = Il n'y a plus de places libres.
error-unregister-closed = L'inscription ne peut plus être annulée.
error-check-in-closed = L'enregistrement des présences est ouvert d'une demi-heure avant le début jusqu'à la fin de la journée.
error-check-in-not-registered = Vous devez être inscrit à la journée pour enregistrer votre présence.
error-check-in-code = Le code n'est pas correct. Vérifiez celui affiché dans la salle.
error-agenda-time = Indiquez une heure de début et de fin comprises dans la journée.
error-file-or-link = Indiquez un lien ou un fichier (l'un des deux).
error-file-too-large = Le fichier est trop volumineux : le maximum est de 10 Mo.
error-file-type = Ce type de fichier n'est pas accepté, ou son contenu ne correspond pas à son extension.
error-invite-unknown = Aucun compte avec ce courriel.
error-rating = Choisissez une valeur de 1 à 5.
error-feedback-empty = Répondez à au moins une question.
error-feedback-given = Vous avez déjà répondu au questionnaire de cette journée.
error-feedback-not-registered = Le questionnaire est réservé aux personnes inscrites à la journée.
error-feedback-not-held = Le questionnaire s'ouvre une fois la journée tenue.

mail-session-changed-subject = Ponte : mise à jour de la journée « { $title } »
mail-session-changed-body =
    Bonjour { $name },

    la journée « { $title } » ({ $when }{ $has_place ->
        [yes] , { $place }
       *[no] {""}
    }) est maintenant : { $status }.
    { $has_online ->
        [yes] Pour participer en ligne : { $online }

        Tous les détails sont ici :
       *[no] Tous les détails sont ici :
    }
    { $link }

    Ponte
mail-session-invitation-subject = Ponte : vous êtes invité à la journée « { $title } »
mail-session-invitation-body =
    Bonjour,

    vous êtes invité à la journée « { $title } » ({ $when }).
    Pour vous inscrire, ouvrez ce lien :
    { $link }

    Ponte

## Programme structure editing

module-objectives = Objectifs
structure-title = Structure du programme
structure-intro = Phases, axes, dimensions, modules et groupes. Chaque modification est conservée dans le journal des activités.
structure-phases = Phases
structure-edit = Modifier
structure-add = Ajouter
structure-new-phase = Nouvelle phase
structure-description = Description
structure-question = Question directrice
structure-edit-strand = Modifier les textes de l'axe
structure-new-module = Nouveau module
structure-new-module-here = Nouveau module dans cette dimension
structure-dimensions = Dimensions
structure-new-dimension = Nouvelle dimension
structure-modules-of = Modules de l'axe { $code }
structure-dimension = Dimension
structure-order = Ordre
structure-move-up = Monter
structure-move-down = Descendre
structure-no-modules = Aucun module dans cet axe.
structure-cohorts = Groupes
structure-new-cohort = Nouveau groupe
structure-edit-module = Modifier le module
structure-edit-cohort = Modifier le groupe
structure-conflict-title = Quelqu'un d'autre a enregistré cette fiche entre-temps.
structure-conflict-module = Le module est maintenant « { $title } », { $days } journées. Le formulaire ci-dessous garde vos modifications : vérifiez-les et enregistrez à nouveau.
structure-conflict-texts = Le titre est maintenant « { $title } ». Le formulaire ci-dessous garde vos modifications : vérifiez-les et enregistrez à nouveau.
structure-conflict-cohort = Le formulaire ci-dessous garde vos modifications : vérifiez-les et enregistrez à nouveau.
structure-module-title = Titre du module
structure-no-dimension = Aucune dimension
structure-days-min = Journées prévues
structure-days-max = Jusqu'à (journées)
structure-days-hint = Par exemple 1,5.
structure-days-max-hint = Si les journées sont un intervalle, par exemple de 4 à 5.
structure-delivery = Modalité
structure-delivery-in_person = En présentiel
structure-delivery-remote = À distance
structure-save = Enregistrer
structure-edit-texts-phases = Modifier la phase
structure-edit-texts-strands = Modifier l'axe
structure-edit-texts-dimensions = Modifier la dimension
structure-texts-title = Titre
structure-cohort-name = Nom du groupe
structure-phase = Phase
error-days = Indiquez les journées avec au plus une décimale, entre 0,5 et 30 (par exemple 1,5).
error-days-range = Le maximum ne peut pas être inférieur au minimum.
error-cohort-organisations = Choisissez au moins une administration.
error-cohort-strands = Choisissez au moins un axe.

## Certificates and exports

mine-certificate = Attestation de participation
mine-certificate-text = Téléchargez l'attestation (PDF/A) avec les modules, les journées et les heures auxquels vous avez participé. Votre attestation a un code de vérification qui reste le même à chaque téléchargement.
mine-certificate-download = Télécharger l'attestation
report-export-xlsx = Télécharger en Excel (XLSX)
verify-title = Vérification d'une attestation
verify-valid = L'attestation portant le code { $code } est authentique et a été délivrée par Ponte.
verify-unknown = Aucune attestation ne porte le code { $code }. Vérifiez que vous l'avez saisi tel qu'il figure sur l'attestation.
verify-person = Titulaire
verify-total = Participation
verify-total-value = { $hours } heures sur { $days } journées
verify-issued = Délivrée le
verify-modules = Modules suivis
verify-dates = Dates
error-certificate-none = Aucune présence à une journée tenue pour l'instant : l'attestation sera disponible après la première journée suivie.
error-status-started = La journée a déjà commencé : elle peut être marquée tenue ou annulée.
error-invite-closed = On ne peut inviter qu'à une journée qui n'a pas commencé et n'est pas annulée.
session-action-planned = Remettre au programme
session-action-confirmed = Confirmer la journée
session-action-held = Marquer comme tenue
session-action-cancelled = Annuler la journée
session-status-final = Le statut de cette journée ne change plus.
session-confirm-cancelled-title = Annuler la journée ?
session-confirm-cancelled-body = { $told ->
    [0] Personne n'est inscrit ni invité. Les inscriptions seront closes.
    [one] La personne inscrite ou invitée recevra un e-mail. Les inscriptions seront closes.
   *[other] Les { $told } personnes inscrites ou invitées recevront un e-mail. Les inscriptions seront closes.
}
session-confirm-cancelled-yes = Oui, annuler la journée
session-confirm-no = Non, revenir à la journée

# The certificate of participation (PDF), in the reader's language.
certificate-title = Attestation de participation
certificate-statement = Nous attestons que { $who } a participé aux ateliers du programme « { $programme } », dans le groupe « { $cohort } », pour un total de { $hours } heures sur { $days ->
        [one] { $days } journée
       *[other] { $days } journées
    }, comme indiqué ci-dessous.
certificate-module = Module
certificate-dates = Dates
certificate-hours = Heures
certificate-issued = Délivrée le { $date }.
certificate-code = Code de vérification : { $code }.
certificate-verify = L'authenticité de cette attestation peut être vérifiée à l'adresse
certificate-file = attestation
mine-feed-subscribe = S'abonner dans votre agenda
mine-feed-copy = Copier l'adresse
mine-feed-copied = Adresse copiée.
report-administration = Administration
mine-feedback-given = Rempli
mine-feedback-none = Pas de questionnaire
session-table = Table territoriale
session-table-none = Aucune
session-table-hint = Uniquement pour les modules du volet { $strand } : les représentants ayant un compte des membres de la table sont invités par e-mail et peuvent s'inscrire.
error-lab-table-strand = Un atelier pour une table territoriale doit relever d'un module du volet B : choisissez un module du volet B ou aucune table.
session-group = Groupe interrégional
session-group-none = Aucun
session-group-hint = Uniquement pour les modules du volet { $strand } : les personnes de contact ayant un compte des administrations du groupe sont invitées par e-mail, et quiconque travaille dans l'une d'elles peut s'inscrire.
error-lab-group-strand = Un atelier pour un groupe interrégional doit relever d'un module du volet C : choisissez un module du volet C ou aucun groupe.
error-lab-table-and-group = Un atelier est pour une table territoriale ou pour un groupe interrégional, pas les deux.
