//! Every kind of email the application sends, followed end to end on both databases: triggered
//! through its real route, delivered by the job queue to a real SMTP server, parsed as a mail
//! reader would (headers, encoded words, transfer encoding), checked for its recipients and their
//! language (the first interface language a person's profile lists, Italian first), and its link
//! followed by the recipient, signed in, to the page it promises. Invitations and password resets
//! are followed in `accounts.rs`.

mod common;

use axum::http::StatusCode;
use base64::Engine;
use chrono::{Duration, NaiveTime, Utc};
use common::{apps, App, Client, SmtpSink};
use domain::labs::schedule::{instant, local};
use domain::labs::SessionDraft;
use uuid::Uuid;

const COORDINATOR: &str = "coordinatore@ponte.example";
const MEMBER: &str = "membro@ponte.example";
const TUTOR: &str = "tutor@ponte.example";
const STAFF: &str = "staff@ponte.example";
const ACTOR: &str = "attore@ponte.example";
const CASERTA_MEMBER: &str = "r.caruso@provincia.caserta.example";
const BASE: &str = "http://ponte.test";

/// A received message, decoded.
#[derive(Debug)]
struct Mail {
    /// The envelope's recipients, as the SMTP server saw them.
    envelope_to: String,
    to: String,
    subject: String,
    content_type: String,
    text: String,
}

impl Mail {
    /// The path of the first link to the site in the text.
    fn link(&self) -> String {
        let start = self
            .text
            .find(BASE)
            .unwrap_or_else(|| panic!("no link to the site in {self:#?}"));
        self.text[start + BASE.len()..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect()
    }
}

/// Decodes RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`); the white space between
/// two encoded words is not part of the text.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut after_word = false;
    while let Some(start) = rest.find("=?") {
        let before = &rest[..start];
        if !(after_word && before.trim().is_empty()) {
            out.push_str(before);
        }
        let word = &rest[start + 2..];
        let mut parts = word.splitn(3, '?');
        let (Some(charset), Some(encoding), Some(tail)) =
            (parts.next(), parts.next(), parts.next())
        else {
            panic!("bad encoded word in {value}");
        };
        assert!(charset.eq_ignore_ascii_case("utf-8"), "charset {charset}");
        let end = tail.find("?=").expect("encoded word ends");
        let data = &tail[..end];
        let bytes = match encoding.to_ascii_lowercase().as_str() {
            "b" => base64::engine::general_purpose::STANDARD
                .decode(data)
                .expect("base64 word"),
            "q" => quoted_printable::decode(
                data.replace('_', " "),
                quoted_printable::ParseMode::Robust,
            )
            .expect("Q word"),
            other => panic!("encoding {other}"),
        };
        out.push_str(&String::from_utf8(bytes).expect("UTF-8 word"));
        rest = &tail[end + 2..];
        after_word = true;
    }
    out.push_str(rest);
    out
}

/// Parses a message as the SMTP server stored it.
fn parse(raw: &str) -> Mail {
    let raw = raw.replace("\r\n", "\n");
    let (head, body) = raw.split_once("\n\n").expect("headers and body");
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            let last = headers.last_mut().expect("a folded line follows a header");
            last.1.push(' ');
            last.1.push_str(line.trim());
        } else {
            let (name, value) = line.split_once(':').expect("a header line");
            headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let text = match header("content-transfer-encoding")
        .to_ascii_lowercase()
        .as_str()
    {
        "quoted-printable" => String::from_utf8(
            quoted_printable::decode(body, quoted_printable::ParseMode::Robust)
                .expect("quoted-printable body"),
        )
        .expect("UTF-8 body"),
        "base64" => String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(body.split_whitespace().collect::<String>())
                .expect("base64 body"),
        )
        .expect("UTF-8 body"),
        "7bit" | "8bit" | "" => body.to_string(),
        other => panic!("transfer encoding {other}"),
    };
    Mail {
        envelope_to: header("x-envelope-to"),
        to: decode_words(&header("to")),
        subject: decode_words(&header("subject")),
        content_type: header("content-type"),
        text,
    }
}

