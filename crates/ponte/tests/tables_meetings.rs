//! Meetings of a territorial table on both databases: the secretariat convenes, changes and
//! cancels a meeting and every current representative receives, through the job queue and a
//! real SMTP server, an email in their language with an iCalendar invitation that an independent
//! reader (Python's email and icalendar packages) parses: METHOD, a stable UID, a SEQUENCE raised
//! on each change, times in Rome. Also the table's feed, attendance, the pages, and every
//! refusal (a 4xx with its message, nothing stored, nothing sent).

mod common;

use axum::http::StatusCode;
use chrono::{Duration, NaiveTime, Utc};
use common::{apps, App, Client, SmtpSink};
use domain::labs::schedule::instant;
use serde_json::Value;
use std::collections::BTreeSet;
use uuid::Uuid;

const SECRETARY: &str = "membro@ponte.example";
const ACTOR: &str = "attore@ponte.example";
const CASERTA_MEMBER: &str = "r.caruso@provincia.caserta.example";

async fn salerno_table(app: &App) -> Uuid {
    let salerno = app.organisation("Provincia di Salerno").await;
    db::tables::list(app.db())
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.lead_id == salerno)
        .expect("the demo table of Salerno")
        .id
}

/// Audit entries and queued jobs: a refusal changes neither.
async fn footprint(app: &App) -> (i64, i64) {
    let audit = db::audit::page(app.db(), None, 1, 0).await.unwrap().1;
    let jobs: i64 = db::run!(app.db(), |pool| sqlx::query_scalar(
        "SELECT COUNT(*) FROM jobs"
    )
    .fetch_one(pool)
    .await
    .unwrap());
    (audit, jobs)
}

/// Sends a form that must be refused with `status` and `message` (in Italian), storing and
/// sending nothing.
async fn refused(
    app: &App,
    c: &mut Client,
    path: &str,
    form: &[(&str, &str)],
    status: StatusCode,
    message: &str,
) {
    let before = footprint(app).await;
    let r = c.post(path, form).await;
    let context = format!("{path} {form:?} on {}", app.backend.name);
    assert_eq!(r.status, status, "{context}: {}", r.body);
    let body = r.body.replace("&#x27;", "'");
    assert!(
        body.contains(message),
        "{context}: no «{message}» in {body}"
    );
    assert_eq!(
        footprint(app).await,
        before,
        "{context}: something was stored"
    );
}

/// The people who represent the table's current members: their emails.
async fn current_representatives(app: &App, table: Uuid) -> BTreeSet<String> {
    let members = db::tables::members(app.db(), table).await.unwrap();
    db::tables::representatives(app.db(), table)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| {
            members
                .iter()
                .any(|m| m.organisation_id == r.organisation_id && m.left_on.is_none())
        })
        .map(|r| r.email)
        .collect()
}

