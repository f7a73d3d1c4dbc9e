//! The territorial tables tied to the rest of Ponte, on both databases: a table's documents in
//! the library (seen by the table's people only, everywhere the library shows documents), the
//! strand B labs scheduled for a table, the table's calendar behind a personal secret address,
//! and the convocations that reach a representative added after a meeting was convened.

mod common;

use axum::http::{Method, StatusCode};
use common::{apps, multipart, App, Client, SmtpSink};
use serde_json::Value;
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

fn parts(v: &[Part]) -> Vec<(&'static str, Option<&'static str>, &[u8])> {
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

/// Reads a delivered email with Python's email and icalendar packages: its recipient, subject,
/// one-click unsubscribe address, text and the calendar invitation's method, UID, SEQUENCE and
/// attendee.
const READER: &str = r#"
import sys, json, email
from email import policy
import icalendar
msg = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
out = {"to": str(msg["To"]), "subject": str(msg["Subject"]), "calendar": None,
    "unsubscribe": msg["List-Unsubscribe"] and str(msg["List-Unsubscribe"]),
    "text": msg.get_body(preferencelist=("plain",)).get_content()}
for part in msg.walk():
    if not part.is_multipart() and part.get_content_type() == "text/calendar":
        c = icalendar.Calendar.from_ical(part.get_content())
        e = list(c.walk("VEVENT"))[0]
        out["calendar"] = {"method": str(c["METHOD"]), "uid": str(e["UID"]),
            "sequence": int(e["SEQUENCE"]), "attendee": str(e["ATTENDEE"])}
print(json.dumps(out))
"#;

fn read_mail(raw: &str) -> Value {
    let dir = db::testing::TempDir::new("ponte-late-joiner-mail");
    let path = dir.path().join("mail.eml");
    std::fs::write(&path, raw).unwrap();
    let python = std::env::var("PONTE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(READER)
        .arg(&path)
        .output()
        .expect("run the mail reader");
    assert!(
        out.status.success(),
        "the mail reader failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the reader's JSON")
}

/// Runs the due jobs of the real queue and returns the emails they delivered, read.
async fn deliver(app: &App, smtp: &SmtpSink) -> Vec<Value> {
    let before = smtp.messages().len();
    web::jobs::run_due(app.db(), &smtp.runners()).await;
    smtp.messages()[before..]
        .iter()
        .map(|m| read_mail(m))
        .collect()
}

/// Convenes a meeting of `table` in `days` days through the secretariat's form; returns its id.
async fn convene(c: &mut Client, table: Uuid, title: &str, days: i64, app: &App) -> Uuid {
    let date = (app.db().now().with_timezone(&domain::locale::TIME_ZONE)
        + chrono::Duration::days(days))
    .date_naive()
    .to_string();
    let r = c
        .post(
            &format!("/tables/{table}/meetings"),
            &[
                ("title", title),
                ("date", &date),
                ("start", "10:00"),
                ("end", "12:00"),
                ("place", "Salerno, Palazzo Sant'Agostino"),
                ("online_url", ""),
                ("agenda0.title", "Programma dell'anno"),
                ("agenda0.representative", ""),
                ("agenda0.presenter", "La segreteria"),
                ("documents", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().rsplit('/').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_representative_added_later_is_convened_to_the_coming_meetings() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno, _) = demo_tables(&app).await;
        let smtp = SmtpSink::start();
        // What the demo queued is delivered first.
        deliver(&app, &smtp).await;
        let mut secretary = app.signed_in("membro@ponte.example").await;
        let coming = convene(&mut secretary, salerno, "Riunione di primavera", 12, &app).await;
        let called_off = convene(&mut secretary, salerno, "Riunione annullata", 20, &app).await;
        let r = secretary
            .post(
                &format!("/tables/{salerno}/meetings/{called_off}/cancel"),
                &[("reason", "Sala non disponibile")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let first = deliver(&app, &smtp).await;
        assert!(
            !first.is_empty(),
            "{name}: the representatives were convened"
        );
        // The meetings a newcomer is to be convened to: convened and not begun (the demo's
        // planned one among them, the cancelled one not).
        let now = app.db().now();
        let expected: std::collections::BTreeSet<String> = db::tables::meetings(app.db(), salerno)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| {
                m.status == domain::tables::meetings::MeetingStatus::Convened && m.starts_at > now
            })
            .map(|m| format!("{}@ponte.test", m.id))
            .collect();
        assert!(expected.contains(&format!("{coming}@ponte.test")), "{name}");
        assert!(
            !expected.contains(&format!("{called_off}@ponte.test")),
            "{name}"
        );

        // A contact of the university joins the table.
        let university = app.organisation("Università degli Studi di Salerno").await;
        let newcomer = "nuova.referente@unisa.example";
        let r = secretary
            .post(
                &format!("/tables/{salerno}/representatives"),
                &[
                    ("organisation", &university.to_string()),
                    ("name", "Nuova Referente"),
                    ("email", newcomer),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let mails = deliver(&app, &smtp).await;
        // Only the newcomer is written to, once per coming meeting, with the invitation.
        assert_eq!(mails.len(), expected.len(), "{name}: {mails:?}");
        let mut uids = std::collections::BTreeSet::new();
        for m in &mails {
            assert!(m["to"].as_str().unwrap().contains(newcomer), "{name}: {m}");
            let cal = &m["calendar"];
            assert_eq!(cal["method"], "REQUEST", "{name}: {m}");
            assert!(
                cal["attendee"].as_str().unwrap().contains(newcomer),
                "{name}: {m}"
            );
            uids.insert(cal["uid"].as_str().unwrap().to_string());
        }
        assert_eq!(uids, expected, "{name}");
        let notified = db::tables::notified(app.db(), coming).await.unwrap();
        assert!(notified.iter().any(|n| n.email == newcomer), "{name}");

        // A later change of the meeting reaches them like everyone else, at a higher SEQUENCE.
        let date = (now.with_timezone(&domain::locale::TIME_ZONE) + chrono::Duration::days(13))
            .date_naive()
            .to_string();
        let before = db::tables::meeting(app.db(), salerno, coming)
            .await
            .unwrap();
        let r = secretary
            .post(
                &format!("/tables/{salerno}/meetings/{coming}"),
                &[
                    ("version", &before.version.to_string()),
                    ("title", "Riunione di primavera"),
                    ("date", &date),
                    ("start", "10:00"),
                    ("end", "12:00"),
                    ("place", "Salerno, Palazzo Sant'Agostino"),
                    ("online_url", ""),
                    ("agenda0.title", "Programma dell'anno"),
                    ("agenda0.representative", ""),
                    ("agenda0.presenter", "La segreteria"),
                    ("documents", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let changed = deliver(&app, &smtp).await;
        let theirs = changed
            .iter()
            .find(|m| m["to"].as_str().unwrap().contains(newcomer))
            .unwrap_or_else(|| panic!("{name}: the newcomer is told of the change"));
        assert_eq!(theirs["calendar"]["sequence"], 1, "{name}: {theirs}");

        // Added again (the same address), they are refused and nothing is queued.
        let r = secretary
            .post(
                &format!("/tables/{salerno}/representatives"),
                &[
                    ("organisation", &university.to_string()),
                    ("name", "Nuova Referente"),
                    ("email", newcomer),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(deliver(&app, &smtp).await.is_empty(), "{name}");
    }
}

/// The secret address a page shows (`/tables/feeds/TOKEN`), as its token.
fn token_in(body: &str) -> String {
    // Addresses in attributes are escaped (`/` as `&#x2f;`).
    let body = &body.replace("&#x2f;", "/");
    let at = body.find("/tables/feeds/").expect("an address on the page");
    body[at + "/tables/feeds/".len()..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect()
}

#[tokio::test]
async fn a_tables_calendar_opens_at_a_personal_secret_address_until_revoked() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno, foggia) = demo_tables(&app).await;
        let mut representative = app.signed_in("attore@ponte.example").await;
        let mut outsider = app.signed_in("r.caruso@provincia.caserta.example").await;
        let mut elsewhere = app
            .signed_in(&foggia_representative(&app, foggia).await)
            .await;
        let mut calendar_app = app.client();
        let meetings = db::tables::meetings(app.db(), salerno).await.unwrap();
        assert!(!meetings.is_empty(), "{name}");

        // The table page offers the address; making it shows it once.
        let page = representative.get(&format!("/tables/{salerno}")).await;
        assert!(
            page.body
                .contains(&format!("action=\"/tables/{salerno}/feed\"")),
            "{name}"
        );
        let r = representative
            .post(&format!("/tables/{salerno}/feed"), &[])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{name}: {}", r.body);
        assert!(
            r.body
                .replace("&#x2f;", "/")
                .contains("webcal://ponte.test/tables/feeds/"),
            "{name}"
        );
        let token = token_in(&r.body);
        assert_eq!(token.len(), 64, "{name}");
        // Not shown again: the table page says there is one and offers to revoke it.
        let page = representative.get(&format!("/tables/{salerno}")).await;
        assert!(!page.body.contains(&token), "{name}");
        assert!(page.body.contains("/feed/revoke"), "{name}");

        // A calendar application, signed out, reads the table's meetings there.
        let feed = calendar_app.get(&format!("/tables/feeds/{token}")).await;
        assert_eq!(feed.status, StatusCode::OK, "{name}");
        assert!(
            feed.headers[axum::http::header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/calendar"),
            "{name}"
        );
        for m in &meetings {
            assert!(feed.body.contains(&format!("UID:{}@", m.id)), "{name}");
        }
        // Altered, cut, lengthened or upper-cased, the address opens nothing.
        let mut altered: Vec<char> = token.chars().collect();
        altered[10] = if altered[10] == '0' { '1' } else { '0' };
        let altered: String = altered.into_iter().collect();
        for bad in [
            altered,
            token[..63].to_string(),
            format!("{token}0"),
            token.to_uppercase(),
            "0".repeat(64),
        ] {
            if bad == token {
                continue;
            }
            let r = calendar_app.get(&format!("/tables/feeds/{bad}")).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}: {bad}");
            assert!(!r.body.contains("BEGIN:VCALENDAR"), "{name}");
        }

        // Each person's address shows their own table only.
        let r = elsewhere.post(&format!("/tables/{foggia}/feed"), &[]).await;
        let theirs = token_in(&r.body);
        let other = calendar_app.get(&format!("/tables/feeds/{theirs}")).await;
        assert_eq!(other.status, StatusCode::OK, "{name}");
        for m in &meetings {
            assert!(!other.body.contains(&m.id.to_string()), "{name}");
        }
        // Someone who does not read the table gets no address of it, and nothing is stored.
        let before = changes(&app).await;
        for (c, table) in [(&mut outsider, salerno), (&mut elsewhere, salerno)] {
            let r = c.post(&format!("/tables/{table}/feed"), &[]).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");
        }
        assert_eq!(changes(&app).await, before, "{name}");

        // A new address replaces the old one.
        let r = representative
            .post(&format!("/tables/{salerno}/feed"), &[])
            .await;
        let renewed = token_in(&r.body);
        assert_ne!(renewed, token, "{name}");
        let old = calendar_app.get(&format!("/tables/feeds/{token}")).await;
        assert_eq!(old.status, StatusCode::NOT_FOUND, "{name}");
        assert_eq!(
            calendar_app
                .get(&format!("/tables/feeds/{renewed}"))
                .await
                .status,
            StatusCode::OK,
            "{name}"
        );
        // Leaving the table closes it: the chamber of commerce leaves.
        let chamber = app.organisation("Camera di commercio di Salerno").await;
        let member = db::tables::members(app.db(), salerno)
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.organisation_id == chamber && m.left_on.is_none())
            .unwrap();
        db::tables::leave(
            app.db(),
            salerno,
            member.id,
            app.db().now().date_naive(),
            None,
        )
        .await
        .unwrap();
        let left = calendar_app.get(&format!("/tables/feeds/{renewed}")).await;
        assert_eq!(left.status, StatusCode::NOT_FOUND, "{name}");
        // Revoked by its owner, an address opens nothing either.
        let r = elsewhere
            .post(&format!("/tables/{foggia}/feed/revoke"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        let revoked = calendar_app.get(&format!("/tables/feeds/{theirs}")).await;
        assert_eq!(revoked.status, StatusCode::NOT_FOUND, "{name}");
    }
}

/// The fields of the session form: a lab of `module` for the demo cohort, on `date` from
/// `start` to `end`, for `table` (empty for none).
fn lab_form<'a>(
    module: &'a str,
    cohort: &'a str,
    date: &'a str,
    (start, end): (&'a str, &'a str),
    table: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("module_id", module),
        ("cohort_id", cohort),
        ("title", "Laboratorio specialistico del tavolo"),
        ("date", date),
        ("start", start),
        ("end", end),
        ("place", "Salerno, Camera di Commercio"),
        ("online_url", ""),
        ("capacity", "20"),
        ("table_id", table),
    ]
}

#[tokio::test]
async fn a_strand_b_lab_is_scheduled_for_a_tables_members() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno, foggia) = demo_tables(&app).await;
        let smtp = SmtpSink::start();
        deliver(&app, &smtp).await;
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        let module_of = |code: &str| {
            let strand = structure.strand_by_code(code).unwrap().id;
            let m = structure.modules.iter().find(|m| m.strand_id == strand);
            m.unwrap().id.to_string()
        };
        let (strand_a, strand_b) = (module_of("A"), module_of("B"));
        let cohort = structure.cohorts[0].id.to_string();
        // A Sunday a month ahead: no demo session of the cohort is then.
        let day = (app.db().now().with_timezone(&domain::locale::TIME_ZONE)
            + chrono::Duration::days(30))
        .date_naive();
        use chrono::Datelike;
        let day = day + chrono::Duration::days(6 - day.weekday().num_days_from_monday() as i64);
        let date = day.to_string();
        let (salerno_s, foggia_s) = (salerno.to_string(), foggia.to_string());

        let mut staff = app.signed_in("staff@ponte.example").await;
        // From the table's page, the form comes with the table chosen.
        let r = staff.get(&format!("/tables/{salerno}")).await;
        assert!(
            r.body
                .contains(&format!("/labs/sessions/new?table={salerno}")),
            "{name}"
        );
        let r = staff
            .get(&format!("/labs/sessions/new?table={salerno}"))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{name}");
        assert!(
            r.body.contains(&format!("value=\"{salerno}\" selected")),
            "{name}"
        );

        // A strand A module, an unknown table, a table id that is none: refused, nothing stored
        // and nobody written to.
        let before = changes(&app).await;
        let unknown = Uuid::new_v4().to_string();
        for (module, table, says) in [
            (
                &strand_a,
                &salerno_s,
                "Un laboratorio per un tavolo territoriale deve essere di un modulo",
            ),
            (&strand_b, &unknown, "id=\"e-table_id\""),
            (&strand_b, &"x".to_string(), "id=\"e-table_id\""),
        ] {
            let form = lab_form(module, &cohort, &date, ("09:30", "13:00"), table);
            let r = staff.post("/labs/sessions", &form).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{name}: {table}"
            );
            assert!(r.body.contains(says), "{name}: {table}: {}", r.body);
        }
        assert_eq!(changes(&app).await, before, "{name}");
        assert!(deliver(&app, &smtp).await.is_empty(), "{name}");

        // Scheduled for the Salerno table: its representatives with an account are invited, each
        // by one email, and the contacts without an account are not (they cannot register).
        let form = lab_form(&strand_b, &cohort, &date, ("09:30", "13:00"), &salerno_s);
        let r = staff.post("/labs/sessions", &form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let session: Uuid = r.location().rsplit('/').next().unwrap().parse().unwrap();
        let s = db::labs::get(app.db(), session).await.unwrap().unwrap();
        assert_eq!(s.table_id, Some(salerno), "{name}");
        let with_account: Vec<(Uuid, String)> = db::tables::representatives(app.db(), salerno)
            .await
            .unwrap()
            .into_iter()
            .filter_map(|r| r.user_id.map(|u| (u, r.email)))
            .collect();
        assert_eq!(with_account.len(), 2, "{name}: the demo's two");
        let mails = deliver(&app, &smtp).await;
        assert_eq!(mails.len(), with_account.len(), "{name}: {mails:?}");
        for (user, email) in &with_account {
            assert!(
                mails
                    .iter()
                    .any(|m| m["to"].as_str().unwrap().contains(email.as_str())),
                "{name}: {email} invited by email"
            );
            let status = db::labs::registration(app.db(), session, *user)
                .await
                .unwrap();
            assert_eq!(status.as_deref(), Some("invited"), "{name}: {email}");
        }

        // The chamber of commerce's representative belongs to no cohort: they see the table on
        // the lab's page, register, and find the lab on the table's page.
        let actor = db::accounts::credentials(app.db(), "attore@ponte.example")
            .await
            .unwrap()
            .unwrap()
            .id;
        let mut representative = app.signed_in("attore@ponte.example").await;
        let page = representative
            .get(&format!("/labs/sessions/{session}"))
            .await;
        assert!(
            page.body.contains(&format!("/tables/{salerno}")),
            "{name}: {}",
            page.body
        );
        let r = representative
            .post(&format!("/labs/sessions/{session}/register"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let status = db::labs::registration(app.db(), session, actor)
            .await
            .unwrap();
        assert_eq!(status.as_deref(), Some("registered"), "{name}");
        let page = representative.get(&format!("/tables/{salerno}")).await;
        assert!(
            page.body.contains(&format!("/labs/sessions/{session}")),
            "{name}"
        );
        // A lab of the cohort alone is not theirs to take.
        let form = lab_form(&strand_a, &cohort, &date, ("14:30", "17:00"), "");
        let r = staff.post("/labs/sessions", &form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let cohort_only = r.location().to_string();
        let page = representative.get(&cohort_only).await;
        assert!(!page.body.contains(&format!("/tables/{salerno}")), "{name}");
        let r = representative
            .post(&format!("{cohort_only}/register"), &[])
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{name}: {}", r.body);
        // Once the chamber has left the table, its representative is no longer among the lab's
        // people: a new lab of the table is not theirs to take either.
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
        let other_day = (day + chrono::Duration::days(7)).to_string();
        let form = lab_form(
            &strand_b,
            &cohort,
            &other_day,
            ("09:30", "13:00"),
            &salerno_s,
        );
        let r = staff.post("/labs/sessions", &form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let later = r.location().to_string();
        let mails = deliver(&app, &smtp).await;
        assert_eq!(
            mails.len(),
            1,
            "{name}: only Salerno's coordinator now: {mails:?}"
        );
        let r = representative.post(&format!("{later}/register"), &[]).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{name}: {}", r.body);

        // An edit that keeps the table invites nobody.
        let s = db::labs::get(app.db(), session).await.unwrap().unwrap();
        let version = s.version.to_string();
        let mut form = lab_form(&strand_b, &cohort, &date, ("09:30", "13:00"), &salerno_s);
        form.push(("version", &version));
        form.retain(|(k, _)| *k != "title");
        form.push(("title", "Laboratorio specialistico del tavolo, rivisto"));
        let r = staff
            .post(&format!("/labs/sessions/{session}"), &form)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert!(deliver(&app, &smtp).await.is_empty(), "{name}");

        // Moved to the Foggia table and half an hour later, the first lab invites Foggia's
        // representative, who learns the new time from the invitation alone; those invited or
        // registered already keep their place and are told of the change.
        let s = db::labs::get(app.db(), session).await.unwrap().unwrap();
        let version = s.version.to_string();
        let mut form = lab_form(&strand_b, &cohort, &date, ("10:00", "13:00"), &foggia_s);
        form.push(("version", &version));
        let r = staff
            .post(&format!("/labs/sessions/{session}"), &form)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let mails = deliver(&app, &smtp).await;
        let foggia_rep = foggia_representative(&app, foggia).await;
        let to = |who: &str| {
            mails
                .iter()
                .filter(|m| m["to"].as_str().unwrap().contains(who))
                .count()
        };
        assert_eq!(to(&foggia_rep), 1, "{name}: {mails:?}");
        assert_eq!(to("attore@ponte.example"), 1, "{name}: {mails:?}");
        assert_eq!(mails.len(), 1 + with_account.len(), "{name}: {mails:?}");
        let status = db::labs::registration(app.db(), session, actor)
            .await
            .unwrap();
        assert_eq!(status.as_deref(), Some("registered"), "{name}");
        let page = staff.get(&format!("/tables/{foggia}")).await;
        assert!(
            page.body.contains(&format!("/labs/sessions/{session}")),
            "{name}"
        );
        let page = staff.get(&format!("/tables/{salerno}")).await;
        assert!(
            !page.body.contains(&format!("/labs/sessions/{session}")),
            "{name}"
        );
        // An official of a province of the cohort who is on neither table learns nothing of the
        // Foggia table (not public) from the lab's page.
        let mut official = app.signed_in("r.caruso@provincia.caserta.example").await;
        let foggia_table = db::tables::get(app.db(), foggia).await.unwrap();
        assert!(!foggia_table.public, "{name}");
        let page = official.get(&format!("/labs/sessions/{session}")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(!page.body.contains(&foggia_table.name), "{name}");
        assert!(!page.body.contains(&format!("/tables/{foggia}")), "{name}");
    }
}

/// The unsubscribe address of a read email, as a path of the application.
fn unsubscribe_path(mail: &Value) -> String {
    let url = mail["unsubscribe"]
        .as_str()
        .unwrap_or_else(|| panic!("no List-Unsubscribe: {mail}"));
    let url = url.trim_start_matches('<').trim_end_matches('>');
    let at = url.find("/unsubscribe/").expect("an unsubscribe address");
    url[at..].to_string()
}

#[tokio::test]
async fn lab_and_convocation_emails_follow_each_persons_preference() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno, _) = demo_tables(&app).await;
        let smtp = SmtpSink::start();
        deliver(&app, &smtp).await;
        let with_account: Vec<(Uuid, String)> = db::tables::representatives(app.db(), salerno)
            .await
            .unwrap()
            .into_iter()
            .filter_map(|r| r.user_id.map(|u| (u, r.email)))
            .collect();
        let actor = "attore@ponte.example";
        let (actor_id, _) = with_account
            .iter()
            .find(|(_, e)| e == actor)
            .unwrap()
            .clone();
        let (other_id, other) = with_account
            .iter()
            .find(|(_, e)| e != actor)
            .unwrap()
            .clone();

        // The chamber of commerce's representative wants no email of labs or convocations.
        let mut representative = app.signed_in(actor).await;
        let r = representative
            .post(
                "/profile/notifications",
                &[("lab", "off"), ("convocation", "off")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        // Digests are not offered for either (they are dated, and a convocation carries its
        // calendar entry).
        for kind in ["lab", "convocation"] {
            let r = representative
                .post("/profile/notifications", &[(kind, "daily")])
                .await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{name}: {kind}");
        }

        // A strand B lab for the table: both are invited, only the other is written to, with
        // the one-click unsubscribe from labs.
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        let strand = structure.strand_by_code("B").unwrap().id;
        let module = structure.modules.iter().find(|m| m.strand_id == strand);
        let module = module.unwrap().id.to_string();
        let cohort = structure.cohorts[0].id.to_string();
        let day = (app.db().now().with_timezone(&domain::locale::TIME_ZONE)
            + chrono::Duration::days(40))
        .date_naive();
        use chrono::Datelike;
        let day = day + chrono::Duration::days(6 - day.weekday().num_days_from_monday() as i64);
        let (lab_date, table) = (day.to_string(), salerno.to_string());
        let mut staff = app.signed_in("staff@ponte.example").await;
        let form = lab_form(&module, &cohort, &lab_date, ("09:30", "13:00"), &table);
        let r = staff.post("/labs/sessions", &form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let session: Uuid = r.location().rsplit('/').next().unwrap().parse().unwrap();
        for person in [actor_id, other_id] {
            let status = db::labs::registration(app.db(), session, person)
                .await
                .unwrap();
            assert_eq!(status.as_deref(), Some("invited"), "{name}");
        }
        let mails = deliver(&app, &smtp).await;
        assert_eq!(mails.len(), 1, "{name}: {mails:?}");
        assert!(mails[0]["to"].as_str().unwrap().contains(&other), "{name}");
        let text = mails[0]["text"].as_str().unwrap();
        assert!(text.contains("/unsubscribe/"), "{name}: {text}");
        assert!(text.contains("/profile/notifications"), "{name}: {text}");
        let lab_unsubscribe = unsubscribe_path(&mails[0]);

        // A convocation of the table: the actor is recorded as told (the meeting is on the
        // table's page for them) and not written to; the other gets it with its calendar entry and
        // the unsubscribe from convocations.
        let mut secretary = app.signed_in("membro@ponte.example").await;
        let meeting = convene(&mut secretary, salerno, "Riunione di verifica", 15, &app).await;
        let mails = deliver(&app, &smtp).await;
        assert!(
            !mails
                .iter()
                .any(|m| m["to"].as_str().unwrap().contains(actor)),
            "{name}: {mails:?}"
        );
        let theirs = mails
            .iter()
            .find(|m| m["to"].as_str().unwrap().contains(&other))
            .unwrap_or_else(|| panic!("{name}: {other} is convened: {mails:?}"));
        assert_eq!(theirs["calendar"]["method"], "REQUEST", "{name}");
        let convocation_unsubscribe = unsubscribe_path(theirs);
        assert_ne!(convocation_unsubscribe, lab_unsubscribe, "{name}");
        let notified = db::tables::notified(app.db(), meeting).await.unwrap();
        assert!(notified.iter().any(|n| n.email == actor), "{name}");

        // The other follows the lab email's link without signing in: labs off, convocations not.
        let r = app.client().post(&lab_unsubscribe, &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{name}: {}", r.body);
        let chosen = db::notifications::preferences(app.db(), other_id)
            .await
            .unwrap();
        use domain::notifications::{Delivery, Kind};
        assert!(chosen.contains(&(Kind::Lab, Delivery::Off)), "{name}");
        assert!(
            chosen.contains(&(Kind::Convocation, Delivery::Immediate)),
            "{name}"
        );

        // The actor wants convocations again: the meeting's change reaches them, at the next
        // SEQUENCE, as it reaches the other.
        let r = representative
            .post("/profile/notifications", &[("convocation", "immediate")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        let before = db::tables::meeting(app.db(), salerno, meeting)
            .await
            .unwrap();
        let date = (app.db().now().with_timezone(&domain::locale::TIME_ZONE)
            + chrono::Duration::days(16))
        .date_naive()
        .to_string();
        let r = secretary
            .post(
                &format!("/tables/{salerno}/meetings/{meeting}"),
                &[
                    ("version", &before.version.to_string()),
                    ("title", "Riunione di verifica"),
                    ("date", &date),
                    ("start", "10:00"),
                    ("end", "12:00"),
                    ("place", "Salerno, Palazzo Sant'Agostino"),
                    ("online_url", ""),
                    ("agenda0.title", "Programma dell'anno"),
                    ("agenda0.representative", ""),
                    ("agenda0.presenter", "La segreteria"),
                    ("documents", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let mails = deliver(&app, &smtp).await;
        for who in [actor, other.as_str()] {
            let m = mails
                .iter()
                .find(|m| m["to"].as_str().unwrap().contains(who))
                .unwrap_or_else(|| panic!("{name}: {who} is told of the change: {mails:?}"));
            assert_eq!(m["calendar"]["sequence"], 1, "{name}: {m}");
        }

        // The other follows the convocation's link: convocations off, labs as they were (off).
        let r = app.client().post(&convocation_unsubscribe, &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{name}: {}", r.body);
        let chosen = db::notifications::preferences(app.db(), other_id)
            .await
            .unwrap();
        assert!(
            chosen.contains(&(Kind::Convocation, Delivery::Off)),
            "{name}"
        );
        assert!(chosen.contains(&(Kind::Lab, Delivery::Off)), "{name}");
        let actor_chosen = db::notifications::preferences(app.db(), actor_id)
            .await
            .unwrap();
        assert!(
            actor_chosen.contains(&(Kind::Convocation, Delivery::Immediate)),
            "{name}: another person's choice is untouched"
        );

        // The actor wants labs again. The lab moves: the actor is told, with the unsubscribe
        // from labs; the other, off for labs, is not written to.
        let r = representative
            .post("/profile/notifications", &[("lab", "immediate")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        let s = db::labs::get(app.db(), session).await.unwrap().unwrap();
        let version = s.version.to_string();
        let mut form = lab_form(&module, &cohort, &lab_date, ("10:00", "13:30"), &table);
        form.push(("version", &version));
        let r = staff
            .post(&format!("/labs/sessions/{session}"), &form)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let mails = deliver(&app, &smtp).await;
        assert!(
            !mails
                .iter()
                .any(|m| m["to"].as_str().unwrap().contains(&other)),
            "{name}: {mails:?}"
        );
        let theirs = mails
            .iter()
            .find(|m| m["to"].as_str().unwrap().contains(actor))
            .unwrap_or_else(|| panic!("{name}: the actor is told of the move: {mails:?}"));
        assert!(
            theirs["text"].as_str().unwrap().contains("/unsubscribe/"),
            "{name}: {theirs}"
        );
        assert_ne!(unsubscribe_path(theirs), lab_unsubscribe, "{name}");
    }
}
