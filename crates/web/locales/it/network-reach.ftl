# The network seen whole: matchmaking, a country's page, the map, a group's graph, the open data.
network-reach-network = Rete interregionale

network-match-title = Trova partner nella rete
network-match-intro = Le amministrazioni più vicine alla tua per paesi obiettivo e temi, e quelle che portano relazioni o esperienze nei paesi e sui temi che ti interessano. Ogni risultato dice perché.
network-match-filters = Filtri della ricerca di partner
network-match-for = Per l'amministrazione
network-match-choose = Scegli un'amministrazione
network-match-country = Paese
network-match-theme = Tema
network-match-profile = Che cosa sappiamo di { $name }
network-match-targets = Paesi obiettivo
network-match-themes = Temi
network-match-none-recorded = nessuno registrato
network-match-records = { $relations ->
    [one] Una relazione
   *[other] { $relations } relazioni
} e { $experience ->
    [one] un'esperienza
   *[other] { $experience } esperienze
} che puoi vedere.
network-match-results = Amministrazioni suggerite
network-match-count = { $count ->
    [0] Nessuna amministrazione in comune.
    [one] Un'amministrazione.
   *[other] { $count } amministrazioni.
}
network-match-count-first = { $count } amministrazioni: le prime { $shown }.
network-match-score = Punteggio { $score }
network-match-empty = Nessuna amministrazione ha paesi, temi, relazioni o esperienze in comune con questa. Registra le relazioni e le esperienze dell'amministrazione, o allarga i filtri.
network-match-how = Come si ordina: 3 punti per ogni paese obiettivo comune, 2 per ogni tema comune, 2 per ogni relazione in un paese che l'altra ha come obiettivo, 1 per ogni esperienza nei paesi o sui temi dell'altra. A parità di punteggio vengono prima più paesi in comune, poi più relazioni, poi il nome.
network-match-pick = Scegli un'amministrazione per vedere i partner suggeriti.
network-match-no-administration = La ricerca di partner è per le persone di un'amministrazione: non ne risulti coordinatore o membro.

network-reason-shared-target = Paese obiettivo di entrambe: { $country }
network-reason-shared-theme = Tema di entrambe: { $theme }
network-reason-since-year = dal { $year }
network-reason-in-year = nel { $year }
network-reason-relation = { $holder } { $kind ->
    [twinning] ha un gemellaggio
    [memorandum] ha un protocollo d'intesa
    [past_project] ha svolto un progetto
    [ongoing_project] ha un progetto in corso
   *[other] ha un contatto
} con { $partner } ({ $country }) { $when }
network-reason-experience = { $holder } ha lavorato al progetto «{ $title }» ({ $about })

network-country-title = Rete in { $country }
network-country-region = Relazioni e iniziative delle amministrazioni della regione { $region }.
network-country-all-regions = Tutte le regioni
network-country-relations = Amministrazioni con relazioni nel paese
network-country-kind = { $kind ->
    [twinning] Gemellaggio
    [memorandum] Protocollo d'intesa
    [past_project] Progetto concluso
    [ongoing_project] Progetto in corso
   *[other] Contatto informale
}
network-country-kind-count = { $kind ->
    [twinning] Gemellaggi
    [memorandum] Protocolli d'intesa
    [past_project] Progetti conclusi
    [ongoing_project] Progetti in corso
   *[other] Contatti informali
}: { $count }
network-country-relation = { $kind ->
    [twinning] Gemellaggio
    [memorandum] Protocollo d'intesa
    [past_project] Progetto concluso
    [ongoing_project] Progetto in corso
   *[other] Contatto informale
} con { $partner }{ $since ->
    [none] {""}
   *[other] , dal { $since }
}
network-country-no-relations = Nessuna relazione che puoi vedere in questo paese.
network-country-groups = Gruppi interregionali che vi puntano
network-country-members = { $count ->
    [one] un'amministrazione
   *[other] { $count } amministrazioni
}
network-country-no-groups = Nessun gruppo punta a questo paese.
network-country-initiatives = Iniziative congiunte nel paese
network-country-led-by = capofila { $lead }
network-country-no-initiatives = Nessuna iniziativa in questo paese.

network-map-title = Mappa della rete
network-map-intro = Le quattro regioni della Convergenza e i paesi in cui le loro amministrazioni hanno relazioni o iniziative congiunte: più spessa la linea, più relazioni e iniziative. Ogni linea porta all'elenco.
network-map-table-link = Gli stessi dati in tabella.
network-map-public-only = Vedi le relazioni rese pubbliche: accedi per vedere quelle condivise con il programma.
network-map-caption = Regioni della Convergenza (Campania, Puglia, Calabria, Sicilia) in alto, paesi in basso con il loro codice. Confini: Natural Earth.
network-map-link = { $region } – { $country }: { $relations ->
    [one] una relazione
   *[other] { $relations } relazioni
}, { $initiatives ->
    [one] un'iniziativa
   *[other] { $initiatives } iniziative
}
network-map-unplaced = Paesi che la mappa non mostra:
network-map-table = Relazioni e iniziative per regione e paese
network-map-country-col = Paese
network-map-relations-col = Relazioni
network-map-initiatives-col = Iniziative
network-map-empty = Nessuna relazione o iniziativa delle regioni della Convergenza che puoi vedere.

network-graph-title = Relazioni del gruppo { $name }
network-graph-crumb = Grafo delle relazioni
network-graph-intro = Le amministrazioni del gruppo a sinistra e i partner esteri a destra: le relazioni messe in comune nel gruppo e quelle dei membri nei paesi del gruppo che puoi vedere.
network-graph-caption = Ogni linea è una relazione, più spessa se sono più d'una; porta al paese del partner.
network-graph-link = { $member } – { $partner }: { $relations ->
    [one] una relazione
   *[other] { $relations } relazioni
}
network-graph-table = Relazioni del gruppo
network-graph-member-col = Amministrazione
network-graph-partner-col = Partner
network-graph-kind-col = Tipo
network-graph-since-col = Periodo
network-graph-pooled-col = Messa in comune
network-graph-pooled-yes = Sì
network-graph-pooled-no = No
network-graph-empty = Nessuna relazione del gruppo che puoi vedere.

network-open-title = Dati aperti della rete
network-open-intro = Le relazioni che le amministrazioni hanno reso pubbliche, i gruppi interregionali e le loro iniziative, in CSV e JSON, per pubblicare la rete di una regione.
network-open-what = Dati
network-open-records = Voci
network-open-files = File
network-open-relations = Relazioni pubbliche
network-open-groups = Gruppi interregionali
network-open-initiatives = Iniziative congiunte
network-open-note = Senza dati personali: né referenti né indirizzi e-mail né note. Le relazioni riservate all'amministrazione o condivise solo con il programma non vi compaiono. Paesi in codici ISO 3166-1, regioni in codici ISTAT, temi nei codici delle macroaree e dei settori OCSE-DAC, importi in euro.
