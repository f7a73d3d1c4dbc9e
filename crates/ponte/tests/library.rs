//! The library on both databases: upload, text extraction in the job queue, search with Italian,
//! English and French stemming, phrases, prefixes and facets, downloads with byte ranges,
//! visibility in results, facet counts, pages and downloads, bad uploads, edit conflicts, and the
//! same top results on SQLite and PostgreSQL.

mod common;

use axum::http::{Method, StatusCode};
use common::{apps, multipart, App, Client};
use db::library::{Search, Sort};
use domain::library::query::Query;
use domain::library::Scope;
use std::io::Write;

/// A DOCX file (just what Word needs to open it, and the extractor to read it) saying `text`.
fn docx(text: &str) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("[Content_Types].xml", options).unwrap();
    w.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
    w.start_file("word/document.xml", options).unwrap();
    let body = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"#
    );
    w.write_all(body.as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

fn runners(app: &App) -> web::jobs::Runners {
    web::jobs::Runners {
        smtp: None,
        storage: Some(app.state.storage.clone()),
        base_url: String::new(),
    }
}

async fn search(app: &App, q: &str) -> Vec<String> {
    let s = Search {
        query: Query::parse(q),
        page: 1,
        per_page: 10,
        ..Default::default()
    };
    let everything = Scope {
        everything: true,
        ..Default::default()
    };
    db::library::search(app.db(), &s, &everything)
        .await
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.title)
        .collect()
}

