//! News and events, on both databases: staff publish a news item in several languages with an
//! image, shown in the reader's language, on the home page and in an Atom feed that an
//! independent XML parser reads back; an event added by staff appears in the events' iCalendar
//! feed (read by the `icalendar` package) with the labs' sessions; a refused form (no language,
//! a title without its text, an image that is not one, an event without place or ending before
//! it starts) says why and stores nothing; only staff publish.

mod common;

use axum::http::{Method, StatusCode};
use common::{apps, multipart, App};

/// One part of a multipart form: its name, its file name if a file, its bytes.
type Part<'a> = (&'a str, Option<&'a str>, &'a [u8]);

const STAFF: &str = "staff@ponte.example";
const MEMBER: &str = "membro@ponte.example";

fn python() -> String {
    std::env::var("PONTE_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Runs `script` with the file holding `content` as its argument; returns its output.
fn read_with_python(script: &str, content: &[u8]) -> String {
    let dir = db::testing::TempDir::new("ponte-news-feed");
    let path = dir.path().join("feed");
    std::fs::write(&path, content).unwrap();
    let out = std::process::Command::new(python())
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const ATOM_READER: &str = r#"
import sys, xml.etree.ElementTree as ET
A = "{http://www.w3.org/2005/Atom}"
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == A + "feed", root.tag
for tag in ("id", "title", "updated", "author"):
    assert root.find(A + tag) is not None, tag
for e in root.findall(A + "entry"):
    for tag in ("id", "title", "updated", "link"):
        assert e.find(A + tag) is not None, tag
    print(e.get("{http://www.w3.org/XML/1998/namespace}lang"), e.find(A + "title").text, "|", e.find(A + "content").text.replace("\n", " "), sep="\t")
"#;

const ICAL_READER: &str = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in cal.walk("VEVENT"):
    print(str(e.get("summary")), e.decoded("dtstart").isoformat(), str(e.get("location")), sep="\t")
"#;

async fn count(app: &App, sql: &str) -> i64 {
    let sql = sql.to_string();
    db::run!(app.db(), |pool| sqlx::query_scalar(&sql)
        .fetch_one(pool)
        .await
        .unwrap())
}

async fn footprint(app: &App) -> Vec<i64> {
    let mut out = Vec::new();
    for t in ["news_items", "news_texts", "events", "audit_log"] {
        out.push(count(app, &format!("SELECT COUNT(*) FROM {t}")).await);
    }
    out
}

/// The smallest PNG: one pixel.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

#[tokio::test]
async fn news_are_published_in_languages_and_read_back_from_the_feed() {
    for app in apps().await {
        let name = app.backend.name;
        let mut staff = app.signed_in(STAFF).await;
        let (ct, body) = multipart(&[
            ("title_it", None, "Città & <partner> in Albania".as_bytes()),
            (
                "body_it",
                None,
                "Un **nuovo** accordo con Durrës.".as_bytes(),
            ),
            (
                "title_fr",
                None,
                "Villes & partenaires en Albanie".as_bytes(),
            ),
            (
                "body_fr",
                None,
                "Un *nouvel* accord avec Durrës.".as_bytes(),
            ),
            ("image_alt", None, "Il porto di Durrës".as_bytes()),
            ("image", Some("porto.png"), PNG),
        ]);
        let r = staff.send(Method::POST, "/news", Some(&ct), body).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let page = r.location().to_string();
        // In Italian for an Italian reader, its French text below it.
        let mut guest = app.client();
        let p = guest.get(&page).await;
        assert_eq!(p.status, StatusCode::OK);
        assert!(
            p.body.contains("Città &amp; &lt;partner&gt; in Albania"),
            "{name}"
        );
        assert!(p.body.contains("<strong>nuovo</strong>"), "{name}");
        assert!(p.body.contains("lang=\"fr\""), "{name}");
        assert!(p.body.contains("alt=\"Il porto di Durrës\""), "{name}");
        let img = guest.get(&format!("{page}/image")).await;
        assert_eq!(img.status, StatusCode::OK);
        assert_eq!(img.bytes, PNG, "{name}: the image as uploaded");
        assert!(img.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("image/png"));
        // The home page shows it.
        let home = guest.get("/").await;
        assert!(
            home.body.contains("Città &amp; &lt;partner&gt; in Albania"),
            "{name}"
        );
        // The feed: valid Atom read by an XML parser, the newest first, in the reader's language.
        let feed = guest.get("/news.atom").await;
        assert_eq!(feed.status, StatusCode::OK);
        assert!(feed.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml"));
        let entries = read_with_python(ATOM_READER, &feed.bytes);
        let first = entries.lines().next().unwrap();
        assert!(
            first.starts_with("it\tCittà & <partner> in Albania\t|"),
            "{name}: {first}"
        );
        assert!(first.contains("<strong>nuovo</strong>"), "{name}: {first}");
        assert_eq!(
            entries.lines().count(),
            3,
            "{name}: the demo's two and this one"
        );
        // A French reader gets the French text.
        guest.get("/language/fr").await;
        let feed = guest.get("/news.atom").await;
        let entries = read_with_python(ATOM_READER, &feed.bytes);
        assert!(
            entries
                .lines()
                .next()
                .unwrap()
                .starts_with("fr\tVilles & partenaires"),
            "{name}: {entries}"
        );
    }
}

#[tokio::test]
async fn events_join_the_labs_in_the_calendar() {
    for app in apps().await {
        let name = app.backend.name;
        let mut staff = app.signed_in(STAFF).await;
        let r = staff
            .post(
                "/events",
                &[
                    ("title", "Visita di studio a Tirana; «porti, turismo»"),
                    ("date", "2030-05-14"),
                    ("start", "09:30"),
                    ("end", "17:00"),
                    ("place", "Tirana, Bashkia"),
                    ("description", "Incontri con il **comune**."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let mut guest = app.client();
        let page = guest.get("/events").await;
        assert!(page.body.contains("Visita di studio a Tirana"), "{name}");
        let ics = guest.get("/events.ics").await;
        assert_eq!(ics.status, StatusCode::OK);
        let read = read_with_python(ICAL_READER, &ics.bytes);
        assert!(
            read.contains("Visita di studio a Tirana; «porti, turismo»\t2030-05-14T07:30:00+00:00\tTirana, Bashkia"),
            "{name}: {read}"
        );
        // The demo's information day and the labs' coming sessions are there too.
        assert!(
            read.contains("Giornata informativa sui bandi"),
            "{name}: {read}"
        );
        let sessions = db::labs::list(
            app.db(),
            &db::labs::Filter {
                from: Some(app.db().now()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let active = sessions.iter().find(|s| s.status.is_active()).unwrap();
        assert!(read.contains(&active.title), "{name}: {read}");
        // The home page lists the next events.
        assert!(
            guest
                .get("/")
                .await
                .body
                .contains("Giornata informativa sui bandi"),
            "{name}"
        );
    }
}

#[tokio::test]
async fn bad_news_and_events_are_refused_and_nothing_is_stored() {
    for app in apps().await {
        let name = app.backend.name;
        let mut staff = app.signed_in(STAFF).await;
        let news_cases: Vec<(Vec<Part>, &str)> = vec![
            (
                vec![("image_alt", None, b"x")],
                "Scrivi la notizia in almeno una lingua",
            ),
            (
                vec![("title_en", None, b"Only a title")],
                "Campo obbligatorio.",
            ),
            (
                vec![
                    ("title_it", None, b"Titolo"),
                    ("body_it", None, b"Testo"),
                    ("image_alt", None, b"Descrizione"),
                    ("image", Some("finta.png"), b"GIF89a not a png"),
                ],
                "L&#x27;immagine deve essere un file PNG o JPEG",
            ),
            (
                vec![
                    ("title_it", None, b"Titolo"),
                    ("body_it", None, b"Testo"),
                    ("image", Some("porto.png"), PNG),
                ],
                "Descrivi l&#x27;immagine",
            ),
        ];
        for (parts, says) in news_cases {
            let before = footprint(&app).await;
            let (ct, body) = multipart(&parts);
            let r = staff.send(Method::POST, "/news", Some(&ct), body).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {says}");
            assert!(r.body.contains(says), "{name}: {says}\n{}", r.body);
            assert_eq!(footprint(&app).await, before, "{name}: {says}");
        }
        let event_cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
            (
                vec![
                    ("title", "Evento"),
                    ("date", "2030-05-14"),
                    ("start", "10:00"),
                    ("end", "12:00"),
                ],
                "error-place-or-link",
            ),
            (
                vec![
                    ("title", "Evento"),
                    ("date", "2030-05-14"),
                    ("start", "10:00"),
                    ("end", "09:00"),
                    ("place", "Roma"),
                ],
                "error-end-before-start",
            ),
            (
                vec![
                    ("title", "Evento"),
                    ("date", "2030-02-30"),
                    ("start", "10:00"),
                    ("end", "12:00"),
                    ("place", "Roma"),
                ],
                "error-date",
            ),
        ];
        for (form, key) in event_cases {
            let before = footprint(&app).await;
            let r = staff.post("/events", &form).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {key}");
            let message = app.state.i18n.t(domain::locale::Locale::It, key);
            let shown = message.replace('\'', "&#x27;").replace('/', "&#x2f;");
            assert!(r.body.contains(&shown), "{name}: {key} ({message})");
            assert_eq!(footprint(&app).await, before, "{name}: {key}");
        }
        // Only staff publish.
        let mut member = app.signed_in(MEMBER).await;
        let before = footprint(&app).await;
        let r = member
            .post(
                "/events",
                &[
                    ("title", "E"),
                    ("date", "2030-05-14"),
                    ("start", "10:00"),
                    ("end", "12:00"),
                    ("place", "Roma"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");
    }
}

fn pairs<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    f.iter().map(|(k, x)| (*k, x.as_str())).collect()
}

const ICAL_SEQUENCE: &str = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in cal.walk("VEVENT"):
    print(str(e.get("summary")), e.decoded("dtstart").isoformat(), int(e.get("sequence", 0)), sep="\t")
"#;

#[tokio::test]
async fn staff_edit_and_remove_events_and_withdraw_news() {
    for app in apps().await {
        let name = app.backend.name;
        let mut staff = app.signed_in(STAFF).await;
        let mut member = app.signed_in(MEMBER).await;
        let r = staff
            .post(
                "/events",
                &[
                    ("title", "Seminario sui partenariati"),
                    ("date", "2030-06-10"),
                    ("start", "10:00"),
                    ("end", "12:00"),
                    ("place", "Bari"),
                    ("description", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let e = db::news::events_from(app.db(), app.db().now(), 500)
            .await
            .unwrap()
            .into_iter()
            .find(|e| e.title == "Seminario sui partenariati")
            .unwrap();
        let edit = format!("/events/{}/edit", e.id);
        // The events page offers staff the edit form, which starts from the event in Rome's time.
        assert!(staff.get("/events").await.body.contains(&edit), "{name}");
        assert!(!member.get("/events").await.body.contains(&edit), "{name}");
        assert_eq!(member.get(&edit).await.status, StatusCode::FORBIDDEN);
        let form = staff.get(&edit).await;
        assert_eq!(form.status, StatusCode::OK, "{name}");
        for value in ["value=\"2030-06-10\"", "value=\"10:00\"", "value=\"12:00\""] {
            assert!(form.body.contains(value), "{name}: {value}");
        }
        let v = e.version.to_string();
        let fields = |title: &'static str, start: &'static str, end: &'static str, v: &str| {
            vec![
                ("version", v.to_string()),
                ("title", title.to_string()),
                ("date", "2030-06-10".to_string()),
                ("start", start.to_string()),
                ("end", end.to_string()),
                ("place", "Bari, Fiera del Levante".to_string()),
                ("description", String::new()),
            ]
        };
        let path = format!("/events/{}", e.id);

        // Bad input (ending before it starts) and a member's attempt change nothing.
        let before = footprint(&app).await;
        let bad = fields("Seminario sui partenariati", "12:00", "10:00", &v);
        let r = staff.post(&path, &pairs(&bad)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(r.body.contains("id=\"e-end\""), "{name}: {}", r.body);
        let theirs = fields("Seminario del membro", "10:00", "12:00", &v);
        let r = member.post(&path, &pairs(&theirs)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{name}");
        let r = member
            .post(&format!("{path}/delete"), &[("version", v.as_str())])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");

        // A good edit: the calendar offers the event at its new time, at the next SEQUENCE.
        let good = fields("Seminario sui partenariati", "15:00", "17:30", &v);
        let r = staff.post(&path, &pairs(&good)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let ics = app.client().get("/events.ics").await;
        let read = read_with_python(ICAL_SEQUENCE, &ics.bytes);
        assert!(
            read.contains("Seminario sui partenariati\t2030-06-10T13:00:00+00:00\t1"),
            "{name}: {read}"
        );
        // A second save, or a removal, at the version read first is refused, and what is
        // saved stays.
        let before = footprint(&app).await;
        let stale = fields("Un altro titolo", "09:00", "11:00", &v);
        let r = staff.post(&path, &pairs(&stale)).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{name}");
        assert!(r.body.contains("Un altro titolo"), "{name}: what was typed");
        assert!(
            r.body.contains("Seminario sui partenariati") && r.body.contains("15:00"),
            "{name}: the event as saved, beside what was typed"
        );
        let r = staff
            .post(&format!("{path}/delete"), &[("version", v.as_str())])
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{name}");
        assert!(r.body.contains("non è stato tolto"), "{name}: {}", r.body);
        let r = staff
            .post(&format!("{path}/delete"), &[("version", "x")])
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");
        // Removed at the current version: gone from the page and the calendar.
        let now = db::news::event(app.db(), e.id).await.unwrap().unwrap();
        let r = staff
            .post(
                &format!("{path}/delete"),
                &[("version", now.version.to_string().as_str())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        assert!(db::news::event(app.db(), e.id).await.unwrap().is_none());
        let ics = app.client().get("/events.ics").await;
        let read = read_with_python(ICAL_SEQUENCE, &ics.bytes);
        assert!(!read.contains("Seminario sui partenariati"), "{name}");
        assert_eq!(staff.get(&edit).await.status, StatusCode::NOT_FOUND);

        // A news item with an image is withdrawn: its page, image and feed entry are gone, and
        // only staff may withdraw.
        let (ct, body) = multipart(&[
            ("title_it", None, "Notizia da ritirare".as_bytes()),
            ("body_it", None, "Testo.".as_bytes()),
            ("image_alt", None, "Un pixel".as_bytes()),
            ("image", Some("pixel.png"), PNG),
        ]);
        let r = staff.send(Method::POST, "/news", Some(&ct), body).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let item = r.location().to_string();
        let page = staff.get(&item).await;
        assert!(page.body.contains(&format!("{item}/delete")), "{name}");
        assert!(
            !member
                .get(&item)
                .await
                .body
                .contains(&format!("{item}/delete")),
            "{name}"
        );
        let r = member.post(&format!("{item}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{name}");
        assert_eq!(
            app.client().get(&format!("{item}/image")).await.status,
            StatusCode::OK
        );
        let news_id: uuid::Uuid = item.rsplit('/').next().unwrap().parse().unwrap();
        let (key, _) = db::news::news(app.db(), news_id)
            .await
            .unwrap()
            .unwrap()
            .image
            .expect("its image");
        assert!(app.state.storage.get(storage::Key(key)).await.is_ok());
        let r = staff.post(&format!("{item}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        // The list says so; the stored image is removed.
        let list = staff.get(r.location()).await;
        assert!(list.body.contains("Notizia ritirata."), "{name}");
        assert!(
            app.state.storage.get(storage::Key(key)).await.is_err(),
            "{name}: the image is removed from storage"
        );
        let mut guest = app.client();
        assert_eq!(guest.get(&item).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            guest.get(&format!("{item}/image")).await.status,
            StatusCode::NOT_FOUND
        );
        assert!(
            !guest
                .get("/news.atom")
                .await
                .body
                .contains("Notizia da ritirare"),
            "{name}"
        );
        let r = staff.post(&format!("{item}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}: withdrawn already");
    }
}