/// Runs the due jobs (reminders, emails) and returns the messages they delivered, by recipient.
async fn deliver(app: &App, smtp: &SmtpSink) -> Vec<Mail> {
    let before = smtp.messages().len();
    let mut runners = smtp.runners();
    runners.base_url = BASE.into();
    web::jobs::run_due(app.db(), &runners).await;
    let mut mails: Vec<Mail> = smtp.messages()[before..].iter().map(|m| parse(m)).collect();
    for m in &mails {
        assert_eq!(m.content_type, "text/plain; charset=utf-8", "{m:#?}");
        assert_eq!(m.to, m.envelope_to, "{m:#?}");
    }
    mails.sort_by(|a, b| a.envelope_to.cmp(&b.envelope_to));
    mails
}

fn recipients(mails: &[Mail]) -> Vec<&str> {
    mails.iter().map(|m| m.envelope_to.as_str()).collect()
}

fn to<'a>(mails: &'a [Mail], address: &str) -> &'a Mail {
    mails
        .iter()
        .find(|m| m.envelope_to == address)
        .unwrap_or_else(|| panic!("nothing for {address} in {mails:#?}"))
}

/// Sets the languages `email`'s profile lists, through the profile form.
async fn speaks(app: &App, email: &str, languages: &[&str]) {
    let id = db::accounts::credentials(app.db(), email)
        .await
        .unwrap()
        .unwrap()
        .id;
    let user = db::accounts::user(app.db(), id).await.unwrap();
    let version = user.version.to_string();
    let mut form = vec![
        ("name", user.name.as_str()),
        ("competences", ""),
        ("version", version.as_str()),
    ];
    for l in languages {
        form.push(("languages", l));
    }
    let mut c = app.signed_in(email).await;
    let r = c.post("/profile", &form).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

/// `email` signed in, reading pages in `language`.
async fn reader(app: &App, email: &str, language: &str) -> Client {
    let mut c = app.signed_in(email).await;
    c.headers
        .push(("accept-language".into(), language.to_string()));
    c
}

/// Opens a mail's link as its recipient: the page answers 200 in `language`.
async fn follow(client: &mut Client, mail: &Mail, language: &str) -> String {
    let path = mail.link();
    let page = client.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
    assert!(
        page.body.contains(&format!("<html lang=\"{language}\"")),
        "{path} not in {language}"
    );
    page.body
}

#[tokio::test]
async fn review_emails_go_to_the_right_people_in_their_language_and_open_the_product() {
    let smtp = SmtpSink::start();
    for app in apps().await {
        speaks(&app, TUTOR, &["fr", "en"]).await;
        speaks(&app, COORDINATOR, &["sq", "en"]).await;
        let salerno = app.organisation("Provincia di Salerno").await;
        deliver(&app, &smtp).await;
        let mut coordinator = reader(&app, COORDINATOR, "en").await;
        let mut tutor = reader(&app, TUTOR, "fr").await;
        let title = "Piano di partenariato con Durrës";
        let r = coordinator
            .post(
                &format!("/organisations/{salerno}/products"),
                &[
                    ("title", title),
                    ("kind", "partnership_plan"),
                    ("due_on", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let path = r.location().trim_end_matches("/edit").to_string();
        let review = format!("{path}/review");

        // Submitted: the administration's tutor, in French; the author is not told.
        let r = coordinator
            .post(&review, &[("action", "submit"), ("note", "")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mails = deliver(&app, &smtp).await;
        assert_eq!(recipients(&mails), [TUTOR], "{}", app.backend.name);
        let m = &mails[0];
        assert_eq!(
            m.subject,
            format!("Ponte : « {title} » est prêt pour la révision")
        );
        assert!(m.text.contains("a été envoyé au tuteur"), "{}", m.text);
        assert_eq!(m.link(), path);
        let page = follow(&mut tutor, m, "fr").await;
        assert!(page.contains(title));
        assert!(
            page.contains("value=\"request_changes\""),
            "the tutor can review"
        );

        // Changes requested: the coordinator, in English, with the tutor's note.
        let note = "Indicate i partner albanesi e il calendario degli scambi.";
        let r = tutor
            .post(&review, &[("action", "request_changes"), ("note", note)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mails = deliver(&app, &smtp).await;
        assert_eq!(recipients(&mails), [COORDINATOR]);
        let m = &mails[0];
        assert_eq!(
            m.subject,
            format!("Ponte: the tutor requests changes to “{title}”")
        );
        assert!(m.text.contains("The tutor requested changes"), "{}", m.text);
        assert!(m.text.contains(note), "{}", m.text);
        let page = follow(&mut coordinator, m, "en").await;
        assert!(page.contains(title));
        assert!(page.contains("Changes requested"), "{page}");

        // Submitted again: the tutor, in French.
        let r = coordinator
            .post(&review, &[("action", "submit"), ("note", "")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mails = deliver(&app, &smtp).await;
        assert_eq!(recipients(&mails), [TUTOR]);
        assert_eq!(
            mails[0].subject,
            format!("Ponte : « {title} » a été envoyé de nouveau")
        );
        follow(&mut tutor, &mails[0], "fr").await;

        // Approved: the coordinator, in English; the page says so.
        let r = tutor.post(&review, &[("action", "approve")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mails = deliver(&app, &smtp).await;
        assert_eq!(recipients(&mails), [COORDINATOR]);
        assert_eq!(mails[0].subject, format!("Ponte: “{title}” is approved"));
        assert!(mails[0].text.contains("The tutor approved"));
        let page = follow(&mut coordinator, &mails[0], "en").await;
        assert!(page.contains("Approved"), "{page}");
        let product = db::products::get(app.db(), mails_product(&path))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(product.state.code(), "approved");
    }
}

/// The product id at the end of a product's path.
fn mails_product(path: &str) -> Uuid {
    Uuid::parse_str(path.rsplit('/').next().unwrap()).unwrap()
}

#[tokio::test]
async fn a_deadline_reminder_reaches_the_authors_in_their_language_and_opens_the_product() {
    let smtp = SmtpSink::start();
    for app in apps().await {
        speaks(&app, COORDINATOR, &["en"]).await;
        let salerno = app.organisation("Provincia di Salerno").await;
        deliver(&app, &smtp).await;
        let mut member = reader(&app, MEMBER, "it").await;
        let due = Utc::now().date_naive() + Duration::days(2);
        let title = "Analisi organizzativa 2027";
        let r = member
            .post(
                &format!("/organisations/{salerno}/products"),
                &[
                    ("title", title),
                    ("kind", "organisational_analysis"),
                    ("due_on", &due.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let path = r.location().trim_end_matches("/edit").to_string();
        // Due in two days: the reminder is due at once and its emails go out in the same run.
        let mails = deliver(&app, &smtp).await;
        let expected: Vec<String> = db::accounts::organisation_people(app.db(), salerno)
            .await
            .unwrap()
            .into_iter()
            .filter(|p| p.role == "coordinator" || p.role == "member")
            .map(|p| p.email)
            .collect();
        let mut expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        expected.sort();
        expected.dedup();
        assert_eq!(recipients(&mails), expected);
        assert!(expected.contains(&MEMBER) && expected.contains(&COORDINATOR));
        assert!(!recipients(&mails).contains(&TUTOR));
        let months_it = [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ];
        let months_en = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        use chrono::Datelike;
        let m = to(&mails, MEMBER);
        assert_eq!(
            m.subject,
            format!(
                "Ponte: «{title}» scade il {} {} {}",
                due.day(),
                months_it[due.month0() as usize],
                due.year()
            )
        );
        assert!(m.text.contains("va inviato al tutor"), "{}", m.text);
        assert_eq!(m.link(), path);
        let page = follow(&mut member, m, "it").await;
        assert!(page.contains(title));
        let m = to(&mails, COORDINATOR);
        assert_eq!(
            m.subject,
            format!(
                "Ponte: “{title}” is due on {} {} {}",
                due.day(),
                months_en[due.month0() as usize],
                due.year()
            )
        );
        let mut coordinator = reader(&app, COORDINATOR, "en").await;
        let page = follow(&mut coordinator, m, "en").await;
        assert!(page.contains(title));
    }
}

#[tokio::test]
async fn session_emails_invite_move_and_cancel_in_each_participants_language() {
    let smtp = SmtpSink::start();
    for app in apps().await {
        speaks(&app, ACTOR, &["sq", "fr"]).await;
        deliver(&app, &smtp).await;
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        let day = local(Utc::now()).0 + Duration::days(45);
        let at = |h: u32| instant(day, NaiveTime::from_hms_opt(h, 0, 0).unwrap()).unwrap();
        let draft = SessionDraft {
            module_id: structure.modules[0].id,
            cohort_id: structure.cohorts[0].id,
            title: "Giornata sui partenariati".into(),
            starts_at: at(15),
            ends_at: at(17),
            place: "Salerno, Palazzo Sant'Agostino".into(),
            online_url: String::new(),
            capacity: 30,
            table_id: None,
            group_id: None,
        };
        let id = db::labs::create(app.db(), &draft, None).await.unwrap();
        let session_path = format!("/labs/sessions/{id}");
        let mut staff = app.signed_in(STAFF).await;

        // Invited: the actor, in French; the link opens the session with its registration.
        let r = staff
            .post(&format!("{session_path}/invite"), &[("email", ACTOR)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mails = deliver(&app, &smtp).await;
        assert_eq!(recipients(&mails), [ACTOR]);
        let m = &mails[0];
        assert_eq!(
            m.subject,
            "Ponte : vous êtes invité à la journée « Giornata sui partenariati »"
        );
        assert!(m.text.contains("15:00–17:00"), "{}", m.text);
        assert_eq!(m.link(), session_path);
        let mut actor = reader(&app, ACTOR, "fr").await;
        let page = follow(&mut actor, m, "fr").await;
        assert!(page.contains("Giornata sui partenariati"));
        assert!(
            page.contains(&format!("action=\"{session_path}/register\"")),
            "the invited person can register from the page"
        );
        let r = actor.post(&format!("{session_path}/register"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mut caruso = reader(&app, CASERTA_MEMBER, "it").await;
        let r = caruso.post(&format!("{session_path}/register"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(
            deliver(&app, &smtp).await.is_empty(),
            "registering sends nothing"
        );

        // Moved by an hour through the edit form: both are told the new time.
        let s = db::labs::get(app.db(), id).await.unwrap().unwrap();
        let module = s.module_id.to_string();
        let cohort = s.cohort_id.to_string();
        let date = day.format("%Y-%m-%d").to_string();
        let version = s.version.to_string();
        let r = staff
            .post(
                &session_path,
                &[
                    ("module_id", &module),
                    ("cohort_id", &cohort),
                    ("title", "Giornata sui partenariati"),
                    ("date", &date),
                    ("start", "16:00"),
                    ("end", "18:00"),
                    ("place", "Salerno, Palazzo Sant'Agostino"),
                    ("capacity", "30"),
                    ("version", &version),
                    ("overlap_confirmed", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mails = deliver(&app, &smtp).await;
        assert_eq!(recipients(&mails), [ACTOR, CASERTA_MEMBER]);
        let m = to(&mails, ACTOR);
        assert_eq!(
            m.subject,
            "Ponte : mise à jour de la journée « Giornata sui partenariati »"
        );
        assert!(m.text.contains("16:00–18:00"), "{}", m.text);
        let page = follow(&mut actor, m, "fr").await;
        assert!(page.contains("16:00"), "{page}");
        let m = to(&mails, CASERTA_MEMBER);
        assert_eq!(
            m.subject,
            "Ponte: aggiornamento sulla giornata «Giornata sui partenariati»"
        );
        assert!(m.text.contains("16:00–18:00"), "{}", m.text);
        assert!(
            m.text
                .contains("16:00–18:00, Salerno, Palazzo Sant'Agostino) è ora:"),
            "{}",
            m.text
        );
        assert!(
            !m.text.contains("online"),
            "no online link to give: {}",
            m.text
        );
        follow(&mut caruso, m, "it").await;
        // Saving the same time and place again tells nobody.
        let s = db::labs::get(app.db(), id).await.unwrap().unwrap();
        let version = s.version.to_string();
        let r = staff
            .post(
                &session_path,
                &[
                    ("module_id", &module),
                    ("cohort_id", &cohort),
                    ("title", "Giornata sui partenariati (2)"),
                    ("date", &date),
                    ("start", "16:00"),
                    ("end", "18:00"),
                    ("place", "Salerno, Palazzo Sant'Agostino"),
                    ("capacity", "30"),
                    ("version", &version),
                    ("overlap_confirmed", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(deliver(&app, &smtp).await.is_empty());

        // Only the online link changes: both are told, and the email gives the new link.
        let online = "https://meet.example/partenariati-16";
        let s = db::labs::get(app.db(), id).await.unwrap().unwrap();
        let version = s.version.to_string();
        let r = staff
            .post(
                &session_path,
                &[
                    ("module_id", &module),
                    ("cohort_id", &cohort),
                    ("title", "Giornata sui partenariati (2)"),
                    ("date", &date),
                    ("start", "16:00"),
                    ("end", "18:00"),
                    ("place", "Salerno, Palazzo Sant'Agostino"),
                    ("online_url", online),
                    ("capacity", "30"),
                    ("version", &version),
                    ("overlap_confirmed", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mails = deliver(&app, &smtp).await;
        assert_eq!(recipients(&mails), [ACTOR, CASERTA_MEMBER]);
        let m = to(&mails, ACTOR);
        assert!(
            m.text
                .lines()
                .any(|line| line.trim_end() == format!("Pour participer en ligne : {online}")),
            "{}",
            m.text
        );
        assert_eq!(m.link(), session_path);
        let m = to(&mails, CASERTA_MEMBER);
        assert!(
            m.text
                .lines()
                .any(|line| line.trim_end() == format!("Per partecipare online: {online}")),
            "{}",
            m.text
        );
        assert_eq!(m.link(), session_path);
        follow(&mut caruso, m, "it").await;
        // Online only from now on: no empty place in the text.
        let s = db::labs::get(app.db(), id).await.unwrap().unwrap();
        let version = s.version.to_string();
        let r = staff
            .post(
                &session_path,
                &[
                    ("module_id", &module),
                    ("cohort_id", &cohort),
                    ("title", "Giornata sui partenariati (2)"),
                    ("date", &date),
                    ("start", "16:00"),
                    ("end", "18:00"),
                    ("place", ""),
                    ("online_url", online),
                    ("capacity", "30"),
                    ("version", &version),
                    ("overlap_confirmed", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mails = deliver(&app, &smtp).await;
        assert_eq!(recipients(&mails), [ACTOR, CASERTA_MEMBER]);
        let m = to(&mails, CASERTA_MEMBER);
        assert!(m.text.contains("16:00–18:00) è ora:"), "{}", m.text);
        assert!(
            m.text
                .contains(&format!("Per partecipare online: {online}")),
            "{}",
            m.text
        );

        // Cancelled: both are told, each in their language, and the page says it.
        let r = staff
            .post(
                &format!("{session_path}/status"),
                &[("status", "cancelled"), ("confirm", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let mails = deliver(&app, &smtp).await;
        assert_eq!(recipients(&mails), [ACTOR, CASERTA_MEMBER]);
        let m = to(&mails, ACTOR);
        assert!(m.text.contains("est maintenant : Annulée"), "{}", m.text);
        let page = follow(&mut actor, m, "fr").await;
        assert!(page.contains("Annulée"), "{page}");
        let m = to(&mails, CASERTA_MEMBER);
        assert!(m.text.contains("Annullata"), "{}", m.text);
        let page = follow(&mut caruso, m, "it").await;
        assert!(page.contains("Annullata"), "{page}");
    }
}
