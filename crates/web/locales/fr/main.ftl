# Ponte — interface en français.

## Layout
skip-to-content = Aller au contenu principal
header-owner = Programme de coopération internationale des administrations locales
tagline = Coopération internationale avec les Balkans occidentaux et la Méditerranée du Sud
language-switcher = Langue
language-it = Italien
language-en = Anglais
language-fr = Français
nav-main = Navigation principale
nav-toggle = Afficher ou masquer la navigation
nav-close = Fermer la navigation
nav-home = Accueil
nav-programme = Programme
nav-organisations = Administrations et partenaires
nav-invitations = Invitations
nav-users = Utilisateurs
nav-audit = Journal des activités
breadcrumbs = Fil d'Ariane
footer-programme = Le programme
footer-about = Ponte
footer-about-text = L'environnement web du programme : ateliers, tutorat à distance, documents et communauté professionnelle des administrations.
footer-account = Votre accès
footer-status = État du service
back-home = Retour à l'accueil
save = Enregistrer
search = Rechercher
download-csv = Télécharger en CSV
filter = Filtrer
all = Tous
pagination = Pagination
previous = Précédente
next = Suivante
form-has-errors = Le formulaire contient des erreurs : corrigez les champs indiqués.

## Home
home-title = Ponte : l'environnement web du programme
home-lead = Les administrations locales et régionales apprennent et pratiquent la coopération internationale avec les Balkans occidentaux et les pays de la rive sud de la Méditerranée.
home-sign-in-title = Espace réservé
home-sign-in-text = Connectez-vous pour travailler avec votre administration, votre tuteur et l'équipe du programme.
home-welcome = Bienvenue, { $name }
home-workspaces = Vos espaces de travail
home-features-title = Ce que vous trouvez dans Ponte
home-feature-labs = Les ateliers du programme : modules, journées en présentiel, supports.
home-feature-products = Les produits de chaque administration, élaborés avec le tutorat à distance.
home-feature-library = Documents et informations par thème et par pays.
home-feature-tables = Tables territoriales avec les acteurs locaux et ateliers interrégionaux.

## Information pages
info-accessibility-title = Déclaration d'accessibilité
info-accessibility-p1 = Ponte s'engage à rendre son site accessible, conformément à la loi italienne n° 4 du 9 janvier 2004 et aux lignes directrices de l'AgID (WCAG 2.1 niveau AA).
info-accessibility-p2 = Chaque type de page est vérifié automatiquement à chaque modification. Pour signaler un problème d'accessibilité, écrivez à l'équipe du programme.
info-privacy-title = Politique de confidentialité
info-privacy-p1 = Ponte traite les données personnelles des utilisateurs (nom, adresse e-mail, langues, compétences) uniquement pour mener les activités du programme.
info-privacy-p2 = Ponte n'utilise que des cookies techniques : la session de connexion et la langue choisie. Aucun cookie de profilage, aucun service tiers.

