//! The library's search over the catalogue in memory against the same search written in SQL
//! alone (`db::library::search_sql`, the implementation it replaced, kept as the oracle), on both
//! databases: a generated library of every visibility, kind, language, year, theme and place;
//! queries of one to four clauses with tags, partial matches, prefixes and phrases; every scope,
//! filter, order and several pages. Then documents are added, edited (visibility, owner, year,
//! themes, places) and removed, and two catalogues kept between searches, as two servers keep
//! theirs, must give after each change what the oracle gives.

mod common;

use common::{apps, App};
use db::library::{Catalogue, Links, Results, Search, Sort, StoredFile};
use domain::library::query::{Query, Vocabulary};
use domain::library::{check, DraftInput, Scope};
use uuid::Uuid;

/// A small deterministic generator (xorshift).
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
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "cooperazione",
    "decentrata",
    "acqua",
    "rifiuti",
    "turismo",
    "sostenibile",
    "partenariato",
    "municipalities",
    "water",
    "training",
    "coopération",
    "collectivités",
    "budget",
    "quadro",
    "logico",
    "Albania",
    "Tunisia",
    "Shkodër",
    "giovani",
    "imprese",
];
const KINDS: &[&str] = &["report", "guide", "call", "template", "study"];
const LANGUAGES: &[&str] = &["it", "en", "fr", "sq"];
const THEMES: &[&str] = &[
    "m:governance",
    "m:sviluppo-economico",
    "m:ambiente",
    "dac:15110",
    "dac:14030",
    "dac:33210",
];
const PLACES: &[&str] = &["AL", "RS", "TN", "MA", "ME", "BA", "EG"];

struct World {
    organisations: Vec<Uuid>,
    groups: Vec<Uuid>,
}

