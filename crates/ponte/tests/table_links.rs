//! The territorial tables tied to the rest of Ponte, on both databases: a table's documents in
//! the library (seen by the table's people only, everywhere the library shows documents), the
//! strand B labs scheduled for a table, the table's calendar behind a personal secret address,
//! and the convocations that reach a representative added after a meeting was convened.

mod common;

use axum::http::{Method, StatusCode};
use common::{apps, multipart, App, Client};
use uuid::Uuid;

/// The demo tables: Salerno's and Foggia's.
async fn demo_tables(app: &App) -> (Uuid, Uuid) {
    let salerno = app.organisation("Provincia di Salerno").await;
    let foggia = app.organisation("Provincia di Foggia").await;
    let tables = db::tables::list(app.db()).await.unwrap();
    let of = |lead: Uuid| tables.iter().find(|t| t.lead_id == lead).unwrap().id;
    (of(salerno), of(foggia))
}

/// How many entries the audit log holds: an unchanged count means nothing was stored.
async fn changes(app: &App) -> i64 {
    db::audit::page(app.db(), None, 1, 0).await.unwrap().1
}

fn runners(app: &App) -> web::jobs::Runners {
    web::jobs::Runners {
        smtp: None,
        storage: Some(app.state.storage.clone()),
        base_url: String::new(),
    }
}

/// The email of the person with an account who represents the Provincia di Foggia on its table.
async fn foggia_representative(app: &App, foggia: Uuid) -> String {
    let reps = db::tables::representatives(app.db(), foggia).await.unwrap();
    reps.iter()
        .find(|r| r.user_id.is_some())
        .expect("Foggia's table has a representative with an account")
        .email
        .clone()
}

async fn upload(client: &mut Client, parts: &[(&str, Option<&str>, &[u8])]) -> common::Reply {
    let (ct, body) = multipart(parts);
    client
        .send(Method::POST, "/library/documents", Some(&ct), body)
        .await
}

/// A table document's form: a word found nowhere else in its title and text, in Slovenian (a
/// language no demo document has, so that its facet value shows whether it is counted), tagged
/// with Albania (so that the map counts it).
fn table_document(table: &str) -> Vec<Part> {
    vec![
        ("title", None, b"Zibaldone riservato del tavolo".to_vec()),
        ("kind", None, b"minutes".to_vec()),
        ("language", None, b"sl".to_vec()),
        ("year", None, b"2026".to_vec()),
        ("visibility", None, b"table".to_vec()),
        ("table", None, table.as_bytes().to_vec()),
        ("places", None, b"AL".to_vec()),
        (
            "file",
            Some("appunti.txt"),
            b"Appunti sul quadrifoglio della segreteria.".to_vec(),
        ),
    ]
}

type Part = (&'static str, Option<&'static str>, Vec<u8>);

fn parts<'a>(v: &'a [Part]) -> Vec<(&'static str, Option<&'static str>, &'a [u8])> {
    v.iter().map(|(k, f, b)| (*k, *f, b.as_slice())).collect()
}

/// What one person finds of the table's document: in a search by its title, by a word of its
/// text, among the browse page's facets, on its page and its download.
struct Seen {
    by_title: bool,
    by_text: bool,
    in_facets: bool,
    page: StatusCode,
    file: StatusCode,
}

async fn seen(c: &mut Client, doc: Uuid) -> Seen {
    // A hit links to the document's page (its title is marked where the words are found).
    let link = format!("/library/documents/{doc}\"");
    let by_title = c.get("/library?q=zibaldone").await.body.contains(&link);
    let by_text = c.get("/library?q=quadrifoglio").await.body.contains(&link);
    let in_facets = c.get("/library").await.body.contains("language=sl");
    let page = c.get(&format!("/library/documents/{doc}")).await.status;
    let file = c
        .get(&format!("/library/documents/{doc}/file"))
        .await
        .status;
    Seen {
        by_title,
        by_text,
        in_facets,
        page,
        file,
    }
}

fn sees_all(s: &Seen) -> bool {
    s.by_title && s.by_text && s.in_facets && s.page == StatusCode::OK && s.file == StatusCode::OK
}

fn sees_nothing(s: &Seen) -> bool {
    !s.by_title
        && !s.by_text
        && !s.in_facets
        && s.page == StatusCode::NOT_FOUND
        && s.file == StatusCode::NOT_FOUND
}