/// Sets the languages of `email`'s profile directly.
async fn speaks(app: &App, email: &str, languages: &[&str]) {
    let id = db::accounts::credentials(app.db(), email)
        .await
        .unwrap()
        .unwrap()
        .id;
    let user = db::accounts::user(app.db(), id).await.unwrap();
    let mut c = app.signed_in(email).await;
    let version = user.version.to_string();
    let mut form = vec![
        ("name", user.name.as_str()),
        ("competences", ""),
        ("version", version.as_str()),
    ];
    for l in languages {
        form.push(("languages", l));
    }
    let r = c.post("/profile", &form).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

/// Reads a received message as a mail reader would, with Python's email package, and its
/// invitation with the icalendar package.
const READER: &str = r#"
import sys, json, email, datetime
from email import policy
import icalendar
msg = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
out = {"to": str(msg["To"]), "subject": str(msg["Subject"]), "text": "", "calendar": None}
calendar = attachment = None
for part in msg.walk():
    if part.is_multipart():
        continue
    kind = part.get_content_type()
    if kind == "text/plain":
        out["text"] = part.get_content()
    elif kind == "text/calendar":
        calendar = part.get_content()
        out["param"] = part.get_param("method")
    elif part.get_filename() == "invite.ics":
        attachment = part.get_payload(decode=True).decode("utf-8")
if calendar is not None:
    c = icalendar.Calendar.from_ical(calendar)
    events = list(c.walk("VEVENT"))
    e = events[0]
    start = e["DTSTART"]
    out["calendar"] = {
        "events": len(events),
        "method": str(c["METHOD"]),
        "uid": str(e["UID"]),
        "sequence": int(e["SEQUENCE"]),
        "status": str(e["STATUS"]),
        "tzid": str(start.params.get("TZID")),
        "local_start": start.dt.strftime("%Y-%m-%dT%H:%M"),
        "utc_start": start.dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M"),
        "utc_end": e["DTEND"].dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M"),
        "attendee": str(e["ATTENDEE"]),
        "location": str(e.get("LOCATION", "")),
        "attached": attachment is not None and attachment.replace("\r\n", "\n") == calendar.replace("\r\n", "\n"),
    }
print(json.dumps(out))
"#;

fn python() -> String {
    std::env::var("PONTE_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

fn read_mail(raw: &str) -> Value {
    let dir = db::testing::TempDir::new("ponte-meeting-mail");
    let path = dir.path().join("mail.eml");
    std::fs::write(&path, raw).unwrap();
    let out = std::process::Command::new(python())
        .arg("-c")
        .arg(READER)
        .arg(&path)
        .output()
        .expect("run the mail reader");
    assert!(
        out.status.success(),
        "the mail reader failed: {}\n{raw}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the reader's JSON")
}

/// Runs the due jobs and returns what they delivered, read, by recipient.
async fn deliver(app: &App, smtp: &SmtpSink) -> Vec<Value> {
    let before = smtp.messages().len();
    web::jobs::run_due(app.db(), &smtp.runners()).await;
    let mut mails: Vec<Value> = smtp.messages()[before..]
        .iter()
        .map(|m| read_mail(m))
        .collect();
    mails.sort_by_key(|m| m["to"].as_str().unwrap_or("").to_string());
    mails
}

/// The address of a `To` header (`Name <address>` or the address alone).
fn address(to: &str) -> String {
    match (to.rfind('<'), to.rfind('>')) {
        (Some(a), Some(b)) if a < b => to[a + 1..b].to_string(),
        _ => to.trim().to_string(),
    }
}

/// A valid convening form for `date` (Rome) with two agenda items, one presented by
/// `representative`.
fn form(
    title: &str,
    date: &str,
    start: &str,
    end: &str,
    representative: &str,
    documents: &str,
) -> Vec<(String, String)> {
    [
        ("title", title),
        ("date", date),
        ("start", start),
        ("end", end),
        ("place", "Salerno, Palazzo Sant'Agostino"),
        ("online_url", "https://meet.example.org/tavolo-salerno"),
        ("agenda0.title", "Apertura dei lavori"),
        ("agenda0.representative", representative),
        ("agenda0.presenter", ""),
        ("agenda1.title", "Programma dell'anno"),
        ("agenda1.representative", ""),
        ("agenda1.presenter", "La segreteria"),
        ("agenda2.title", ""),
        ("agenda2.representative", ""),
        ("agenda2.presenter", ""),
        ("documents", documents),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(k, x)| (k.as_str(), x.as_str())).collect()
}

fn with(v: &[(String, String)], key: &str, value: &str) -> Vec<(String, String)> {
    v.iter()
        .map(|(k, x)| {
            if k == key {
                (k.clone(), value.to_string())
            } else {
                (k.clone(), x.clone())
            }
        })
        .collect()
}

fn today() -> chrono::NaiveDate {
    Utc::now()
        .with_timezone(&domain::locale::TIME_ZONE)
        .date_naive()
}

fn at(date: chrono::NaiveDate, time: &str) -> chrono::DateTime<Utc> {
    instant(date, NaiveTime::parse_from_str(time, "%H:%M").unwrap()).unwrap()
}

#[tokio::test]
async fn a_meeting_is_convened_changed_and_cancelled_with_invitations_in_each_language() {
    for app in apps().await {
        let name = app.backend.name;
        let smtp = SmtpSink::start();
        let table = salerno_table(&app).await;
        // Nothing else is due: the demo queues nothing that would be delivered here.
        deliver(&app, &smtp).await;
        speaks(&app, ACTOR, &["en"]).await;
        let reps = db::tables::representatives(app.db(), table).await.unwrap();
        let presenter = reps.iter().find(|r| r.email == ACTOR).unwrap();
        let memorandum = db::tables::get(app.db(), table)
            .await
            .unwrap()
            .memorandum_id
            .unwrap();
        let expected = current_representatives(&app, table).await;
        assert!(expected.len() >= 7, "{name}: {expected:?}");

        let mut c = app.signed_in(SECRETARY).await;
        let page = c.get(&format!("/tables/{table}/meetings/new")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}: {}", page.body);
        assert!(page.body.contains("Convoca una riunione"), "{name}");
        let date = today() + Duration::days(10);
        let f = form(
            "Riunione sul turismo sostenibile",
            &date.to_string(),
            "10:00",
            "12:30",
            &presenter.id.to_string(),
            &format!("http://ponte.test/library/documents/{memorandum}"),
        );
        let r = c
            .post(&format!("/tables/{table}/meetings"), &pairs(&f))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let path = r.location().to_string();
        let id: Uuid = path.rsplit('/').next().unwrap().parse().unwrap();
        assert_eq!(path, format!("/tables/{table}/meetings/{id}"), "{name}");
        let m = db::tables::meeting(app.db(), table, id).await.unwrap();
        assert_eq!(m.starts_at, at(date, "10:00"), "{name}");
        assert_eq!(m.agenda[0].presenter, presenter.name, "{name}");
        assert_eq!(m.agenda[1].presenter, "La segreteria", "{name}");
        assert_eq!(m.documents, vec![memorandum], "{name}");

        // The convocation: one email to each current representative, with the invitation.
        let mails = deliver(&app, &smtp).await;
        let to: BTreeSet<String> = mails
            .iter()
            .map(|m| address(m["to"].as_str().unwrap()))
            .collect();
        assert_eq!(to, expected, "{name}");
        assert_eq!(mails.len(), expected.len(), "{name}");
        let uid = format!("{id}@ponte.test");
        let utc = |t: chrono::DateTime<Utc>| t.format("%Y-%m-%dT%H:%M").to_string();
        for m in &mails {
            let cal = &m["calendar"];
            let context = format!("{name}: {m:#}");
            assert_eq!(cal["events"], 1, "{context}");
            assert_eq!(cal["method"], "REQUEST", "{context}");
            assert_eq!(m["param"], "REQUEST", "{context}");
            assert_eq!(cal["uid"], uid.as_str(), "{context}");
            assert_eq!(cal["sequence"], 0, "{context}");
            assert_eq!(cal["status"], "CONFIRMED", "{context}");
            assert_eq!(cal["tzid"], "Europe/Rome", "{context}");
            assert_eq!(cal["local_start"], format!("{date}T10:00"), "{context}");
            assert_eq!(cal["utc_start"], utc(at(date, "10:00")), "{context}");
            assert_eq!(cal["utc_end"], utc(at(date, "12:30")), "{context}");
            assert_eq!(cal["attached"], true, "{context}");
            let recipient = address(m["to"].as_str().unwrap());
            assert!(
                cal["attendee"]
                    .as_str()
                    .unwrap()
                    .eq_ignore_ascii_case(&format!("mailto:{recipient}")),
                "{context}"
            );
            let text = m["text"].as_str().unwrap();
            assert!(text.contains("Apertura dei lavori"), "{context}");
            assert!(
                text.contains(&format!("http://ponte.test{path}")),
                "{context}"
            );
            let subject = m["subject"].as_str().unwrap();
            if recipient == ACTOR {
                assert!(subject.starts_with("Convocation: "), "{context}");
                assert!(text.contains("you are invited"), "{context}");
            } else {
                assert!(subject.starts_with("Convocazione: "), "{context}");
                assert!(text.contains("sei convocato"), "{context}");
            }
        }

        // The meeting page, for the secretariat and for a representative.
        let page = c.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(
            page.body.contains("Riunione sul turismo sostenibile"),
            "{name}"
        );
        assert!(page.body.contains("Annulla la riunione"), "{name}");
        let mut actor = app.signed_in(ACTOR).await;
        let seen = actor.get(&path).await;
        assert_eq!(seen.status, StatusCode::OK, "{name}");
        assert!(seen.body.contains("Apertura dei lavori"), "{name}");
        assert!(!seen.body.contains("Annulla la riunione"), "{name}");
        let listed = actor.get(&format!("/tables/{table}")).await;
        assert!(
            listed.body.contains(&path),
            "{name}: the table page lists it"
        );

        // A member leaves the table before the change: its representatives were told of the
        // meeting and are no longer convened.
        let lead = db::tables::get(app.db(), table).await.unwrap().lead_id;
        let leaving = db::tables::members(app.db(), table)
            .await
            .unwrap()
            .into_iter()
            .find(|m| {
                m.left_on.is_none()
                    && m.organisation_id != lead
                    && m.organisation_id != presenter.organisation_id
                    && reps.iter().any(|r| r.organisation_id == m.organisation_id)
            })
            .expect("a member with representatives besides the lead and the presenter's");
        db::tables::leave(app.db(), table, leaving.id, today(), None)
            .await
            .unwrap();
        let staying = current_representatives(&app, table).await;
        let former: BTreeSet<String> = expected.difference(&staying).cloned().collect();
        assert!(!former.is_empty(), "{name}");

        // A change: the same UID, the SEQUENCE raised, the new times; those no longer at the
        // table get the meeting cancelled in their calendar instead, saying why.
        let edit = c.get(&format!("{path}/edit")).await;
        assert_eq!(edit.status, StatusCode::OK, "{name}: {}", edit.body);
        assert!(
            edit.body.contains("Riunione sul turismo sostenibile"),
            "{name}"
        );
        let version = m.version.to_string();
        let mut changed = with(&f, "start", "11:00");
        changed = with(&changed, "end", "13:00");
        changed.push(("version".into(), version.clone()));
        let r = c.post(&path, &pairs(&changed)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let mails = deliver(&app, &smtp).await;
        assert_eq!(mails.len(), expected.len(), "{name}");
        let to: BTreeSet<String> = mails
            .iter()
            .map(|m| address(m["to"].as_str().unwrap()))
            .collect();
        assert_eq!(
            to, expected,
            "{name}: the current and the former representatives"
        );
        for m in &mails {
            let cal = &m["calendar"];
            assert_eq!(cal["uid"], uid.as_str(), "{name}");
            assert_eq!(cal["sequence"], 1, "{name}");
            let subject = m["subject"].as_str().unwrap();
            if former.contains(&address(m["to"].as_str().unwrap())) {
                assert_eq!(cal["method"], "CANCEL", "{name}");
                assert_eq!(cal["status"], "CANCELLED", "{name}");
                assert!(
                    subject.starts_with("Non più convocato: ")
                        || subject.starts_with("No longer invited: "),
                    "{name}: {subject}"
                );
                assert!(
                    m["text"]
                        .as_str()
                        .unwrap()
                        .contains("non rappresenti più un membro del tavolo")
                        || m["text"]
                            .as_str()
                            .unwrap()
                            .contains("you no longer represent a member of the table"),
                    "{name}: {m:#}"
                );
            } else {
                assert_eq!(cal["method"], "REQUEST", "{name}");
                assert_eq!(cal["local_start"], format!("{date}T11:00"), "{name}");
                assert!(
                    subject.starts_with("Riunione modificata: ")
                        || subject.starts_with("Meeting changed: "),
                    "{name}: {subject}"
                );
            }
        }
        // The form of the version read before is stale now: refused, nothing sent; the saved
        // version is shown beside the one typed.
        refused(
            &app,
            &mut c,
            &path,
            &pairs(&changed),
            StatusCode::CONFLICT,
            "la riunione è cambiata nel frattempo",
        )
        .await;

        // The feed of the table's meetings, for those who see the table.
        let feed = actor.get(&format!("/tables/{table}/meetings.ics")).await;
        assert_eq!(feed.status, StatusCode::OK, "{name}");
        assert!(
            feed.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar"),
            "{name}"
        );
        let feed_events = feed_events(&feed.body);
        let ours = feed_events
            .iter()
            .find(|e| e["uid"] == uid.as_str())
            .unwrap_or_else(|| panic!("{name}: {feed_events:?}"));
        assert_eq!(ours["sequence"], 1, "{name}");
        assert_eq!(ours["start"], utc(at(date, "11:00")), "{name}");
        // The demo's three held meetings and the planned one are there too.
        assert_eq!(feed_events.len(), 5, "{name}: {feed_events:?}");
        let guest = app
            .client()
            .get(&format!("/tables/{table}/meetings.ics"))
            .await;
        assert_eq!(guest.status, StatusCode::SEE_OTHER, "{name}");
        assert!(guest.location().starts_with("/sign-in?next="), "{name}");
        let mut outsider = app.signed_in(CASERTA_MEMBER).await;
        let r = outsider.get(&format!("/tables/{table}/meetings.ics")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");

        // Cancelled with a reason: METHOD:CANCEL, the SEQUENCE raised again.
        refused(
            &app,
            &mut c,
            &format!("{path}/cancel"),
            &[("reason", "  ")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Campo obbligatorio.",
        )
        .await;
        let r = c
            .post(
                &format!("{path}/cancel"),
                &[("reason", "La sala non è disponibile quel giorno.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let mails = deliver(&app, &smtp).await;
        assert_eq!(mails.len(), expected.len(), "{name}");
        for m in &mails {
            let cal = &m["calendar"];
            assert_eq!(cal["method"], "CANCEL", "{name}");
            assert_eq!(m["param"], "CANCEL", "{name}");
            assert_eq!(cal["uid"], uid.as_str(), "{name}");
            assert_eq!(cal["sequence"], 2, "{name}");
            assert_eq!(cal["status"], "CANCELLED", "{name}");
            assert!(
                m["text"]
                    .as_str()
                    .unwrap()
                    .contains("La sala non è disponibile quel giorno."),
                "{name}"
            );
        }
        let page = c.get(&path).await;
        assert!(
            page.body.contains("Questa riunione è stata annullata."),
            "{name}"
        );
        // Cancelling twice, changing or recording attendance after: refused, nothing sent.
        refused(
            &app,
            &mut c,
            &format!("{path}/cancel"),
            &[("reason", "Di nuovo")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "La riunione è già stata annullata.",
        )
        .await;
        let m = db::tables::meeting(app.db(), table, id).await.unwrap();
        let mut again = changed.clone();
        again = with(&again, "version", &m.version.to_string());
        refused(
            &app,
            &mut c,
            &path,
            &pairs(&again),
            StatusCode::UNPROCESSABLE_ENTITY,
            "La riunione è stata annullata.",
        )
        .await;
        assert!(deliver(&app, &smtp).await.is_empty(), "{name}");
    }
}

/// The events of a feed, read with the icalendar package: uid, sequence, start in UTC.
fn feed_events(body: &str) -> Vec<Value> {
    let dir = db::testing::TempDir::new("ponte-meeting-feed");
    let path = dir.path().join("feed.ics");
    std::fs::write(&path, body).unwrap();
    let script = r#"
import sys, json, datetime, icalendar
c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
print(json.dumps([{"uid": str(e["UID"]), "sequence": int(e["SEQUENCE"]),
    "start": e["DTSTART"].dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M")}
    for e in c.walk("VEVENT")]))
"#;
    let out = std::process::Command::new(python())
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .expect("run the feed reader");
    assert!(
        out.status.success(),
        "the feed reader failed: {}\n{body}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[tokio::test]
async fn bad_meetings_are_refused_beside_their_field_and_nothing_is_sent() {
    for app in apps().await {
        let name = app.backend.name;
        let table = salerno_table(&app).await;
        let reps = db::tables::representatives(app.db(), table).await.unwrap();
        let rep = reps[0].id.to_string();
        let mut c = app.signed_in(SECRETARY).await;
        let path = format!("/tables/{table}/meetings");
        let date = (today() + Duration::days(5)).to_string();
        let good = form("Riunione", &date, "10:00", "12:00", &rep, "");
        let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
        let yesterday = (today() - Duration::days(1)).to_string();
        let cases: Vec<(Vec<(String, String)>, &str)> = vec![
            (
                with(&good, "date", &yesterday),
                "La riunione deve essere convocata per un momento futuro.",
            ),
            (
                with(&good, "end", "09:00"),
                "La fine deve venire dopo l'inizio.",
            ),
            (
                with(&good, "online_url", "javascript:alert(1)"),
                "Inserisci un indirizzo web completo",
            ),
            (
                with(&good, "online_url", "https://exa mple.org"),
                "Inserisci un indirizzo web completo",
            ),
            (
                with(&good, "agenda0.representative", &Uuid::now_v7().to_string()),
                "Chi presenta deve essere uno dei rappresentanti attuali del tavolo.",
            ),
            (
                with(&good, "agenda1.presenter", ""),
                "Indica chi presenta ogni punto all'ordine del giorno.",
            ),
            (
                with(&good, "documents", &Uuid::now_v7().to_string()),
                "Indica documenti della biblioteca che tutti i membri del tavolo possono leggere",
            ),
            (with(&good, "title", ""), "Campo obbligatorio."),
        ];
        for (f, message) in &cases {
            refused(&app, &mut c, &path, &pairs(f), unprocessable, message).await;
        }
        // A representative sees the table but does not convene.
        let mut actor = app.signed_in(ACTOR).await;
        let before = footprint(&app).await;
        let r = actor.post(&path, &pairs(&good)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");
        // In English, the message is in English.
        c.headers.push(("accept-language".into(), "en".into()));
        let r = c.post(&path, &pairs(&cases[0].0)).await;
        assert_eq!(r.status, unprocessable, "{name}");
        assert!(
            r.body
                .contains("The meeting must be convened for a time in the future."),
            "{name}"
        );
    }
}

#[tokio::test]
async fn attendance_is_recorded_from_the_meetings_day_for_members_only() {
    for app in apps().await {
        let name = app.backend.name;
        let table = salerno_table(&app).await;
        let meetings = db::tables::meetings(app.db(), table).await.unwrap();
        // The demo: three meetings held with their attendance, one convened ahead.
        assert_eq!(meetings.len(), 4, "{name}");
        let held = &meetings[0];
        let ahead = &meetings[3];
        assert_eq!(held.status.code(), "held", "{name}");
        assert_eq!(ahead.status.code(), "convened", "{name}");
        let recorded = db::tables::attendance(app.db(), held.id).await.unwrap();
        assert!(recorded.len() >= 7, "{name}: {recorded:?}");
        assert!(
            recorded
                .iter()
                .any(|a| a.presence.code() == "delegated" && !a.delegate.is_empty()),
            "{name}"
        );
        let mut c = app.signed_in(SECRETARY).await;
        let chamber = app.organisation("Camera di commercio di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let presence = format!("presence.{chamber}");
        let person = format!("person.{chamber}");
        let delegate = format!("delegate.{chamber}");
        let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;

        // Before the meeting's day: refused.
        refused(
            &app,
            &mut c,
            &format!("/tables/{table}/meetings/{}/attendance", ahead.id),
            &[(&presence, "present"), (&person, "Mario Rossi")],
            unprocessable,
            "Le presenze si registrano dal giorno della riunione.",
        )
        .await;

        // A meeting begun an hour ago (made directly: a meeting is convened for the future).
        let now = app.db().now();
        let draft = domain::tables::meetings::MeetingDraft {
            title: "Riunione straordinaria".into(),
            starts_at: now - Duration::hours(1),
            ends_at: now + Duration::hours(1),
            place: "Salerno".into(),
            online_url: String::new(),
            agenda: held.agenda.clone(),
            documents: Vec::new(),
        };
        let today_id = db::new_id();
        db::tables::convene(app.db(), table, today_id, &draft, &[], None)
            .await
            .unwrap();
        let path = format!("/tables/{table}/meetings/{today_id}/attendance");
        let page = c.get(&format!("/tables/{table}/meetings/{today_id}")).await;
        assert!(page.body.contains("Salva le presenze"), "{name}");
        let other = format!("presence.{caserta}");
        refused(
            &app,
            &mut c,
            &path,
            &[(&presence, "present"), (&other, "present")],
            unprocessable,
            "Le presenze si registrano solo per le organizzazioni membri del tavolo",
        )
        .await;
        refused(
            &app,
            &mut c,
            &path,
            &[(&presence, "delegated"), (&delegate, " ")],
            unprocessable,
            "Per una delega indica a chi è stata data.",
        )
        .await;
        refused(
            &app,
            &mut c,
            &path,
            &[(&presence, "maybe")],
            unprocessable,
            "Scegli uno dei valori proposti.",
        )
        .await;
        refused(
            &app,
            &mut c,
            &path,
            &[(&presence, "")],
            unprocessable,
            "Registra la presenza di almeno un'organizzazione.",
        )
        .await;
        let mut actor = app.signed_in(ACTOR).await;
        let before = footprint(&app).await;
        let r = actor.post(&path, &[(&presence, "present")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");

        let r = c
            .post(
                &path,
                &[
                    (&presence, "delegated"),
                    (&person, ""),
                    (&delegate, "Giovanni Amato"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let m = db::tables::meeting(app.db(), table, today_id)
            .await
            .unwrap();
        assert_eq!(m.status.code(), "held", "{name}");
        let rows = db::tables::attendance(app.db(), today_id).await.unwrap();
        assert_eq!(rows.len(), 1, "{name}");
        assert_eq!(rows[0].organisation_id, chamber, "{name}");
        assert_eq!(rows[0].delegate, "Giovanni Amato", "{name}");
        let page = actor
            .get(&format!("/tables/{table}/meetings/{today_id}"))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(page.body.contains("delega a Giovanni Amato"), "{name}");
        assert!(!page.body.contains("Salva le presenze"), "{name}");
        // A held meeting is no longer changed or cancelled.
        refused(
            &app,
            &mut c,
            &format!("/tables/{table}/meetings/{today_id}/cancel"),
            &[("reason", "Troppo tardi")],
            unprocessable,
            "La riunione si è già tenuta.",
        )
        .await;
    }
}
