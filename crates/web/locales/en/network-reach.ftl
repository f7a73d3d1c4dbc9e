# The network seen whole: matchmaking, a country's page, the map, a group's graph, the open data.
network-reach-network = Interregional network

network-match-title = Find partners in the network
network-match-intro = The administrations closest to yours by target countries and themes, and those that bring relations or experience in the countries and on the themes you care about. Each result says why.
network-match-filters = Partner search filters
network-match-for = For the administration
network-match-choose = Choose an administration
network-match-country = Country
network-match-theme = Theme
network-match-profile = What is known of { $name }
network-match-targets = Target countries
network-match-themes = Themes
network-match-none-recorded = none recorded
network-match-records = { $relations ->
    [one] One relation
   *[other] { $relations } relations
} and { $experience ->
    [one] one past project
   *[other] { $experience } past projects
} you can see.
network-match-results = Suggested administrations
network-match-count = { $count ->
    [0] No administration in common.
    [one] One administration.
   *[other] { $count } administrations.
}
network-match-count-first = { $count } administrations: the first { $shown }.
network-match-score = Score { $score }
network-match-empty = No administration shares countries, themes, relations or experience with this one. Record the administration's relations and experience, or widen the filters.
network-match-how = How the list is ordered: 3 points for each target country in common, 2 for each theme in common, 2 for each relation in a country the other targets, 1 for each past project in the other's countries or themes. On equal scores, more countries in common come first, then more relations, then the name.
network-match-pick = Choose an administration to see the suggested partners.
network-match-no-administration = Partner search is for the people of an administration: you are not a coordinator or member of one.

network-reason-shared-target = Both target { $country }
network-reason-shared-theme = Both work on { $theme }
network-reason-since-year = since { $year }
network-reason-in-year = in { $year }
network-reason-relation = { $holder } { $kind ->
    [twinning] has a twinning
    [memorandum] has a memorandum of understanding
    [past_project] ran a project
    [ongoing_project] runs a project
   *[other] has a contact
} with { $partner } ({ $country }) { $when }
network-reason-experience = { $holder } worked on the project “{ $title }” ({ $about })

network-country-title = Network in { $country }
network-country-region = Relations and initiatives of the administrations of { $region }.
network-country-all-regions = All regions
network-country-relations = Administrations with relations in the country
network-country-kind = { $kind ->
    [twinning] Twinning
    [memorandum] Memorandum of understanding
    [past_project] Past project
    [ongoing_project] Ongoing project
   *[other] Informal contact
}
network-country-kind-count = { $kind ->
    [twinning] Twinnings
    [memorandum] Memoranda of understanding
    [past_project] Past projects
    [ongoing_project] Ongoing projects
   *[other] Informal contacts
}: { $count }
network-country-relation = { $kind ->
    [twinning] Twinning
    [memorandum] Memorandum of understanding
    [past_project] Past project
    [ongoing_project] Ongoing project
   *[other] Informal contact
} with { $partner }{ $since ->
    [none] {""}
   *[other] , since { $since }
}
network-country-no-relations = No relation you can see in this country.
network-country-groups = Interregional groups targeting it
network-country-members = { $count ->
    [one] one administration
   *[other] { $count } administrations
}
network-country-no-groups = No group targets this country.
network-country-initiatives = Joint initiatives in the country
network-country-led-by = led by { $lead }
network-country-no-initiatives = No initiative in this country.

network-map-title = Network map
network-map-intro = The four Convergence regions and the countries where their administrations have relations or joint initiatives: the thicker the line, the more relations and initiatives. Each line leads to the list.
network-map-table-link = The same figures in a table.
network-map-public-only = You see the relations made public: sign in to see those shared with the programme.
network-map-caption = Convergence regions (Campania, Puglia, Calabria, Sicilia) at the top, countries below with their code. Borders: Natural Earth.
network-map-link = { $region } – { $country }: { $relations ->
    [one] one relation
   *[other] { $relations } relations
}, { $initiatives ->
    [one] one initiative
   *[other] { $initiatives } initiatives
}
network-map-unplaced = Countries the map does not show:
network-map-table = Relations and initiatives by region and country
network-map-country-col = Country
network-map-relations-col = Relations
network-map-initiatives-col = Initiatives
network-map-empty = No relation or initiative of the Convergence regions you can see.

network-graph-title = Relations of the group { $name }
network-graph-crumb = Relations graph
network-graph-intro = The group's administrations on the left and the foreign partners on the right: the relations pooled into the group and the members' relations in the group's countries that you can see.
network-graph-caption = Each line is a relation, thicker when there are several; it leads to the partner's country.
network-graph-link = { $member } – { $partner }: { $relations ->
    [one] one relation
   *[other] { $relations } relations
}
network-graph-table = Relations of the group
network-graph-member-col = Administration
network-graph-partner-col = Partner
network-graph-kind-col = Kind
network-graph-since-col = Period
network-graph-pooled-col = Pooled
network-graph-pooled-yes = Yes
network-graph-pooled-no = No
network-graph-empty = No relation of the group that you can see.

network-open-title = Network open data
network-open-intro = The relations administrations made public, the interregional groups and their initiatives, as CSV and JSON, so that a region can publish its network.
network-open-what = Data
network-open-records = Records
network-open-files = Files
network-open-relations = Public relations
network-open-groups = Interregional groups
network-open-initiatives = Joint initiatives
network-open-note = No personal data: no contact people, e-mail addresses or notes. Relations kept to the administration or shared only with the programme do not appear. Countries as ISO 3166-1 codes, regions as ISTAT codes, themes as the codes of the macro-areas and OECD DAC sectors, amounts in euro.
