//! Minutes of a territorial table's meeting on both databases: the secretariat drafts them (a
//! section per agenda item), writes and amends them (each amendment a version, compared line by
//! line), circulates them (an email to every current representative, contacts without an account
//! included, through the job queue and a real SMTP server), representatives comment on a section
//! until the deadline, the secretariat approves them (who and when) and publishes them on the
//! public page; approved minutes export as DOCX and PDF/A. Every refusal is a 4xx with its
//! message in Italian that stores and sends nothing: a comment after the deadline or after the
//! approval, approving twice, amending after the approval, a forged decision, someone outside
//! the secretariat amending, someone outside the table reading. Time is the application's clock,
//! moved by the test.

mod common;

use axum::http::StatusCode;
use chrono::Duration;
use common::{apps, App, Client, SmtpSink};
use std::collections::BTreeSet;
use uuid::Uuid;

const SECRETARY: &str = "membro@ponte.example";
const ACTOR: &str = "attore@ponte.example";
const TUTOR: &str = "tutor@ponte.example";
const OUTSIDER: &str = "r.caruso@provincia.caserta.example";

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

/// A meeting of `table` held an hour ago (made directly: a meeting is convened for the future)
/// with its attendance recorded: three agenda items.
async fn held_meeting(app: &App, table: Uuid) -> Uuid {
    use domain::tables::meetings::{AgendaItem, Attendance, MeetingDraft, Presence};
    let now = app.db().now();
    let item = |title: &str| AgendaItem {
        title: title.into(),
        representative: None,
        presenter: "La segreteria".into(),
    };
    let draft = MeetingDraft {
        title: "Riunione sui bandi europei".into(),
        starts_at: now - Duration::hours(3),
        ends_at: now - Duration::hours(1),
        place: "Salerno, Palazzo Sant'Agostino".into(),
        online_url: String::new(),
        agenda: vec![
            item("Apertura dei lavori"),
            item("Il bando per i Balcani occidentali"),
            item("Varie ed eventuali"),
        ],
        documents: Vec::new(),
    };
    let id = db::new_id();
    db::tables::convene(app.db(), table, id, &draft, &[], None)
        .await
        .unwrap();
    let salerno = app.organisation("Provincia di Salerno").await;
    let rows = vec![Attendance {
        organisation: salerno,
        presence: Presence::Present,
        person: "Giovanna Ferri".into(),
        delegate: String::new(),
    }];
    db::tables::record_attendance(app.db(), table, id, &rows, None)
        .await
        .unwrap();
    id
}

/// The form that amends `minutes` as they are, with `change` applied to its pairs.
fn amend_form(
    minutes: &db::tables::Minutes,
    change: impl Fn(&mut Vec<(String, String)>),
) -> Vec<(String, String)> {
    let mut out = vec![("version".to_string(), minutes.version.to_string())];
    for (i, s) in minutes.body.sections.iter().enumerate() {
        out.push((format!("s{i}.id"), s.id.to_string()));
        out.push((format!("s{i}.body"), s.body.clone()));
        let mut n = 0;
        for d in &s.decisions {
            out.push((format!("s{i}.d{n}.id"), d.id.to_string()));
            out.push((format!("s{i}.d{n}.text"), d.text.clone()));
            n += 1;
        }
        for _ in 0..2 {
            out.push((format!("s{i}.d{n}.id"), String::new()));
            out.push((format!("s{i}.d{n}.text"), String::new()));
            n += 1;
        }
    }
    out.push(("note".into(), String::new()));
    change(&mut out);
    out
}

fn set(pairs: &mut [(String, String)], key: &str, value: &str) {
    let found = pairs
        .iter_mut()
        .find(|(k, _)| k == key)
        .unwrap_or_else(|| panic!("no field {key}"));
    found.1 = value.to_string();
}

fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(k, x)| (k.as_str(), x.as_str())).collect()
}

async fn minutes(app: &App, table: Uuid, meeting: Uuid) -> db::tables::Minutes {
    db::tables::minutes_of(app.db(), table, meeting)
        .await
        .unwrap()
        .expect("the meeting's minutes")
}