## Accounts
sign-in = Se connecter
sign-out = Se déconnecter
field-email = Adresse e-mail
field-password = Mot de passe
field-new-password = Nouveau mot de passe
field-current-password = Mot de passe actuel
field-password-confirmation = Répétez le nouveau mot de passe
field-name = Prénom et nom
field-organisation-name = Dénomination
field-languages = Langues parlées
field-competences = Compétences
field-role = Rôle
field-roles = Rôles
field-since = Inscrit depuis
field-organisation = Administration ou organisation
password-hint = Au moins 10 caractères.
competences-hint = Séparées par des virgules, par exemple : conception de projets européens, GCP, partenariats.
forgot-title = Mot de passe oublié ?
forgot-text = Saisissez l'adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.
forgot-submit = Envoyer le lien
reset-title = Choisissez un nouveau mot de passe
reset-submit = Enregistrer le nouveau mot de passe
invitation-title = Invitation à Ponte
invitation-text = Vous avez été invité avec l'adresse { $email } avec le rôle : { $role }. Terminez votre inscription en choisissant le nom à afficher et un mot de passe.
invitation-submit = Terminer l'inscription
profile-title = Mon profil
profile-details = Données personnelles
profile-roles = Rôles
profile-no-roles = Aucun rôle attribué.
profile-organisations = Mes administrations
password-change-title = Changer le mot de passe
password-change-submit = Changer le mot de passe
field-status = État
user-active = Actif
user-suspended = Suspendu
user-suspend = Suspendre
user-reactivate = Réactiver
users-title = Utilisateurs
users-count = { $count } utilisateurs inscrits.
invite-title = Inviter une personne
invite-text = La personne recevra un e-mail avec un lien personnel, valable 7 jours et utilisable une seule fois.
invite-no-organisation = Aucune (rôles de plateforme ou de programme)
invite-organisation-hint = Obligatoire pour les référents, membres, tuteurs et acteurs locaux.
invite-sent = Invitations envoyées
invite-sent-on = Envoyée le
invitation-pending = En attente
invitation-accepted = Acceptée
invitation-expired = Expirée
invite-submit = Envoyer l'invitation
done-reset = Mot de passe changé : connectez-vous avec le nouveau mot de passe.
done-password = Mot de passe changé. Vos autres sessions ouvertes ont été fermées.
done-profile = Profil enregistré.
done-invited = Invitation envoyée.
done-signed-out = Vous êtes déconnecté de Ponte.
done-reset-sent = Si l'adresse correspond à un compte, vous recevrez sous peu un e-mail avec un lien pour choisir un nouveau mot de passe.
mail-reset-subject = Ponte : choisissez un nouveau mot de passe
mail-reset-body = Bonjour,
    pour choisir un nouveau mot de passe pour Ponte, ouvrez ce lien dans l'heure :
    { $link }
    Si vous n'avez pas demandé à changer de mot de passe, ignorez ce message.
mail-invitation-subject = Ponte : vous êtes invité
mail-invitation-body = Bonjour,
    vous êtes invité à participer à Ponte avec le rôle : { $role }.
    Pour terminer votre inscription, ouvrez ce lien dans les 7 jours :
    { $link }

## Roles
role-admin = Administrateur de la plateforme
role-staff = Équipe du programme
role-tutor = Tuteur
role-coordinator = Référent de l'administration
role-member = Membre de l'administration
role-actor = Acteur local ou partenaire

## Spoken languages
spoken-it = Italien
spoken-en = Anglais
spoken-fr = Français
spoken-es = Espagnol
spoken-de = Allemand
spoken-ar = Arabe
spoken-sq = Albanais
spoken-sr = Serbe
spoken-hr = Croate
spoken-bs = Bosnien
spoken-mk = Macédonien
spoken-el = Grec
spoken-tr = Turc

## Programme
programme-general-objective = Objectif général
programme-path = Parcours
programme-system-actions = Les actions de système
programme-method = La méthode
programme-phases = Phases
programme-strands = Les volets de l'intervention
programme-total-days = Journées prévues
programme-cohorts = Groupes d'administrations
programme-expected-results = Principaux résultats attendus
programme-transversal = Actions transversales
programme-contribution = La contribution de l'organisme de mise en œuvre
programme-strand-no-modules = Les modules de ce volet sont définis avec les administrations concernées et apparaîtront ici.
programme-strand-labs-title = Ateliers
strand-label = Volet { $code }
dimension-label = Dimension { $number }
phase-label = Phase { $number }
module-title = Module
module-days = Journées
module-description = Description
module-products = Produits attendus
module-sessions = Journées au calendrier
module-sessions-none = Le calendrier des journées sera publié par l'équipe du programme.
days-in_person = { $days } { $unit ->
        [one] journée
       *[other] journées
    } en présentiel
days-remote = { $days } { $unit ->
        [one] journée
       *[other] journées
    } à distance
cohort-strands = Volets
cohort-organisations = Administrations du groupe
product-macro_areas = Sélection des macro-domaines d'internationalisation
product-logframe = Cadres logiques par macro-domaine
product-strategic_plan = Proposition de plan stratégique d'ouverture internationale
product-communication_plan = Plan de communication interne et externe
product-partnership_plan = Plan de partenariats
product-budget = Budget
product-project_proposal = Proposition de projet
product-organisational_analysis = Analyse de l'organisation avec hypothèses d'amélioration
product-improvement_plan = Plan d'actions d'amélioration organisationnelle

