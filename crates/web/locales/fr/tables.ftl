## Tables territoriales : liste, page de la table, page publique, formulaires

nav-tables = Tables territoriales
tables-title = Tables territoriales
tables-intro = Les tables réunissent, autour d'une administration, les acteurs publics et privés de son territoire intéressés par la coopération internationale : chambres de commerce, universités, associations d'entreprises, ONG, écoles, autorités sanitaires, associations de la diaspora.
tables-filters = Filtrer les tables
tables-count = { $count ->
    [0] Aucune table
    [one] Une table
   *[other] { $count } tables
}
tables-none = Aucune table ne correspond aux filtres choisis.
table-new = Nouvelle table territoriale
table-create = Créer la table
table-edit = Modifier la table
table-edit-title = Modifier : { $name }
table-form-intro = Une table commence « en formation » : les membres, le protocole d'accord et les représentants s'ajoutent depuis la page de la table.
table-conflict-text = Vos modifications n'ont pas été enregistrées. Ci-dessous, la version enregistrée à côté de la vôtre, avec les différences marquées ; le formulaire garde ce que vous avez saisi : enregistrez-le de nouveau pour remplacer la version enregistrée.
table-name = Nom de la table
table-lead = Administration chef de file
table-territory = Territoire
table-territory-hint = Codes ISTAT séparés par des virgules : le code de la province (3 chiffres, par exemple 065) ou ceux des communes (6 chiffres, par exemple 065116).
table-purpose = Objet
table-themes = Thèmes
table-countries = Pays visés
table-countries-legend = Pays avec lesquels la table entend coopérer
table-rules = Règlement intérieur
table-rules-hint = Texte en Markdown : titres avec #, listes avec -, gras avec **.
table-rules-none = Le règlement intérieur n'a pas encore été rédigé.
table-formed-on = En formation depuis le
table-public-choice = Page publique de la table
table-public-hint = Tout le monde, même sans se connecter, voit ce qu'est la table et qui y participe.
table-visibility = Page publique
table-public-yes = Oui : visible par tous
table-public-no = Non : visible seulement par les participants et l'équipe
table-public-page = Page publique
table-public-note = Ceci est la page publique de la table : elle montre ce qu'est la table et qui y participe.
table-open-full = Ouvrir la page complète de la table.
table-who-takes-part = Qui participe
table-see-form = Aller au formulaire.
table-since = depuis le { $date }
table-status = État
table-status-forming = En formation
table-status-constituted = Constituée
table-status-active = Active
table-status-dormant = En sommeil
table-life = Histoire de la table
table-status-move = Nouvel état
table-status-on = À partir du
table-status-save = Changer l'état
table-members = Membres et représentants
table-members-none = La table n'a pas encore de membres.
table-member-organisation = Organisation
table-member-role = Rôle dans la table
table-member-joined-on = Date d'adhésion
table-joined = depuis le { $date }
table-left = sortie le { $date }
table-member-leave = Enregistrer la sortie
table-member-leave-confirm = Confirmer la sortie
table-member-left-on = Date de sortie de { $name }
table-member-add = Ajouter un membre
table-member-add-button = Ajouter à la table
table-role-promoter = Promoteur
table-role-member = Membre
table-role-observer = Observateur
table-actor-add = Enregistrer un nouvel acteur local
table-actor-add-hint = Pour une organisation qui n'est pas encore dans le répertoire : elle est enregistrée dans la région de la table et ajoutée comme membre.
table-actor-nature = Nature
table-actor-add-button = Enregistrer et ajouter
table-representatives = Représentants
table-representative-add = Ajouter un représentant
table-representative-hint = Les personnes qui ont déjà un compte Ponte y sont reliées ; les autres restent des contacts avec un nom et une adresse e-mail et reçoivent quand même convocations et procès-verbaux.
table-representative-add-button = Ajouter le représentant
table-person-name = Prénom et nom
table-person-email = E-mail
table-contact-only = contact seulement
table-secretariat = Secrétariat
table-secretariat-text = Le secrétariat convoque les réunions et rédige les procès-verbaux : il se compose du référent de { $lead } et des personnes qu'il désigne.
table-secretary-add = Désigner au secrétariat
table-secretary-add-button = Désigner
table-secretary-none-left = Toutes les personnes de l'administration chef de file sont déjà au secrétariat.
table-memorandum = Protocole d'accord
table-memorandum-none = Le protocole d'accord n'a pas encore été enregistré.
table-memorandum-recorded = Protocole enregistré.
table-memorandum-choose = Document du protocole
table-memorandum-hint = Choisissez le document parmi ceux de { $lead } dans la bibliothèque ; s'il manque, déposez-le d'abord dans la bibliothèque.
table-memorandum-document = Document
table-memorandum-save = Enregistrer le protocole
table-memorandum-signed-by = Le protocole d'accord a été signé par :
table-signatories = Signataires du protocole
table-signatory = Signataire
table-signed-on = Date de signature
table-signatory-add = Ajouter un signataire
table-signatory-add-button = Ajouter la signature

