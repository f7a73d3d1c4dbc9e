//! Search and sorting on both databases: text written with decomposed accents is found and
//! highlighted whole, queries find documents by the names of their places and themes in three
//! languages and by most of their words, Italian inflections meet, the stored index is rebuilt for
//! new indexing rules, snippets show no Markdown, the theme and year facets are ordered, names
//! sort by Unicode collation, and the recall of a set of queries over the demo library.

mod common;

use common::{apps, App, Client};
use db::library::{Links, Search, StoredFile};
use domain::library::query::Query;
use domain::library::{check, DraftInput, Scope};
use domain::organisations::{Category, Organisation};

/// The titles of the results of `/library?q=…` as `client` sees them, in order, marks removed.
async fn titles(client: &mut Client, q: &str) -> (Vec<String>, String) {
    let r = client
        .get(&format!("/library?{}", common::urlencode(&[("q", q)])))
        .await;
    assert_eq!(r.status, 200, "{q}: {}", r.body);
    let mut out = Vec::new();
    for part in r
        .body
        .split("<h3 class=\"h5 mb-1\"><a href=\"/library/documents/")
        .skip(1)
    {
        let html = part
            .split_once("\">")
            .and_then(|(_, rest)| rest.split_once("</a></h3>"))
            .map(|(t, _)| t)
            .unwrap_or_default();
        let text = html
            .replace("<mark>", "")
            .replace("</mark>", "")
            .replace("&#x27;", "'")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
        out.push(text);
    }
    (out, r.body)
}

/// Stores a plain-text document (indexed at once) and returns its id.
async fn add_document(app: &App, title: &str, language: &str, places: &[&str], text: &str) {
    let draft = check(
        &DraftInput {
            title: title.into(),
            kind: "report".into(),
            language: language.into(),
            year: "2024".into(),
            visibility: "public".into(),
            places: places.iter().map(|p| p.to_string()).collect(),
            ..Default::default()
        },
        2026,
        |_| true,
    )
    .unwrap();
    let file = StoredFile {
        key: uuid::Uuid::now_v7(),
        name: "testo.txt".into(),
        content_type: "text/plain".into(),
        size: text.len() as i64,
        extractable: false,
        text: Some(text.into()),
    };
    db::library::create(app.db(), &draft, Some(&file), &Links::default(), None)
        .await
        .unwrap();
}

#[tokio::test]
async fn decomposed_accents_are_found_and_highlighted_whole() {
    for app in apps().await {
        let name = app.backend.name;
        // "Shkodër" as macOS writes it: "e" followed by a combining diaeresis.
        add_document(
            &app,
            "Piano urbano di Shkode\u{308}r",
            "it",
            &["AL"],
            "Il comune di Shkode\u{308}r e\u{300} gemellato con una citta\u{300} pugliese.",
        )
        .await;
        let mut c = app.client();
        for q in ["Shkodër", "Shkoder", "shkode\u{308}r", "SHKODËR"] {
            let (found, body) = titles(&mut c, q).await;
            assert_eq!(found, ["Piano urbano di Shkodër"], "{name}: {q}");
            // The highlight holds the whole word, composed, with its accent.
            assert!(body.contains("<mark>Shkodër</mark>"), "{name}: {q}");
            assert!(!body.contains("Shkode\u{308}"), "{name}: {q}");
        }
        // The text's accents too: "è" and "città" written decomposed.
        let (found, _) = titles(&mut c, "città gemellato").await;
        assert_eq!(found, ["Piano urbano di Shkodër"], "{name}");
    }
}