#[tokio::test]
async fn a_tables_documents_are_seen_by_its_people_only() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno, foggia) = demo_tables(&app).await;
        let mut secretary = app.signed_in("membro@ponte.example").await;
        let mut representative = app.signed_in("attore@ponte.example").await;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let mut tutor = app.signed_in("tutor@ponte.example").await;
        let mut outsider = app.signed_in("r.caruso@provincia.caserta.example").await;
        let mut elsewhere = app
            .signed_in(&foggia_representative(&app, foggia).await)
            .await;
        let mut guest = app.client();
        // The map as those outside the table see it, before the document exists.
        let outsider_map = outsider.get("/library/map").await.body;
        let guest_map = guest.get("/library/map").await.body;
        let representative_map = representative.get("/library/map").await.body;

        // The secretariat adds a document from the table page: the form comes scoped to it.
        let page = secretary.get(&format!("/tables/{salerno}")).await;
        let link = format!("/library/documents/new?table={salerno}");
        assert!(page.body.contains(&link), "{name}");
        let form = secretary.get(&link).await;
        assert_eq!(form.status, StatusCode::OK, "{name}");
        assert!(
            form.body.contains("<option value=\"table\" selected>"),
            "{name}"
        );
        assert!(
            form.body
                .contains(&format!("<option value=\"{salerno}\" selected>")),
            "{name}"
        );
        // A representative reads the table page but adds nothing to it.
        let page = representative.get(&format!("/tables/{salerno}")).await;
        assert!(!page.body.contains(&link), "{name}");

        // Publishing for a table one does not manage is refused, and stores nothing.
        let before = changes(&app).await;
        for (who, table) in [
            (&mut representative, salerno.to_string()),
            (&mut secretary, foggia.to_string()),
            (&mut outsider, salerno.to_string()),
        ] {
            let r = upload(who, &parts(&table_document(&table))).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{name}: {}",
                r.body
            );
            assert!(
                r.body
                    .replace("&#x27;", "'")
                    .contains("Scegli uno dei tavoli territoriali di cui curi la segreteria."),
                "{name}"
            );
        }
        assert_eq!(changes(&app).await, before, "{name}: something was stored");

        // A representative and someone else search before the document exists: what they
        // found is kept, and must not hide the document from one or show it to the other.
        for c in [
            &mut representative,
            &mut outsider,
            &mut elsewhere,
            &mut guest,
        ] {
            assert!(!c
                .get("/library?q=zibaldone")
                .await
                .body
                .contains("Zibaldone riservato"));
        }
        let r = upload(
            &mut secretary,
            &parts(&table_document(&salerno.to_string())),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let doc: Uuid = r
            .location()
            .trim_start_matches("/library/documents/")
            .parse()
            .unwrap();
        let stored = db::library::document(app.db(), doc).await.unwrap().unwrap();
        assert_eq!(
            (stored.visibility, stored.table_id),
            (domain::library::Visibility::Table, Some(salerno)),
            "{name}"
        );
        // Its text is read by the job queue, then found by its words.
        web::jobs::run_due(app.db(), &runners(&app)).await;

        for (who, c) in [
            ("secretary", &mut secretary),
            ("representative", &mut representative),
            ("staff", &mut staff),
            ("tutor", &mut tutor),
        ] {
            let s = seen(c, doc).await;
            assert!(
                sees_all(&s),
                "{who} on {name}: {:?}",
                (s.by_title, s.by_text, s.in_facets, s.page, s.file)
            );
            let page = c.get(&format!("/tables/{salerno}")).await;
            assert!(
                page.body.contains(&format!("/library/documents/{doc}")),
                "{who} on {name}: the table page lists it"
            );
        }
        for (who, c) in [
            ("outsider", &mut outsider),
            ("another table's representative", &mut elsewhere),
            ("guest", &mut guest),
        ] {
            let s = seen(c, doc).await;
            assert!(
                sees_nothing(&s),
                "{who} on {name}: {:?}",
                (s.by_title, s.by_text, s.in_facets, s.page, s.file)
            );
        }
        // The map counts it for the table's people only.
        assert_eq!(
            outsider.get("/library/map").await.body,
            outsider_map,
            "{name}"
        );
        assert_eq!(guest.get("/library/map").await.body, guest_map, "{name}");
        assert_ne!(
            representative.get("/library/map").await.body,
            representative_map,
            "{name}"
        );
        // Foggia's table page does not list Salerno's document.
        let page = elsewhere.get(&format!("/tables/{foggia}")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(
            !page.body.contains(&format!("/library/documents/{doc}")),
            "{name}"
        );

        // The chamber of commerce leaves the table: its representative no longer sees the
        // document, although their earlier searches are kept.
        let chamber = app.organisation("Camera di commercio di Salerno").await;
        let member = db::tables::members(app.db(), salerno)
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.organisation_id == chamber && m.left_on.is_none())
            .unwrap();
        let today = app.db().now().date_naive();
        db::tables::leave(app.db(), salerno, member.id, today, None)
            .await
            .unwrap();
        let s = seen(&mut representative, doc).await;
        assert!(
            sees_nothing(&s),
            "{name}: {:?}",
            (s.by_title, s.by_text, s.in_facets, s.page, s.file)
        );
    }
}