## Organisations
organisations-title = Administrations et partenaires
organisations-search = Rechercher par nom
organisations-count = { $count } résultats.
organisations-none = Aucune organisation ne correspond à la recherche.
edit = Modifier
organisation-edit = Modifier : { $name }
conflict-title = Quelqu'un d'autre a enregistré cette fiche pendant que vous la modifiiez.
conflict-text = Vos modifications n'ont pas été enregistrées et ne sont pas perdues : elles sont dans le formulaire ci-dessous. Comparez les deux versions (les différences sont surlignées) ; en enregistrant de nouveau, votre version remplacera la version actuelle.
conflict-current = Version enregistrée maintenant
conflict-yours = Votre version
organisation-new = Nouvelle organisation
organisation-new-text = Remplissez la section correspondant à la catégorie choisie ; les autres sont ignorées.
organisation-section-pa = Administration italienne
organisation-section-partner = Partenaire étranger
organisation-section-actor = Acteur local
field-category = Catégorie
field-kind = Type
field-place = Région ou pays
field-region = Région
field-province = Province
field-country = Pays
field-istat-code = Code ISTAT
field-ipa-code = Code IPA
field-tax-code = Code fiscal (codice fiscale)
field-website = Site web
field-partner-type = Type de partenaire
field-actor-sector = Secteur
field-actor-nature = Nature
field-cadastral-code = Code cadastral
istat-code-hint = 2 chiffres pour une région, 3 pour une province ou une ville métropolitaine, 6 pour une commune.
ipa-code-hint = Le code de l'index des administrations publiques italiennes (IndicePA), par exemple c_h501.
province-code-hint = Le sigle de la province, par exemple SA. Obligatoire pour les provinces et les communes.
tax-code-hint = 11 chiffres, avec le chiffre de contrôle.
category-italian_pa = Administration italienne
category-foreign_partner = Partenaire étranger
category-local_actor = Acteur local
pa-kind-regione = Région
pa-kind-provincia = Province
pa-kind-citta_metropolitana = Ville métropolitaine
pa-kind-comune = Commune
pa-kind-unione_di_comuni = Union de communes
pa-kind-altra_pa = Autre administration publique
partner-type-central_government = Gouvernement central
partner-type-local_government = Autorité locale
partner-type-agency = Agence publique
partner-type-university = Université ou centre de recherche
partner-type-ngo = Organisation non gouvernementale
partner-type-business = Entreprise
partner-type-international = Organisation internationale
actor-sector-public_body = Organisme public
actor-sector-university = Université ou centre de recherche
actor-sector-chamber_of_commerce = Chambre de commerce
actor-sector-business = Entreprise
actor-sector-association = Association
actor-sector-ngo = Organisation non gouvernementale
actor-sector-foundation = Fondation
actor-sector-trade_union = Syndicat ou organisation professionnelle
actor-sector-other = Autre
actor-public = Public
actor-private = Privé
workspace = Espace de travail
workspace-title = Espace de travail : { $name }
workspace-open = Ouvrir l'espace de travail
workspace-people = Personnes
workspace-no-people = Personne n'a encore de rôle dans cet espace.
workspace-invite = Inviter une personne dans cet espace
workspace-remove = Retirer
workspace-removed = Le rôle a été retiré.
workspace-products = Produits
workspace-products-all = Tous les produits et l'activité
workspace-tutors = Tuteurs
municipalities-title = Communes italiennes (ISTAT)
municipalities-text = La liste officielle des communes italiennes publiée par l'ISTAT : { $count } communes chargées.
municipalities-search = Nom de la commune
municipalities-hint = Saisissez au moins deux lettres ; les accents ne comptent pas.
municipalities-none = Aucune commune trouvée.

## Audit
audit-title = Journal des activités
audit-when = Quand
audit-who = Qui
audit-action = Action
audit-entity = Objet
audit-before = Avant
audit-after = Après
audit-system = Système
audit-count = { $count } activités enregistrées.