#[tokio::test]
async fn queries_find_places_themes_most_words_and_italian_inflections() {
    for app in apps().await {
        let name = app.backend.name;
        let mut staff = app.signed_in("staff@ponte.example").await;
        // The Serbia study speaks of municipalities, is tagged Serbia, and never says "twinning":
        // it is found for most of the words, said so, after a document with all of them.
        add_document(
            &app,
            "Twinning of municipalities in Serbia",
            "en",
            &["RS"],
            "Twinning agreements between Serbian and Italian municipalities.",
        )
        .await;
        let (found, body) = titles(&mut staff, "twinning municipality Serbia").await;
        assert_eq!(found[0], "Twinning of municipalities in Serbia", "{name}");
        assert!(
            found.contains(&"Country study: Serbia, local self-government and EU accession".into()),
            "{name}: {found:?}"
        );
        assert!(
            body.contains("Seguono quelli che ne contengono la maggior parte"),
            "{name}"
        );
        assert!(body.contains("Contiene 2 parole su 3"), "{name}");
        // Two words must both match: no partial results.
        let (two, body) = titles(&mut staff, "twinning Serbia").await;
        assert_eq!(two, ["Twinning of municipalities in Serbia"], "{name}");
        assert!(!body.contains("maggior parte"), "{name}");
        // Places and themes by their names in Italian, English and French.
        for q in ["Serbia", "Serbie", "Serbia municipalities"] {
            let (found, _) = titles(&mut staff, q).await;
            assert!(
                found.contains(
                    &"Country study: Serbia, local self-government and EU accession".into()
                ),
                "{name}: {q}: {found:?}"
            );
        }
        for q in ["Libano acqua", "Lebanon water", "Liban eau"] {
            let (found, _) = titles(&mut staff, q).await;
            assert_eq!(
                found.first().map(String::as_str),
                Some("Acqua e servizi idrici nei comuni libanesi"),
                "{name}: {q}: {found:?}"
            );
        }
        // A macro-area's English name finds the Italian documents tagged with it.
        let (found, _) = titles(&mut staff, "\"rural development\"").await;
        assert!(
            found.contains(&"Agricoltura e sviluppo rurale in Macedonia del Nord".into()),
            "{name}: {found:?}"
        );
        // "costiere" finds the document about a "comune costiero" (Snowball made it "cost").
        let (found, _) = titles(&mut staff, "rifiuti costiere").await;
        assert_eq!(
            found.first().map(String::as_str),
            Some("Dall'albero dei problemi all'albero degli obiettivi"),
            "{name}: {found:?}"
        );
        // Facets and totals of a partial query agree with the list.
        let s = Search {
            query: Query::parse("twinning municipality Serbia"),
            page: 1,
            per_page: 50,
            ..Default::default()
        };
        let everything = Scope {
            everything: true,
            ..Default::default()
        };
        let r = db::library::search(app.db(), &s, &everything)
            .await
            .unwrap();
        assert_eq!(r.words, 3);
        assert_eq!(r.total as usize, r.hits.len(), "{name}");
        assert_eq!(
            r.full as usize,
            r.hits.iter().filter(|h| h.matched == 3).count(),
            "{name}"
        );
        // Every full match comes before every partial one.
        let firsts: Vec<i64> = r.hits.iter().map(|h| h.matched).collect();
        let mut sorted = firsts.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(firsts, sorted, "{name}");
        let kinds: i64 = r.kinds.iter().map(|(_, n)| n).sum();
        assert_eq!(kinds, r.total, "{name}");
    }
}

#[tokio::test]
async fn an_index_written_by_older_rules_is_rebuilt() {
    for app in apps().await {
        let name = app.backend.name;
        // As an older version left it: Snowball's Italian stems, a decomposed accent split.
        db::testing::exec(
            app.db(),
            "UPDATE library_search SET title = 'xyzzy', body = 'xyzzy'",
        )
        .await;
        db::testing::exec(
            app.db(),
            "UPDATE generations SET value = 1 WHERE part = 'library-index'",
        )
        .await;
        let mut c = app.client();
        assert!(titles(&mut c, "gemellaggio").await.0.is_empty(), "{name}");
        let n = db::library::refresh_index(app.db()).await.unwrap();
        assert!(n >= 60, "{name}: {n}");
        assert_eq!(
            db::library::refresh_index(app.db()).await.unwrap(),
            0,
            "{name}"
        );
        // Written through the write path: the kept searches were dropped.
        let (found, _) = titles(&mut c, "gemellaggio").await;
        assert!(
            found.contains(&"Valutazione finale del progetto di gemellaggio con Scutari".into()),
            "{name}: {found:?}"
        );
        assert!(titles(&mut c, "xyzzy").await.0.is_empty(), "{name}");
    }
}

