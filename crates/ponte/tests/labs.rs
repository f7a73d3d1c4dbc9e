//! Labs on both databases: scheduling with overlap flags, registrations that never exceed the
//! capacity under concurrency, past sessions closed, check-in, the register corrected by staff and
//! audited, status mails, feedback (anonymous too), materials, daylight-saving times, and
//! iCalendar feeds read back by a real RFC 5545 parser.

mod common;

use axum::http::{Method, StatusCode};
use chrono::{Duration, Utc};
use common::{apps, multipart, App, Client};
use domain::labs::schedule::local;
use domain::labs::SessionDraft;
use uuid::Uuid;

async fn cohort(app: &App) -> Uuid {
    db::programme::structure(app.db())
        .await
        .unwrap()
        .unwrap()
        .cohorts[0]
        .id
}

async fn module(app: &App) -> Uuid {
    db::programme::structure(app.db())
        .await
        .unwrap()
        .unwrap()
        .modules[0]
        .id
}

/// A session of the demo cohort starting at `starts_at` for two hours.
async fn session_at(app: &App, starts_at: chrono::DateTime<Utc>, capacity: i64) -> Uuid {
    let draft = SessionDraft {
        module_id: module(app).await,
        cohort_id: cohort(app).await,
        title: "Giornata di prova".into(),
        starts_at,
        ends_at: starts_at + Duration::hours(2),
        place: "Salerno".into(),
        online_url: String::new(),
        capacity,
        table_id: None,
        group_id: None,
    };
    db::labs::create(app.db(), &draft, None).await.unwrap()
}

/// Marks a planned session as held, through the confirmed status.
async fn hold(app: &App, id: Uuid) {
    use domain::labs::Status::{Confirmed, Held, Planned};
    for (from, to) in [(Planned, Confirmed), (Confirmed, Held)] {
        db::labs::set_status(app.db(), id, from, to, None)
            .await
            .unwrap();
    }
}

fn participants() -> Vec<&'static str> {
    let mut all = vec!["membro@ponte.example", "coordinatore@ponte.example"];
    all.extend(ponte::demo::PARTICIPANTS.iter().map(|(e, _)| *e));
    all
}