## Errors
error-title = Erreur { $status }
error-not-found = La page demandée n'existe pas ou n'est plus disponible.
error-forbidden = Vous n'avez pas l'autorisation de voir cette page ou d'effectuer cette action.
error-sign-in-needed = Vous devez vous connecter pour effectuer cette action.
error-conflict = Quelqu'un d'autre a modifié ces données pendant que vous les modifiiez : rechargez la page pour voir la version à jour, puis appliquez de nouveau vos modifications.
error-internal = Une erreur inattendue s'est produite. Réessayez dans un instant ; si le problème persiste, contactez l'équipe du programme.
error-unreadable = Une donnée enregistrée ne peut pas être lue : cette page ne peut donc pas être affichée. Le problème a été enregistré : contactez l'équipe du programme.
error-bad-form = La requête n'est pas valide. Rechargez la page et réessayez.
error-bad-encoding = La requête contient des caractères non valides.
error-too-large = La requête est trop volumineuse.
error-form-too-large = Le formulaire dépasse la taille maximale autorisée : rien n'a été enregistré. Revenez à la page précédente et raccourcissez ce que vous avez écrit (le texte d'un produit peut contenir au plus 200 000 caractères, les autres formulaires bien moins).
error-duplicate = Cet élément existe déjà.
error-link-invalid = Le lien n'est pas valide : il a expiré ou a déjà été utilisé. Demandez-en un nouveau.
error-required = Champ obligatoire.
error-too-long = Le texte est trop long.
error-invalid-characters = Le texte contient des caractères non autorisés.
error-email = Saisissez une adresse e-mail valide, par exemple nom@comune.it.
error-url = Saisissez une adresse web complète commençant par https://.
error-unknown-choice = Choisissez l'une des valeurs proposées.
error-password-short = Le mot de passe doit comporter au moins 10 caractères.
error-password-mismatch = Les deux mots de passe ne correspondent pas.
error-password-wrong = Le mot de passe actuel n'est pas correct.
error-sign-in-failed = Adresse e-mail ou mot de passe incorrect.
error-throttled = Trop de tentatives de connexion échouées. Réessayez dans 15 minutes ou choisissez un nouveau mot de passe.
error-competence-long = Chaque compétence peut comporter au maximum 80 caractères.
error-competences-many = Vous pouvez indiquer au maximum 20 compétences.
error-organisation-needed = Pour ce rôle, choisissez une administration ou une organisation.
error-organisation-exists = Une organisation avec ce code est déjà enregistrée.
error-istat-code = Le code ISTAT n'a pas le nombre de chiffres prévu pour ce type d'organisme.
error-ipa-code = Le code IPA ne peut contenir que des lettres minuscules, des chiffres et des tirets bas (de 2 à 20 caractères).
error-tax-code-format = Le code fiscal doit comporter 11 chiffres ou 16 caractères.
error-tax-code-check = Le code fiscal n'est pas correct : le chiffre de contrôle ne correspond pas.
error-province-code = Le sigle de la province comporte deux lettres, par exemple SA.
error-suspend-self = Vous ne pouvez pas suspendre votre propre compte.
error-istat-unknown = Ce code ne figure pas dans la liste ISTAT des communes chargée.
error-istat-region = Selon l'ISTAT, cet organisme se trouve dans une autre région.
error-istat-province = Selon l'ISTAT, le sigle de la province est différent.
error-country = Choisissez un pays étranger valide.
nav-my-workspace = Mon administration
home-mine-title = Pour vous
home-next-session = Votre prochaine journée
home-next-session-none = Aucune journée prévue pour vous.
home-registered = vous êtes inscrit
home-invited = vous êtes invité
home-not-registered = vous n'êtes pas encore inscrit
home-products-due = Produits à rendre
home-products-due-none = Aucun produit n'a d'échéance.
home-due-on = avant le { $date }
home-waiting = Ce qui vous attend
home-waiting-reviews = { $count ->
    [one] 1 produit à relire
   *[other] { $count } produits à relire
}
home-waiting-changes = { $count ->
    [one] 1 produit avec des modifications demandées par le tuteur
   *[other] { $count } produits avec des modifications demandées par le tuteur
}
home-waiting-comments = { $count ->
    [one] 1 commentaire auquel répondre
   *[other] { $count } commentaires auxquels répondre
}
home-waiting-nothing = Rien en attente.
home-open-workspace = Ouvrir l'espace de travail de { $name }
error-line-break = Ce champ tient sur une seule ligne : retirez les retours à la ligne.
audit-did = { $who } { $what }
audit-someone = Le système
audit-unknown-action = a fait une opération ({ $code })
audit-record = Fiche
audit-person = Personne
audit-from = Du
audit-until = Au
audit-record-id = Identifiant de la fiche
audit-details = Détails techniques
audit-everyone = Tout le monde
audit-did-grant-add = a attribué un rôle
audit-did-grant-revoke = a retiré un rôle
audit-did-invitation-accept = a accepté une invitation et créé son compte
audit-did-invitation-create = a invité une personne
audit-did-labs-agenda-add = a ajouté un point au programme d'une journée
audit-did-labs-agenda-remove = a retiré un point du programme d'une journée
audit-did-labs-certificate-issue = a obtenu une attestation de participation
audit-did-labs-certificate-update = a obtenu son attestation de participation mise à jour
audit-did-labs-check-in = a enregistré sa présence
audit-did-labs-feed-token = a créé son calendrier personnel
audit-did-labs-feedback = a rempli un questionnaire
audit-did-labs-invite = a invité une personne à une journée
audit-did-labs-material-add = a ajouté un document à une journée
audit-did-labs-register = a fait son inscription à une journée
audit-did-labs-register-record = a inscrit une personne à une journée
audit-did-labs-register-save = a enregistré une feuille de présence
audit-did-labs-session-create = a programmé une journée
audit-did-labs-session-outcomes = a rédigé les résultats d'une journée
audit-did-labs-session-status = a changé le statut d'une journée
audit-did-labs-session-update = a modifié une journée
audit-did-labs-unregister = a annulé une inscription
audit-did-library-create = a ajouté un document à la bibliothèque
audit-did-library-delete = a supprimé un document de la bibliothèque
audit-did-library-extract = a demandé l'extraction du texte d'un document
audit-did-library-extraction = a extrait le texte d'un document
audit-did-library-extraction-retry = a redemandé l'extraction du texte
audit-did-library-import-sectors = a importé les secteurs CAD de l'OCDE
audit-did-library-macro-area-save = a enregistré un macro-domaine
audit-did-library-reading-add = a ajouté une lecture conseillée
audit-did-library-reading-remove = a retiré une lecture conseillée
audit-did-library-update = a modifié un document de la bibliothèque
audit-did-municipalities-import = a importé la liste des communes
audit-did-organisation-create = a ajouté une organisation au répertoire
audit-did-organisation-update = a modifié la fiche d'une organisation
audit-did-password-reset = a réinitialisé son mot de passe
audit-did-password-reset-request = a demandé à réinitialiser son mot de passe
audit-did-products-comment = a commenté un produit
audit-did-products-create = a créé un produit
audit-did-products-publish-model = a publié un produit comme modèle
audit-did-products-reopen = a rouvert un commentaire
audit-did-products-resolve = a clos un commentaire
audit-did-products-review = a fait avancer la relecture d'un produit
audit-did-products-save = a enregistré un produit
audit-did-programme-cohort-create = a créé un groupe d'administrations
audit-did-programme-cohort-update = a modifié un groupe d'administrations
audit-did-programme-dimension-create = a ajouté une dimension
audit-did-programme-load = a chargé le programme
audit-did-programme-module-create = a créé un module
audit-did-programme-module-move = a déplacé un module
audit-did-programme-module-update = a modifié un module
audit-did-programme-phase-create = a ajouté une phase
audit-did-programme-texts-update = a modifié les textes du programme
audit-did-session-close = a fermé sa session
audit-did-tables-create = a créé une table territoriale
audit-did-tables-meeting-attendance = a enregistré les présences à une réunion d'une table territoriale
audit-did-tables-meeting-cancel = a annulé une réunion d'une table territoriale
audit-did-tables-meeting-convene = a convoqué une réunion d'une table territoriale
audit-did-tables-meeting-update = a modifié une réunion d'une table territoriale
audit-did-tables-member-add = a ajouté un membre à une table territoriale
audit-did-tables-member-leave = a enregistré la sortie d'un membre d'une table territoriale
audit-did-tables-memorandum = a enregistré le protocole d'accord d'une table territoriale
audit-did-tables-representative-add = a ajouté un représentant à une table territoriale
audit-did-tables-secretariat-add = a désigné une personne au secrétariat d'une table territoriale
audit-did-tables-signatory-add = a enregistré une signature du protocole d'accord d'une table territoriale
audit-did-tables-status = a changé l'état d'une table territoriale
audit-did-tables-update = a modifié une table territoriale
audit-did-session-open = a ouvert une session
audit-did-tutoring-record = a enregistré une séance de tutorat
audit-did-user-create = a créé un compte
audit-did-user-password = a changé son mot de passe
audit-did-user-profile = a mis à jour un profil
audit-did-user-reactivate = a réactivé un compte
audit-did-user-suspend = a suspendu un compte