error-table-lead = Choisissez une administration italienne avec sa région.
error-table-lead-not-yours = Vous ne pouvez créer une table que pour l'administration dont vous êtes le référent.
error-table-lead-leaves = L'administration chef de file ne peut pas quitter sa propre table.
error-table-territory-code = Chaque code ISTAT a 3 chiffres (province) ou 6 chiffres (commune).
error-table-territory-unknown = Un des codes ISTAT ne correspond à aucune province ni commune connue.
error-table-territory-region = Le territoire doit se trouver dans la région de l'administration chef de file.
error-table-themes = Choisissez au moins un thème.
error-table-too-many = Trop de valeurs choisies : 40 au plus.
error-table-status-move = La table ne peut pas passer à cet état depuis son état actuel.
error-table-status-future = La date ne peut pas être dans le futur.
error-table-status-before = La date ne peut pas précéder le début de l'état actuel.
error-table-formed-after-status = La date de formation ne peut pas être postérieure à la constitution ou à l'activation de la table.
error-table-formed-after-member = La date de formation ne peut pas être postérieure à l'adhésion d'un membre de la table.
error-table-no-memorandum = Enregistrez d'abord le protocole d'accord de la table.
error-table-not-member = Cette organisation ne fait pas partie des membres actuels de la table.
error-table-member-twice = Cette organisation fait déjà partie de la table.
error-table-signed-twice = La signature de cette organisation est déjà enregistrée.
error-table-left-before-joined = La date de sortie ne peut pas précéder celle d'adhésion.
error-table-email-twice = Cette adresse e-mail représente déjà un membre de la table.
error-table-account-elsewhere = Cette adresse e-mail appartient à un compte qui ne fait pas partie de l'organisation choisie.
error-table-memorandum-document = Choisissez un des documents de l'administration chef de file.
error-table-secretary = Choisissez une personne de l'administration chef de file.
error-table-secretary-twice = Cette personne fait déjà partie du secrétariat.

## Meetings of a table

meetings-title = Réunions
meetings-feed = Calendrier des réunions (iCal)
meetings-upcoming = Prochaines réunions
meetings-upcoming-none = Aucune réunion convoquée.
meetings-past = Réunions passées et annulées
meeting-new = Convoquer une réunion
meeting-edit = Modifier la réunion
meeting-edit-title = Modifier : { $title }
meeting-form-intro = La convocation part par e-mail, avec l'invitation à ajouter au calendrier, à tous les représentants actuels des membres, chacun dans sa langue.
meeting-conflict-text = Vos modifications n'ont été ni enregistrées ni envoyées : la réunion a changé entre-temps. Ci-dessous, la version enregistrée à côté de la vôtre, avec les différences en évidence ; le formulaire garde ce que vous avez saisi : envoyez-le à nouveau pour remplacer la version enregistrée.
meeting-form-intro-edit = Les modifications partent par e-mail, avec l'invitation mise à jour, à tous les représentants actuels des membres.
meeting-title = Titre de la réunion
meeting-when = Quand
meeting-when-hint = Date et heures à l'heure de Rome.
meeting-date = Date
meeting-start = Début
meeting-end = Fin
meeting-where = Où
meeting-place = Lieu
meeting-place-hint = Adresse et salle ; laissez vide pour une réunion uniquement à distance.
meeting-online = Lien à distance
meeting-online-hint = Une adresse web complète commençant par https://.
meeting-online-short = à distance
meeting-rome-time = heure de Rome
meeting-agenda = Ordre du jour
meeting-agenda-hint = Un point par ligne, chacun avec qui le présente : un représentant de la table ou un nom écrit à la main. Les lignes vides sont ignorées ; pour ajouter d'autres points, enregistrez puis modifiez à nouveau.
meeting-item = Point { $n }
meeting-presenter-representative = Présenté par (représentant)
meeting-presenter-other = Une autre personne…
meeting-presenter-text = Ou : présenté par
meeting-documents = Documents à lire
meeting-documents-hint = Un document par ligne : son adresse dans la bibliothèque (ou son identifiant). Seulement des documents publics ou visibles par tout le programme, que tous les membres peuvent lire.
meeting-documents-library = Ouvrir la bibliothèque
meeting-documents-none = Aucun document à lire.
meeting-convene = Convoquer et envoyer
meeting-save-edit = Enregistrer et envoyer les modifications
meeting-status-convened = Convoquée
meeting-status-held = Tenue
meeting-status-cancelled = Annulée
meeting-cancelled-notice = Cette réunion a été annulée.
meeting-attendance = Présences
meeting-attendance-none = Les présences n'ont pas encore été enregistrées.
meeting-attendance-record = Enregistrer les présences
meeting-attendance-hint = Pour chaque organisation membre le jour de la réunion : présente (avec qui était là), délégation (à qui), absente excusée ou absente. Enregistrer les présences marque la réunion comme tenue.
meeting-attendance-later = Les présences s'enregistrent à partir du jour de la réunion.
meeting-attendance-save = Enregistrer les présences
meeting-presence = Présence
meeting-person = Personne
meeting-person-present = Qui était présent
meeting-delegate = Délégation à (prénom et nom)
meeting-delegated-to = délégation à { $name }
meeting-presence-unrecorded = Non enregistrée
meeting-presence-present = Présente
meeting-presence-delegated = Délégation
meeting-presence-excused = Absente excusée
meeting-presence-absent = Absente
meeting-cancel = Annuler la réunion
meeting-cancel-hint = L'annulation part par e-mail à tous les représentants et retire la réunion de leurs calendriers.
meeting-cancel-reason = Motif de l'annulation
meeting-cancel-confirm = Annuler la réunion et prévenir

