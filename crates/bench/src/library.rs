//! The library part of the dataset: documents of about 2 KB of text each in Italian, English and
//! French, with themes, places and every visibility; and the search measurement, run in-process
//! against the database for a fixed set of queries.

use db::library::{Search, Sort};
use db::Db;
use domain::library::query::Query;
use domain::library::{check, DraftInput, Scope};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// A small deterministic generator (xorshift), so that every run seeds the same library.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

const IT: &[&str] = &[
    "Le riunioni di partenariato si tengono ogni tre mesi con tutti i partner del progetto.",
    "La cooperazione decentrata coinvolge comuni, province e regioni in rapporti stabili con enti locali esteri.",
    "Il quadro logico collega obiettivi, risultati e attività con indicatori verificabili.",
    "Le attività di formazione sono rivolte ai funzionari degli uffici tecnici comunali.",
    "Il turismo sostenibile valorizza il patrimonio culturale dei piccoli comuni.",
    "La gestione dei rifiuti e dell'acqua resta una priorità per le municipalità partner.",
    "Il cofinanziamento dell'amministrazione è pari al dieci per cento del budget.",
    "Le imprese del territorio partecipano alle missioni esplorative organizzate con la camera di commercio.",
    "Il tavolo territoriale riunisce università, associazioni e attori economici locali.",
    "La valutazione finale misura i risultati rispetto ai valori di partenza degli indicatori.",
    "Il piano strategico definisce le macroaree e i paesi obiettivo dell'amministrazione.",
    "Le associazioni della diaspora sostengono progetti di sviluppo nelle regioni d'origine.",
];
const EN: &[&str] = &[
    "Partnership meetings take place every quarter with all project partners.",
    "Municipalities in the region deliver water, waste collection and local roads.",
    "The logframe links objectives, outcomes and outputs with measurable indicators.",
    "Training activities target the staff of municipal technical offices.",
    "Sustainable tourism builds on the cultural heritage of small towns.",
    "Local economic development agencies support small and medium-sized enterprises.",
    "The baseline and the target of each indicator are set with their years.",
    "Youth employment programmes link vocational schools with local employers.",
    "Climate adaptation plans include green infrastructure and water reuse.",
    "City-to-city cooperation helps smaller municipalities access European funds.",
];
const FR: &[&str] = &[
    "Les réunions de pilotage associent les collectivités partenaires des deux rives.",
    "La coopération décentralisée renforce les compétences des communes.",
    "Le cadre logique relie les objectifs, les résultats et les activités du projet.",
    "Les collectivités territoriales gèrent l'eau, les déchets et la voirie locale.",
    "Le tourisme durable valorise le patrimoine des villes historiques.",
    "Les jeunes diplômés bénéficient de stages dans les entreprises locales.",
    "Le budget du projet distingue les coûts directs et les coûts indirects.",
    "Les associations de la diaspora participent au codéveloppement des régions.",
];
const TOPICS: &[(&str, &str, &str)] = &[
    (
        "Rapporto sulla cooperazione",
        "Report on cooperation",
        "Rapport sur la coopération",
    ),
    (
        "Guida ai partenariati",
        "Guide to partnerships",
        "Guide des partenariats",
    ),
    (
        "Studio sui servizi pubblici locali",
        "Study of local public services",
        "Étude des services publics locaux",
    ),
    (
        "Verbale della riunione",
        "Minutes of the meeting",
        "Procès-verbal de la réunion",
    ),
    (
        "Bando per progetti di sviluppo",
        "Call for development projects",
        "Appel à projets de développement",
    ),
    (
        "Modello di quadro logico",
        "Logframe template",
        "Modèle de cadre logique",
    ),
];
const KINDS: &[&str] = &[
    "call",
    "guide",
    "template",
    "study",
    "report",
    "presentation",
    "minutes",
    "other",
];
const THEMES: &[&str] = &[
    "m:sviluppo-economico",
    "m:governance",
    "m:ambiente",
    "m:turismo-cultura",
    "m:agricoltura",
    "m:migrazioni",
    "m:giovani-formazione",
    "m:servizi-pubblici",
    "dac:15110",
    "dac:15112",
    "dac:15185",
    "dac:32130",
    "dac:33210",
    "dac:41010",
    "dac:43040",
];
const COUNTRIES: &[&str] = &[
    "AL", "BA", "XK", "MK", "ME", "RS", "DZ", "EG", "JO", "IL", "LB", "LY", "MA", "PS", "SY", "TN",
    "IT", "GR", "HR", "TR",
];