#[tokio::test]
async fn snippets_show_words_not_markdown_and_facets_are_ordered() {
    for app in apps().await {
        let name = app.backend.name;
        let mut staff = app.signed_in("staff@ponte.example").await;
        add_document(
            &app,
            "Rapporto annuale dei gemellaggi",
            "it",
            &[],
            "# Rapporto annuale\n\n*Progetti* di **gemellaggio** e [collegamenti](https://example.org).\n",
        )
        .await;
        let (_, body) = titles(&mut staff, "gemellaggio").await;
        let snippet = body
            .split("Rapporto annuale dei <mark>gemellaggi</mark>")
            .nth(1)
            .and_then(|rest| rest.split("</li>").next())
            .unwrap_or_default()
            .to_string();
        assert!(
            snippet.contains("<mark>gemellaggio</mark>"),
            "{name}: {snippet}"
        );
        for mark in ["# ", "*", "](", "**"] {
            assert!(!snippet.contains(mark), "{name}: {mark} in {snippet}");
        }
        let r = staff.get("/library").await;
        // Years from the most recent.
        let facet = r
            .body
            .split("id=\"facet-year\"")
            .nth(1)
            .and_then(|s| s.split("</ul>").next())
            .unwrap();
        let years: Vec<i32> = facet
            .split("year=")
            .skip(1)
            .filter_map(|s| s.get(..4).and_then(|y| y.parse().ok()))
            .collect();
        assert!(years.len() >= 3, "{name}: {years:?}");
        assert!(years.windows(2).all(|w| w[0] > w[1]), "{name}: {years:?}");
        // Themes: macro-areas first, then the DAC sectors grouped and folded, with their group
        // names in the reader's language.
        let themes = r
            .body
            .split("id=\"facet-theme\"")
            .nth(1)
            .and_then(|s| s.split("id=\"facet-place\"").next())
            .unwrap();
        let first_sector = themes.find("theme=dac").unwrap();
        let last_area = themes.rfind("theme=m").unwrap();
        assert!(last_area < first_sector, "{name}");
        assert!(
            themes.contains("<details class=\"small facet-sectors\">"),
            "{name}"
        );
        assert!(themes.contains("Governo e società civile"), "{name}");
        // The filters wait behind a switch on a phone.
        assert!(r.body.contains("id=\"facets-shown\""), "{name}");
    }
}

fn organisation(name: &str) -> Organisation {
    Organisation {
        category: Category::ForeignPartner,
        name: name.into(),
        pa_kind: None,
        istat_code: None,
        ipa_code: None,
        tax_code: None,
        region_code: None,
        province_code: None,
        country: "TN".into(),
        partner_type: None,
        actor_sector: None,
        actor_public: None,
        website: None,
    }
}

#[tokio::test]
async fn names_sort_by_unicode_collation_on_both_databases() {
    for app in apps().await {
        let name = app.backend.name;
        for n in ["Zeta Partner", "Éco-commune de Sfax", "alfa comune"] {
            db::organisations::create(app.db(), &organisation(n), None)
                .await
                .unwrap();
        }
        let (all, total) = db::organisations::search(app.db(), None, None, 1000, 0)
            .await
            .unwrap();
        assert_eq!(total as usize, all.len());
        let names: Vec<&str> = all.iter().map(|o| o.data.name.as_str()).collect();
        let at = |n: &str| names.iter().position(|x| *x == n).unwrap();
        assert!(at("alfa comune") < at("Zeta Partner"), "{name}: {names:?}");
        assert!(
            at("Éco-commune de Sfax") < at("Zeta Partner"),
            "{name}: {names:?}"
        );
        let mut expected = names.clone();
        expected.sort_by(|a, b| domain::locale::compare_names(a, b));
        assert_eq!(names, expected, "{name}");
        // Pages follow the same order.
        let (second, _) = db::organisations::search(app.db(), None, None, 3, 3)
            .await
            .unwrap();
        let second: Vec<&str> = second.iter().map(|o| o.data.name.as_str()).collect();
        assert_eq!(second, names[3..6], "{name}");
        // The registry page as a reader sees it.
        let mut staff = app.signed_in("staff@ponte.example").await;
        let page = staff
            .get("/organisations?category=foreign_partner")
            .await
            .body;
        let pos = |n: &str| page.find(n).unwrap_or_else(|| panic!("{name}: {n}"));
        assert!(pos("alfa comune") < pos("Zeta Partner"), "{name}");
        assert!(pos("Éco-commune de Sfax") < pos("Zeta Partner"), "{name}");
        // People: the accounts list.
        let users = db::accounts::users(app.db(), 1000, 0).await.unwrap();
        let people: Vec<&str> = users.iter().map(|u| u.name.as_str()).collect();
        let mut expected = people.clone();
        expected.sort_by(|a, b| domain::locale::compare_names(a, b));
        assert_eq!(people, expected, "{name}");
    }
}