mail-meeting-convened-subject = Convocation : { $title } ({ $table })
mail-meeting-changed-subject = Réunion modifiée : { $title } ({ $table })
mail-meeting-cancelled-subject = Réunion annulée : { $title } ({ $table })
mail-meeting-withdrawn-subject = Plus convoqué : { $title } ({ $table })
mail-meeting-body =
    Bonjour { $name },

    { $kind ->
        [cancelled] la réunion « { $title } » de la table « { $table } », prévue le { $when }, a été annulée. Motif : { $reason }
        [withdrawn] vous n'êtes plus convoqué à la réunion « { $title } » de la table « { $table } », prévue le { $when } : vous ne représentez plus un membre de la table. L'avis joint la retire de votre agenda.
        [changed] la réunion « { $title } » de la table « { $table } » a changé. Voici les informations à jour.
       *[convened] vous êtes convoqué à la réunion « { $title } » de la table « { $table } ».
    }

    Quand : { $when } (heure de Rome)
    { $has_place ->
        [yes] Où : { $place }
       *[no] Où : à distance
    }
    { $has_online ->
        [yes] Lien : { $online }
       *[no] {""}
    }
    Ordre du jour :
    { $agenda }
    L'invitation jointe met à jour votre calendrier. Tous les détails sont ici :
    { $link }

error-meeting-past = La réunion doit être convoquée pour un moment futur.
error-meeting-agenda = Écrivez au moins un point à l'ordre du jour.
error-meeting-too-many = Trop d'éléments : 20 au plus.
error-meeting-item = Chaque point de l'ordre du jour a un titre d'une ligne de 300 caractères au plus.
error-meeting-presenter-missing = Indiquez qui présente chaque point de l'ordre du jour.
error-meeting-presenter-long = Le nom de la personne qui présente est trop long (120 caractères au plus).
error-meeting-presenter = La personne qui présente doit être l'un des représentants actuels de la table.
error-meeting-document = Indiquez des documents de la bibliothèque que tous les membres de la table peuvent lire, un par ligne.
error-meeting-cancelled = La réunion a été annulée.
error-meeting-held = La réunion a déjà eu lieu.
error-meeting-begun = La réunion a déjà commencé : elle ne peut plus être modifiée ni annulée.
error-meeting-cancelled-twice = La réunion a déjà été annulée.
error-attendance-early = Les présences s'enregistrent à partir du jour de la réunion.
error-attendance-not-member = Les présences ne s'enregistrent que pour les organisations membres de la table le jour de la réunion.
error-attendance-twice = Chaque organisation n'apparaît qu'une fois.
error-attendance-person = Les noms ont 120 caractères au plus, sans caractères de contrôle.
error-attendance-delegate = Pour une délégation, indiquez à qui elle a été donnée.
error-attendance-empty = Enregistrez la présence d'au moins une organisation.