fn sentence(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| *rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn draft_input(rng: &mut Rng, w: &World) -> DraftInput {
    let visibility = *rng.pick(&["public", "programme", "organisation", "group"]);
    let themes: Vec<String> = (0..rng.below(3))
        .map(|_| rng.pick(THEMES).to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let places: Vec<String> = (0..rng.below(3))
        .map(|_| rng.pick(PLACES).to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    DraftInput {
        title: sentence(rng, 3),
        summary: sentence(rng, 6),
        kind: rng.pick(KINDS).to_string(),
        language: rng.pick(LANGUAGES).to_string(),
        // Few years, so that documents share them and the date of entry and the id order them.
        year: if rng.below(5) == 0 {
            String::new()
        } else {
            (2018 + rng.below(4)).to_string()
        },
        visibility: visibility.into(),
        organisation: if visibility == "organisation" {
            rng.pick(&w.organisations).to_string()
        } else {
            String::new()
        },
        group: if visibility == "group" {
            rng.pick(&w.groups).to_string()
        } else {
            String::new()
        },
        themes,
        places,
        ..Default::default()
    }
}

async fn add(app: &App, rng: &mut Rng, w: &World) -> Uuid {
    let draft = check(&draft_input(rng, w), 2026, |_| true).expect("a valid draft");
    let text = sentence(rng, 40);
    let file = StoredFile {
        key: Uuid::now_v7(),
        name: "testo.txt".into(),
        content_type: "text/plain".into(),
        size: text.len() as i64,
        extractable: false,
        text: Some(text),
    };
    db::library::create(app.db(), &draft, Some(&file), &Links::default(), None)
        .await
        .expect("stored")
}

/// What a search found, comparable: ids with their matched clauses, totals, facets.
fn seen(r: &Results) -> String {
    let hits: Vec<String> = r
        .hits
        .iter()
        .map(|h| format!("{}:{}", h.id, h.matched))
        .collect();
    format!(
        "total {} full {} words {}\nhits {:?}\nkinds {:?}\nthemes {:?}\nplaces {:?}\nyears {:?}\nlanguages {:?}",
        r.total, r.full, r.words, hits, r.kinds, r.themes, r.places, r.years, r.languages
    )
}

fn searches(vocabulary: &Vocabulary) -> Vec<Search> {
    let queries = [
        "",
        "cooperazione",
        "acqua rifiuti",
        "cooperazione decentrata turismo",
        "water training budget giovani",
        "\"quadro logico\"",
        "coop*",
        "Albania",
        "Shkoder",
        "governance Tunisia",
        "collectivités water turismo",
        "nessunaparola",
    ];
    let mut out = Vec::new();
    for q in queries {
        let query = Query::parse(q).with_tags(vocabulary);
        for (kind, place, theme, year, language) in [
            (None, None, None, None, None),
            (Some("report"), None, None, None, None),
            (None, Some("AL"), None, None, None),
            (None, None, Some("m:governance"), Some(2019), None),
            (Some("guide"), Some("TN"), None, None, Some("it")),
            (None, None, None, None, Some("xx")),
        ] {
            for sort in [Sort::Relevance, Sort::Date] {
                for page in [1, 2] {
                    out.push(Search {
                        query: query.clone(),
                        kind: kind.map(String::from),
                        theme: theme.map(String::from),
                        place: place.map(String::from),
                        year,
                        language: language.map(String::from),
                        sort,
                        page,
                        per_page: 7,
                    });
                }
            }
        }
    }
    out
}

async fn compare(app: &App, kept: &[&Catalogue], scopes: &[Scope], vocabulary: &Vocabulary) {
    let name = app.backend.name;
    let mut compared = 0;
    for s in searches(vocabulary) {
        for scope in scopes {
            let expected = db::library::search_sql::search(app.db(), &s, scope)
                .await
                .unwrap();
            for (i, c) in kept.iter().enumerate() {
                let got = db::library::search_in(app.db(), c, &s, scope)
                    .await
                    .unwrap();
                assert_eq!(
                    seen(&got),
                    seen(&expected),
                    "{name}, catalogue {i}: {s:?} as {scope:?}"
                );
            }
            compared += 1;
        }
    }
    assert_eq!(compared, 12 * 6 * 2 * 2 * scopes.len());
}

/// The names of the countries and the macro-areas, as the library's queries know them.
async fn vocabulary(app: &App) -> Vocabulary {
    use domain::library::query::TagKind;
    use domain::locale::Locale;
    let mut v = Vocabulary::default();
    for c in domain::library::places::COUNTRIES {
        let names: Vec<(&str, &str)> = Locale::ALL.iter().map(|l| (c.name(*l), l.code())).collect();
        v.add(TagKind::Place, c.code, &names);
    }
    for m in db::library::macro_areas(app.db()).await.unwrap() {
        v.add(
            TagKind::Theme,
            &format!("m:{}", m.code),
            &[(&m.name_it, "it"), (&m.name_en, "en"), (&m.name_fr, "fr")],
        );
    }
    v
}

#[tokio::test]
async fn the_catalogue_finds_what_the_sql_search_finds_and_follows_every_change() {
    for app in apps().await {
        let mut rng = Rng(0x5eed_1234_abcd);
        let salerno = app.organisation("Provincia di Salerno").await;
        let foggia = app.organisation("Provincia di Foggia").await;
        let groups = db::library::groups_of(app.db(), &[salerno, foggia])
            .await
            .unwrap();
        assert!(!groups.is_empty(), "the demo has working groups");
        let world = World {
            organisations: vec![salerno, foggia],
            groups: groups.clone(),
        };
        // Two servers: one catalogue loaded before the documents, one loaded later.
        let first = Catalogue::new();
        first.sync(app.db()).await.unwrap();
        let mut ids = Vec::new();
        for _ in 0..150 {
            ids.push(add(&app, &mut rng, &world).await);
        }
        let second = Catalogue::new();
        let vocabulary = vocabulary(&app).await;
        let scopes = [
            Scope::default(),
            Scope {
                signed_in: true,
                organisations: vec![salerno],
                groups: db::library::groups_of(app.db(), &[salerno]).await.unwrap(),
                ..Default::default()
            },
            Scope {
                everything: true,
                ..Default::default()
            },
        ];
        compare(&app, &[&first, &second], &scopes, &vocabulary).await;
        assert!(first.len() >= 150);

        // Edits of everything the catalogue holds, removals and additions.
        for (n, id) in ids.iter().enumerate().take(60) {
            let doc = db::library::document(app.db(), *id).await.unwrap().unwrap();
            match n % 4 {
                0 => {
                    let draft = check(&draft_input(&mut rng, &world), 2026, |_| true).unwrap();
                    db::library::update(
                        app.db(),
                        *id,
                        doc.version,
                        &draft,
                        &Links::default(),
                        None,
                    )
                    .await
                    .unwrap();
                }
                1 => {
                    db::library::delete(app.db(), *id, None).await.unwrap();
                }
                2 => {
                    add(&app, &mut rng, &world).await;
                }
                _ => {
                    // Only the text changes (as when extraction finishes): the kept matches of
                    // the clauses must follow it.
                    let text = sentence(&mut rng, 30);
                    db::library::set_extracted(app.db(), *id, Ok(text))
                        .await
                        .unwrap();
                }
            }
        }
        compare(&app, &[&first, &second], &scopes, &vocabulary).await;
        assert!(first.matches_kept() > 0, "{}", app.backend.name);

        // The index written again by other indexing rules, with no document changed: kept
        // matches follow it too (the rows are stale until then).
        db::testing::exec(
            app.db(),
            "UPDATE library_search SET title = 'xyzzy', body = 'xyzzy'",
        )
        .await;
        db::testing::exec(
            app.db(),
            "UPDATE generations SET value = -1 WHERE part = 'library-index'",
        )
        .await;
        assert!(db::library::refresh_index(app.db()).await.unwrap() >= 150);
        compare(&app, &[&first, &second], &scopes, &vocabulary).await;
        let fresh = Catalogue::new();
        fresh.sync(app.db()).await.unwrap();
        assert_eq!(first.len(), fresh.len(), "{}", app.backend.name);
        assert_eq!(second.len(), fresh.len(), "{}", app.backend.name);
    }
}
