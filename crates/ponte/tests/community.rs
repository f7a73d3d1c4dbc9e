//! The community's discussions on both databases: who sees which space (spaces follow the
//! programme, cohorts, administrations and tables; an actor sees only their tables' spaces),
//! starting a thread, replying, quoting, editing with the earlier versions kept, pinning,
//! locking, hiding with a reason shown to the author, reporting to the staff's queue, unread
//! counts per person and space, and every refusal with its message and nothing stored.

mod common;

use axum::http::StatusCode;
use common::{apps, App, Client};
use domain::community::spaces::Kind;
use uuid::Uuid;

const STAFF: &str = "staff@ponte.example";
const TUTOR: &str = "tutor@ponte.example";
const COORDINATOR: &str = "coordinatore@ponte.example";
const MEMBER: &str = "membro@ponte.example";
const ACTOR: &str = "attore@ponte.example";
const CASERTA: &str = "r.caruso@provincia.caserta.example";

/// Threads, messages, revisions, reports and audit entries: a refusal changes none of them.
async fn footprint(app: &App) -> Vec<i64> {
    let mut out = Vec::new();
    for table in [
        "community_threads",
        "community_posts",
        "community_revisions",
        "community_reports",
        "audit_log",
    ] {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        let n: i64 = db::run!(app.db(), |pool| sqlx::query_scalar(&sql)
            .fetch_one(pool)
            .await
            .unwrap());
        out.push(n);
    }
    let flags: Vec<(bool, bool)> = db::run!(app.db(), |pool| sqlx::query_as(
        "SELECT pinned, locked FROM community_threads ORDER BY id"
    )
    .fetch_all(pool)
    .await
    .unwrap());
    out.extend(flags.iter().map(|(p, l)| i64::from(*p) * 2 + i64::from(*l)));
    let hidden: i64 = db::run!(app.db(), |pool| sqlx::query_scalar(
        "SELECT COUNT(*) FROM community_posts WHERE hidden_reason IS NOT NULL"
    )
    .fetch_one(pool)
    .await
    .unwrap());
    out.push(hidden);
    out
}

