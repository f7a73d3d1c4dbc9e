//! Mentions and notifications as each person prefers, on both databases: a mention of someone
//! who cannot see the space is refused with the reason and stores nothing; a mention and a reply
//! notify (highlighted in the message, counted in the header); preferences are saved and crafted
//! forms refused; digests gather by space and go out at 08:00 in Rome, once, with the
//! application's clock; emails carry RFC 8058 one-click unsubscribe headers whose signed link,
//! taken from a real SMTP server's copy, unsubscribes without signing in (GET only asks); an
//! altered or expired link is refused and changes nothing.

mod common;

use axum::http::StatusCode;
use chrono::{Duration, TimeZone, Utc};
use common::{apps, App, Client, SmtpSink};
use domain::notifications::{Delivery, Kind};
use uuid::Uuid;

const COORDINATOR: &str = "coordinatore@ponte.example";
const MEMBER: &str = "membro@ponte.example";
const BASE: &str = "https://ponte.test";

async fn user(app: &App, email: &str) -> Uuid {
    db::accounts::credentials(app.db(), email)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn count(app: &App, sql: &str) -> i64 {
    let sql = sql.to_string();
    db::run!(app.db(), |pool| sqlx::query_scalar(&sql)
        .fetch_one(pool)
        .await
        .unwrap())
}

/// Messages, mentions, notifications, preferences and audit entries: a refusal changes none.
async fn footprint(app: &App) -> Vec<i64> {
    let mut out = Vec::new();
    for table in [
        "community_posts",
        "community_mentions",
        "notifications",
        "notification_preferences",
        "audit_log",
    ] {
        out.push(count(app, &format!("SELECT COUNT(*) FROM {table}")).await);
    }
    out
}

/// Starts a thread in Salerno's own space as `client`; returns its address.
async fn start(client: &mut Client, salerno: Uuid, title: &str, body: &str) -> String {
    let r = client
        .post(
            &format!("/community/spaces/administration/{salerno}/threads"),
            &[("title", title), ("body", body)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().to_string()
}

/// Runs the due jobs and returns the raw messages delivered meanwhile to `to`.
async fn deliver(app: &App, smtp: &SmtpSink, to: &str) -> Vec<String> {
    let before = smtp.messages().len();
    let mut runners = smtp.runners();
    runners.base_url = BASE.into();
    web::jobs::run_due(app.db(), &runners).await;
    smtp.messages()[before..]
        .iter()
        .filter(|m| m.contains(&format!("X-Envelope-To: {to}")) || m.contains(&format!("To: {to}")))
        .cloned()
        .collect()
}

fn header(message: &str, name: &str) -> Option<String> {
    let unfolded = message
        .replace("\r\n", "\n")
        .replace("\n ", " ")
        .replace("\n\t", " ");
    unfolded
        .lines()
        .take_while(|l| !l.is_empty())
        .find(|l| {
            l.split_once(':')
                .is_some_and(|(n, _)| n.eq_ignore_ascii_case(name))
        })
        .map(|l| l.split_once(':').unwrap().1.trim().to_string())
}

/// A message's text, its transfer encoding undone.
fn body(raw: &str) -> String {
    use base64::Engine;
    let raw = raw.replace("\r\n", "\n");
    let (_, text) = raw.split_once("\n\n").expect("headers and body");
    match header(&raw, "Content-Transfer-Encoding")
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "base64" => String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(text.split_whitespace().collect::<String>())
                .expect("base64 body"),
        )
        .expect("UTF-8 body"),
        "quoted-printable" => String::from_utf8(
            quoted_printable::decode(text, quoted_printable::ParseMode::Robust).expect("QP body"),
        )
        .expect("UTF-8 body"),
        _ => text.to_string(),
    }
}

#[tokio::test]
async fn a_mention_outside_the_space_is_refused_and_one_inside_notifies() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut coordinator = app.signed_in(COORDINATOR).await;
        let mut member = app.signed_in(MEMBER).await;
        let thread = start(&mut coordinator, salerno, "Bando IPA", "Chi lo ha letto?").await;
        let replies = format!("{thread}/replies");
        let thread_id: Uuid = thread.rsplit('/').next().unwrap().parse().unwrap();

        // Roberta Caruso works for Caserta: she cannot see Salerno's space.
        let before = footprint(&app).await;
        let r = member
            .post(
                &replies,
                &[("body", "Chiedo a @[Roberta Caruso]."), ("quote", "")],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            app.backend.name
        );
        assert!(
            r.body.contains(
                "Tra le persone che vedono questo spazio nessuna si chiama «Roberta Caruso»"
            ),
            "{}",
            r.body
        );
        assert!(
            r.body.contains("Chiedo a @[Roberta Caruso]."),
            "what was typed stays"
        );
        // Nobody of that name; in a new thread too; in English for an English reader.
        let r = member
            .post(&replies, &[("body", "@[Nessuno Qui]"), ("quote", "")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            // The same answer as for someone who exists outside the space: nothing tells them apart.
            r.body.contains(
                "Tra le persone che vedono questo spazio nessuna si chiama «Nessuno Qui»"
            ),
            "{}",
            r.body
        );
        let r = member
            .post(
                &format!("/community/spaces/administration/{salerno}/threads"),
                &[("title", "Altro"), ("body", "Per @[Roberta Caruso]")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        member.headers.push(("accept-language".into(), "en".into()));
        let r = member
            .post(&replies, &[("body", "@[Roberta Caruso]"), ("quote", "")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body
                .contains("Nobody who can see this space is called “Roberta Caruso”"),
            "{}",
            r.body
        );
        assert_eq!(footprint(&app).await, before, "a refusal stores nothing");

        // The coordinator can: mentioned (not also told of the reply to their thread).
        let coordinator_id = user(&app, COORDINATOR).await;
        let unread_before = db::notifications::unread(app.db(), coordinator_id)
            .await
            .unwrap();
        let r = member
            .post(
                &replies,
                &[
                    ("body", "Ne parlo con @[antonio esposito] domani."),
                    ("quote", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let told: Vec<(String, String)> = db::run!(app.db(), |pool| {
            sqlx::query_as(
                "SELECT kind, delivery FROM notifications WHERE user_id = $1 AND thread_id = $2",
            )
            .bind(coordinator_id)
            .bind(thread_id)
            .fetch_all(pool)
            .await
            .unwrap()
        });
        assert_eq!(told, [("mention".to_string(), "immediate".to_string())]);
        assert_eq!(
            db::notifications::unread(app.db(), coordinator_id)
                .await
                .unwrap(),
            unread_before + 1
        );
        // The header counts it, read with the session; the thread shows the mention highlighted.
        let home = coordinator.get("/").await;
        assert!(
            home.body.contains(&format!(
                "{}<span class=\"visually-hidden\">",
                unread_before + 1
            )),
            "{}",
            home.body
        );
        let page = coordinator.get(&thread).await;
        assert!(
            page.body
                .contains("<strong class=\"mention\">@antonio esposito</strong>"),
            "{}",
            page.body
        );
        // Reading the thread reads what one was told of it, and its own header says so.
        assert_eq!(
            db::notifications::unread(app.db(), coordinator_id)
                .await
                .unwrap(),
            unread_before
        );
        let counted = format!("{}<span class=\"visually-hidden\">", unread_before + 1);
        assert!(!page.body.contains(&counted), "{}", page.body);
        if unread_before > 0 {
            let now = format!("{unread_before}<span class=\"visually-hidden\">");
            assert!(page.body.contains(&now), "{}", page.body);
        }
        // A reply without mentions tells the thread's author of the reply.
        let r = member
            .post(&replies, &[("body", "Ecco il bando."), ("quote", "")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let kinds: Vec<String> = db::run!(app.db(), |pool| sqlx::query_scalar(
            "SELECT kind FROM notifications WHERE user_id = $1 AND thread_id = $2
             ORDER BY created_at, kind"
        )
        .bind(coordinator_id)
        .bind(thread_id)
        .fetch_all(pool)
        .await
        .unwrap());
        assert_eq!(kinds, ["mention", "reply"]);
        // The people one may mention: Salerno's, not Caserta's.
        let people = member
            .get(&format!(
                "/community/spaces/administration/{salerno}/people"
            ))
            .await;
        assert_eq!(people.status, StatusCode::OK);
        assert!(people.body.contains("@[Antonio Esposito]"));
        assert!(!people.body.contains("Roberta Caruso"));
    }
}

#[tokio::test]
async fn preferences_are_saved_and_crafted_forms_change_nothing() {
    for app in apps().await {
        let member = user(&app, MEMBER).await;
        let mut c = app.signed_in(MEMBER).await;
        let page = c.get("/profile/notifications").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body
                .contains("name=\"new_thread\" value=\"weekly\" checked"),
            "defaults shown"
        );
        let r = c
            .post(
                "/profile/notifications",
                &[
                    ("mention", "off"),
                    ("reply", "daily"),
                    ("new_thread", "immediate"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let p = db::notifications::preferences(app.db(), member)
            .await
            .unwrap();
        assert!(p.contains(&(Kind::Mention, Delivery::Off)));
        assert!(p.contains(&(Kind::Reply, Delivery::Daily)));
        assert!(p.contains(&(Kind::NewThread, Delivery::Immediate)));
        assert!(
            p.contains(&(Kind::Review, Delivery::Immediate)),
            "untouched: default"
        );
        let before = footprint(&app).await;
        for bad in [
            vec![("mention", "hourly")],
            vec![("lab", "weekly")],
            vec![("mention", "off"), ("mention", "daily")],
        ] {
            let r = c.post("/profile/notifications", &bad).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad:?}");
        }
        assert_eq!(footprint(&app).await, before);
        assert_eq!(
            db::notifications::preferences(app.db(), member)
                .await
                .unwrap(),
            p
        );
    }
}

#[tokio::test]
async fn digests_gather_by_space_at_eight_in_rome_once_and_unsubscribe_in_one_click() {
    let smtp = SmtpSink::start();
    for app in apps().await {
        let clock = app.db().clock();
        // Sunday 6 December 2026, 19:00 UTC (20:00 in Rome).
        clock.set(Utc.with_ymd_and_hms(2026, 12, 6, 19, 0, 0).unwrap());
        deliver(&app, &smtp, "nobody").await;
        let salerno = app.organisation("Provincia di Salerno").await;
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        let programme = structure.programme.id;
        let mut member = app.signed_in(MEMBER).await;
        let r = member
            .post("/profile/notifications", &[("new_thread", "daily")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        web::notifications::emails::schedule_digests(app.db())
            .await
            .unwrap();

        let mut coordinator = app.signed_in(COORDINATOR).await;
        start(
            &mut coordinator,
            salerno,
            "Tavolo con Durrës",
            "Proposta di calendario.",
        )
        .await;
        let r = coordinator
            .post(
                &format!("/community/spaces/programme/{programme}/threads"),
                &[
                    ("title", "Buone pratiche IPA"),
                    ("body", "Raccogliamo esempi."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        start(
            &mut coordinator,
            salerno,
            "Verbale di ottobre",
            "In allegato.",
        )
        .await;
        assert!(
            deliver(&app, &smtp, MEMBER).await.is_empty(),
            "a daily choice sends nothing at once"
        );

        // Monday 07:59 in Rome: not yet.
        clock.set(Utc.with_ymd_and_hms(2026, 12, 7, 6, 59, 0).unwrap());
        assert!(deliver(&app, &smtp, MEMBER).await.is_empty());
        // 08:00 in Rome, a little late: one digest, grouped by space.
        clock.set(Utc.with_ymd_and_hms(2026, 12, 7, 7, 3, 0).unwrap());
        let mails = deliver(&app, &smtp, MEMBER).await;
        assert_eq!(
            mails.len(),
            1,
            "{} on {}",
            mails.join("\n----\n"),
            app.backend.name
        );
        let raw = &mails[0];
        let text = body(raw);
        let salerno_at = text
            .find("== Provincia di Salerno ==")
            .expect("Salerno's group");
        let programme_name = structure.programme.title.clone();
        assert!(text.contains(&format!("== {programme_name} ==")), "{text}");
        let first = text.find("Tavolo con Durr").unwrap();
        let second = text.find("Verbale di ottobre").unwrap();
        assert!(
            salerno_at < first && first < second,
            "Salerno's threads together: {text}"
        );
        assert_eq!(text.matches("== Provincia di Salerno ==").count(), 1);
        // Never twice: the next run, and the next day's digest, find nothing new.
        assert!(deliver(&app, &smtp, MEMBER).await.is_empty());
        clock.set(Utc.with_ymd_and_hms(2026, 12, 8, 7, 0, 0).unwrap());
        assert!(deliver(&app, &smtp, MEMBER).await.is_empty());
        let queued = count(
            &app,
            "SELECT COUNT(*) FROM jobs WHERE kind = 'notifications.digest' AND done_at IS NULL",
        )
        .await;
        assert_eq!(
            queued, 2,
            "the next daily and weekly digests wait in the queue"
        );

        // One-click unsubscribe, from the message as the SMTP server received it.
        let list = header(raw, "List-Unsubscribe").expect("List-Unsubscribe");
        assert_eq!(
            header(raw, "List-Unsubscribe-Post").as_deref(),
            Some("List-Unsubscribe=One-Click")
        );
        let url = list
            .trim_start_matches('<')
            .trim_end_matches('>')
            .to_string();
        assert!(url.starts_with(&format!("{BASE}/unsubscribe/")), "{url}");
        let path = url.trim_start_matches(BASE).to_string();
        assert!(text.contains(&url), "the link is in the text too");
        let member_id = user(&app, MEMBER).await;
        // A scanner opening the link changes nothing.
        let mut stranger = app.client();
        let page = stranger.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(
            page.body.contains("Nuove discussioni nei miei spazi"),
            "{}",
            page.body
        );
        assert!(db::notifications::preferences(app.db(), member_id)
            .await
            .unwrap()
            .contains(&(Kind::NewThread, Delivery::Daily)));
        // The mail reader's POST, signed in as nobody.
        let r = stranger
            .post(&path, &[("List-Unsubscribe", "One-Click")])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let p = db::notifications::preferences(app.db(), member_id)
            .await
            .unwrap();
        assert!(p.contains(&(Kind::NewThread, Delivery::Off)));
        assert!(
            p.contains(&(Kind::Mention, Delivery::Immediate)),
            "one kind only"
        );
        // Off: the next threads send nothing, not even in the weekly digest.
        start(&mut coordinator, salerno, "Dopo la disiscrizione", "Testo.").await;
        clock.set(Utc.with_ymd_and_hms(2026, 12, 14, 7, 0, 0).unwrap());
        assert!(deliver(&app, &smtp, MEMBER).await.is_empty());
    }
}

#[tokio::test]
async fn an_altered_or_expired_unsubscribe_link_is_refused_and_changes_nothing() {
    for app in apps().await {
        let member = user(&app, MEMBER).await;
        let key = db::notifications::signing_key(app.db()).await.unwrap();
        assert_eq!(
            db::notifications::signing_key(app.db()).await.unwrap(),
            key,
            "one key, kept"
        );
        let url = web::notifications::emails::unsubscribe_url(
            BASE,
            &key,
            member,
            Kind::Reply,
            app.db().now(),
        );
        let path = url.trim_start_matches(BASE).to_string();
        let before = footprint(&app).await;
        let mut c = app.client();
        for altered in [
            path.replace(".reply.", ".mention."),
            format!(
                "{}{}",
                &path[..path.len() - 1],
                if path.ends_with('0') { '1' } else { '0' }
            ),
            path.replacen(
                &member.simple().to_string(),
                &Uuid::nil().simple().to_string(),
                1,
            ),
            "/unsubscribe/qualcosa".to_string(),
        ] {
            assert_ne!(altered, path);
            let r = c.get(&altered).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{altered}");
            assert!(r.body.contains("non è valido"), "{}", r.body);
            let r = c.post(&altered, &[("List-Unsubscribe", "One-Click")]).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{altered}");
        }
        app.db()
            .clock()
            .advance(domain::notifications::unsubscribe::LIFETIME + Duration::minutes(1));
        c.headers.push(("accept-language".into(), "fr".into()));
        let r = c.post(&path, &[("List-Unsubscribe", "One-Click")]).await;
        assert_eq!(r.status, StatusCode::GONE);
        assert!(r.body.contains("a expiré"), "{}", r.body);
        assert_eq!(footprint(&app).await, before, "nothing changed");
    }
}

/// Submits a new product of Salerno to its tutor, as the coordinator.
async fn submit_product(app: &App, coordinator: &mut Client, title: &str) {
    let salerno = app.organisation("Provincia di Salerno").await;
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
    let r = coordinator
        .post(
            &format!("{path}/review"),
            &[("action", "submit"), ("note", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

#[tokio::test]
async fn review_emails_follow_the_preference_and_unsubscribe_in_one_click() {
    const TUTOR: &str = "tutor@ponte.example";
    let smtp = SmtpSink::start();
    for app in apps().await {
        deliver(&app, &smtp, "nobody").await;
        let mut coordinator = app.signed_in(COORDINATOR).await;
        submit_product(&app, &mut coordinator, "Piano di partenariato con Valona").await;
        let mails = deliver(&app, &smtp, TUTOR).await;
        assert_eq!(mails.len(), 1, "{}", app.backend.name);
        // The review's own email, now with its one-click unsubscribe (the demo's address is not
        // https: the link is offered, one click is not claimed).
        let list = header(&mails[0], "List-Unsubscribe").expect("List-Unsubscribe");
        let path = list
            .trim_start_matches('<')
            .trim_end_matches('>')
            .trim_start_matches("http://ponte.test")
            .to_string();
        assert!(path.starts_with("/unsubscribe/"), "{path}");
        assert!(header(&mails[0], "List-Unsubscribe-Post").is_none());
        let r = app.client().post(&path, &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let tutor = user(&app, TUTOR).await;
        assert!(db::notifications::preferences(app.db(), tutor)
            .await
            .unwrap()
            .contains(&(Kind::Review, Delivery::Off)));
        // Off: the next submission reaches the tutor in the app only.
        submit_product(&app, &mut coordinator, "Piano di comunicazione esterna").await;
        assert!(deliver(&app, &smtp, TUTOR).await.is_empty());
        // Digests are not offered for reviews (nor for labs and convocations, see table_links).
        let mut t = app.signed_in(TUTOR).await;
        let r = t
            .post("/profile/notifications", &[("review", "daily")])
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let r = t
            .post("/profile/notifications", &[("review", "immediate")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
}

#[tokio::test]
async fn the_demo_has_a_digest_waiting_for_the_tutor() {
    const TUTOR: &str = "tutor@ponte.example";
    let smtp = SmtpSink::start();
    for app in apps().await {
        let name = app.backend.name;
        let tutor = user(&app, TUTOR).await;
        let chosen = db::notifications::preferences(app.db(), tutor)
            .await
            .unwrap();
        assert!(chosen.contains(&(Kind::Mention, Delivery::Daily)), "{name}");
        let waiting: i64 = db::run!(app.db(), |pool| {
            sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND kind = 'mention' AND mailed_at IS NULL"
        )
        .bind(tutor)
        .fetch_one(pool)
        .await
        .unwrap()
        });
        assert!(waiting >= 1, "{name}: the member's mention waits");
        // Nothing at once; at the next 08:00 in Rome, one digest with the mention.
        assert!(deliver(&app, &smtp, TUTOR).await.is_empty(), "{name}");
        web::notifications::emails::schedule_digests(app.db())
            .await
            .unwrap();
        let clock = app.db().clock();
        let at = domain::notifications::next_digest(
            domain::notifications::Digest::Daily,
            app.db().now(),
        );
        clock.set(at + Duration::minutes(1));
        let mails = deliver(&app, &smtp, TUTOR).await;
        assert_eq!(mails.len(), 1, "{name}: {mails:?}");
        assert!(header(&mails[0], "List-Unsubscribe").is_some(), "{name}");
        let text = body(&mails[0]);
        assert!(
            text.contains("Ecco le notifiche del giorno (Menzioni)"),
            "{name}: {text}"
        );
        assert!(text.contains("/community/posts/"), "{name}: {text}");
    }
}