/// Adds `n` documents; `organisation` and `group` own the restricted ones.
pub async fn seed(
    db: &Db,
    n: usize,
    staff: Uuid,
    organisation: Uuid,
    group: Uuid,
) -> anyhow::Result<usize> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let started = Instant::now();
    for i in 0..n {
        let (language, pool, topic_index) = match rng.next() % 10 {
            0..=4 => ("it", IT, 0),
            5..=7 => ("en", EN, 1),
            _ => ("fr", FR, 2),
        };
        let topic = rng.pick(TOPICS);
        let country = *rng.pick(COUNTRIES);
        let title_topic = [topic.0, topic.1, topic.2][topic_index];
        let mut body = String::with_capacity(2200);
        while body.len() < 2000 {
            let sentence: &&str = rng.pick(pool);
            body.push_str(sentence);
            body.push(' ');
        }
        let (visibility, org, grp) = match rng.next() % 20 {
            0 => ("organisation", organisation.to_string(), String::new()),
            1 => ("group", String::new(), group.to_string()),
            2..=9 => ("public", String::new(), String::new()),
            _ => ("programme", String::new(), String::new()),
        };
        let input = DraftInput {
            title: format!("{title_topic} {} ({country} {i})", 2000 + rng.next() % 27),
            summary: (*rng.pick(pool)).to_string(),
            kind: rng.pick(KINDS).to_string(),
            language: language.into(),
            year: (2005 + rng.next() % 22).to_string(),
            source: "Ponte bench".into(),
            visibility: visibility.into(),
            organisation: org,
            group: grp,
            themes: vec![rng.pick(THEMES).to_string(), rng.pick(THEMES).to_string()],
            places: vec![country.into(), rng.pick(COUNTRIES).to_string()],
            ..Default::default()
        };
        let draft = check(&input, 2026, |_| true)
            .map_err(|e| anyhow::anyhow!("generated document {i} is invalid: {:?}", e.0))?;
        let file = db::library::StoredFile {
            key: Uuid::now_v7(),
            name: format!("documento-{i}.txt"),
            content_type: "text/plain; charset=utf-8".into(),
            size: body.len() as i64,
            extractable: true,
            text: Some(body),
        };
        db::library::create(db, &draft, Some(&file), &Default::default(), Some(staff)).await?;
        if (i + 1) % 5000 == 0 {
            eprintln!(
                "  {} documents in {:.0} s",
                i + 1,
                started.elapsed().as_secs_f64()
            );
        }
    }
    Ok(n)
}

/// The latencies of one query.
#[derive(serde::Serialize)]
pub struct QueryResult {
    pub query: String,
    pub filters: String,
    pub results: i64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// With the clauses' matches forgotten before each run (matched over the whole index).
    pub whole_p50_ms: f64,
    /// With one document's text changed before each run (the kept matches corrected for it).
    pub changed_p50_ms: f64,
    pub changed_p99_ms: f64,
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

/// Runs each query of the fixed set `runs` times as a signed-in member of `organisation` (so
/// that visibility applies) and reports p50 and p99 of the whole search: results, total and the
/// five facets; then as often with the clauses' matches forgotten, and as often after a change
/// of one document's text (its extraction finishing again), as under writing.
pub async fn measure(db: &Db, organisation: Uuid, runs: usize) -> anyhow::Result<Vec<QueryResult>> {
    let groups = db::library::groups_of(db, &[organisation]).await?;
    let scope = Scope {
        everything: false,
        signed_in: true,
        organisations: vec![organisation],
        groups,
        ..Default::default()
    };
    let set: Vec<(&str, Search)> = vec![
        ("riunione", Search::default()),
        ("cooperazione decentrata", Search::default()),
        ("\"quadro logico\"", Search::default()),
        ("municipalities water", Search::default()),
        ("collectivités territoriales", Search::default()),
        ("coop*", Search::default()),
        (
            "turismo sostenibile",
            Search {
                place: Some("AL".into()),
                ..Default::default()
            },
        ),
        (
            "partnership",
            Search {
                kind: Some("report".into()),
                year: Some(2020),
                ..Default::default()
            },
        ),
        (
            "",
            Search {
                theme: Some("m:governance".into()),
                ..Default::default()
            },
        ),
        (
            "",
            Search {
                sort: Sort::Date,
                ..Default::default()
            },
        ),
        ("gjirokastra", Search::default()),
    ];
    // As a server does: one catalogue, loaded by the first search and kept in step after.
    let catalogue = db::library::Catalogue::new();
    let newest = Search {
        sort: Sort::Date,
        page: 1,
        per_page: 1,
        ..Default::default()
    };
    let changing = db::library::search_in(db, &catalogue, &newest, &scope)
        .await?
        .hits
        .first()
        .map(|h| h.id)
        .ok_or_else(|| anyhow::anyhow!("no document to change"))?;
    let mut changes = 0u64;
    let mut out = Vec::new();
    for (q, base) in set {
        let search = Search {
            query: Query::parse(q),
            page: 1,
            per_page: 20,
            ..base
        };
        let mut times = Vec::with_capacity(runs);
        let mut total = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let r = db::library::search_in(db, &catalogue, &search, &scope).await?;
            times.push(t.elapsed());
            total = r.total;
        }
        times.sort();
        let mut whole = Vec::with_capacity(runs);
        for _ in 0..runs {
            catalogue.forget_matches();
            let t = Instant::now();
            db::library::search_in(db, &catalogue, &search, &scope).await?;
            whole.push(t.elapsed());
        }
        whole.sort();
        let mut changed = Vec::with_capacity(runs);
        for _ in 0..runs {
            changes += 1;
            let text = format!("riunione sulla cooperazione decentrata, versione {changes}");
            db::library::set_extracted(db, changing, Ok(text)).await?;
            let t = Instant::now();
            db::library::search_in(db, &catalogue, &search, &scope).await?;
            changed.push(t.elapsed());
        }
        changed.sort();
        let filters = [
            search.kind.as_ref().map(|k| format!("kind={k}")),
            search.place.as_ref().map(|p| format!("place={p}")),
            search.theme.as_ref().map(|t| format!("theme={t}")),
            search.year.map(|y| format!("year={y}")),
            (search.sort == Sort::Date).then(|| "sort=date".to_string()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        out.push(QueryResult {
            query: q.to_string(),
            filters,
            results: total,
            p50_ms: percentile(&times, 0.5),
            p99_ms: percentile(&times, 0.99),
            whole_p50_ms: percentile(&whole, 0.5),
            changed_p50_ms: percentile(&changed, 0.5),
            changed_p99_ms: percentile(&changed, 0.99),
        });
    }
    Ok(out)
}