async fn user(app: &App, email: &str) -> Uuid {
    db::accounts::credentials(app.db(), email)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn programme(app: &App) -> Uuid {
    db::programme::structure(app.db())
        .await
        .unwrap()
        .unwrap()
        .programme
        .id
}

fn space(kind: Kind, id: Uuid) -> String {
    format!("/community/spaces/{}/{id}", kind.code())
}

/// The thread a POST redirected to.
fn thread_of(location: &str) -> Uuid {
    let rest = location
        .strip_prefix("/community/threads/")
        .unwrap_or_else(|| panic!("not a thread: {location}"));
    Uuid::parse_str(&rest[..36]).unwrap()
}

async fn start(client: &mut Client, at: &str, title: &str, body: &str) -> Uuid {
    let r = client
        .post(
            &format!("{at}/threads"),
            &[("title", title), ("body", body)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    thread_of(r.location())
}

#[tokio::test]
async fn each_person_sees_the_spaces_they_belong_to() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let programme = programme(&app).await;
        let table = db::tables::list(app.db())
            .await
            .unwrap()
            .into_iter()
            .find(|t| t.lead_id == salerno)
            .unwrap();
        let name = app.backend.name;

        let mut actor = app.signed_in(ACTOR).await;
        let page = actor.get("/community").await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(page.body.contains(&table.name), "{name}: the actor's table");
        assert!(
            !page.body.contains("/community/spaces/administration/")
                && !page.body.contains("/community/spaces/programme/"),
            "{name}: the actor sees no other space"
        );
        let who = user(&app, ACTOR).await;
        let principal = db::accounts::principal(app.db(), who).await.unwrap();
        let kinds: Vec<Kind> = db::community::spaces_for(app.db(), &principal)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.kind)
            .collect();
        assert!(!kinds.is_empty(), "{name}");
        assert!(kinds.iter().all(|k| *k == Kind::Table), "{name}: {kinds:?}");
        for (kind, id) in [
            (Kind::Programme, programme),
            (Kind::Administration, salerno),
        ] {
            let r = actor.get(&space(kind, id)).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}: actor on {kind:?}");
        }
        assert_eq!(
            actor.get(&space(Kind::Table, table.id)).await.status,
            StatusCode::OK,
            "{name}"
        );

        // Another province's official sees the programme, not Salerno's own space or threads.
        let mut other = app.signed_in(CASERTA).await;
        assert_eq!(
            other.get(&space(Kind::Programme, programme)).await.status,
            StatusCode::OK
        );
        assert_eq!(
            other
                .get(&space(Kind::Administration, caserta))
                .await
                .status,
            StatusCode::OK
        );
        let r = other.get(&space(Kind::Administration, salerno)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");
        let (threads, _) = db::community::threads(app.db(), Kind::Administration, salerno, who, 1)
            .await
            .unwrap();
        assert!(!threads.is_empty(), "{name}: the demo's threads of Salerno");
        let r = other
            .get(&format!("/community/threads/{}", threads[0].id))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");
        assert!(
            !r.body.contains(&threads[0].title),
            "{name}: no title leaks"
        );
        let before = footprint(&app).await;
        let r = other
            .post(
                &format!("{}/threads", space(Kind::Administration, salerno)),
                &[
                    ("title", "Intrusione"),
                    ("body", "Non dovrei poter scrivere qui."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");
        // Unknown kinds and spaces are not found either.
        assert_eq!(
            other
                .get(&format!("/community/spaces/platform/{programme}"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            other.get(&space(Kind::Cohort, Uuid::nil())).await.status,
            StatusCode::NOT_FOUND
        );

        // The coordinator sees the programme, the strands, Salerno's cohort, Salerno and its table.
        let mut coordinator = app.signed_in(COORDINATOR).await;
        let page = coordinator.get("/community").await.body;
        assert!(
            page.contains(&format!("/community/spaces/administration/{salerno}")),
            "{name}"
        );
        assert!(
            page.contains(&format!("/community/spaces/programme/{programme}")),
            "{name}"
        );
        assert!(
            page.contains(&format!("/community/spaces/table/{}", table.id)),
            "{name}"
        );
        assert!(
            !page.contains(&format!("/community/spaces/administration/{caserta}")),
            "{name}"
        );
        // A guest is sent to sign in.
        let r = app.client().get("/community").await;
        assert!(r.location().starts_with("/sign-in?next="), "{name}");
    }
}

#[tokio::test]
async fn people_post_reply_quote_and_edit_with_history() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let at = space(Kind::Administration, salerno);
        let mut member = app.signed_in(MEMBER).await;
        let mut tutor = app.signed_in(TUTOR).await;
        let thread = start(
            &mut member,
            &at,
            "Indicatori del quadro logico",
            "Servono **fonti di verifica** per ogni indicatore? <script>alert(1)</script>",
        )
        .await;
        let page = member.get(&format!("/community/threads/{thread}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("<strong>fonti di verifica</strong>"),
            "{name}"
        );
        assert!(!page.body.contains("<script>alert"), "{name}: sanitised");
        let space_page = member.get(&at).await.body;
        assert!(
            space_page.contains("Indicatori del quadro logico"),
            "{name}"
        );

        let posts = db::community::posts(app.db(), thread).await.unwrap();
        let opening = posts[0].id;
        let r = tutor
            .post(
                &format!("/community/threads/{thread}/replies"),
                &[
                    ("body", "Sì, almeno una per indicatore."),
                    ("quote", &opening.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let posts = db::community::posts(app.db(), thread).await.unwrap();
        assert_eq!(posts.len(), 2);
        assert_eq!(posts[1].quote_id, Some(opening), "{name}");
        let page = member
            .get(&format!("/community/threads/{thread}"))
            .await
            .body;
        assert!(page.contains("Elena Russo"), "{name}");
        assert!(page.contains("ha scritto:"), "{name}: the quote is shown");

        // A quote of a message of another thread is refused, nothing stored.
        let other_thread =
            db::community::threads(app.db(), Kind::Administration, salerno, Uuid::nil(), 1)
                .await
                .unwrap()
                .0
                .into_iter()
                .find(|t| t.id != thread)
                .unwrap()
                .id;
        let elsewhere = db::community::posts(app.db(), other_thread).await.unwrap()[0].id;
        let before = footprint(&app).await;
        let r = tutor
            .post(
                &format!("/community/threads/{thread}/replies"),
                &[
                    ("body", "Citazione sbagliata"),
                    ("quote", &elsewhere.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(r
            .body
            .contains("Il messaggio citato non fa parte di questa discussione."));
        assert_eq!(footprint(&app).await, before, "{name}");

        // The author edits the opening message: title and text; the earlier ones are kept.
        let edits = db::audit::page(app.db(), Some("community.post_update"), 10, 0)
            .await
            .unwrap()
            .1;
        let edit = member
            .get(&format!("/community/posts/{opening}/edit"))
            .await;
        assert_eq!(edit.status, StatusCode::OK, "{name}");
        let r = member
            .post(
                &format!("/community/posts/{opening}"),
                &[
                    ("version", "1"),
                    ("title", "Indicatori e fonti"),
                    ("body", "Testo rivisto."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let t = db::community::thread(app.db(), thread)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(t.title, "Indicatori e fonti");
        let history = member
            .get(&format!("/community/posts/{opening}/history"))
            .await;
        assert_eq!(history.status, StatusCode::OK);
        assert!(history.body.contains("Testo rivisto."), "{name}");
        assert!(
            history.body.contains("<strong>fonti di verifica</strong>"),
            "{name}: earlier text"
        );
        assert!(
            history.body.contains("Indicatori del quadro logico"),
            "{name}: earlier title"
        );
        // Readers see the history too; a stale version is refused and nothing changes.
        assert_eq!(
            tutor
                .get(&format!("/community/posts/{opening}/history"))
                .await
                .status,
            StatusCode::OK
        );
        let before = footprint(&app).await;
        let r = member
            .post(
                &format!("/community/posts/{opening}"),
                &[
                    ("version", "1"),
                    ("title", "Vecchio"),
                    ("body", "Da una versione vecchia."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{name}");
        assert!(
            r.body.contains("le tue modifiche non sono state salvate"),
            "{name}"
        );
        assert!(
            r.body.contains("<p>Testo rivisto.</p>"),
            "{name}: the saved version"
        );
        assert!(
            r.body.contains("Da una versione vecchia."),
            "{name}: what was typed"
        );
        assert!(r.body.contains("name=\"version\" value=\"2\""), "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");
        // Someone else's message has no edit form for them, and their edit is refused.
        assert_eq!(
            tutor
                .get(&format!("/community/posts/{opening}/edit"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let r = tutor
            .post(
                &format!("/community/posts/{opening}"),
                &[("version", "2"), ("title", "X"), ("body", "Y")],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");
        let audited = db::audit::page(app.db(), Some("community.post_update"), 10, 0)
            .await
            .unwrap()
            .1;
        assert_eq!(audited, edits + 1, "{name}: one edit audited");
    }
}

#[tokio::test]
async fn bad_input_gets_its_message_and_stores_nothing() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let at = space(Kind::Administration, salerno);
        let mut member = app.signed_in(MEMBER).await;
        let before = footprint(&app).await;
        let r = member
            .post(&format!("{at}/threads"), &[("title", "  "), ("body", "")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(
            r.body.contains("id=\"e-title\">Campo obbligatorio."),
            "{name}"
        );
        assert!(
            r.body.contains("id=\"e-body\">Campo obbligatorio."),
            "{name}"
        );
        let long = "x".repeat(domain::community::MAX_BODY + 1);
        let r = member
            .post(
                &format!("{at}/threads"),
                &[("title", "Titolo"), ("body", &long)],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(r.body.contains("Il testo è troppo lungo."), "{name}");
        assert!(
            r.body.contains("value=\"Titolo\""),
            "{name}: the form keeps what was typed"
        );
        let thread =
            db::community::threads(app.db(), Kind::Administration, salerno, Uuid::nil(), 1)
                .await
                .unwrap()
                .0[0]
                .id;
        let r = member
            .post(
                &format!("/community/threads/{thread}/replies"),
                &[("body", " ")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(
            r.body.contains("id=\"e-body\">Campo obbligatorio."),
            "{name}"
        );
        let r = member
            .post(
                &format!("/community/threads/{thread}/replies"),
                &[("body", "ok"), ("quote", "non-un-id")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");
    }
}

#[tokio::test]
async fn moderators_pin_lock_and_hide_and_others_may_not() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let at = space(Kind::Administration, salerno);
        let mut member = app.signed_in(MEMBER).await;
        let mut coordinator = app.signed_in(COORDINATOR).await;
        let mut tutor = app.signed_in(TUTOR).await;
        let thread = start(&mut member, &at, "Da moderare", "Primo messaggio.").await;
        let r = member
            .post(
                &format!("/community/threads/{thread}/replies"),
                &[("body", "Un messaggio fuori luogo.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let reply = db::community::posts(app.db(), thread).await.unwrap()[1].id;

        // A member and a tutor are refused every moderator's action; nothing changes.
        let before = footprint(&app).await;
        for who in [&mut member, &mut tutor] {
            for (path, form) in [
                (
                    format!("/community/threads/{thread}/pin"),
                    vec![("on", "1")],
                ),
                (
                    format!("/community/threads/{thread}/lock"),
                    vec![("on", "1")],
                ),
                (
                    format!("/community/posts/{reply}/hide"),
                    vec![("reason", "No")],
                ),
            ] {
                let r = who.post(&path, &form).await;
                assert_eq!(r.status, StatusCode::FORBIDDEN, "{name}: {path}");
            }
        }
        // Another administration's coordinator is a moderator elsewhere, not here.
        let caserta = app.organisation("Provincia di Caserta").await;
        let email = "coordinatore.caserta@walk.example";
        let grants = [domain::roles::Grant {
            role: domain::roles::Role::Coordinator,
            space: domain::roles::SpaceKind::Organisation,
            space_id: Some(caserta),
        }];
        let hash = web::accounts::password::hash(ponte::demo::DEMO_PASSWORD).unwrap();
        db::accounts::create_user(
            app.db(),
            &db::accounts::NewUser {
                email: email.into(),
                name: "Coordinatrice di Caserta".into(),
                password_hash: hash,
            },
            &grants,
            None,
        )
        .await
        .unwrap();
        let mut foreign = app.signed_in(email).await;
        let r = foreign
            .post(&format!("/community/threads/{thread}/lock"), &[("on", "1")])
            .await;
        assert_eq!(
            r.status,
            StatusCode::NOT_FOUND,
            "{name}: not a space of theirs"
        );
        let after_users = footprint(&app).await;
        assert_eq!(after_users[..4], before[..4], "{name}");

        // The coordinator pins: the thread comes first in its space.
        let r = coordinator
            .post(&format!("/community/threads/{thread}/pin"), &[("on", "1")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        let page = member.get(&at).await.body;
        let first = page.find("/community/threads/").unwrap();
        assert!(
            page[first..].starts_with(&format!("/community/threads/{thread}")),
            "{name}"
        );
        let (threads, _) =
            db::community::threads(app.db(), Kind::Administration, salerno, Uuid::nil(), 1)
                .await
                .unwrap();
        assert_eq!(threads[0].id, thread, "{name}: pinned first");

        // Hiding needs a reason; the author then reads it, others see only a notice.
        let before = footprint(&app).await;
        let r = coordinator
            .post(&format!("/community/posts/{reply}/hide"), &[("reason", "")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(
            r.body.contains("id=\"e-reason\">Campo obbligatorio."),
            "{name}"
        );
        assert_eq!(footprint(&app).await, before, "{name}");
        let r = coordinator
            .post(
                &format!("/community/posts/{reply}/hide"),
                &[("reason", "Fuori tema: apri una nuova discussione.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        let mine = member
            .get(&format!("/community/threads/{thread}"))
            .await
            .body;
        assert!(
            mine.contains("Fuori tema: apri una nuova discussione."),
            "{name}"
        );
        assert!(
            mine.contains("Un messaggio fuori luogo."),
            "{name}: the author still reads it"
        );
        let theirs = tutor
            .get(&format!("/community/threads/{thread}"))
            .await
            .body;
        assert!(
            theirs.contains("Questo messaggio è stato nascosto dai moderatori."),
            "{name}"
        );
        assert!(!theirs.contains("Un messaggio fuori luogo."), "{name}");
        assert!(
            !theirs.contains("Fuori tema"),
            "{name}: the reason is the author's"
        );

        // Locked: a reply is refused with its message and nothing is stored.
        let r = coordinator
            .post(&format!("/community/threads/{thread}/lock"), &[("on", "1")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        let before = footprint(&app).await;
        let r = member
            .post(
                &format!("/community/threads/{thread}/replies"),
                &[("body", "Posso ancora rispondere?")],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{name}");
        assert!(
            r.body
                .contains("La discussione è chiusa: la risposta non è stata aggiunta."),
            "{name}"
        );
        assert_eq!(footprint(&app).await, before, "{name}");
        // Nor does its author carry it on by editing a message.
        let version = db::community::posts(app.db(), thread).await.unwrap()[0]
            .version
            .to_string();
        let opening = db::community::posts(app.db(), thread).await.unwrap()[0].id;
        let r = member
            .post(
                &format!("/community/posts/{opening}"),
                &[
                    ("version", version.as_str()),
                    ("title", "Da moderare"),
                    ("body", "Continuo la discussione modificando."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{name}: {}", r.body);
        assert!(
            r.body
                .contains("La discussione è chiusa: il messaggio non è stato modificato."),
            "{name}"
        );
        assert_eq!(footprint(&app).await, before, "{name}");
        // An unknown switch is refused.
        let r = coordinator
            .post(
                &format!("/community/threads/{thread}/lock"),
                &[("on", "forse")],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{name}");
        // Staff unlock; the reply goes through.
        let mut staff = app.signed_in(STAFF).await;
        let r = staff
            .post(&format!("/community/threads/{thread}/lock"), &[("on", "0")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        let r = member
            .post(
                &format!("/community/threads/{thread}/replies"),
                &[("body", "Ora sì.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        for a in [
            "community.pin",
            "community.lock",
            "community.hide",
            "community.reply",
        ] {
            let n = db::audit::page(app.db(), Some(a), 10, 0).await.unwrap().1;
            assert!(n > 0, "{name}: {a} audited");
        }
    }
}

#[tokio::test]
async fn members_report_and_staff_see_the_queue() {
    for app in apps().await {
        let name = app.backend.name;
        let programme = programme(&app).await;
        let mut member = app.signed_in(MEMBER).await;
        let mut tutor = app.signed_in(TUTOR).await;
        let mut staff = app.signed_in(STAFF).await;
        let thread = start(
            &mut member,
            &space(Kind::Programme, programme),
            "Segnalabile",
            "Messaggio da segnalare.",
        )
        .await;
        let post = db::community::posts(app.db(), thread).await.unwrap()[0].id;

        let before = footprint(&app).await;
        let r = member
            .post(
                &format!("/community/posts/{post}/report"),
                &[("reason", "Mio")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(
            r.body.contains("Non puoi segnalare un tuo messaggio."),
            "{name}"
        );
        let r = tutor
            .post(
                &format!("/community/posts/{post}/report"),
                &[("reason", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");

        let r = tutor
            .post(
                &format!("/community/posts/{post}/report"),
                &[("reason", "Contiene dati personali.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        let before = footprint(&app).await;
        let r = tutor
            .post(
                &format!("/community/posts/{post}/report"),
                &[("reason", "Di nuovo.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{name}");
        assert!(
            r.body.contains("Hai già segnalato questo messaggio."),
            "{name}"
        );
        assert_eq!(footprint(&app).await, before, "{name}");

        assert_eq!(
            member.get("/community/moderation").await.status,
            StatusCode::FORBIDDEN
        );
        let queue = staff.get("/community/moderation").await;
        assert_eq!(queue.status, StatusCode::OK, "{name}");
        assert!(queue.body.contains("Contiene dati personali."), "{name}");
        assert!(queue.body.contains("Segnalabile"), "{name}");
        let report = db::community::open_reports(app.db()).await.unwrap()[0].id;
        let r = staff
            .post(&format!("/community/reports/{report}/close"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        assert!(
            db::community::open_reports(app.db())
                .await
                .unwrap()
                .is_empty(),
            "{name}"
        );
        assert!(staff
            .get("/community/moderation")
            .await
            .body
            .contains("Nessuna segnalazione in attesa."));
        let r = staff
            .post(&format!("/community/reports/{report}/close"), &[])
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}: closed already");
    }
}

#[tokio::test]
async fn unread_counts_follow_each_person_and_clear_on_view() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let at = space(Kind::Administration, salerno);
        let member_id = user(&app, MEMBER).await;
        let coordinator_id = user(&app, COORDINATOR).await;
        let unread = |spaces: Vec<db::community::Space>| {
            spaces
                .into_iter()
                .find(|s| s.kind == Kind::Administration && s.id == salerno)
                .map(|s| (s.threads, s.unread))
                .unwrap()
        };
        let m = db::accounts::principal(app.db(), member_id).await.unwrap();
        let c = db::accounts::principal(app.db(), coordinator_id)
            .await
            .unwrap();
        let mut member = app.signed_in(MEMBER).await;
        let mut coordinator = app.signed_in(COORDINATOR).await;
        // Read everything first.
        for (t, _) in db::community::threads(app.db(), Kind::Administration, salerno, member_id, 1)
            .await
            .unwrap()
            .0
            .into_iter()
            .map(|t| (t.id, ()))
        {
            member.get(&format!("/community/threads/{t}")).await;
            coordinator.get(&format!("/community/threads/{t}")).await;
        }
        let (threads, u) = unread(db::community::spaces_for(app.db(), &m).await.unwrap());
        assert_eq!(u, 0, "{name}");
        // A new thread by the member: unread for the coordinator, not for its author.
        let thread = start(&mut member, &at, "Nuova per il coordinatore", "Leggimi.").await;
        assert_eq!(
            unread(db::community::spaces_for(app.db(), &m).await.unwrap()),
            (threads + 1, 0),
            "{name}"
        );
        assert_eq!(
            unread(db::community::spaces_for(app.db(), &c).await.unwrap()),
            (threads + 1, 1),
            "{name}"
        );
        let list = coordinator.get("/community").await.body;
        assert!(
            list.contains("una da leggere"),
            "{name}: the spaces list shows it"
        );
        let page = coordinator.get(&at).await.body;
        assert!(page.contains("Da leggere"), "{name}");
        // Viewing the thread marks it read.
        coordinator
            .get(&format!("/community/threads/{thread}"))
            .await;
        assert_eq!(
            unread(db::community::spaces_for(app.db(), &c).await.unwrap()).1,
            0,
            "{name}"
        );
        // A reply makes it unread again for the other person only.
        let r = coordinator
            .post(
                &format!("/community/threads/{thread}/replies"),
                &[("body", "Letto.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        assert_eq!(
            unread(db::community::spaces_for(app.db(), &c).await.unwrap()).1,
            0,
            "{name}"
        );
        assert_eq!(
            unread(db::community::spaces_for(app.db(), &m).await.unwrap()).1,
            1,
            "{name}"
        );
    }
}

#[tokio::test]
async fn a_long_thread_is_paged_and_each_message_keeps_its_address() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let at = space(Kind::Administration, salerno);
        let coordinator_id = user(&app, COORDINATOR).await;
        let mut member = app.signed_in(MEMBER).await;
        let thread = start(&mut member, &at, "Discussione lunga", "Apertura.").await;
        let opening = db::community::posts(app.db(), thread).await.unwrap()[0].id;
        let none = db::community::Audience::default();
        // 120 replies: 121 messages, three pages of 50.
        for n in 0..120 {
            let quote = (n == 119).then_some(opening);
            db::community::reply(
                app.db(),
                thread,
                coordinator_id,
                &format!("Risposta numero {n}."),
                quote,
                &[],
                &none,
            )
            .await
            .unwrap();
        }
        let posts = db::community::posts(app.db(), thread).await.unwrap();
        assert_eq!(posts.len(), 121, "{name}");
        let articles = |body: &str| body.matches("<article ").count();
        let first = member.get(&format!("/community/threads/{thread}")).await;
        assert_eq!(first.status, StatusCode::OK, "{name}");
        assert_eq!(articles(&first.body), 50, "{name}: page 1");
        assert!(first.body.contains("Pagina 1 di 3"), "{name}");
        assert!(
            first
                .body
                .replace("&#x2f;", "/")
                .contains(&format!("/community/threads/{thread}?page=3\"")),
            "{name}: the pager links the last page"
        );
        // Page 1 read is not the thread read: the space still counts it unread.
        assert!(
            unread_for_member(&app, salerno, thread).await,
            "{name}: only page 1 was read"
        );
        let last = member
            .get(&format!("/community/threads/{thread}?page=3"))
            .await;
        assert_eq!(articles(&last.body), 21, "{name}: page 3");
        assert!(
            !unread_for_member(&app, salerno, thread).await,
            "{name}: the last page read reads the thread"
        );
        // The quote of the opening message links to it on its own page.
        assert!(
            last.body
                .replace("&#x2f;", "/")
                .contains(&format!("href=\"/community/posts/{opening}\"")),
            "{name}: a quote from another page links to the quoted message"
        );
        // A page past the last shows the last.
        let past = member
            .get(&format!("/community/threads/{thread}?page=99"))
            .await;
        assert_eq!(past.status, StatusCode::OK, "{name}");
        assert_eq!(articles(&past.body), 21, "{name}");
        // Each message's address leads to its page.
        for (index, page) in [(0, None), (49, None), (50, Some(2)), (100, Some(3))] {
            let post = posts[index].id;
            let r = member.get(&format!("/community/posts/{post}")).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {index}");
            let expected = match page {
                Some(p) => format!("/community/threads/{thread}?page={p}#p-{post}"),
                None => format!("/community/threads/{thread}#p-{post}"),
            };
            assert_eq!(r.location(), expected, "{name}: message {index}");
            let shown = member.get(&expected).await.body;
            assert!(
                shown.contains(&format!("id=\"p-{post}\"")),
                "{name}: {index}"
            );
        }
        // A reply lands on the last page, at its message.
        let r = member
            .post(
                &format!("/community/threads/{thread}/replies"),
                &[("body", "Ultima risposta.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        assert!(
            r.location()
                .starts_with(&format!("/community/threads/{thread}?page=3#p-")),
            "{name}: {}",
            r.location()
        );
        // Someone outside the space learns nothing from a message's address.
        let mut outsider = app.signed_in(CASERTA).await;
        let r = outsider.get(&format!("/community/posts/{opening}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");
        assert!(!r.body.contains("Discussione lunga"), "{name}");
    }
}

/// Whether the member's list of Salerno's threads marks `thread` unread.
async fn unread_for_member(app: &App, salerno: Uuid, thread: Uuid) -> bool {
    let member = user(app, MEMBER).await;
    db::community::threads(app.db(), Kind::Administration, salerno, member, 1)
        .await
        .unwrap()
        .0
        .into_iter()
        .find(|t| t.id == thread)
        .unwrap()
        .unread
}

/// The body of a page with the template's escaping of `/` undone.
fn plain(body: &str) -> String {
    body.replace("&#x2f;", "/")
}

#[tokio::test]
async fn discussions_are_searched_within_the_spaces_one_sees() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let at = space(Kind::Administration, salerno);
        let mut member = app.signed_in(MEMBER).await;
        let mut coordinator = app.signed_in(COORDINATOR).await;
        let thread = start(
            &mut member,
            &at,
            "Appalti pubblici a Durrës",
            "Le **gare d'appalto** del comune partner: chi conosce le regole albanesi?",
        )
        .await;
        let r = coordinator
            .post(
                &format!("/community/threads/{thread}/replies"),
                &[("body", "Ho letto il regolamento sugli zirconi municipali.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        let reply = db::community::posts(app.db(), thread).await.unwrap()[1].id;
        let search = |q: &str| format!("/community/search?q={}", urlencode(q));

        // A word of the title, in another form (singular), finds the opening message, marked.
        let page = member.get(&search("appalto")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        let body = plain(&page.body);
        assert!(body.contains("Un messaggio trovato"), "{name}: {body}");
        let opening = db::community::posts(app.db(), thread).await.unwrap()[0].id;
        assert!(
            body.contains(&format!("/community/posts/{opening}")),
            "{name}"
        );
        assert!(body.contains("<mark>"), "{name}: the words are marked");
        // A word of a reply's text; a phrase; a prefix.
        for q in ["zirconi", "\"regolamento sugli zirconi\"", "zircon*"] {
            let body = plain(&member.get(&search(q)).await.body);
            assert!(
                body.contains(&format!("/community/posts/{reply}")),
                "{name}: {q}"
            );
        }
        // Every word must be there.
        let body = member.get(&search("zirconi inesistentissimo")).await.body;
        assert!(body.contains("Nessun messaggio"), "{name}");

        // Someone who does not see Salerno's space finds nothing of it, not even its title.
        let mut outsider = app.signed_in(CASERTA).await;
        let body = outsider.get(&search("zirconi")).await.body;
        assert!(body.contains("Nessun messaggio"), "{name}");
        assert!(!body.contains("Appalti pubblici"), "{name}");
        // Naming the space does not open it.
        let named = format!("/community/search?q=zirconi&space=administration/{salerno}");
        let body = outsider.get(&named).await.body;
        assert!(body.contains("Nessun messaggio"), "{name}");

        // Within one space: the member's cohort space does not hold it.
        let cohort = db::community::spaces_for(
            app.db(),
            &db::accounts::principal(app.db(), user(&app, MEMBER).await)
                .await
                .unwrap(),
        )
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.kind == Kind::Cohort)
        .unwrap();
        let within = format!("/community/search?q=zirconi&space=cohort/{}", cohort.id);
        assert!(
            member.get(&within).await.body.contains("Nessun messaggio"),
            "{name}"
        );
        let within = format!("/community/search?q=zirconi&space=administration/{salerno}");
        assert!(
            plain(&member.get(&within).await.body).contains(&format!("/community/posts/{reply}")),
            "{name}"
        );

        // An edit is searched by its new words, not its old ones.
        let version = db::community::post(app.db(), reply)
            .await
            .unwrap()
            .unwrap()
            .version;
        let r = coordinator
            .post(
                &format!("/community/posts/{reply}"),
                &[
                    ("version", &version.to_string()),
                    ("body", "Ho letto il regolamento sulle concessioni."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert!(
            member
                .get(&search("zirconi"))
                .await
                .body
                .contains("Nessun messaggio"),
            "{name}"
        );
        assert!(
            plain(&member.get(&search("concessione")).await.body)
                .contains(&format!("/community/posts/{reply}")),
            "{name}"
        );

        // A hidden message is found by nobody.
        let mut staff = app.signed_in(STAFF).await;
        let r = staff
            .post(
                &format!("/community/posts/{reply}/hide"),
                &[("reason", "Fuori tema.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        for client in [&mut member, &mut coordinator, &mut staff] {
            let body = client.get(&search("concessioni")).await.body;
            assert!(body.contains("Nessun messaggio"), "{name}");
        }

        // Hostile queries are words like any other.
        for q in [
            "\"",
            "*",
            "a\" OR \"b",
            "NEAR(x y)",
            "'; DROP TABLE x; --",
            "\u{0}",
        ] {
            let r = member.get(&search(q)).await;
            assert_eq!(r.status, StatusCode::OK, "{name}: {q:?}");
        }
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn messages_attach_library_documents_their_readers_see() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let programme = programme(&app).await;
        let at = space(Kind::Programme, programme);
        let salerno_doc = own_document(&app, salerno, "Nota interna di Salerno").await;
        let caserta_doc = own_document(&app, caserta, "Nota interna di Caserta").await;
        let mut member = app.signed_in(MEMBER).await;
        let address = format!("https://ponte.example/library/documents/{}", salerno_doc.id);
        let r = member
            .post(
                &format!("{at}/threads"),
                &[
                    ("title", "Un documento di Salerno"),
                    ("body", "Vedete l'allegato."),
                    ("addresses", &address),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let thread = thread_of(r.location());
        let opening = db::community::posts(app.db(), thread).await.unwrap()[0].id;
        assert_eq!(
            db::community::attached(app.db(), &[opening]).await.unwrap()[&opening],
            vec![salerno_doc.id],
            "{name}"
        );
        // Its writer's administration sees it; another administration's official is told only
        // that there is one they do not see.
        let page = plain(
            &member
                .get(&format!("/community/threads/{thread}"))
                .await
                .body,
        );
        assert!(
            page.contains(&format!("/library/documents/{}", salerno_doc.id)),
            "{name}"
        );
        let mut outsider = app.signed_in(CASERTA).await;
        let page = plain(
            &outsider
                .get(&format!("/community/threads/{thread}"))
                .await
                .body,
        );
        assert!(
            !page.contains(&salerno_doc.title) && !page.contains(&salerno_doc.id.to_string()),
            "{name}"
        );
        assert!(
            page.contains("Un altro documento allegato non è visibile per te."),
            "{name}"
        );

        // Refused, nothing stored: a document the writer does not see, an address that names no
        // document, more than five.
        let caserta_address = format!("/library/documents/{}", caserta_doc.id);
        let six: Vec<(&str, String)> = (0..6)
            .map(|n| {
                (
                    "documents",
                    format!("0194f3c2-7a1b-7c3d-8e4f-01234567890{n}"),
                )
            })
            .collect();
        let mut cases: Vec<(Vec<(&str, String)>, &str)> = vec![
            (
                vec![("addresses", caserta_address.clone())],
                "non è visibile per te",
            ),
            (
                vec![("addresses", "https://altrove.example/documento".into())],
                "indirizzo della pagina di un documento",
            ),
            (
                vec![("documents", uuid::Uuid::new_v4().to_string())],
                "non è visibile per te",
            ),
            (six, "al massimo cinque"),
        ];
        for (fields, says) in cases.drain(..) {
            let before = footprint(&app).await;
            let attached_before = db::community::attached(app.db(), &[opening]).await.unwrap();
            let mut form: Vec<(&str, &str)> = vec![("body", "Con un allegato sbagliato.")];
            form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
            let r = member
                .post(&format!("/community/threads/{thread}/replies"), &form)
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{name}: {fields:?}"
            );
            assert!(r.body.contains(says), "{name}: {says}");
            assert!(
                r.body.contains("Con un allegato sbagliato."),
                "{name}: what was typed is kept"
            );
            assert_eq!(footprint(&app).await, before, "{name}");
            assert_eq!(
                db::community::attached(app.db(), &[opening]).await.unwrap(),
                attached_before,
                "{name}"
            );
        }

        // An edit by its writer keeps it, or detaches it.
        let version = db::community::post(app.db(), opening)
            .await
            .unwrap()
            .unwrap()
            .version;
        let r = member
            .post(
                &format!("/community/posts/{opening}"),
                &[
                    ("version", version.to_string().as_str()),
                    ("title", "Un documento di Salerno"),
                    ("body", "Vedete l'allegato (corretto)."),
                    ("documents", salerno_doc.id.to_string().as_str()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert_eq!(
            db::community::attached(app.db(), &[opening]).await.unwrap()[&opening],
            vec![salerno_doc.id],
            "{name}"
        );
        let r = member
            .post(
                &format!("/community/posts/{opening}"),
                &[
                    ("version", (version + 1).to_string().as_str()),
                    ("title", "Un documento di Salerno"),
                    ("body", "Senza allegato."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert!(
            db::community::attached(app.db(), &[opening])
                .await
                .unwrap()
                .is_empty(),
            "{name}"
        );
    }
}

/// A new document seen only by the people of `organisation` (and staff).
async fn own_document(app: &App, organisation: Uuid, title: &str) -> db::library::Document {
    let draft = domain::library::Draft {
        title: title.into(),
        summary: "Solo per l'amministrazione.".into(),
        kind: "report",
        language: "it",
        year: Some(2026),
        source: None,
        licence: None,
        url: Some("https://example.org/nota".into()),
        visibility: domain::library::Visibility::Organisation,
        organisation: Some(organisation),
        group: None,
        table: None,
        network_group: None,
        themes: Vec::new(),
        places: Vec::new(),
    };
    let id = db::library::create(app.db(), &draft, None, &Default::default(), None)
        .await
        .unwrap();
    db::library::document(app.db(), id).await.unwrap().unwrap()
}

#[tokio::test]
async fn interregional_groups_have_their_space_and_staff_see_every_administration_with_threads() {
    for app in apps().await {
        let name = app.backend.name;
        let group = db::network::groups(app.db())
            .await
            .unwrap()
            .into_iter()
            .find(|g| g.name == "Adriatico sostenibile")
            .unwrap();
        let at = space(Kind::Group, group.id);

        // Salerno, a member, coordinates: the space is listed, linked from the group's page and
        // moderated; a member of Salerno takes part.
        let mut coordinator = app.signed_in(COORDINATOR).await;
        let list = coordinator.get("/community").await;
        assert!(
            list.body.contains(&at),
            "{name}: the group's space is listed"
        );
        let page = coordinator
            .get(&format!("/network/groups/{}", group.id))
            .await;
        assert!(
            page.body
                .replace("&#x2f;", "/")
                .contains(&format!("href=\"{at}\"")),
            "{name}: the group's page links its discussions"
        );
        let thread = start(
            &mut coordinator,
            &at,
            "Itinerari costieri con Durrës",
            "Proposta di calendario per il sopralluogo.",
        )
        .await;
        let r = coordinator
            .post(&format!("/community/threads/{thread}/pin"), &[("on", "1")])
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "{name}: a coordinator moderates"
        );
        let mut member = app.signed_in(MEMBER).await;
        let r = member.get(&format!("/community/threads/{thread}")).await;
        assert_eq!(r.status, StatusCode::OK, "{name}");
        assert!(r.body.contains("Itinerari costieri"), "{name}");
        let r = member
            .post(&format!("/community/threads/{thread}/lock"), &[("on", "1")])
            .await;
        assert_ne!(
            r.status,
            StatusCode::SEE_OTHER,
            "{name}: a member does not moderate"
        );
        let mut tutor = app.signed_in(TUTOR).await;
        assert_eq!(
            tutor.get(&at).await.status,
            StatusCode::OK,
            "{name}: a tutor takes part"
        );

        // Caserta is not a member: no space, no thread, no title, and no mention of its people.
        let mut other = app.signed_in(CASERTA).await;
        let r = other.get(&at).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");
        let r = other.get(&format!("/community/threads/{thread}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");
        assert!(!r.body.contains("Itinerari costieri"), "{name}");
        assert!(!other.get("/community").await.body.contains(&at), "{name}");
        let page = other.get(&format!("/network/groups/{}", group.id)).await;
        assert!(
            !page.body.replace("&#x2f;", "/").contains(&at),
            "{name}: no link either"
        );
        let mut actor = app.signed_in(ACTOR).await;
        assert_eq!(actor.get(&at).await.status, StatusCode::NOT_FOUND, "{name}");
        let before = footprint(&app).await;
        let r = coordinator
            .post(
                &format!("/community/threads/{thread}/replies"),
                &[("body", "Ne parliamo con @[Roberta Caruso]?")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert_eq!(
            footprint(&app).await,
            before,
            "{name}: the refused mention stored nothing"
        );

        // An administration outside every cohort: staff find its space once it has a thread.
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        let in_cohorts: Vec<Uuid> = structure
            .cohorts
            .iter()
            .flat_map(|c| c.organisations.iter().copied())
            .collect();
        let outside = db::network::atlas::administrations(app.db())
            .await
            .unwrap()
            .into_iter()
            .find(|a| !in_cohorts.contains(&a.id))
            .expect("the demo has an administration outside every cohort");
        let staff_id = user(&app, STAFF).await;
        let staff_principal = db::accounts::principal(app.db(), staff_id).await.unwrap();
        let listed = |spaces: Vec<db::community::Space>| {
            spaces
                .iter()
                .any(|s| s.kind == Kind::Administration && s.id == outside.id)
        };
        assert!(
            !listed(
                db::community::spaces_for(app.db(), &staff_principal)
                    .await
                    .unwrap()
            ),
            "{name}: an administration without threads outside the cohorts is not listed"
        );
        let draft =
            domain::community::check_thread("Richiesta di accesso", "Un messaggio.").unwrap();
        let far = db::community::create_thread(
            app.db(),
            Kind::Administration,
            outside.id,
            staff_id,
            &draft,
            &[],
            &Default::default(),
        )
        .await
        .unwrap();
        assert!(
            listed(
                db::community::spaces_for(app.db(), &staff_principal)
                    .await
                    .unwrap()
            ),
            "{name}: once it has a thread, staff see it"
        );
        let mut staff = app.signed_in(STAFF).await;
        let r = staff.get("/community/search?q=richiesta+accesso").await;
        let first = db::community::posts_page(app.db(), far, 1).await.unwrap();
        assert!(
            r.body
                .replace("&#x2f;", "/")
                .contains(&format!("/community/posts/{}", first[0].id)),
            "{name}: and search it"
        );
    }
}