/// Queries of our own over the demo library, each with the document it should find: words in
/// the three languages, places and themes named in another language than the document's,
/// inflections, and words the document lacks.
const RECALL: &[(&str, &str)] = &[
    (
        "twinning municipality Serbia",
        "Country study: Serbia, local self-government and EU accession",
    ),
    (
        "gemellaggio Scutari",
        "Valutazione finale del progetto di gemellaggio con Scutari",
    ),
    (
        "gemellaggi comuni albanesi",
        "Valutazione finale del progetto di gemellaggio con Scutari",
    ),
    (
        "comune costiero rifiuti",
        "Dall'albero dei problemi all'albero degli obiettivi",
    ),
    (
        "gestione rifiuti zone costiere",
        "Dall'albero dei problemi all'albero degli obiettivi",
    ),
    (
        "turismo Balcani occidentali",
        "Turismo sostenibile e patrimonio culturale nei Balcani occidentali",
    ),
    (
        "Western Balkans youth employment",
        "Youth employment and skills in the Western Balkans",
    ),
    (
        "jeunesse emploi Maghreb",
        "Rapport : jeunesse et emploi dans les villes du Maghreb",
    ),
    (
        "Maroc régionalisation",
        "Étude pays : Maroc, régionalisation avancée et collectivités territoriales",
    ),
    (
        "Marocco energia rinnovabile",
        "Energia rinnovabile e comuni in Marocco",
    ),
    (
        "Morocco renewable energy",
        "Energia rinnovabile e comuni in Marocco",
    ),
    (
        "Serbie collectivités locales",
        "Country study: Serbia, local self-government and EU accession",
    ),
    (
        "Tunisia rifiuti",
        "Studio paese: Tunisia, decentramento e collettività locali",
    ),
    ("acqua Libano", "Acqua e servizi idrici nei comuni libanesi"),
    (
        "water Lebanon",
        "Acqua e servizi idrici nei comuni libanesi",
    ),
    (
        "patrimoine culturel Jordanie",
        "Patrimoine culturel et tourisme durable au Liban et en Jordanie",
    ),
    (
        "quadro logico indicatori",
        "Modello di quadro logico per progetti di cooperazione decentrata",
    ),
    (
        "indicators baselines targets",
        "Results-based management: writing indicators with baselines and targets",
    ),
    (
        "Kosovo evaluation",
        "Mid-term evaluation of a decentralised cooperation programme in Kosovo",
    ),
    (
        "Macedonia agricoltura",
        "Agricoltura e sviluppo rurale in Macedonia del Nord",
    ),
    (
        "North Macedonia rural development",
        "Agricoltura e sviluppo rurale in Macedonia del Nord",
    ),
    (
        "Palestina servizi",
        "Local governance and service delivery in Palestinian municipalities",
    ),
    (
        "coopération décentralisée budget",
        "Élaborer le budget d'un projet de coopération décentralisée",
    ),
    (
        "comunità marocchine Campania",
        "Migrazioni e cosviluppo: le comunità marocchine in Campania",
    ),
    (
        "Montenegro adesione Unione europea",
        "Studio paese: Montenegro, comuni e percorso di adesione all'Unione europea",
    ),
    (
        "E\u{301}gypte services urbains",
        "Étude pays : Égypte, gouvernorats et services urbains",
    ),
    (
        "Algeria sviluppo locale",
        "Étude pays : Algérie, communes et développement local",
    ),
    (
        "città libiche ricostruzione",
        "Le città libiche e la ricostruzione dei servizi locali",
    ),
    (
        "coastal cities climate Grecia",
        "Climate adaptation in Mediterranean coastal cities",
    ),
    (
        "riunione gruppo macroaree",
        "Verbale della riunione del gruppo di lavoro sulle macroaree",
    ),
];

#[tokio::test]
async fn recall_over_the_demo_library() {
    for app in apps().await {
        let name = app.backend.name;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let (mut at1, mut at5, mut at20) = (0, 0, 0);
        let mut missed = Vec::new();
        for (q, target) in RECALL {
            let (found, _) = titles(&mut staff, q).await;
            match found.iter().position(|t| t == target) {
                Some(0) => {
                    at1 += 1;
                    at5 += 1;
                    at20 += 1;
                }
                Some(i) if i < 5 => {
                    at5 += 1;
                    at20 += 1;
                }
                Some(_) => at20 += 1,
                None => missed.push(*q),
            }
        }
        let n = RECALL.len() as f64;
        println!(
            "recall on {name} over {} queries: @1 {:.2}, @5 {:.2}, @20 {:.2}; missed: {missed:?}",
            RECALL.len(),
            at1 as f64 / n,
            at5 as f64 / n,
            at20 as f64 / n
        );
        // The bar this set reached when it was written; a change that loses recall fails here.
        assert!(at20 as f64 / n >= 0.95, "{name}: missed {missed:?}");
        assert!(at5 as f64 / n >= 0.9, "{name}");
    }
}