fn stored_files(app: &App) -> usize {
    fn count(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| {
                        if e.path().is_dir() {
                            count(&e.path())
                        } else {
                            1
                        }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    count(&app.backend.dir.path().join("files"))
}

async fn upload(client: &mut Client, parts: &[(&str, Option<&str>, &[u8])]) -> common::Reply {
    let (ct, body) = multipart(parts);
    client
        .send(Method::POST, "/library/documents", Some(&ct), body)
        .await
}

#[tokio::test]
async fn an_upload_is_extracted_found_and_downloaded_in_ranges() {
    for app in apps().await {
        // The demo leaves jobs of its own due (its commitments' reminders): run them first, so
        // that what is counted below is the upload's extraction.
        web::jobs::run_due(app.db(), &runners(&app)).await;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let file = docx(
            "Le riunioni del partenariato con Gjirokastra si svolgono ogni mese &amp; a distanza.",
        );
        let r = upload(
            &mut staff,
            &[
                ("title", None, b"Verbale del partenariato con Argirocastro"),
                ("kind", None, b"minutes"),
                ("language", None, b"it"),
                ("year", None, b"2025"),
                ("visibility", None, b"programme"),
                ("themes", None, b"m:governance"),
                ("sectors", None, b"dac:15185"),
                ("places", None, b"group-wb"),
                ("file", Some("verbale.docx"), &file),
            ],
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            app.backend.name,
            r.body
        );
        let page_path = r.location().to_string();
        let page = staff.get(&page_path).await;
        assert!(page.body.contains("in lettura"), "{}", page.body);
        assert!(
            search(&app, "Gjirokastra").await.is_empty(),
            "not indexed before extraction"
        );
        // The page caches this empty result; the extraction below must make it stale.
        let before = staff.get("/library?q=gjirokastra").await;
        assert!(before.body.contains("Nessun documento corrisponde"));
        assert_eq!(web::jobs::run_due(app.db(), &runners(&app)).await, 1);
        assert_eq!(
            search(&app, "Gjirokastra").await,
            ["Verbale del partenariato con Argirocastro"]
        );
        // Singular finds plural; the group brings its countries into the facets.
        assert!(search(&app, "riunione gjirokastra").await.len() == 1);
        let results = staff.get("/library?q=gjirokastra").await;
        assert_eq!(results.status, StatusCode::OK);
        assert!(
            results.body.contains("<mark>Gjirokastra</mark>"),
            "{}",
            results.body
        );
        let by_country = staff.get("/library?q=gjirokastra&place=RS").await;
        assert!(by_country.body.contains("Argirocastro"));
        let elsewhere = staff.get("/library?q=gjirokastra&place=TN").await;
        assert!(!elsewhere.body.contains("Argirocastro"));
        // The download: the stored bytes, as an attachment, whole or in ranges.
        let id = page_path.rsplit('/').next().unwrap();
        let path = format!("/library/documents/{id}/file");
        let whole = staff.get(&path).await;
        assert_eq!(whole.status, StatusCode::OK);
        assert_eq!(whole.bytes, file);
        assert_eq!(
            whole.headers["content-type"],
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        assert!(whole.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"verbale.docx\""));
        assert_eq!(whole.headers["accept-ranges"], "bytes");
        staff.headers.push(("range".into(), "bytes=2-11".into()));
        let part = staff.get(&path).await;
        assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
        assert_eq!(part.bytes, file[2..12]);
        assert_eq!(
            part.headers["content-range"],
            format!("bytes 2-11/{}", file.len()).as_str()
        );
        staff.headers = vec![("range".into(), format!("bytes={}-", file.len()))];
        let beyond = staff.get(&path).await;
        assert_eq!(beyond.status, StatusCode::RANGE_NOT_SATISFIABLE);
        assert_eq!(
            beyond.headers["content-range"],
            format!("bytes */{}", file.len()).as_str()
        );
    }
}

#[tokio::test]
async fn stemming_accents_phrases_prefixes_and_title_weight() {
    for app in apps().await {
        let name = app.backend.name;
        let has = |found: &[String], title: &str| found.iter().any(|t| t == title);
        // "attivita" without its accent finds "attività"; "riunione" finds "riunioni".
        let found = search(&app, "attivita ammissibili").await;
        assert!(
            has(
                &found,
                "Guida alla cooperazione territoriale europea per gli enti locali"
            ),
            "{name}: {found:?}"
        );
        let found = search(&app, "riunione informativa").await;
        assert!(
            has(
                &found,
                "Avviso per progetti di partenariato territoriale con l'Albania"
            ),
            "{name}: {found:?}"
        );
        // English and French words in their own stemming.
        let found = search(&app, "partnerships").await;
        assert!(
            has(
                &found,
                "Presentation: partnership building with Western Balkan municipalities"
            ),
            "{name}: {found:?}"
        );
        let found = search(&app, "collectivité").await;
        assert!(
            has(
                &found,
                "Étude pays : Maroc, régionalisation avancée et collectivités territoriales"
            ),
            "{name}: {found:?}"
        );
        // A phrase needs its words together; a prefix finds every ending.
        let phrase = search(&app, "\"ospitalità diffusa\"").await;
        assert_eq!(
            phrase,
            ["Turismo sostenibile e patrimonio culturale nei Balcani occidentali"],
            "{name}"
        );
        assert!(
            search(&app, "\"diffusa ospitalità\"").await.is_empty(),
            "{name}"
        );
        let found = search(&app, "gemell*").await;
        assert!(
            has(
                &found,
                "Valutazione finale del progetto di gemellaggio con Scutari"
            ),
            "{name}: {found:?}"
        );
        assert!(found.len() >= 4, "{name}: {found:?}");
        // A title match ranks above documents that only mention the word.
        let found = search(&app, "Tunisia").await;
        assert!(found.len() > 3, "{name}: {found:?}");
        assert!(found[0].contains("Tunisia"), "{name}: {found:?}");
        // Hostile syntax is just words.
        assert!(search(&app, "\" OR * NEAR( ' -- ;").await.is_empty());
    }
}

#[tokio::test]
async fn facets_count_what_the_query_finds_and_combine() {
    for app in apps().await {
        let mut staff = app.signed_in("staff@ponte.example").await;
        let page = staff.get("/library?q=turismo").await;
        assert_eq!(page.status, StatusCode::OK);
        for facet in ["Tipo", "Tema", "Paese o regione", "Anno", "Lingua"] {
            assert!(page.body.contains(facet), "{facet}");
        }
        let everything = Scope {
            everything: true,
            ..Default::default()
        };
        let mut s = Search {
            query: Query::parse("turismo"),
            page: 1,
            per_page: 50,
            ..Default::default()
        };
        let all = db::library::search(app.db(), &s, &everything)
            .await
            .unwrap();
        let kinds: i64 = all.kinds.iter().map(|(_, n)| n).sum();
        assert_eq!(kinds, all.total);
        assert!(all.total >= 3);
        // Choosing a year keeps the other years' counts (to switch) and narrows the rest.
        let (year, count) = all.years[0].clone();
        s.year = Some(year.parse().unwrap());
        let narrowed = db::library::search(app.db(), &s, &everything)
            .await
            .unwrap();
        assert_eq!(narrowed.total, count);
        assert_eq!(narrowed.years, all.years);
        assert_eq!(narrowed.kinds.iter().map(|(_, n)| n).sum::<i64>(), count);
        s.sort = Sort::Date;
        let by_date = db::library::search(app.db(), &s, &everything)
            .await
            .unwrap();
        assert_eq!(by_date.total, count);
        // Page two of everything, by date.
        let second = staff.get("/library?page=2").await;
        assert_eq!(second.status, StatusCode::OK);
        assert!(second.body.contains("aria-current=\"page\">2<"));
    }
}

#[tokio::test]
async fn nobody_sees_a_document_they_may_not_see_anywhere() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno_only = "Verbale del tavolo territoriale della Provincia di Salerno";
        let group_only = "Verbale della riunione del gruppo di lavoro sulle macroaree";
        let programme = "Modello di quadro logico per progetti di cooperazione decentrata";
        let mut guest = app.client();
        let mut foggia = app.signed_in("m.longo@provincia.foggia.example").await;
        let mut salerno = app.signed_in("membro@ponte.example").await;
        let mut actor = app.signed_in("attore@ponte.example").await;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let everything = staff.get("/library?kind=minutes").await.body;
        assert!(
            everything.contains(salerno_only) && everything.contains(group_only),
            "{name}"
        );
        let seen = salerno.get("/library?kind=minutes").await.body;
        assert!(
            seen.contains(salerno_only) && seen.contains(group_only),
            "{name}"
        );
        let seen = foggia.get("/library?kind=minutes").await.body;
        assert!(
            !seen.contains(salerno_only) && seen.contains(group_only),
            "{name}"
        );
        let seen = actor.get("/library?kind=minutes").await.body;
        assert!(
            !seen.contains(salerno_only) && !seen.contains(group_only),
            "{name}"
        );
        let seen = guest.get("/library?kind=template").await.body;
        assert!(!seen.contains(programme), "{name}");
        assert!(actor
            .get("/library?kind=template")
            .await
            .body
            .contains(programme));
        // Facet counts and totals leave them out too.
        let scope_of = |organisations, groups, signed_in| Scope {
            everything: false,
            signed_in,
            organisations,
            groups,
            ..Default::default()
        };
        let salerno_id = app.organisation("Provincia di Salerno").await;
        let foggia_id = app.organisation("Provincia di Foggia").await;
        let cohort = db::library::groups_of(app.db(), &[foggia_id])
            .await
            .unwrap();
        assert_eq!(cohort.len(), 1);
        let s = Search {
            query: Query::parse("verbale"),
            page: 1,
            per_page: 50,
            ..Default::default()
        };
        let of_salerno = db::library::search(
            app.db(),
            &s,
            &scope_of(vec![salerno_id], cohort.clone(), true),
        )
        .await
        .unwrap();
        let of_foggia = db::library::search(
            app.db(),
            &s,
            &scope_of(vec![foggia_id], cohort.clone(), true),
        )
        .await
        .unwrap();
        let of_guest = db::library::search(app.db(), &s, &Scope::default())
            .await
            .unwrap();
        assert_eq!(of_salerno.total, of_foggia.total + 1, "{name}");
        let minutes = |r: &db::library::Results| {
            r.kinds
                .iter()
                .find(|(k, _)| k == "minutes")
                .map_or(0, |(_, n)| *n)
        };
        assert_eq!(minutes(&of_salerno), minutes(&of_foggia) + 1, "{name}");
        let it72 = |r: &db::library::Results| {
            r.places
                .iter()
                .find(|(k, _)| k == "IT-72")
                .map_or(0, |(_, n)| *n)
        };
        assert_eq!(it72(&of_salerno), it72(&of_foggia) + 1, "{name}");
        assert!(of_guest.total < of_foggia.total, "{name}");
        assert!(of_guest
            .hits
            .iter()
            .all(|h| h.title != group_only && h.title != salerno_only));
        // The page and the file answer 404 to those who may not see them.
        let everything_scope = Scope {
            everything: true,
            ..Default::default()
        };
        let all = db::library::search(
            app.db(),
            &Search {
                query: Query::parse("tavolo territoriale Salerno"),
                page: 1,
                per_page: 5,
                ..Default::default()
            },
            &everything_scope,
        )
        .await
        .unwrap();
        let id = all
            .hits
            .iter()
            .find(|h| h.title == salerno_only)
            .unwrap()
            .id;
        for path in [
            format!("/library/documents/{id}"),
            format!("/library/documents/{id}/file"),
            format!("/library/documents/{id}/edit"),
        ] {
            assert_eq!(
                foggia.get(&path).await.status,
                StatusCode::NOT_FOUND,
                "{name} {path}"
            );
            let expected = if path.ends_with("/edit") {
                StatusCode::SEE_OTHER
            } else {
                StatusCode::NOT_FOUND
            };
            assert_eq!(guest.get(&path).await.status, expected, "{name} {path}");
        }
        assert_eq!(
            salerno
                .get(&format!("/library/documents/{id}"))
                .await
                .status,
            StatusCode::OK
        );
        assert_eq!(
            salerno
                .get(&format!("/library/documents/{id}/file"))
                .await
                .status,
            StatusCode::OK
        );
        // Not the uploader and not staff: no edit, no delete.
        assert_eq!(
            salerno
                .get(&format!("/library/documents/{id}/edit"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            salerno
                .post(&format!("/library/documents/{id}/delete"), &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert!(db::library::document(app.db(), id).await.unwrap().is_some());
    }
}

#[tokio::test]
async fn bad_uploads_are_refused_and_store_nothing() {
    for app in apps().await {
        let name = app.backend.name;
        let mut member = app.signed_in("membro@ponte.example").await;
        let before = stored_files(&app);
        let count = || async { search(&app, "").await.len() };
        let docs_before = db::library::search(
            app.db(),
            &Search {
                page: 1,
                per_page: 1,
                ..Default::default()
            },
            &Scope {
                everything: true,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .total;
        let base: Vec<(&str, Option<&str>, &[u8])> = vec![
            ("title", None, b"Prova"),
            ("kind", None, b"report"),
            ("language", None, b"it"),
            ("visibility", None, b"programme"),
        ];
        // Too large: refused while reading, before anything is stored.
        let big = vec![b'a'; web::library::MAX_DOCUMENT_BYTES + 300 * 1024];
        let mut parts = base.clone();
        parts.push(("file", Some("grande.txt"), &big));
        let r = upload(&mut member, &parts).await;
        assert!(r.status.is_client_error(), "{name}: {}", r.status);
        // Content that does not match the name.
        let mut parts = base.clone();
        let zip = docx("x");
        parts.push(("file", Some("finto.pdf"), &zip));
        let r = upload(&mut member, &parts).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(r.body.contains("non corrisponde"), "{}", r.body);
        // Public documents are for staff; another administration is not one's own.
        let mut parts = base.clone();
        parts[3] = ("visibility", None, b"public");
        parts.push(("file", Some("a.txt"), b"testo"));
        assert_eq!(
            upload(&mut member, &parts).await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let foggia = app.organisation("Provincia di Foggia").await.to_string();
        let mut parts = base.clone();
        parts[3] = ("visibility", None, b"organisation");
        parts.push(("organisation", None, foggia.as_bytes()));
        parts.push(("file", Some("a.txt"), b"testo"));
        let r = upload(&mut member, &parts).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Scegli una delle tue amministrazioni"));
        assert_eq!(stored_files(&app), before, "{name}: nothing stored");
        let docs_after = db::library::search(
            app.db(),
            &Search {
                page: 1,
                per_page: 1,
                ..Default::default()
            },
            &Scope {
                everything: true,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .total;
        assert_eq!(docs_after, docs_before);
        let _ = count;
        // A name with path tricks is only a name; a damaged file is kept, its failure shown.
        let mut parts = base.clone();
        let broken = b"PK\x03\x04 not really a document".to_vec();
        parts.push(("file", Some("../../../etc/rapporto.docx"), &broken));
        let r = upload(&mut member, &parts).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let path = r.location().to_string();
        web::jobs::run_due(app.db(), &runners(&app)).await;
        let page = member.get(&path).await;
        assert!(
            page.body.contains("Non è stato possibile leggere il testo"),
            "{}",
            page.body
        );
        assert!(page.body.contains("non è un archivio leggibile"));
        let file = member.get(&format!("{path}/file")).await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(file.bytes, broken);
        assert!(file.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("filename=\"rapporto.docx\""));
        // The uploader may try again; the attempt is queued.
        let again = member.post(&format!("{path}/extract"), &[]).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        assert!(member.get(&path).await.body.contains("in lettura"));
    }
}

#[tokio::test]
async fn two_people_editing_the_same_document_lose_nothing() {
    for app in apps().await {
        let mut staff = app.signed_in("staff@ponte.example").await;
        let mut other = app.signed_in("admin@ponte.example").await;
        let r = upload(
            &mut staff,
            &[
                ("title", None, b"Bozza di studio"),
                ("kind", None, b"study"),
                ("language", None, b"it"),
                ("visibility", None, b"programme"),
                ("url", None, b"https://example.org/studio"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let path = r.location().to_string();
        let form =
            |title: &'static str| -> Vec<(&'static str, Option<&'static str>, &'static [u8])> {
                vec![
                    ("version", None, b"1"),
                    ("title", None, title.as_bytes()),
                    ("kind", None, b"study"),
                    ("language", None, b"it"),
                    ("visibility", None, b"programme"),
                    ("url", None, b"https://example.org/studio"),
                ]
            };
        let (ct, body) = multipart(&form("Studio, prima mano"));
        let first = staff.send(Method::POST, &path, Some(&ct), body).await;
        assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
        let (ct, body) = multipart(&form("Studio, seconda mano"));
        let second = other.send(Method::POST, &path, Some(&ct), body).await;
        assert_eq!(second.status, StatusCode::CONFLICT);
        assert!(
            second.body.contains("Studio, seconda mano"),
            "the typed text is kept"
        );
        assert!(
            second.body.contains("Studio, prima mano"),
            "the saved version is shown"
        );
        assert!(second.body.contains("name=\"version\" value=\"2\""));
        let id = uuid::Uuid::parse_str(path.rsplit('/').next().unwrap()).unwrap();
        let doc = db::library::document(app.db(), id).await.unwrap().unwrap();
        assert_eq!(doc.title, "Studio, prima mano");
        assert_eq!(doc.version, 2);
    }
}

#[tokio::test]
async fn sqlite_and_postgres_give_the_same_top_results() {
    let apps = apps().await;
    assert_eq!(apps[1].backend.name, "postgres");
    let queries = [
        "riunione",
        "Tunisia",
        "quadro logico",
        "\"quadro logico\"",
        "municipalities",
        "coopération décentralisée",
        "gemell*",
        "turismo sostenibile",
        "youth employment",
        "acqua",
        "Albania imprese",
        "indicators baseline",
    ];
    for q in queries {
        let a = search(&apps[0], q).await;
        let b = search(&apps[1], q).await;
        assert!(!a.is_empty(), "{q}: nothing found");
        let n = a.len().min(3);
        assert_eq!(a[..n], b[..n], "top results of {q:?} differ");
        assert_eq!(
            a.len(),
            b.len(),
            "{q:?} finds a different number of documents"
        );
    }
}

#[tokio::test]
async fn the_map_counts_only_what_the_viewer_may_see() {
    for app in apps().await {
        let count_for = |body: &str, country: &str| -> i64 {
            // The table row: <a href="/library?place=AL">Albania</a></th><td class="text-end">N</td>
            let marker = format!("place={country}\">");
            let at = body
                .find(&format!(
                    "<th scope=\"row\"><a href=\"&#x2f;library?{marker}"
                ))
                .or_else(|| body.find(&format!("<th scope=\"row\"><a href=\"/library?{marker}")));
            let Some(at) = at else { return 0 };
            let cell = &body[at..];
            let start =
                cell.find("<td class=\"text-end\">").unwrap() + "<td class=\"text-end\">".len();
            cell[start..start + cell[start..].find('<').unwrap()]
                .replace('.', "")
                .parse()
                .unwrap()
        };
        let guest = app.client().get("/library/map").await;
        assert_eq!(guest.status, StatusCode::OK);
        assert!(
            guest.body.contains("<svg")
                && guest
                    .body
                    .contains("<use href=\"/library/map/shapes.svg?v=")
        );
        // The shapes come once, in a file of their own that browsers keep.
        let at = guest.body.find("/library/map/shapes.svg?v=").unwrap();
        let sprite = guest.body[at..].split('#').next().unwrap().to_string();
        let shapes = app.client().get(&sprite).await;
        assert_eq!(shapes.status, StatusCode::OK);
        assert!(
            shapes.body.contains("<path id=\"s")
                && shapes.body.contains("<g id=\"others\"><path d=\"M")
        );
        let mut staff = app.signed_in("staff@ponte.example").await;
        let all = staff.get("/library/map").await;
        let everything = Scope {
            everything: true,
            ..Default::default()
        };
        let facets = db::library::search(
            app.db(),
            &Search {
                page: 1,
                per_page: 1,
                ..Default::default()
            },
            &everything,
        )
        .await
        .unwrap();
        let albania = facets.places.iter().find(|(p, _)| p == "AL").unwrap().1;
        assert_eq!(count_for(&all.body, "AL"), albania, "{}", app.backend.name);
        assert!(
            count_for(&guest.body, "AL") < albania,
            "programme documents are not counted for guests"
        );
        let public = db::library::search(
            app.db(),
            &Search {
                page: 1,
                per_page: 1,
                ..Default::default()
            },
            &Scope::default(),
        )
        .await
        .unwrap();
        assert_eq!(
            count_for(&guest.body, "AL"),
            public
                .places
                .iter()
                .find(|(p, _)| p == "AL")
                .map_or(0, |x| x.1)
        );
        // Every known country is a link to the filtered library, named with its count.
        assert!(
            all.body.contains("aria-label=\"Tunisia:"),
            "country links carry their name"
        );
    }
}

#[tokio::test]
async fn text_is_extracted_from_a_real_pdf() {
    // A PDF/A typeset by typst (the labs' certificate), as real PDFs are: subset fonts with
    // their Unicode maps, compressed streams.
    let certificate = export::certificate::Certificate {
        code: "ABCD-EFGH-JKMN".into(),
        issuers: vec!["Formez".into()],
        funding: "Ponte".into(),
        lines: vec![export::certificate::Line {
            module: "Quadri logici e indicatori".into(),
            dates: "12 marzo 2026".into(),
            hours: "7".into(),
        }],
        issued_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
        verify_url: "https://ponte.example/certificates/ABCD-EFGH-JKMN".into(),
        wording: export::certificate::Wording {
            lang: "it".into(),
            title: "Attestato di partecipazione".into(),
            statement: "Si attesta che Ermira Gjoni, Bashkia Shkodër, ha partecipato ai laboratori del programma «Ponte», nel gruppo «Gruppo Balcani», per complessive 7 ore in 1 giornate.".into(),
            module: "Modulo".into(),
            dates: "Date".into(),
            hours: "Ore".into(),
            issued: "Rilasciato il 20 marzo 2026.".into(),
            code: "Codice di verifica: ABCD-EFGH-JKMN.".into(),
            verify: "Verifica all'indirizzo".into(),
        },
    };
    let pdf = export::certificate::pdf(&certificate).unwrap();
    for app in apps().await {
        // The demo's own due jobs first (see above).
        web::jobs::run_due(app.db(), &runners(&app)).await;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let r = upload(
            &mut staff,
            &[
                ("title", None, b"Attestato di esempio"),
                ("kind", None, b"other"),
                ("language", None, b"it"),
                ("visibility", None, b"programme"),
                ("file", Some("attestato.pdf"), &pdf),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(web::jobs::run_due(app.db(), &runners(&app)).await, 1);
        assert_eq!(
            search(&app, "Gjoni").await,
            ["Attestato di esempio"],
            "{}",
            app.backend.name
        );
        // Diacritics in the PDF are folded like typed ones.
        assert!(search(&app, "Shkoder")
            .await
            .contains(&"Attestato di esempio".to_string()));
    }
}

#[tokio::test]
async fn good_practices_are_structured_and_searched_with_the_documents() {
    for app in apps().await {
        let name = app.backend.name;
        let mut member = app.signed_in("membro@ponte.example").await;
        let form = member.get("/library/practices/new").await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("Trasferibilità"));
        let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![
            (
                "title",
                None,
                b"Lo sportello unico per i progetti europei di Eboli",
            ),
            (
                "summary",
                None,
                b"Un ufficio comune a sei comuni della Piana del Sele.",
            ),
            ("language", None, b"it"),
            ("year", None, b"2024"),
            ("visibility", None, b"programme"),
            ("places", None, b"IT-72"),
            ("administration", None, b"Comune di Eboli"),
            ("context", None, b"Sei piccoli comuni della Piana del Sele."),
            ("problem", None, b""),
            (
                "approach",
                None,
                b"Una convenzione crea un ufficio associato con progettisti condivisi.",
            ),
            (
                "results",
                None,
                b"Nove candidature in due anni, quattro finanziate.",
            ),
        ];
        let r = upload(&mut member, &parts).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(
            r.body.contains("id=\"e-problem\""),
            "the missing section is named"
        );
        assert!(
            r.body.contains("Nove candidature"),
            "what was typed is kept"
        );
        parts[8] = (
            "problem",
            None,
            b"Nessun comune aveva da solo le competenze per i bandi europei.",
        );
        let r = upload(&mut member, &parts).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let path = r.location().to_string();
        let page = member.get(&path).await;
        assert!(page.body.contains("La buona pratica") && page.body.contains("Comune di Eboli"));
        assert!(page
            .body
            .contains("ufficio associato con progettisti condivisi"));
        assert!(page.body.contains("Buona pratica"), "its kind");
        // Found by the words of its sections, under the good-practice facet.
        let found = search(&app, "progettisti condivisi").await;
        assert_eq!(
            found[0], "Lo sportello unico per i progetti europei di Eboli",
            "{name}"
        );
        assert_eq!(
            search(&app, "\"ufficio associato\"").await,
            ["Lo sportello unico per i progetti europei di Eboli"]
        );
        let practices = member.get("/library?kind=good_practice").await;
        assert!(practices
            .body
            .contains("Lo sportello unico per i progetti europei di Eboli"));
        assert!(
            practices
                .body
                .contains("Il tavolo territoriale per la cooperazione della Provincia di Cosenza"),
            "the demo's practices"
        );
        // Editing keeps it a good practice; its record changes with it.
        let id = uuid::Uuid::parse_str(path.rsplit('/').next().unwrap()).unwrap();
        let edit = member.get(&format!("{path}/edit")).await;
        assert!(edit.body.contains("Nove candidature in due anni"));
        let mut edited = parts.clone();
        edited.push(("version", None, b"1"));
        edited[10] = (
            "results",
            None,
            b"Dodici candidature in tre anni, sei finanziate.",
        );
        let (ct, body) = multipart(&edited);
        let r = member.send(Method::POST, &path, Some(&ct), body).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let record = db::library::practice(app.db(), id).await.unwrap().unwrap();
        assert_eq!(
            record.results,
            "Dodici candidature in tre anni, sei finanziate."
        );
        assert_eq!(search(&app, "dodici candidature").await.len(), 1);
        assert!(search(&app, "nove candidature").await.is_empty());
        let doc = db::library::document(app.db(), id).await.unwrap().unwrap();
        assert_eq!(doc.kind, "good_practice");
        // Deleting removes the record with the document.
        let r = member.post(&format!("{path}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(db::library::practice(app.db(), id).await.unwrap().is_none());
        assert!(search(&app, "dodici candidature").await.is_empty());
    }
}

#[tokio::test]
async fn staff_curate_reading_lists_that_respect_visibility() {
    for app in apps().await {
        let name = app.backend.name;
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        let first = structure.modules[0].id;
        let second = structure.modules[1].id;
        // The demo's list for the first module: programme documents for participants only.
        let mut member = app.signed_in("membro@ponte.example").await;
        let page = member.get(&format!("/programme/modules/{first}")).await;
        assert!(page.body.contains("Da leggere prima del laboratorio"));
        assert!(
            page.body
                .contains("Modello di quadro logico per progetti di cooperazione decentrata"),
            "{name}"
        );
        assert!(page.body.contains("Portate il modello stampato"));
        let guest = app
            .client()
            .get(&format!("/programme/modules/{first}"))
            .await;
        assert!(
            !guest.body.contains("Modello di quadro logico per progetti"),
            "{name}: programme documents stay hidden"
        );
        assert!(
            guest
                .body
                .contains("Guida alla cooperazione territoriale europea"),
            "public ones show"
        );
        // Staff add a document to another module's list from the document page, and remove it.
        let mut staff = app.signed_in("staff@ponte.example").await;
        let doc = db::library::search(
            app.db(),
            &Search {
                query: Query::parse("\"Studio paese: Albania\""),
                page: 1,
                per_page: 1,
                ..Default::default()
            },
            &Scope {
                everything: true,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .hits[0]
            .id;
        let doc_page = staff.get(&format!("/library/documents/{doc}")).await;
        assert!(doc_page.body.contains("Aggiungi a una lista di lettura"));
        assert!(!member
            .get(&format!("/library/documents/{doc}"))
            .await
            .body
            .contains("Aggiungi a una lista di lettura"));
        let target = format!("module:{second}");
        let add = staff
            .post(
                &format!("/library/documents/{doc}/reading"),
                &[
                    ("target", target.as_str()),
                    ("note", "Prima del laboratorio sui partner"),
                ],
            )
            .await;
        assert_eq!(add.status, StatusCode::SEE_OTHER, "{name}: {}", add.body);
        assert_eq!(
            add.location(),
            format!("/programme/modules/{second}#reading")
        );
        // Adding twice keeps one entry; members may not add.
        staff
            .post(
                &format!("/library/documents/{doc}/reading"),
                &[("target", target.as_str())],
            )
            .await;
        assert_eq!(
            member
                .post(
                    &format!("/library/documents/{doc}/reading"),
                    &[("target", target.as_str())]
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let list = db::library::reading_list(app.db(), db::library::ReadingFor::Module(second))
            .await
            .unwrap();
        assert_eq!(list.len(), 1);
        assert!(member
            .get(&format!("/programme/modules/{second}"))
            .await
            .body
            .contains("Prima del laboratorio sui partner"));
        let bad = staff
            .post(
                &format!("/library/documents/{doc}/reading"),
                &[("target", "module:not-an-id")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let removed = staff
            .post(&format!("/library/reading/{}/remove", list[0].id), &[])
            .await;
        assert_eq!(removed.status, StatusCode::SEE_OTHER);
        assert!(
            db::library::reading_list(app.db(), db::library::ReadingFor::Module(second))
                .await
                .unwrap()
                .is_empty()
        );
        // A session's list shows on the session page.
        let session = db::labs::list(app.db(), &Default::default()).await.unwrap()[0].id;
        let target = format!("session:{session}");
        staff
            .post(
                &format!("/library/documents/{doc}/reading"),
                &[("target", target.as_str())],
            )
            .await;
        assert!(member
            .get(&format!("/labs/sessions/{session}"))
            .await
            .body
            .contains("Studio paese: Albania"));
    }
}

#[tokio::test]
async fn a_renamed_theme_shows_at_once_on_every_instance() {
    for app in apps().await {
        // A second instance over the same database, which has read the names before the change.
        let mut reader = app.other_instance();
        let area = db::library::macro_areas(app.db())
            .await
            .unwrap()
            .into_iter()
            .find(|a| a.code == "governance")
            .unwrap_or_else(|| panic!("the demo has a governance macro-area"));
        let path = format!("/library?theme=m:{}", area.code);
        let before = reader.get(&path).await;
        assert_eq!(before.status, StatusCode::OK);
        assert!(before.body.contains(&area.name_it), "{}", app.backend.name);
        let generation = db::generations(app.db(), &db::Part::ALL).await.unwrap();
        let renamed = db::library::MacroArea {
            name_it: "Governo condiviso del territorio".into(),
            ..area.clone()
        };
        // A save over an old version changes nothing, the generation included.
        let stale =
            db::library::save_macro_area(app.db(), &renamed, Some(area.version + 3), None).await;
        assert!(matches!(stale, Err(db::DbError::Conflict)));
        assert_eq!(
            db::generations(app.db(), &db::Part::ALL).await.unwrap(),
            generation
        );
        db::library::save_macro_area(app.db(), &renamed, Some(area.version), None)
            .await
            .unwrap();
        let after = reader.get(&path).await;
        assert!(
            after.body.contains("Governo condiviso del territorio"),
            "{}",
            app.backend.name
        );
        assert!(!after.body.contains(&area.name_it));
    }
}