async fn user_id(app: &App, email: &str) -> Uuid {
    db::accounts::credentials(app.db(), email)
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn capacity_holds_under_concurrent_registrations() {
    for app in apps().await {
        let id = session_at(&app, Utc::now() + Duration::days(20), 3).await;
        let mut clients: Vec<Client> = Vec::new();
        for email in participants() {
            clients.push(app.signed_in(email).await);
        }
        let path = format!("/labs/sessions/{id}/register");
        let tasks: Vec<_> = clients
            .into_iter()
            .map(|mut c| {
                let path = path.clone();
                tokio::spawn(async move { c.post(&path, &[]).await.status })
            })
            .collect();
        let mut ok = 0;
        for t in tasks {
            match t.await.unwrap() {
                StatusCode::SEE_OTHER => ok += 1,
                StatusCode::BAD_REQUEST => {}
                other => panic!("unexpected {other} on {}", app.backend.name),
            }
        }
        assert_eq!(ok, 3, "{}", app.backend.name);
        let s = db::labs::get(app.db(), id).await.unwrap().unwrap();
        assert_eq!(s.registered, 3);
        let seats = db::labs::participants(app.db(), id).await.unwrap();
        assert_eq!(seats.iter().filter(|p| p.status == "registered").count(), 3);
        // Giving up a seat frees it for someone else.
        let first = seats[0].email.clone();
        let mut c = app.signed_in(&first).await;
        assert_eq!(
            c.post(&format!("/labs/sessions/{id}/unregister"), &[])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            db::labs::get(app.db(), id)
                .await
                .unwrap()
                .unwrap()
                .registered,
            2
        );
    }
}

#[tokio::test]
async fn past_cancelled_and_foreign_sessions_take_no_registrations() {
    for app in apps().await {
        let past = session_at(&app, Utc::now() - Duration::hours(3), 30).await;
        let mut member = app.signed_in("membro@ponte.example").await;
        let r = member
            .post(&format!("/labs/sessions/{past}/register"), &[])
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert!(r.body.contains("iniziata"), "{}", r.body);
        let future = session_at(&app, Utc::now() + Duration::days(3), 30).await;
        db::labs::set_status(
            app.db(),
            future,
            domain::labs::Status::Planned,
            domain::labs::Status::Cancelled,
            None,
        )
        .await
        .unwrap();
        assert_eq!(
            member
                .post(&format!("/labs/sessions/{future}/register"), &[])
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
        // A local actor's organisation is not in the cohort, and nobody invited them.
        let open = session_at(&app, Utc::now() + Duration::days(4), 30).await;
        let mut actor = app.signed_in("attore@ponte.example").await;
        let r = actor
            .post(&format!("/labs/sessions/{open}/register"), &[])
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            db::labs::get(app.db(), open)
                .await
                .unwrap()
                .unwrap()
                .registered,
            0
        );
        // Once invited by staff, they may register.
        let mut staff = app.signed_in("staff@ponte.example").await;
        let r = staff
            .post(
                &format!("/labs/sessions/{open}/invite"),
                &[("email", "attore@ponte.example")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            actor
                .post(&format!("/labs/sessions/{open}/register"), &[])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            db::labs::get(app.db(), open)
                .await
                .unwrap()
                .unwrap()
                .registered,
            1
        );
    }
}

fn pairs<'a>(f: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    f.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[tokio::test]
async fn staff_schedule_sessions_and_overlaps_are_flagged() {
    for app in apps().await {
        let mut staff = app.signed_in("staff@ponte.example").await;
        let module = module(&app).await.to_string();
        let cohort = cohort(&app).await.to_string();
        let date = (local(Utc::now()).0 + Duration::days(40))
            .format("%Y-%m-%d")
            .to_string();
        let form = |start: &'static str, end: &'static str| {
            vec![
                ("module_id", module.clone()),
                ("cohort_id", cohort.clone()),
                ("title", "Laboratorio sulle competenze".to_string()),
                ("date", date.clone()),
                ("start", start.to_string()),
                ("end", end.to_string()),
                ("place", "Caserta, Palazzo della Provincia".to_string()),
                ("capacity", "25".to_string()),
            ]
        };
        let before = db::labs::list(app.db(), &Default::default())
            .await
            .unwrap()
            .len();
        let bad = staff
            .post("/labs/sessions", &pairs(&form("14:00", "10:00")))
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("La fine deve venire dopo"));
        let first = staff
            .post("/labs/sessions", &pairs(&form("09:30", "13:00")))
            .await;
        assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
        let clash = staff
            .post("/labs/sessions", &pairs(&form("12:00", "15:00")))
            .await;
        assert_eq!(clash.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(clash.body.contains("ha già una giornata in questo orario"));
        let mut confirmed = form("12:00", "15:00");
        confirmed.push(("overlap_confirmed", "1".into()));
        let saved = staff.post("/labs/sessions", &pairs(&confirmed)).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        assert_eq!(
            db::labs::list(app.db(), &Default::default())
                .await
                .unwrap()
                .len(),
            before + 2
        );
        let dashboard = staff.get("/labs/dashboard").await;
        assert!(dashboard.body.contains("Giornate sovrapposte"));
        // A member may not schedule.
        let mut member = app.signed_in("membro@ponte.example").await;
        assert_eq!(
            member
                .post("/labs/sessions", &pairs(&form("15:00", "16:00")))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn times_hold_across_the_daylight_saving_change() {
    for app in apps().await {
        let mut staff = app.signed_in("staff@ponte.example").await;
        let module = module(&app).await.to_string();
        let cohort = cohort(&app).await.to_string();
        let mut ids = Vec::new();
        for date in ["2027-03-27", "2027-03-29"] {
            let r = staff
                .post(
                    "/labs/sessions",
                    &[
                        ("module_id", &module),
                        ("cohort_id", &cohort),
                        ("title", "Giornata di primavera"),
                        ("date", date),
                        ("start", "09:30"),
                        ("end", "13:00"),
                        ("place", "Foggia"),
                        ("capacity", "20"),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
            ids.push(r.location().to_string());
        }
        for (path, utc) in ids.iter().zip(["20270327T083000Z", "20270329T073000Z"]) {
            let page = staff.get(path).await;
            assert!(page.body.contains("09:30–13:00"), "{}", app.backend.name);
            let ics = staff.get(&format!("{path}/ics")).await;
            assert!(ics.body.contains(&format!("DTSTART:{utc}")), "{}", ics.body);
        }
        // 02:30 on the night the clocks go forward does not exist.
        let r = staff
            .post(
                "/labs/sessions",
                &[
                    ("module_id", &module),
                    ("cohort_id", &cohort),
                    ("title", "Notte"),
                    ("date", "2027-03-28"),
                    ("start", "02:30"),
                    ("end", "04:00"),
                    ("place", "Foggia"),
                    ("capacity", "20"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("gli orologi passano"));
    }
}

/// Parses an iCalendar text with the `icalendar` Python package and returns its events as
/// (summary, start in UTC) lines.
fn parse_ics(text: &str) -> Vec<String> {
    let python = std::env::var("PONTE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
for e in cal.walk("VEVENT"):
    print(str(e.get("SUMMARY")) + "|" + e.decoded("DTSTART").strftime("%Y-%m-%dT%H:%M%z") + "|" + str(e.get("STATUS")))
"#;
    let mut child = std::process::Command::new(&python)
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{python}: {e}"));
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the iCalendar parser refused the feed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn feeds_parse_with_a_real_icalendar_parser() {
    for app in apps().await {
        let cohort = cohort(&app).await;
        let sessions = db::labs::list(
            app.db(),
            &db::labs::Filter {
                cohort: Some(cohort),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let mut guest = app.client();
        let feed = guest.get(&format!("/labs/cohorts/{cohort}/ics")).await;
        assert_eq!(feed.status, StatusCode::OK);
        assert!(feed.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar"));
        let events = parse_ics(&feed.body);
        assert_eq!(events.len(), sessions.len());
        let first = &sessions[0];
        let start = first.starts_at.format("%Y-%m-%dT%H:%M+0000").to_string();
        assert!(
            events.contains(&format!("{}|{start}|CONFIRMED", first.title)),
            "{events:?}"
        );
        let one = guest.get(&format!("/labs/sessions/{}/ics", first.id)).await;
        assert_eq!(parse_ics(&one.body).len(), 1);
        // The personal feed: a secret address, shown once, that works without signing in.
        let mut member = app.signed_in("m.longo@provincia.foggia.example").await;
        let page = member.post("/labs/mine/feed", &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        let body = page.body.replace("&#x2f;", "/");
        let start = body.find("/labs/feeds/").unwrap();
        let path: String = body[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        let personal = guest.get(&path).await;
        assert_eq!(personal.status, StatusCode::OK, "{path}");
        // Only the person's own sessions, not every session of the cohort.
        let own = db::labs::registrations_of(
            app.db(),
            user_id(&app, "m.longo@provincia.foggia.example").await,
        )
        .await
        .unwrap();
        assert_eq!(parse_ics(&personal.body).len(), own.len());
        // A new address retires the old one.
        member.post("/labs/mine/feed", &[]).await;
        assert_eq!(guest.get(&path).await.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn check_in_with_the_code_and_staff_correct_the_register() {
    for app in apps().await {
        let id = session_at(&app, Utc::now() + Duration::minutes(10), 30).await;
        let member = user_id(&app, "membro@ponte.example").await;
        let mut c = app.signed_in("membro@ponte.example").await;
        assert_eq!(
            c.post(&format!("/labs/sessions/{id}/register"), &[])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let wrong = c
            .post(
                &format!("/labs/sessions/{id}/check-in"),
                &[("code", "XXXXXX")],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            wrong.body.contains("Il codice non è corretto"),
            "the error sits next to the field"
        );
        assert!(db::labs::attendance(app.db(), id).await.unwrap().is_empty());
        let code = db::labs::get(app.db(), id)
            .await
            .unwrap()
            .unwrap()
            .check_in_code
            .to_lowercase();
        let ok = c
            .post(&format!("/labs/sessions/{id}/check-in"), &[("code", &code)])
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let rows = db::labs::attendance(app.db(), id).await.unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].0, rows[0].2.as_str()), (member, "check_in"));
        // Someone not registered cannot check in.
        let mut other = app.signed_in("coordinatore@ponte.example").await;
        assert_eq!(
            other
                .post(&format!("/labs/sessions/{id}/check-in"), &[("code", &code)])
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
        // Staff clear the tick; the audit log keeps both registers.
        let mut staff = app.signed_in("staff@ponte.example").await;
        assert_eq!(
            staff
                .get(&format!("/labs/sessions/{id}/register"))
                .await
                .status,
            StatusCode::OK
        );
        let r = staff
            .post(&format!("/labs/sessions/{id}/register-sheet"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(db::labs::attendance(app.db(), id).await.unwrap().is_empty());
        let (log, _) = db::audit::page(app.db(), Some("labs.register_save"), 10, 0)
            .await
            .unwrap();
        assert!(log.iter().any(|e| e.entity_id == id.to_string()
            && e.before
                .as_deref()
                .unwrap_or("")
                .contains(&member.to_string())));
        // A tick for someone who is not registered is refused, and nothing changes. The ticks are
        // for the session's own half-day (morning or afternoon, depending on when the test runs).
        let session = db::labs::get(app.db(), id).await.unwrap().unwrap();
        let half = domain::labs::attendance::half_days(session.starts_at, session.ends_at)[0].index;
        let stranger = user_id(&app, "attore@ponte.example").await;
        let bad = staff
            .post(
                &format!("/labs/sessions/{id}/register-sheet"),
                &[("present", &format!("{stranger}:{half}"))],
            )
            .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let good = staff
            .post(
                &format!("/labs/sessions/{id}/register-sheet"),
                &[("present", &format!("{member}:{half}"))],
            )
            .await;
        assert_eq!(good.status, StatusCode::SEE_OTHER);
        assert_eq!(
            db::labs::attendance(app.db(), id).await.unwrap()[0].2,
            "register"
        );
    }
}

#[tokio::test]
async fn a_status_change_mails_the_registered() {
    for app in apps().await {
        let id = session_at(&app, Utc::now() + Duration::days(6), 30).await;
        let mut c = app.signed_in("r.caruso@provincia.caserta.example").await;
        assert_eq!(
            c.post(&format!("/labs/sessions/{id}/register"), &[])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let since = Utc::now() - Duration::seconds(5);
        let mut staff = app.signed_in("staff@ponte.example").await;
        // Staff are offered the changes that make sense before the start, as buttons.
        let page = staff.get(&format!("/labs/sessions/{id}")).await;
        assert!(page.body.contains("Conferma la giornata"), "{}", page.body);
        assert!(page.body.contains("Annulla la giornata"));
        assert!(!page.body.contains("Segna come svolta"));
        assert!(page.body.contains("name=\"email\""), "invitations are open");
        assert!(page.body.contains("class=\"labs-code\""));
        assert!(
            !page.body.contains("Non sei iscritto"),
            "staff are not told they are not registered"
        );
        assert_eq!(page.body.matches("id=\"f-outcomes\"").count(), 1);
        // Cancelling asks first, saying who will be told; nothing changes until confirmed.
        let r = staff
            .post(
                &format!("/labs/sessions/{id}/status"),
                &[("status", "cancelled")],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.body.contains("riceverà un&#x27;email") || r.body.contains("riceverà un'email"),
            "{}",
            r.body
        );
        assert!(r.body.contains("name=\"confirm\" value=\"1\""));
        let unchanged = db::labs::get(app.db(), id).await.unwrap().unwrap();
        assert_eq!(unchanged.status, domain::labs::Status::Planned);
        assert_eq!(
            web::mail::recently_queued(app.db(), "r.caruso@provincia.caserta.example", since)
                .await
                .unwrap(),
            0
        );
        let r = staff
            .post(
                &format!("/labs/sessions/{id}/status"),
                &[("status", "cancelled"), ("confirm", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            web::mail::recently_queued(app.db(), "r.caruso@provincia.caserta.example", since)
                .await
                .unwrap(),
            1
        );
        // Held is refused before the start.
        let other = session_at(&app, Utc::now() + Duration::days(7), 30).await;
        let r = staff
            .post(
                &format!("/labs/sessions/{other}/status"),
                &[("status", "held")],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        // A cancelled session takes no invitations.
        let r = staff
            .post(
                &format!("/labs/sessions/{id}/invite"),
                &[("email", "membro@ponte.example")],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn a_past_session_offers_staff_only_what_fits_it() {
    for app in apps().await {
        let past = session_at(&app, Utc::now() - Duration::days(3), 30).await;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let page = staff.get(&format!("/labs/sessions/{past}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Segna come svolta"), "{}", page.body);
        assert!(page.body.contains("Annulla la giornata"));
        assert!(!page.body.contains("Conferma la giornata"));
        assert!(
            !page.body.contains("class=\"labs-code\""),
            "no check-in code after the end"
        );
        assert!(
            !page.body.contains("id=\"f-invite\""),
            "no invitations after the start"
        );
        let r = staff
            .post(
                &format!("/labs/sessions/{past}/status"),
                &[("status", "confirmed")],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let r = staff
            .post(
                &format!("/labs/sessions/{past}/invite"),
                &[("email", "membro@ponte.example")],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let r = staff
            .post(
                &format!("/labs/sessions/{past}/status"),
                &[("status", "held")],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "held needs no confirmation"
        );
    }
}

#[tokio::test]
async fn feedback_once_and_anonymous_when_asked() {
    for app in apps().await {
        let held = db::labs::list(app.db(), &Default::default())
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.status == domain::labs::Status::Held)
            .unwrap();
        // The demo's last participants have not answered yet.
        let email = "v.castronovo@provincia.agrigento.example";
        let mut c = app.signed_in(email).await;
        let path = format!("/labs/sessions/{}/feedback", held.id);
        assert_eq!(c.get(&path).await.status, StatusCode::OK);
        let empty = c.post(&path, &[]).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = c
            .post(
                &path,
                &[
                    ("useful", "5"),
                    ("content", "4"),
                    ("went_well", "Il confronto tra province, molto concreto"),
                    ("anonymous", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            c.post(&path, &[("useful", "1")]).await.status,
            StatusCode::BAD_REQUEST
        );
        let mut staff = app.signed_in("staff@ponte.example").await;
        let results = staff.get(&format!("{path}/results")).await;
        assert!(results
            .body
            .contains("Il confronto tra province, molto concreto"));
        assert!(!results.body.contains("Valentina Castronovo"));
        assert!(results.body.contains("<svg"));
        let csv = staff.get(&format!("{path}/export")).await;
        assert!(csv.body.contains("Anonimo;"));
        // Someone who was not registered cannot answer.
        let mut actor = app.signed_in("attore@ponte.example").await;
        assert_eq!(actor.get(&path).await.status, StatusCode::BAD_REQUEST);
        // The report counts the demo's attendance.
        let report = staff.get("/labs/attendance").await;
        assert!(report.body.contains("Provincia di Foggia"));
        let export = staff.get("/labs/attendance/export?by=organisation").await;
        assert!(export.body.contains("Provincia di Cosenza"));
    }
}

#[tokio::test]
async fn materials_are_checked_stored_and_served_as_attachments() {
    for app in apps().await {
        let id = session_at(&app, Utc::now() + Duration::days(9), 30).await;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let path = format!("/labs/sessions/{id}/materials");
        let pdf = b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n";
        let (ct, body) = multipart(&[
            ("title", None, b"Programma"),
            ("file", Some("../../etc/programma.pdf"), pdf),
        ]);
        let r = staff.send(Method::POST, &path, Some(&ct), body).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let (ct, body) = multipart(&[
            ("title", None, b"Finto"),
            ("file", Some("finto.pdf"), b"<script>alert(1)</script>"),
        ]);
        assert_eq!(
            staff
                .send(Method::POST, &path, Some(&ct), body)
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
        let big = vec![b'a'; web::labs::MAX_MATERIAL_BYTES + 1024];
        let (ct, body) = multipart(&[
            ("title", None, b"Troppo"),
            ("file", Some("grande.txt"), &big),
        ]);
        let r = staff.send(Method::POST, &path, Some(&ct), body).await;
        assert!(r.status.is_client_error(), "{}", r.status);
        let stored = db::labs::materials(app.db(), id).await.unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].file_name.as_deref(), Some("programma.pdf"));
        let mut member = app.signed_in("membro@ponte.example").await;
        let file = member
            .get(&format!("/labs/materials/{}", stored[0].id))
            .await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(file.headers["content-type"], "application/pdf");
        assert!(file.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"programma.pdf\""));
        assert_eq!(file.body.as_bytes(), pdf);
        // Guests see neither materials nor online links.
        let mut guest = app.client();
        assert_eq!(
            guest
                .get(&format!("/labs/materials/{}", stored[0].id))
                .await
                .status,
            StatusCode::SEE_OTHER
        );
    }
}

#[tokio::test]
async fn pages_of_the_season() {
    for app in apps().await {
        let mut member = app.signed_in("membro@ponte.example").await;
        let calendar = member.get("/labs?view=list").await;
        assert_eq!(calendar.status, StatusCode::OK);
        assert!(calendar.body.contains("Svolta") && calendar.body.contains("Confermata"));
        let month = member.get("/labs?month=1999-13").await;
        assert_eq!(month.status, StatusCode::OK);
        let mine = member.get("/labs/mine").await;
        assert!(mine.body.contains("Giornate passate"));
        // The person's summary agrees with their line of the season's report (worked out apart).
        let mut staff = app.signed_in("staff@ponte.example").await;
        let report = staff.get("/labs/attendance").await;
        let line = report_row(&report.body, "participant", "Francesca Greco").unwrap();
        let summary = format!(
            "Hai partecipato a {} ore sulle {} previste ({})",
            line[2], line[1], line[3]
        );
        assert!(
            mine.body.contains(&summary),
            "{}: {summary}",
            app.backend.name
        );
        let first = &db::labs::list(app.db(), &Default::default()).await.unwrap()[0];
        let page = member.get(&format!("/labs/sessions/{}", first.id)).await;
        assert!(page
            .body
            .contains("Lavoro di gruppo per provincia con il tutor"));
        assert!(page.body.contains("Le cinque province hanno condiviso"));
        assert!(
            page.body.contains("Roberta Caruso"),
            "cohort members see the participants"
        );
        let module = member
            .get(&format!("/programme/modules/{}", first.module_id))
            .await;
        assert!(module
            .body
            .contains(&format!("/labs/sessions/{}", first.id)));
        // Outsiders see the session but not who takes part.
        let mut actor = app.signed_in("attore@ponte.example").await;
        let page = actor.get(&format!("/labs/sessions/{}", first.id)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("Roberta Caruso"));
        assert_eq!(
            actor.get("/labs/sessions/not-a-uuid").await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn certificates_are_pdf_and_verifiable() {
    for app in apps().await {
        let mut member = app.signed_in("membro@ponte.example").await;
        let pdf = member.get("/labs/certificate").await;
        assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.body);
        assert_eq!(pdf.headers["content-type"], "application/pdf");
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        assert!(pdf.body.contains("pdfaid:part"), "PDF/A");
        let disposition = pdf.headers["content-disposition"]
            .to_str()
            .unwrap()
            .to_string();
        let code = disposition
            .split("attestato-")
            .nth(1)
            .unwrap()
            .trim_end_matches(".pdf\"")
            .to_string();
        let mut guest = app.client();
        let page = guest
            .get(&format!("/certificates/{}", code.to_lowercase()))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Francesca Greco"));
        assert!(page.body.contains("Provincia di Salerno"));
        assert_eq!(
            guest.get("/certificates/NOPE-NOPE-NOPE").await.status,
            StatusCode::NOT_FOUND
        );
        // Someone who attended nothing gets a clear refusal, not an empty certificate.
        let mut admin = app.signed_in("admin@ponte.example").await;
        let none = admin.get("/labs/certificate").await;
        assert_eq!(none.status, StatusCode::BAD_REQUEST);
        assert!(none.body.contains("Non risultano ancora presenze"));
    }
}

#[tokio::test]
async fn attendance_exports_as_xlsx() {
    for app in apps().await {
        let mut staff = app.signed_in("staff@ponte.example").await;
        let r = staff
            .get("/labs/attendance/export?by=organisation&format=xlsx")
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.headers["content-type"]
            .to_str()
            .unwrap()
            .contains("spreadsheetml"));
        // Read the workbook back with a zip reader: the sheet's strings hold the organisations.
        let python = std::env::var("PONTE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
        let mut child = std::process::Command::new(&python)
            .args(["-c", "import sys, zipfile, io; z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())); print(z.read('xl/sharedStrings.xml').decode())"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&r.bytes).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        let strings = String::from_utf8(out.stdout).unwrap();
        assert!(strings.contains("Provincia di Foggia"), "{strings}");
        assert_eq!(
            staff.get("/labs/attendance/export?format=pdf").await.status,
            StatusCode::BAD_REQUEST
        );
    }
}

#[tokio::test]
async fn the_report_counts_each_registration_for_the_organisation_in_the_session_cohort() {
    use domain::roles::{Grant, Role, SpaceKind};
    for app in apps().await {
        let member_of = |org: Uuid| Grant {
            role: Role::Member,
            space: SpaceKind::Organisation,
            space_id: Some(org),
        };
        let form = domain::organisations::OrganisationForm {
            category: "local_actor".into(),
            name: "Associazione fuori coorte".into(),
            actor_sector: "association".into(),
            actor_public: "private".into(),
            ..Default::default()
        };
        let org = domain::organisations::check(&form).unwrap();
        let outside = db::organisations::create(app.db(), &org, None)
            .await
            .unwrap();
        let salerno = app.organisation("Provincia di Salerno").await;
        // A region of the demo: not in the cohort, and first in id order, so that the cohort has
        // to be what decides.
        let region = app.organisation("Regione Campania").await;
        let cohort_members = db::labs::cohort_members(app.db(), cohort(&app).await)
            .await
            .unwrap();
        assert!(cohort_members.contains(&salerno) && !cohort_members.contains(&region));
        assert!(region < salerno);
        let starts = Utc::now() - Duration::days(3);
        let id = session_at(&app, starts, 30).await;
        hold(&app, id).await;
        // Someone of Salerno (in the cohort) who also belongs to the region (outside it), and
        // someone whose only administration is outside the cohort.
        let both = user_id(&app, "membro@ponte.example").await;
        db::accounts::add_grant(app.db(), both, member_of(region), None)
            .await
            .unwrap();
        let user = db::accounts::NewUser {
            email: "fuori@ponte.example".into(),
            name: "Fuori Coorte".into(),
            password_hash: web::accounts::password::hash(ponte::demo::DEMO_PASSWORD).unwrap(),
        };
        let only_outside = db::accounts::create_user(app.db(), &user, &[member_of(outside)], None)
            .await
            .unwrap();
        for person in [both, only_outside] {
            db::labs::record_registration(app.db(), id, person)
                .await
                .unwrap();
        }
        let half =
            domain::labs::attendance::half_days(starts, starts + Duration::hours(2))[0].index;
        assert!(db::labs::check_in(app.db(), id, both, half).await.unwrap());

        let all = db::labs::report_rows(app.db(), None).await.unwrap();
        let here: Vec<_> = all.iter().filter(|r| r.session_id == id).collect();
        assert_eq!(here.len(), 2, "{}", app.backend.name);
        // Ordered by start, then name (Francesca Greco, then Fuori Coorte).
        assert_eq!(here[0].user_id, both);
        assert_eq!(here[0].organisation, Some(salerno), "{}", app.backend.name);
        assert_eq!(here[0].present, vec![half]);
        assert_eq!(here[1].user_name, "Fuori Coorte");
        assert_eq!(here[1].organisation, Some(outside));
        assert!(here[1].present.is_empty());
        assert!(all
            .windows(2)
            .all(|w| (w[0].starts_at, &w[0].user_name) <= (w[1].starts_at, &w[1].user_name)));
        // One person's lines are theirs in the whole report.
        let own = db::labs::report_rows(app.db(), Some(both)).await.unwrap();
        let theirs: Vec<_> = all.iter().filter(|r| r.user_id == both).collect();
        assert_eq!(own.len(), theirs.len());
        for (a, b) in own.iter().zip(theirs) {
            assert_eq!(
                (a.session_id, a.organisation, &a.present),
                (b.session_id, b.organisation, &b.present)
            );
        }
        // Sessions that were not held do not count.
        let planned = session_at(&app, Utc::now() - Duration::days(2), 30).await;
        db::labs::record_registration(app.db(), planned, both)
            .await
            .unwrap();
        let again = db::labs::report_rows(app.db(), None).await.unwrap();
        assert_eq!(again.len(), all.len());
    }
}

/// The cells of the report's row for `name` (name, expected hours, attended hours, rate) in the
/// table of `part`.
fn report_row(body: &str, part: &str, name: &str) -> Option<Vec<String>> {
    let table = body
        .split("<h2")
        .find(|s| s.contains(&format!("by={part}\"")))?;
    let start = table.find(&format!("<tr><td>{name}</td>"))?;
    let row = &table[start..table[start..].find("</tr>")? + start];
    Some(
        row.split("<td>")
            .skip(1)
            .map(|c| c.split("</td>").next().unwrap_or("").to_string())
            .collect(),
    )
}

/// The season's report is kept between requests; every change it is made of shows at once, on
/// this instance and on another one over the same database.
#[tokio::test]
async fn the_report_follows_every_change_at_once() {
    use domain::roles::{Grant, Role, SpaceKind};
    for app in apps().await {
        let name = app.backend.name;
        let form = domain::organisations::OrganisationForm {
            category: "local_actor".into(),
            name: "Associazione delle presenze".into(),
            actor_sector: "association".into(),
            actor_public: "private".into(),
            ..Default::default()
        };
        let org = db::organisations::create(
            app.db(),
            &domain::organisations::check(&form).unwrap(),
            None,
        )
        .await
        .unwrap();
        let member_of = |org: Uuid| Grant {
            role: Role::Member,
            space: SpaceKind::Organisation,
            space_id: Some(org),
        };
        let user = db::accounts::NewUser {
            email: "presenze@ponte.example".into(),
            name: "Paola Presenze".into(),
            password_hash: web::accounts::password::hash(ponte::demo::DEMO_PASSWORD).unwrap(),
        };
        let person = db::accounts::create_user(app.db(), &user, &[member_of(org)], None)
            .await
            .unwrap();
        // Two hours in one morning (08:00 UTC is 09:00 or 10:00 in Rome), so that they are one
        // half-day whatever the time the test runs.
        let starts = (Utc::now() - Duration::days(3))
            .date_naive()
            .and_hms_opt(8, 0, 0)
            .unwrap()
            .and_utc();
        let id = session_at(&app, starts, 30).await;
        db::labs::record_registration(app.db(), id, person)
            .await
            .unwrap();
        let mut here = app.signed_in("staff@ponte.example").await;
        let mut there = app.other_instance();
        assert_eq!(
            there.sign_in("staff@ponte.example").await.status,
            StatusCode::SEE_OTHER
        );
        let mut both = async |part: &str, row: &str| {
            let mut seen = Vec::new();
            for c in [&mut here, &mut there] {
                let r = c.get("/labs/attendance").await;
                assert_eq!(r.status, StatusCode::OK);
                seen.push(report_row(&r.body, part, row));
            }
            assert_eq!(seen[0], seen[1], "{name}: both instances show the same");
            seen.remove(0)
        };
        // Not held yet: the registration does not count.
        assert_eq!(both("participant", "Paola Presenze").await, None, "{name}");
        hold(&app, id).await;
        let absent = both("participant", "Paola Presenze").await.unwrap();
        assert_eq!(
            (absent[1].as_str(), absent[2].as_str()),
            ("2", "0"),
            "{name}"
        );
        // Attendance.
        let half =
            domain::labs::attendance::half_days(starts, starts + Duration::hours(2))[0].index;
        assert!(db::labs::check_in(app.db(), id, person, half)
            .await
            .unwrap());
        let present = both("participant", "Paola Presenze").await.unwrap();
        assert_eq!(
            (present[2].as_str(), present[3].as_str()),
            ("2", "100 %"),
            "{name}"
        );
        // The person's name.
        let profile = domain::accounts::Profile {
            name: "Paola Presenti".into(),
            languages: vec![],
            competences: vec![],
        };
        let version = db::accounts::user(app.db(), person).await.unwrap().version;
        db::accounts::update_profile(app.db(), person, version, &profile)
            .await
            .unwrap();
        assert_eq!(both("participant", "Paola Presenze").await, None, "{name}");
        assert!(
            both("participant", "Paola Presenti").await.is_some(),
            "{name}"
        );
        // The organisation's name.
        assert!(both("organisation", "Associazione delle presenze")
            .await
            .is_some());
        let stored = db::organisations::get(app.db(), org).await.unwrap();
        let mut renamed = stored.data.clone();
        renamed.name = "Associazione rinominata".into();
        db::organisations::update(app.db(), org, stored.version, &renamed, None)
            .await
            .unwrap();
        assert_eq!(
            both("organisation", "Associazione delle presenze").await,
            None
        );
        assert!(
            both("organisation", "Associazione rinominata")
                .await
                .is_some(),
            "{name}"
        );
        // Who belongs where: without the grant the hours count for no organisation.
        let staff = user_id(&app, "staff@ponte.example").await;
        db::accounts::revoke_grant(app.db(), person, Role::Member, org, staff)
            .await
            .unwrap();
        assert_eq!(
            both("organisation", "Associazione rinominata").await,
            None,
            "{name}"
        );
    }
}

/// "My labs" is kept rendered per person while the labs, the programme and people are unchanged,
/// and only until one of the person's sessions starts or ends: a registration, the end of a
/// session and feedback show at once on another instance that had the page kept.
#[tokio::test]
async fn my_labs_follow_changes_and_the_clock_on_every_instance() {
    for app in apps().await {
        let name = app.backend.name;
        let member = user_id(&app, "membro@ponte.example").await;
        let mut here = app.signed_in("membro@ponte.example").await;
        let mut there = app.other_instance();
        assert_eq!(
            there.sign_in("membro@ponte.example").await.status,
            StatusCode::SEE_OTHER
        );
        // Where the session is on both instances: None, Some(false) coming, Some(true) past.
        async fn place(here: &mut Client, there: &mut Client, session: Uuid) -> Option<bool> {
            let link = format!("/labs/sessions/{session}\"");
            let mut seen = Vec::new();
            for c in [here, there] {
                let r = c.get("/labs/mine").await;
                assert_eq!(r.status, StatusCode::OK);
                let table = r.body.find("<table").unwrap_or(usize::MAX);
                seen.push(r.body.find(&link).map(|at| at > table));
            }
            assert_eq!(seen[0], seen[1], "both instances show the same");
            seen[0]
        }
        // What the coming session's line says of the registration, on both instances.
        async fn registration(here: &mut Client, there: &mut Client, session: Uuid) -> String {
            let link = format!("/labs/sessions/{session}\"");
            let mut seen = Vec::new();
            for c in [here, there] {
                let body = c.get("/labs/mine").await.body;
                let at = body.find(&link).expect("the session is listed");
                let line = &body[at..];
                let from = line.find("ms-3 small\">").expect("its registration") + 12;
                seen.push(line[from..].split('<').next().unwrap_or("").to_string());
            }
            assert_eq!(seen[0], seen[1], "both instances show the same");
            seen.remove(0)
        }
        // A session of the member's cohort that is on, ending in half an hour (both instances
        // now keep the page with it among the coming ones).
        let ends_in = Duration::minutes(30);
        let session = session_at(&app, app.db().now() - Duration::hours(2) + ends_in, 30).await;
        let ends_at = db::labs::get(app.db(), session)
            .await
            .unwrap()
            .unwrap()
            .ends_at;
        assert_eq!(
            place(&mut here, &mut there, session).await,
            Some(false),
            "{name}"
        );
        assert_eq!(
            registration(&mut here, &mut there, session).await,
            "Non sei ancora iscritto.",
            "{name}"
        );
        // Registered.
        db::labs::record_registration(app.db(), session, member)
            .await
            .unwrap();
        assert_eq!(
            registration(&mut here, &mut there, session).await,
            "Iscritto",
            "{name}"
        );
        // Held while still on: kept again as a coming one, up to its end.
        hold(&app, session).await;
        assert_eq!(
            place(&mut here, &mut there, session).await,
            Some(false),
            "{name}"
        );
        // A minute before its end it is still coming on both instances.
        let clock = app.db().clock();
        clock.advance(ends_at - app.db().now() - Duration::minutes(1));
        assert_eq!(
            place(&mut here, &mut there, session).await,
            Some(false),
            "{name}"
        );
        // Once it has ended (the application's clock, shared by both instances, moved past its
        // end), it is past, with its feedback due.
        clock.advance(Duration::minutes(2));
        assert_eq!(
            place(&mut here, &mut there, session).await,
            Some(true),
            "{name}"
        );
        let feedback = format!("/labs/sessions/{session}/feedback\"");
        for c in [&mut here, &mut there] {
            assert!(c.get("/labs/mine").await.body.contains(&feedback), "{name}");
        }
        // Feedback given: no longer due.
        let answer = domain::labs::feedback::Answer {
            ratings: [Some(4); 5],
            went_well: String::new(),
            to_improve: String::new(),
            anonymous: true,
        };
        let today = app.db().now().date_naive();
        db::labs::give_feedback(app.db(), session, member, &answer, today)
            .await
            .unwrap();
        for c in [&mut here, &mut there] {
            assert!(
                !c.get("/labs/mine").await.body.contains(&feedback),
                "{name}"
            );
        }
    }
}