/// The current representatives' addresses.
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
        .map(|r| r.email.to_lowercase())
        .collect()
}

/// The address of a `To` header (`Name <address>` or the address alone).
fn address(to: &str) -> String {
    match (to.rfind('<'), to.rfind('>')) {
        (Some(a), Some(b)) if a < b => to[a + 1..b].to_lowercase(),
        _ => to.trim().to_lowercase(),
    }
}

/// Reads received messages with Python's email package: recipient, subject and text.
fn read_mail(raw: &str) -> serde_json::Value {
    const READER: &str = r#"
import sys, json, email
from email import policy
msg = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
text = ""
for part in msg.walk():
    if not part.is_multipart() and part.get_content_type() == "text/plain":
        text = part.get_content()
print(json.dumps({"to": str(msg["To"]), "subject": str(msg["Subject"]), "text": text}))
"#;
    let python = std::env::var("PONTE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let dir = db::testing::TempDir::new("ponte-minutes-mail");
    let path = dir.path().join("mail.eml");
    std::fs::write(&path, raw).unwrap();
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
    serde_json::from_slice(&out.stdout).unwrap()
}

async fn deliver(app: &App, smtp: &SmtpSink) -> Vec<serde_json::Value> {
    let before = smtp.messages().len();
    web::jobs::run_due(app.db(), &smtp.runners()).await;
    smtp.messages()[before..]
        .iter()
        .map(|m| read_mail(m))
        .collect()
}

#[tokio::test]
async fn minutes_go_from_draft_to_publication_and_refuse_what_comes_too_late() {
    for app in apps().await {
        let name = app.backend.name;
        let smtp = SmtpSink::start();
        let table = salerno_table(&app).await;
        deliver(&app, &smtp).await;
        let meeting = held_meeting(&app, table).await;
        let base = format!("/tables/{table}/meetings/{meeting}/minutes");
        let mut secretary = app.signed_in(SECRETARY).await;
        let mut actor = app.signed_in(ACTOR).await;
        let mut tutor = app.signed_in(TUTOR).await;
        let mut outsider = app.signed_in(OUTSIDER).await;
        let mut guest = app.client();

        // No minutes yet: not found; the meeting page offers the secretariat to draft them.
        assert_eq!(
            actor.get(&base).await.status,
            StatusCode::NOT_FOUND,
            "{name}"
        );
        let page = secretary
            .get(&format!("/tables/{table}/meetings/{meeting}"))
            .await;
        assert!(page.body.contains("Redigi il verbale"), "{name}");
        // Someone outside the secretariat cannot draft them.
        assert_eq!(
            actor.post(&base, &[]).await.status,
            StatusCode::FORBIDDEN,
            "{name}"
        );
        let r = secretary.post(&base, &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert_eq!(r.location(), format!("{base}/edit"), "{name}");
        let first = minutes(&app, table, meeting).await;
        assert_eq!(first.status.code(), "draft", "{name}");
        assert_eq!(first.revision, 1, "{name}");
        let titles: Vec<&str> = first
            .body
            .sections
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(
            titles,
            [
                "Apertura dei lavori",
                "Il bando per i Balcani occidentali",
                "Varie ed eventuali"
            ],
            "{name}"
        );
        // Drafting again leads to the same minutes.
        let r = secretary.post(&base, &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        assert_eq!(minutes(&app, table, meeting).await.id, first.id, "{name}");

        // A draft is the secretariat's: a representative and a tutor do not find it; someone
        // outside the table learns nothing of it (sent to the public page, which lists none).
        assert_eq!(
            actor.get(&base).await.status,
            StatusCode::NOT_FOUND,
            "{name}"
        );
        assert_eq!(
            tutor.get(&base).await.status,
            StatusCode::NOT_FOUND,
            "{name}"
        );
        let r = outsider.get(&base).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        assert_eq!(r.location(), format!("/tables/{table}/public"), "{name}");
        let public = guest.get(&format!("/tables/{table}/public")).await;
        assert_eq!(public.status, StatusCode::OK, "{name}: {}", public.body);
        assert!(
            !public.body.contains("Riunione sui bandi europei"),
            "{name}"
        );

        // The secretariat writes the minutes: a text with markup, two decisions.
        let edit = secretary.get(&format!("{base}/edit")).await;
        assert_eq!(edit.status, StatusCode::OK, "{name}: {}", edit.body);
        assert!(
            edit.body.contains("Il bando per i Balcani occidentali"),
            "{name}"
        );
        let written = amend_form(&first, |p| {
            set(
                p,
                "s1.body",
                "Il tavolo esamina il **bando** regionale.\n\n<script>alert(1)</script>\n\n[link](javascript:alert(1))",
            );
            set(
                p,
                "s1.d0.text",
                "Partecipare al bando con un progetto comune",
            );
            set(
                p,
                "s1.d1.text",
                "Nominare un gruppo di lavoro di tre membri",
            );
            set(p, "note", "Prima stesura");
        });
        let r = secretary
            .post(&format!("{base}/amend"), &pairs(&written))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let second = minutes(&app, table, meeting).await;
        assert_eq!(second.revision, 2, "{name}");
        let decisions = db::tables::meeting_decisions(app.db(), meeting)
            .await
            .unwrap();
        assert_eq!(decisions.len(), 2, "{name}");
        assert!(decisions.iter().all(|d| d.current && !d.approved), "{name}");
        assert!(decisions.iter().all(|d| d.meeting_id == meeting), "{name}");
        assert_eq!(
            decisions[0].text, "Partecipare al bando con un progetto comune",
            "{name}"
        );
        assert_eq!(
            decisions[0].section_id, second.body.sections[1].id,
            "{name}"
        );
        // Markdown is rendered and cleaned as products' is.
        let page = secretary.get(&base).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(page.body.contains("<strong>bando</strong>"), "{name}");
        assert!(!page.body.contains("<script>alert"), "{name}");
        assert!(!page.body.contains("javascript:alert"), "{name}");

        // Refused amendments: a decision id that is not this section's, a stale version,
        // someone outside the secretariat (the actor by the route, a tutor by the table).
        let forged = amend_form(&second, |p| {
            set(p, "s0.d0.id", &decisions[0].id.to_string());
            set(p, "s0.d0.text", "Una decisione spostata di nascosto");
        });
        refused(
            &app,
            &mut secretary,
            &format!("{base}/amend"),
            &pairs(&forged),
            StatusCode::UNPROCESSABLE_ENTITY,
            "Una decisione non appartiene a questa sezione del verbale.",
        )
        .await;
        let stale = amend_form(&first, |p| set(p, "s0.body", "Testo vecchio"));
        refused(
            &app,
            &mut secretary,
            &format!("{base}/amend"),
            &pairs(&stale),
            StatusCode::CONFLICT,
            "Il verbale è cambiato nel frattempo",
        )
        .await;
        let theirs = amend_form(&second, |p| set(p, "s0.body", "Scritto da altri"));
        for (who, c) in [("actor", &mut actor), ("tutor", &mut tutor)] {
            let before = footprint(&app).await;
            let r = c.post(&format!("{base}/amend"), &pairs(&theirs)).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{name}: {who}");
            assert_eq!(footprint(&app).await, before, "{name}: {who}");
        }

        // Circulated: a deadline in the past is refused; then one email per current
        // representative, contacts without an account included, with the text for them.
        let today = app
            .db()
            .now()
            .with_timezone(&domain::locale::TIME_ZONE)
            .date_naive();
        refused(
            &app,
            &mut secretary,
            &format!("{base}/circulate"),
            &[("deadline", &(today - Duration::days(1)).to_string())],
            StatusCode::UNPROCESSABLE_ENTITY,
            "La scadenza per i commenti deve essere successiva a oggi.",
        )
        .await;
        let deadline = today + Duration::days(5);
        let r = secretary
            .post(
                &format!("{base}/circulate"),
                &[("deadline", &deadline.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let circulated = minutes(&app, table, meeting).await;
        assert_eq!(circulated.status.code(), "circulated", "{name}");
        let mails = deliver(&app, &smtp).await;
        let to: BTreeSet<String> = mails
            .iter()
            .map(|m| address(m["to"].as_str().unwrap()))
            .collect();
        assert_eq!(to, current_representatives(&app, table).await, "{name}");
        assert_eq!(mails.len(), to.len(), "{name}: one each");
        let reps = db::tables::representatives(app.db(), table).await.unwrap();
        let contact = reps
            .iter()
            .find(|r| r.user_id.is_none())
            .expect("a representative without an account in the demo");
        for m in &mails {
            let text = m["text"].as_str().unwrap();
            assert!(
                m["subject"]
                    .as_str()
                    .unwrap()
                    .contains("Riunione sui bandi europei"),
                "{name}: {m}"
            );
            assert!(
                text.contains(&domain::locale::Locale::It.date(deadline)),
                "{name}: {text}"
            );
            assert!(
                text.contains("Partecipare al bando con un progetto comune"),
                "{name}: the text itself: {text}"
            );
            if address(m["to"].as_str().unwrap()) == contact.email.to_lowercase() {
                assert!(
                    !text.contains(&format!("http://ponte.test{base}")),
                    "{name}"
                );
            }
            if address(m["to"].as_str().unwrap()) == ACTOR {
                assert!(text.contains(&format!("http://ponte.test{base}")), "{name}");
            }
        }

        // Representatives read and comment; a tutor reads but does not comment.
        let page = actor.get(&base).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(page.body.contains("Commenta il punto 2"), "{name}");
        assert!(!page.body.contains("Approva il verbale"), "{name}");
        let section = circulated.body.sections[1].id.to_string();
        refused(
            &app,
            &mut actor,
            &format!("{base}/comments"),
            &[("section", &section), ("comment", "   ")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Campo obbligatorio",
        )
        .await;
        refused(
            &app,
            &mut actor,
            &format!("{base}/comments"),
            &[
                ("section", &Uuid::now_v7().to_string()),
                ("comment", "Un commento"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Scegli",
        )
        .await;
        let r = actor
            .post(
                &format!("{base}/comments"),
                &[
                    ("section", &section),
                    (
                        "comment",
                        "Proporrei di aggiungere il Comune di Eboli al gruppo.",
                    ),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let comments = db::tables::minutes_comments(app.db(), circulated.id)
            .await
            .unwrap();
        assert_eq!(comments.len(), 1, "{name}");
        assert_eq!(
            comments[0].section_id, circulated.body.sections[1].id,
            "{name}"
        );
        assert_eq!(comments[0].revision, 2, "{name}");
        refused(
            &app,
            &mut tutor,
            &format!("{base}/comments"),
            &[("section", &section), ("comment", "Da tutor")],
            StatusCode::FORBIDDEN,
            "Commentano il verbale solo i rappresentanti",
        )
        .await;
        // Someone outside the table: nothing, not even that the minutes exist.
        let before = footprint(&app).await;
        let r = outsider
            .post(
                &format!("{base}/comments"),
                &[("section", &section), ("comment", "Da fuori")],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");
        assert!(!r.body.contains("Partecipare al bando"), "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");

        // Amended after the comment: the first decision reworded, the second withdrawn, one
        // added; the decision keeps its id; versions compare line by line.
        let amended = amend_form(&circulated, |p| {
            set(
                p,
                "s1.d0.text",
                "Partecipare al bando con un progetto comune con il Comune di Eboli",
            );
            set(p, "s1.d1.text", "");
            set(p, "s2.d0.text", "Riconvocare il tavolo entro tre mesi");
            set(p, "note", "Accolto il commento della Camera di commercio");
        });
        let r = secretary
            .post(&format!("{base}/amend"), &pairs(&amended))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let third = minutes(&app, table, meeting).await;
        assert_eq!(third.revision, 3, "{name}");
        assert_eq!(third.status.code(), "circulated", "{name}");
        let now_decisions = db::tables::meeting_decisions(app.db(), meeting)
            .await
            .unwrap();
        let kept = now_decisions
            .iter()
            .find(|d| d.id == decisions[0].id)
            .unwrap();
        assert!(kept.current, "{name}");
        assert!(kept.text.ends_with("con il Comune di Eboli"), "{name}");
        let withdrawn = now_decisions
            .iter()
            .find(|d| d.id == decisions[1].id)
            .unwrap();
        assert!(
            !withdrawn.current,
            "{name}: withdrawn, kept for what points at it"
        );
        let listed = db::tables::table_decisions(app.db(), table).await.unwrap();
        assert!(listed.iter().any(|d| d.id == kept.id), "{name}");
        assert!(!listed.iter().any(|d| d.id == withdrawn.id), "{name}");
        let compare = actor.get(&format!("{base}/compare?a=2&b=3")).await;
        assert_eq!(compare.status, StatusCode::OK, "{name}: {}", compare.body);
        assert!(
            compare.body.contains(
                "+ - **Decisione:** Partecipare al bando con un progetto comune con il Comune di Eboli"
            ),
            "{name}: {}",
            compare.body
        );
        assert!(
            compare
                .body
                .contains("- - **Decisione:** Nominare un gruppo di lavoro di tre membri"),
            "{name}"
        );
        assert_eq!(
            actor.get(&format!("{base}/compare?a=9&b=3")).await.status,
            StatusCode::NOT_FOUND,
            "{name}"
        );
        assert_eq!(
            outsider.get(&format!("{base}/compare")).await.status,
            StatusCode::NOT_FOUND,
            "{name}"
        );

        // No file before approval.
        assert_eq!(
            secretary.get(&format!("{base}/pdf")).await.status,
            StatusCode::NOT_FOUND,
            "{name}"
        );

        // After the deadline, comments are refused.
        app.db().clock().advance(Duration::days(6));
        let mut actor = app.signed_in(ACTOR).await;
        let mut secretary = app.signed_in(SECRETARY).await;
        refused(
            &app,
            &mut actor,
            &format!("{base}/comments"),
            &[("section", &section), ("comment", "Troppo tardi")],
            StatusCode::CONFLICT,
            "La scadenza per i commenti è passata.",
        )
        .await;

        // Approved, once: who and when.
        let r = secretary.post(&format!("{base}/approve"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let approved = minutes(&app, table, meeting).await;
        assert_eq!(approved.status.code(), "approved", "{name}");
        let secretary_id = db::accounts::credentials(app.db(), SECRETARY)
            .await
            .unwrap()
            .unwrap()
            .id;
        assert_eq!(approved.approved_by, Some(secretary_id), "{name}");
        let at = approved.approved_at.unwrap();
        assert!((app.db().now() - at).num_seconds().abs() < 60, "{name}");
        assert!(db::tables::meeting_decisions(app.db(), meeting)
            .await
            .unwrap()
            .iter()
            .all(|d| d.approved));
        refused(
            &app,
            &mut secretary,
            &format!("{base}/approve"),
            &[],
            StatusCode::CONFLICT,
            "Il verbale è già stato approvato.",
        )
        .await;
        // After the approval nothing changes: no amendment, no new circulation, no comment.
        let late = amend_form(&approved, |p| set(p, "s0.body", "Aggiunta tardiva"));
        refused(
            &app,
            &mut secretary,
            &format!("{base}/amend"),
            &pairs(&late),
            StatusCode::CONFLICT,
            "Il verbale è già approvato: non può più cambiare.",
        )
        .await;
        let edit = secretary.get(&format!("{base}/edit")).await;
        assert_eq!(edit.status, StatusCode::CONFLICT, "{name}");
        refused(
            &app,
            &mut secretary,
            &format!("{base}/circulate"),
            &[("deadline", &(today + Duration::days(20)).to_string())],
            StatusCode::CONFLICT,
            "Il verbale è già approvato: non può più cambiare.",
        )
        .await;
        refused(
            &app,
            &mut actor,
            &format!("{base}/comments"),
            &[("section", &section), ("comment", "Dopo l'approvazione")],
            StatusCode::CONFLICT,
            "Il verbale è già approvato: non si accettano più commenti.",
        )
        .await;
        let still = minutes(&app, table, meeting).await;
        assert_eq!(still.revision, 3, "{name}");
        assert_eq!(still.body, approved.body, "{name}");
        let page = actor.get(&base).await;
        assert!(page.body.contains("Approvato da"), "{name}");
        assert!(!page.body.contains("Commenta il punto"), "{name}");

        // The files: DOCX with the decisions, PDF/A; not yet for the public.
        let docx = actor.get(&format!("{base}/docx")).await;
        assert_eq!(docx.status, StatusCode::OK, "{name}");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx.bytes.clone())).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        assert!(
            xml.contains(
                "Decisione: Partecipare al bando con un progetto comune con il Comune di Eboli"
            ),
            "{name}"
        );
        assert!(xml.contains("Il bando per i Balcani occidentali"), "{name}");
        assert!(
            !xml.contains("Nominare un gruppo di lavoro"),
            "{name}: withdrawn"
        );
        let pdf = actor.get(&format!("{base}/pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK, "{name}");
        assert!(pdf.bytes.starts_with(b"%PDF-"), "{name}");
        assert!(
            String::from_utf8_lossy(&pdf.bytes).contains("pdfaid:part"),
            "{name}: PDF/A"
        );
        assert_eq!(
            guest.get(&format!("{base}/docx")).await.status,
            StatusCode::NOT_FOUND,
            "{name}"
        );

        // Published: on the public page, for everyone, with its files; once.
        let r = secretary.post(&format!("{base}/publish"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        refused(
            &app,
            &mut secretary,
            &format!("{base}/publish"),
            &[],
            StatusCode::CONFLICT,
            "Il verbale è già pubblicato.",
        )
        .await;
        let public = guest.get(&format!("/tables/{table}/public")).await;
        assert_eq!(public.status, StatusCode::OK, "{name}");
        assert!(public.body.contains("Riunione sui bandi europei"), "{name}");
        assert!(
            public
                .body
                .contains("Partecipare al bando con un progetto comune con il Comune di Eboli"),
            "{name}"
        );
        assert!(
            !public.body.contains("Proporrei di aggiungere"),
            "{name}: comments stay with the table"
        );
        assert!(!public.body.contains("<script>alert"), "{name}");
        // Nobody is named to the public: the approval shows its date, not its author, on the
        // page and in the file.
        assert!(public.body.contains("Approvato il"), "{name}");
        assert!(!public.body.contains("Approvato da"), "{name}");
        assert_eq!(
            guest.get(&format!("{base}/pdf")).await.status,
            StatusCode::OK,
            "{name}"
        );
        let docx = guest.get(&format!("{base}/docx")).await;
        assert_eq!(docx.status, StatusCode::OK, "{name}");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx.bytes.clone())).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        assert!(
            xml.contains("Approvato il") && !xml.contains("Approvato da"),
            "{name}"
        );
        // Audited under the actions' names.
        let audit = db::audit::page(app.db(), None, 200, 0).await.unwrap().0;
        for action in [
            "tables.minutes_draft",
            "tables.minutes_amend",
            "tables.minutes_circulate",
            "tables.minutes_comment",
            "tables.minutes_approve",
            "tables.minutes_publish",
        ] {
            assert!(
                audit.iter().any(|e| e.action == action),
                "{name}: {action} audited"
            );
        }
    }
}

#[tokio::test]
async fn minutes_are_drafted_only_for_held_meetings_by_the_secretariat() {
    for app in apps().await {
        let name = app.backend.name;
        let table = salerno_table(&app).await;
        let convened = db::tables::meetings(app.db(), table)
            .await
            .unwrap()
            .into_iter()
            .rfind(|m| m.status.code() == "convened")
            .expect("a meeting convened ahead");
        let mut secretary = app.signed_in(SECRETARY).await;
        refused(
            &app,
            &mut secretary,
            &format!("/tables/{table}/meetings/{}/minutes", convened.id),
            &[],
            StatusCode::BAD_REQUEST,
            "Il verbale si redige solo per una riunione tenuta",
        )
        .await;
        let meeting = held_meeting(&app, table).await;
        let base = format!("/tables/{table}/meetings/{meeting}/minutes");
        // The tutor reads the table but is not its secretariat; the actor represents a member.
        for who in [TUTOR, ACTOR] {
            let mut c = app.signed_in(who).await;
            let before = footprint(&app).await;
            assert_eq!(
                c.post(&base, &[]).await.status,
                StatusCode::FORBIDDEN,
                "{name}: {who}"
            );
            assert_eq!(footprint(&app).await, before, "{name}");
        }
        // A draft is neither approved nor published.
        let r = secretary.post(&base, &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        refused(
            &app,
            &mut secretary,
            &format!("{base}/approve"),
            &[],
            StatusCode::CONFLICT,
            "Il verbale non è ancora stato fatto circolare.",
        )
        .await;
        refused(
            &app,
            &mut secretary,
            &format!("{base}/publish"),
            &[],
            StatusCode::CONFLICT,
            "Il verbale si può pubblicare solo dopo l'approvazione.",
        )
        .await;
        let mut actor = app.signed_in(ACTOR).await;
        let draft = minutes(&app, table, meeting).await;
        let section = draft.body.sections[0].id.to_string();
        // A draft is not found by a representative, so it cannot be commented on.
        let before = footprint(&app).await;
        let r = actor
            .post(
                &format!("{base}/comments"),
                &[("section", &section), ("comment", "Prima del tempo")],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");
    }
}

#[tokio::test]
async fn the_demo_table_has_three_held_meetings_with_approved_minutes() {
    for app in apps().await {
        let name = app.backend.name;
        let table = salerno_table(&app).await;
        let held: Vec<db::tables::Meeting> = db::tables::meetings(app.db(), table)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.status.code() == "held")
            .collect();
        assert_eq!(held.len(), 3, "{name}");
        let all = db::tables::table_minutes(app.db(), table).await.unwrap();
        assert_eq!(all.len(), 3, "{name}");
        for m in &held {
            let minutes = all.iter().find(|x| x.meeting_id == m.id).unwrap();
            assert!(minutes.status.approved(), "{name}: {}", m.title);
            assert!(minutes.approved_by.is_some() && minutes.approved_at.is_some());
            assert_eq!(minutes.body.sections.len(), m.agenda.len(), "{name}");
            assert!(!db::tables::meeting_decisions(app.db(), m.id)
                .await
                .unwrap()
                .is_empty());
        }
        let published: Vec<&db::tables::Minutes> = all
            .iter()
            .filter(|m| m.status.code() == "published")
            .collect();
        assert_eq!(published.len(), 2, "{name}");
        // The first plenary's were amended after the chamber of commerce's comment.
        let first = &all[0];
        assert_eq!(first.revision, 3, "{name}");
        assert_eq!(
            db::tables::minutes_comments(app.db(), first.id)
                .await
                .unwrap()
                .len(),
            1,
            "{name}"
        );
        // The public page shows the published ones, not the one only approved.
        let public = app.client().get(&format!("/tables/{table}/public")).await;
        assert_eq!(public.status, StatusCode::OK, "{name}");
        let body = public.body.replace("&#x27;", "'");
        assert!(
            body.contains("Il programma di lavoro dell'anno è approvato."),
            "{name}"
        );
        assert!(
            body.contains("Riunione tecnica sui bandi per i Balcani occidentali"),
            "{name}"
        );
        assert!(
            !body.contains("Incontro con le associazioni del territorio"),
            "{name}"
        );
        assert!(
            body.contains("Si citano anche gli strumenti di SIMEST"),
            "{name}: the amended text"
        );
        // A representative reads the approved one and its files.
        let mut actor = app.signed_in(ACTOR).await;
        let last = held.last().unwrap();
        let base = format!("/tables/{table}/meetings/{}/minutes", last.id);
        let page = actor.get(&base).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(page.body.contains("Approvato da"), "{name}");
        assert_eq!(
            actor.get(&format!("{base}/docx")).await.status,
            StatusCode::OK,
            "{name}"
        );
    }
}
