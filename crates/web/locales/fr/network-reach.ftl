# The network seen whole: matchmaking, a country's page, the map, a group's graph, the open data.
network-reach-network = Réseau interrégional

network-match-title = Trouver des partenaires dans le réseau
network-match-intro = Les administrations les plus proches de la vôtre par pays cibles et thèmes, et celles qui apportent des relations ou une expérience dans les pays et sur les thèmes qui vous intéressent. Chaque résultat dit pourquoi.
network-match-filters = Filtres de la recherche de partenaires
network-match-for = Pour l'administration
network-match-choose = Choisissez une administration
network-match-country = Pays
network-match-theme = Thème
network-match-profile = Ce que l'on sait de { $name }
network-match-targets = Pays cibles
network-match-themes = Thèmes
network-match-none-recorded = aucun enregistré
network-match-records = { $relations ->
    [one] Une relation
   *[other] { $relations } relations
} et { $experience ->
    [one] une expérience
   *[other] { $experience } expériences
} que vous pouvez voir.
network-match-results = Administrations suggérées
network-match-count = { $count ->
    [0] Aucune administration en commun.
    [one] Une administration.
   *[other] { $count } administrations.
}
network-match-count-first = { $count } administrations : les { $shown } premières.
network-match-score = Score { $score }
network-match-empty = Aucune administration n'a de pays, thèmes, relations ou expériences en commun avec celle-ci. Enregistrez les relations et les expériences de l'administration, ou élargissez les filtres.
network-match-how = Ordre de la liste : 3 points par pays cible commun, 2 par thème commun, 2 par relation dans un pays que l'autre vise, 1 par expérience dans les pays ou sur les thèmes de l'autre. À score égal viennent d'abord plus de pays en commun, puis plus de relations, puis le nom.
network-match-pick = Choisissez une administration pour voir les partenaires suggérés.
network-match-no-administration = La recherche de partenaires est destinée aux personnes d'une administration : vous n'en êtes ni coordinateur ni membre.

network-reason-shared-target = Pays cible commun : { $country }
network-reason-shared-theme = Thème commun : { $theme }
network-reason-since-year = depuis { $year }
network-reason-in-year = en { $year }
network-reason-relation = { $holder } { $kind ->
    [twinning] a un jumelage
    [memorandum] a un protocole d'accord
    [past_project] a mené un projet
    [ongoing_project] mène un projet
   *[other] a un contact
} avec { $partner } ({ $country }) { $when }
network-reason-experience = { $holder } a travaillé au projet « { $title } » ({ $about })

network-country-title = Réseau en { $country }
network-country-region = Relations et initiatives des administrations de la région { $region }.
network-country-all-regions = Toutes les régions
network-country-relations = Administrations ayant des relations dans le pays
network-country-kind = { $kind ->
    [twinning] Jumelage
    [memorandum] Protocole d'accord
    [past_project] Projet terminé
    [ongoing_project] Projet en cours
   *[other] Contact informel
}
network-country-kind-count = { $kind ->
    [twinning] Jumelages
    [memorandum] Protocoles d'accord
    [past_project] Projets terminés
    [ongoing_project] Projets en cours
   *[other] Contacts informels
} : { $count }
network-country-relation = { $kind ->
    [twinning] Jumelage
    [memorandum] Protocole d'accord
    [past_project] Projet terminé
    [ongoing_project] Projet en cours
   *[other] Contact informel
} avec { $partner }{ $since ->
    [none] {""}
   *[other] , depuis { $since }
}
network-country-no-relations = Aucune relation visible pour vous dans ce pays.
network-country-groups = Groupes interrégionaux qui le visent
network-country-members = { $count ->
    [one] une administration
   *[other] { $count } administrations
}
network-country-no-groups = Aucun groupe ne vise ce pays.
network-country-initiatives = Initiatives conjointes dans le pays
network-country-led-by = chef de file { $lead }
network-country-no-initiatives = Aucune initiative dans ce pays.

network-map-title = Carte du réseau
network-map-intro = Les quatre régions de la Convergence et les pays où leurs administrations ont des relations ou des initiatives conjointes : plus la ligne est épaisse, plus il y a de relations et d'initiatives. Chaque ligne mène à la liste.
network-map-table-link = Les mêmes données en tableau.
network-map-public-only = Vous voyez les relations rendues publiques : connectez-vous pour voir celles partagées avec le programme.
network-map-caption = Régions de la Convergence (Campanie, Pouilles, Calabre, Sicile) en haut, pays en bas avec leur code. Frontières : Natural Earth.
network-map-link = { $region } – { $country } : { $relations ->
    [one] une relation
   *[other] { $relations } relations
}, { $initiatives ->
    [one] une initiative
   *[other] { $initiatives } initiatives
}
network-map-unplaced = Pays que la carte ne montre pas :
network-map-table = Relations et initiatives par région et pays
network-map-country-col = Pays
network-map-relations-col = Relations
network-map-initiatives-col = Initiatives
network-map-empty = Aucune relation ni initiative des régions de la Convergence visible pour vous.

network-graph-title = Relations du groupe { $name }
network-graph-crumb = Graphe des relations
network-graph-intro = Les administrations du groupe à gauche et les partenaires étrangers à droite : les relations mises en commun dans le groupe et celles des membres dans les pays du groupe que vous pouvez voir.
network-graph-caption = Chaque ligne est une relation, plus épaisse s'il y en a plusieurs ; elle mène au pays du partenaire.
network-graph-link = { $member } – { $partner } : { $relations ->
    [one] une relation
   *[other] { $relations } relations
}
network-graph-table = Relations du groupe
network-graph-member-col = Administration
network-graph-partner-col = Partenaire
network-graph-kind-col = Type
network-graph-since-col = Période
network-graph-pooled-col = Mise en commun
network-graph-pooled-yes = Oui
network-graph-pooled-no = Non
network-graph-empty = Aucune relation du groupe visible pour vous.

network-open-title = Données ouvertes du réseau
network-open-intro = Les relations que les administrations ont rendues publiques, les groupes interrégionaux et leurs initiatives, en CSV et JSON, pour qu'une région puisse publier son réseau.
network-open-what = Données
network-open-records = Enregistrements
network-open-files = Fichiers
network-open-relations = Relations publiques
network-open-groups = Groupes interrégionaux
network-open-initiatives = Initiatives conjointes
network-open-note = Sans données personnelles : ni personnes de contact, ni adresses e-mail, ni notes. Les relations réservées à l'administration ou partagées seulement avec le programme n'y figurent pas. Pays en codes ISO 3166-1, régions en codes ISTAT, thèmes en codes des macro-domaines et des secteurs CAD de l'OCDE, montants en euros.
