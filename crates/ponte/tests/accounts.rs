//! Accounts on both databases: sign-in and its throttling, session rotation and revocation,
//! invitations and password resets through a real SMTP server, profile validation and conflicts.

mod common;

use axum::http::StatusCode;
use common::{apps, link_in, SmtpSink};

const DEMO: &str = "ponte-demo";

#[tokio::test]
async fn sign_in_answers_the_same_whether_or_not_the_account_exists() {
    for app in apps().await {
        let mut c = app.client();
        let wrong = c
            .post(
                "/sign-in",
                &[
                    ("email", "membro@ponte.example"),
                    ("password", "wrong password"),
                ],
            )
            .await;
        let missing = c
            .post(
                "/sign-in",
                &[
                    ("email", "nessuno@ponte.example"),
                    ("password", "wrong password"),
                ],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert_eq!(missing.status, wrong.status);
        assert_eq!(
            wrong.body.replace("membro@ponte.example", "EMAIL"),
            missing.body.replace("nessuno@ponte.example", "EMAIL"),
            "the two answers differ on {}",
            app.backend.name
        );
        assert!(wrong.body.contains("Email o password non corrette"));
        assert!(c.session().is_none());
    }
}

#[tokio::test]
async fn sign_in_is_throttled_per_account_and_per_address() {
    for app in apps().await {
        let mut c = app.client();
        c.headers
            .push(("x-forwarded-for".into(), "203.0.113.7".into()));
        for _ in 0..domain::accounts::throttle::MAX_PER_ACCOUNT {
            let r = c
                .post(
                    "/sign-in",
                    &[
                        ("email", "membro@ponte.example"),
                        ("password", "not the password"),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        }
        // Even the right password is refused now, with the same message for a missing account.
        let blocked = c
            .post(
                "/sign-in",
                &[("email", "membro@ponte.example"), ("password", DEMO)],
            )
            .await;
        assert_eq!(
            blocked.status,
            StatusCode::TOO_MANY_REQUESTS,
            "{}",
            app.backend.name
        );
        assert!(c.session().is_none());
        // Another account from another address is not affected.
        let mut other = app.client();
        other
            .headers
            .push(("x-forwarded-for".into(), "198.51.100.1".into()));
        let ok = other
            .post(
                "/sign-in",
                &[("email", "tutor@ponte.example"), ("password", DEMO)],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        // Per address: many accounts tried from one address.
        let mut spray = app.client();
        spray
            .headers
            .push(("x-forwarded-for".into(), "192.0.2.99".into()));
        for i in 0..domain::accounts::throttle::MAX_PER_ADDRESS {
            let email = format!("nobody{i}@ponte.example");
            spray
                .post(
                    "/sign-in",
                    &[("email", &email), ("password", "guess guess")],
                )
                .await;
        }
        let r = spray
            .post(
                "/sign-in",
                &[("email", "staff@ponte.example"), ("password", DEMO)],
            )
            .await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        // The attempts are recorded in the database.
        let since = chrono::Utc::now() - chrono::Duration::minutes(5);
        let (by_account, _) =
            db::accounts::recent_failures(app.db(), "membro@ponte.example", "x", since)
                .await
                .unwrap();
        assert_eq!(by_account, 5);
    }
}

#[tokio::test]
async fn the_session_id_changes_at_sign_in_and_dies_at_sign_out() {
    for app in apps().await {
        // A session fixed by someone else before sign-in is never adopted.
        let mut c = app.client();
        let planted = "a".repeat(64);
        c.cookies.insert("ponte_session".into(), planted.clone());
        let r = c
            .post(
                "/sign-in",
                &[("email", "membro@ponte.example"), ("password", DEMO)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let first = c.session().unwrap();
        assert_ne!(first, planted);
        assert_eq!(
            db::accounts::session_user(app.db(), &planted)
                .await
                .unwrap()
                .map(|u| u.id),
            None
        );
        // Signing in again rotates the id and ends the previous session.
        c.post(
            "/sign-in",
            &[("email", "membro@ponte.example"), ("password", DEMO)],
        )
        .await;
        let second = c.session().unwrap();
        assert_ne!(first, second);
        assert_eq!(
            db::accounts::session_user(app.db(), &first)
                .await
                .unwrap()
                .map(|u| u.id),
            None
        );
        assert_eq!(c.get("/profile").await.status, StatusCode::OK);
        // Sign-out revokes the session in the database, not only in the browser.
        let out = c.post("/sign-out", &[]).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        assert!(c.session().is_none());
        assert_eq!(
            db::accounts::session_user(app.db(), &second)
                .await
                .unwrap()
                .map(|u| u.id),
            None
        );
        let mut replay = app.client();
        replay.cookies.insert("ponte_session".into(), second);
        assert_eq!(replay.get("/profile").await.status, StatusCode::SEE_OTHER);
    }
}

#[tokio::test]
async fn changing_the_password_ends_every_other_session() {
    for app in apps().await {
        let mut here = app.signed_in("coordinatore@ponte.example").await;
        let mut elsewhere = app.signed_in("coordinatore@ponte.example").await;
        let bad = here
            .post(
                "/profile/password",
                &[
                    ("current_password", "wrong one!"),
                    ("password", "new password 1"),
                    ("password_confirmation", "new password 1"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("La password attuale non è corretta"));
        let ok = here
            .post(
                "/profile/password",
                &[
                    ("current_password", DEMO),
                    ("password", "new password 1"),
                    ("password_confirmation", "new password 1"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        assert_eq!(
            here.get("/profile").await.status,
            StatusCode::OK,
            "this browser stays signed in"
        );
        assert_eq!(
            elsewhere.get("/profile").await.status,
            StatusCode::SEE_OTHER,
            "the other session ended"
        );
        let mut fresh = app.client();
        let r = fresh
            .post(
                "/sign-in",
                &[
                    ("email", "coordinatore@ponte.example"),
                    ("password", "new password 1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
}

#[tokio::test]
async fn an_invitation_arrives_by_smtp_and_its_link_works_once() {
    let smtp = SmtpSink::start();
    for app in apps().await {
        let before = smtp.messages().len();
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut admin = app.signed_in("admin@ponte.example").await;
        // Bad input first: nothing is queued.
        let bad = admin
            .post(
                "/admin/invitations",
                &[
                    ("email", "not-an-email"),
                    ("role", "member"),
                    ("organisation", ""),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("Inserisci un indirizzo email valido"));
        assert!(bad.body.contains("Per questo ruolo scegli"));
        let salerno_text = salerno.to_string();
        let r = admin
            .post(
                "/admin/invitations",
                &[
                    ("email", "Nuova.Persona@Provincia.example"),
                    ("role", "member"),
                    ("organisation", &salerno_text),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(web::jobs::run_due(app.db(), &smtp.runners()).await, 1);
        let messages = smtp.messages();
        assert_eq!(messages.len(), before + 1);
        let mail = &messages[before];
        assert!(mail.contains("X-Envelope-To: nuova.persona@provincia.example"));
        assert!(mail.contains("Subject: Ponte: sei stato invitato"));
        let path = link_in(mail, "http://ponte.test");
        assert!(path.starts_with("/invitations/"));
        let mut guest = app.client();
        let form = guest.get(&path).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("nuova.persona@provincia.example"));
        let short = guest
            .post(
                &path,
                &[
                    ("name", "Nuova Persona"),
                    ("password", "short"),
                    ("password_confirmation", "short"),
                ],
            )
            .await;
        assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(short.body.contains("almeno 10 caratteri"));
        let accepted = guest
            .post(
                &path,
                &[
                    ("name", "Nuova Persona"),
                    ("password", "una password lunga"),
                    ("password_confirmation", "una password lunga"),
                ],
            )
            .await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER);
        let list = admin.get("/admin/invitations").await;
        assert!(list.body.contains("nuova.persona@provincia.example"));
        assert!(list.body.contains("Accettato"));
        let home = guest.get("/").await;
        assert!(
            home.body
                .contains(&format!("/organisations/{salerno}/workspace")),
            "home links the workspace"
        );
        let profile = guest.get("/profile").await;
        assert!(profile.body.contains("Nuova Persona"));
        assert!(profile.body.contains("Provincia di Salerno"));
        assert_eq!(
            guest
                .get(&format!("/organisations/{salerno}/workspace"))
                .await
                .status,
            StatusCode::OK
        );
        // Single use.
        let mut again = app.client();
        assert_eq!(again.get(&path).await.status, StatusCode::BAD_REQUEST);
        let reuse = again
            .post(
                &path,
                &[
                    ("name", "X"),
                    ("password", "una password lunga"),
                    ("password_confirmation", "una password lunga"),
                ],
            )
            .await;
        assert_eq!(reuse.status, StatusCode::BAD_REQUEST);
        // Staff may not create administrators.
        let mut staff = app.signed_in("staff@ponte.example").await;
        let r = staff
            .post(
                "/admin/invitations",
                &[
                    ("email", "boss@ponte.example"),
                    ("role", "admin"),
                    ("organisation", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let (log, _) = db::audit::page(app.db(), Some("invitation.accept"), 10, 0)
            .await
            .unwrap();
        assert_eq!(log.len(), 1);
    }
}

#[tokio::test]
async fn a_password_reset_arrives_by_smtp_and_revokes_sessions() {
    let smtp = SmtpSink::start();
    for app in apps().await {
        // The demo's own due emails first (its notifications), then more emails to the person
        // than resets allowed per hour: other emails do not stop a reset.
        web::jobs::run_due(app.db(), &smtp.runners()).await;
        for n in 0..domain::accounts::RESET_MAILS_PER_HOUR {
            web::mail::queue(
                app.db(),
                "membro@ponte.example",
                &format!("Avviso {n}"),
                "Testo.",
            )
            .await
            .unwrap();
        }
        web::jobs::run_due(app.db(), &smtp.runners()).await;
        let before = smtp.messages().len();
        let mut old_browser = app.signed_in("membro@ponte.example").await;
        let mut c = app.client();
        let unknown = c
            .post("/password/forgot", &[("email", "nessuno@ponte.example")])
            .await;
        let known = c
            .post("/password/forgot", &[("email", "membro@ponte.example")])
            .await;
        assert_eq!(unknown.status, known.status);
        assert_eq!(unknown.location(), known.location());
        assert_eq!(
            web::jobs::run_due(app.db(), &smtp.runners()).await,
            1,
            "only the existing account gets mail"
        );
        let mail = &smtp.messages()[before];
        assert!(mail.contains("X-Envelope-To: membro@ponte.example"));
        let path = link_in(mail, "http://ponte.test");
        assert!(path.starts_with("/password/reset/"));
        assert_eq!(c.get(&path).await.status, StatusCode::OK);
        let mismatch = c
            .post(
                &path,
                &[
                    ("password", "nuova password"),
                    ("password_confirmation", "altra password"),
                ],
            )
            .await;
        assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(mismatch.body.contains("non coincidono"));
        let done = c
            .post(
                &path,
                &[
                    ("password", "nuova password"),
                    ("password_confirmation", "nuova password"),
                ],
            )
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        assert_eq!(
            old_browser.get("/profile").await.status,
            StatusCode::SEE_OTHER,
            "old sessions end"
        );
        assert_eq!(
            c.get(&path).await.status,
            StatusCode::BAD_REQUEST,
            "the link works once"
        );
        let old = c
            .post(
                "/sign-in",
                &[("email", "membro@ponte.example"), ("password", DEMO)],
            )
            .await;
        assert_eq!(old.status, StatusCode::UNAUTHORIZED);
        let new = c
            .post(
                "/sign-in",
                &[
                    ("email", "membro@ponte.example"),
                    ("password", "nuova password"),
                ],
            )
            .await;
        assert_eq!(new.status, StatusCode::SEE_OTHER);
        // The public form cannot flood a mailbox: a few messages per hour at most.
        for _ in 0..5 {
            let r = c
                .post("/password/forgot", &[("email", "membro@ponte.example")])
                .await;
            assert_eq!(r.location(), "/sign-in?done=reset-sent");
        }
        assert_eq!(
            web::jobs::run_due(app.db(), &smtp.runners()).await,
            2,
            "one reset was sent already: two more"
        );
    }
}

#[tokio::test]
async fn profiles_are_validated_and_never_overwrite_silently() {
    for app in apps().await {
        let mut c = app.signed_in("membro@ponte.example").await;
        let page = c.get("/profile").await;
        assert!(page.body.contains("Francesca Greco"));
        // The version the page was read at (the demo may have saved the profile already), and
        // the profile changes recorded so far.
        let member = db::accounts::credentials(app.db(), "membro@ponte.example")
            .await
            .unwrap()
            .unwrap()
            .id;
        let read = db::accounts::user(app.db(), member).await.unwrap();
        let version = &*read.version.to_string().leak();
        let (_, recorded) = db::audit::page(app.db(), Some("user.profile"), 10, 0)
            .await
            .unwrap();
        let bad = c
            .post(
                "/profile",
                &[
                    ("version", version),
                    ("name", ""),
                    ("languages", "xx"),
                    ("competences", ""),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("Campo obbligatorio"));
        assert!(bad.body.contains("Scegli uno dei valori proposti"));
        let ok = c
            .post(
                "/profile",
                &[
                    ("version", version),
                    ("name", "Francesca Greco"),
                    ("languages", "it"),
                    ("languages", "fr"),
                    ("competences", "PCM, budget"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let user = db::accounts::user(
            app.db(),
            db::accounts::credentials(app.db(), "membro@ponte.example")
                .await
                .unwrap()
                .unwrap()
                .id,
        )
        .await
        .unwrap();
        assert_eq!(user.languages, vec!["it", "fr"]);
        assert_eq!(user.competences, vec!["PCM", "budget"]);
        // A second save based on the old version is refused and shown as a conflict.
        let stale = c
            .post(
                "/profile",
                &[
                    ("version", version),
                    ("name", "Altro Nome"),
                    ("competences", ""),
                ],
            )
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        assert!(stale.body.contains("Qualcun altro ha modificato"));
        let again = db::accounts::user(app.db(), user.id).await.unwrap();
        assert_eq!(again.name, "Francesca Greco");
        let (log, total) = db::audit::page(app.db(), Some("user.profile"), 10, 0)
            .await
            .unwrap();
        assert_eq!(
            total,
            recorded + 1,
            "one change recorded, the stale one not"
        );
        let languages = serde_json::to_string(&read.languages).unwrap();
        assert!(log[0]
            .before
            .as_deref()
            .unwrap()
            .contains(&format!("\"languages\":{languages}")));
        assert!(log[0].after.as_deref().unwrap().contains("PCM"));
    }
}

#[tokio::test]
async fn expired_links_and_sessions_open_nothing() {
    let smtp = SmtpSink::start();
    for app in apps().await {
        let before = smtp.messages().len();
        let mut admin = app.signed_in("admin@ponte.example").await;
        let r = admin
            .post(
                "/admin/invitations",
                &[
                    ("email", "tardi@ponte.example"),
                    ("role", "staff"),
                    ("organisation", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let mut c = app.client();
        c.post("/password/forgot", &[("email", "membro@ponte.example")])
            .await;
        assert_eq!(web::jobs::run_due(app.db(), &smtp.runners()).await, 2);
        let messages = smtp.messages();
        let invitation = link_in(&messages[before], "http://ponte.test");
        let reset = link_in(&messages[before + 1], "http://ponte.test");
        db::testing::exec(app.db(), "UPDATE invitations SET expires_at = created_at").await;
        db::testing::exec(
            app.db(),
            "UPDATE password_resets SET expires_at = created_at",
        )
        .await;
        assert_eq!(c.get(&invitation).await.status, StatusCode::BAD_REQUEST);
        let late = c
            .post(
                &invitation,
                &[
                    ("name", "Tardi"),
                    ("password", "una password lunga"),
                    ("password_confirmation", "una password lunga"),
                ],
            )
            .await;
        assert_eq!(late.status, StatusCode::BAD_REQUEST);
        assert!(late.body.contains("è scaduto o è già stato usato"));
        assert_eq!(c.get(&reset).await.status, StatusCode::BAD_REQUEST);
        let r = c
            .post(
                &reset,
                &[
                    ("password", "nuova password"),
                    ("password_confirmation", "nuova password"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert!(db::accounts::credentials(app.db(), "tardi@ponte.example")
            .await
            .unwrap()
            .is_none());
        // An expired session is no session.
        let mut member = app.signed_in("membro@ponte.example").await;
        db::testing::exec(app.db(), "UPDATE sessions SET expires_at = created_at").await;
        assert_eq!(member.get("/profile").await.status, StatusCode::SEE_OTHER);
    }
}

/// Links and sessions end when the application's clock passes their lifetime, with no waiting
/// and no change to the stored expiries: every instance over the database reads the one clock.
#[tokio::test]
async fn links_and_sessions_expire_by_the_application_clock_on_every_instance() {
    use chrono::Duration;
    use domain::accounts::{INVITATION_LIFETIME, RESET_LIFETIME, SESSION_IDLE_LIFETIME};
    let smtp = SmtpSink::start();
    for app in apps().await {
        let name = app.backend.name;
        let before = smtp.messages().len();
        let mut admin = app.signed_in("admin@ponte.example").await;
        let r = admin
            .post(
                "/admin/invitations",
                &[
                    ("email", "puntuale@ponte.example"),
                    ("role", "staff"),
                    ("organisation", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        let mut here = app.client();
        here.post("/password/forgot", &[("email", "membro@ponte.example")])
            .await;
        assert_eq!(web::jobs::run_due(app.db(), &smtp.runners()).await, 2);
        let messages = smtp.messages();
        let invitation = link_in(&messages[before], "http://ponte.test");
        let reset = link_in(&messages[before + 1], "http://ponte.test");
        assert!(invitation.starts_with("/invitations/"), "{name}");
        assert!(reset.starts_with("/password/reset/"), "{name}");
        let member = app.signed_in("membro@ponte.example").await;
        let mut signed_here = app.client();
        signed_here.cookies = member.cookies.clone();
        let mut there = app.other_instance();
        let mut signed_there = app.other_instance();
        signed_there.cookies = member.cookies.clone();
        let clock = app.db().clock();
        // A minute before the reset link's end, both links open on both instances.
        clock.advance(RESET_LIFETIME - Duration::minutes(1));
        for c in [&mut here, &mut there] {
            assert_eq!(c.get(&reset).await.status, StatusCode::OK, "{name}");
            assert_eq!(c.get(&invitation).await.status, StatusCode::OK, "{name}");
        }
        // A minute after it, the reset link is dead on both; the invitation still opens.
        clock.advance(Duration::minutes(2));
        for c in [&mut here, &mut there] {
            assert_eq!(
                c.get(&reset).await.status,
                StatusCode::BAD_REQUEST,
                "{name}"
            );
            assert_eq!(c.get(&invitation).await.status, StatusCode::OK, "{name}");
        }
        let r = there
            .post(
                &reset,
                &[
                    ("password", "nuova password"),
                    ("password_confirmation", "nuova password"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{name}");
        // Past the invitation's lifetime: it opens nothing and lets nobody in.
        clock.advance(INVITATION_LIFETIME);
        for c in [&mut here, &mut there] {
            assert_eq!(
                c.get(&invitation).await.status,
                StatusCode::BAD_REQUEST,
                "{name}"
            );
        }
        let late = here
            .post(
                &invitation,
                &[
                    ("name", "Puntuale"),
                    ("password", "una password lunga"),
                    ("password_confirmation", "una password lunga"),
                ],
            )
            .await;
        assert_eq!(late.status, StatusCode::BAD_REQUEST, "{name}");
        assert!(
            db::accounts::credentials(app.db(), "puntuale@ponte.example")
                .await
                .unwrap()
                .is_none(),
            "{name}"
        );
        // A session lives while it is used within its idle lifetime, read by the clock: used
        // on one instance a week after it opened, it is alive on the other a minute before that
        // use's lifetime ends, and gone on both once the lifetime passed without use.
        assert_eq!(
            signed_there.get("/profile").await.status,
            StatusCode::OK,
            "{name}"
        );
        clock.advance(SESSION_IDLE_LIFETIME - Duration::minutes(1));
        assert_eq!(
            signed_here.get("/profile").await.status,
            StatusCode::OK,
            "{name}"
        );
        clock.advance(SESSION_IDLE_LIFETIME + Duration::minutes(1));
        for c in [&mut signed_here, &mut signed_there] {
            assert_eq!(
                c.get("/profile").await.status,
                StatusCode::SEE_OTHER,
                "{name}"
            );
        }
        // The records made meanwhile carry the clock's time.
        let (log, _) = db::audit::page(app.db(), Some("session.open"), 1, 0)
            .await
            .unwrap();
        let moved = INVITATION_LIFETIME + SESSION_IDLE_LIFETIME * 2;
        assert!(
            app.db().now() - log[0].at > moved,
            "{name}: the last session opened before the clock moved"
        );
        let fresh = app.signed_in("membro@ponte.example").await;
        assert!(fresh.session().is_some());
        let (log, _) = db::audit::page(app.db(), Some("session.open"), 1, 0)
            .await
            .unwrap();
        let lag = app.db().now() - log[0].at;
        assert!(
            Duration::zero() <= lag && lag < Duration::minutes(1),
            "{name}: a session opened now is recorded at the clock's time, {lag} ago"
        );
    }
}

#[tokio::test]
async fn coordinators_invite_into_their_own_workspace_only() {
    let smtp = SmtpSink::start();
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        let page = coordinator
            .get(&format!("/organisations/{salerno}/workspace"))
            .await;
        assert!(page.body.contains("Invita una persona in questo spazio"));
        assert!(
            !page.body.contains("value=\"tutor\""),
            "coordinators do not appoint tutors"
        );
        let tutor = coordinator
            .post(
                &format!("/organisations/{salerno}/invitations"),
                &[("email", "t@ponte.example"), ("role", "tutor")],
            )
            .await;
        assert_eq!(tutor.status, StatusCode::UNPROCESSABLE_ENTITY);
        let bad = coordinator
            .post(
                &format!("/organisations/{salerno}/invitations"),
                &[("email", "nope"), ("role", "member")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("Inserisci un indirizzo email valido"));
        let other = coordinator
            .post(
                &format!("/organisations/{caserta}/invitations"),
                &[("email", "x@ponte.example"), ("role", "member")],
            )
            .await;
        assert_eq!(other.status, StatusCode::FORBIDDEN);
        let ok = coordinator
            .post(
                &format!("/organisations/{salerno}/invitations"),
                &[("email", "collega@provincia.example"), ("role", "member")],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let before = smtp.messages().len();
        assert_eq!(web::jobs::run_due(app.db(), &smtp.runners()).await, 1);
        let path = link_in(&smtp.messages()[before], "http://ponte.test");
        let mut colleague = app.client();
        colleague
            .post(
                &path,
                &[
                    ("name", "Collega Nuova"),
                    ("password", "una password lunga"),
                    ("password_confirmation", "una password lunga"),
                ],
            )
            .await;
        assert_eq!(
            colleague
                .get(&format!("/organisations/{salerno}/workspace"))
                .await
                .status,
            StatusCode::OK
        );
        assert_eq!(
            colleague
                .get(&format!("/organisations/{caserta}/workspace"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let mut member = app.signed_in("membro@ponte.example").await;
        let denied = member
            .post(
                &format!("/organisations/{salerno}/invitations"),
                &[("email", "y@ponte.example"), ("role", "member")],
            )
            .await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn administrators_suspend_and_restore_accounts() {
    for app in apps().await {
        let member_id = db::accounts::credentials(app.db(), "membro@ponte.example")
            .await
            .unwrap()
            .unwrap()
            .id;
        let admin_id = db::accounts::credentials(app.db(), "admin@ponte.example")
            .await
            .unwrap()
            .unwrap()
            .id;
        let mut member = app.signed_in("membro@ponte.example").await;
        let mut admin = app.signed_in("admin@ponte.example").await;
        let page = admin.get("/admin/users").await;
        assert!(page
            .body
            .contains(&format!("/admin/users/{member_id}/active")));
        assert!(
            !page
                .body
                .contains(&format!("/admin/users/{admin_id}/active")),
            "no button to suspend oneself"
        );
        let r = admin
            .post(
                &format!("/admin/users/{member_id}/active"),
                &[("active", "false")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            member.get("/profile").await.status,
            StatusCode::SEE_OTHER,
            "the suspended account's session ended"
        );
        let mut again = app.client();
        let refused = again
            .post(
                "/sign-in",
                &[("email", "membro@ponte.example"), ("password", DEMO)],
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNAUTHORIZED,
            "same answer as a wrong password"
        );
        let r = admin
            .post(
                &format!("/admin/users/{admin_id}/active"),
                &[("active", "false")],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert!(r.body.contains("Non puoi sospendere il tuo stesso account"));
        assert_eq!(
            admin
                .post(
                    &format!("/admin/users/{member_id}/active"),
                    &[("active", "maybe")]
                )
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
        let unknown = uuid::Uuid::now_v7();
        assert_eq!(
            admin
                .post(
                    &format!("/admin/users/{unknown}/active"),
                    &[("active", "false")]
                )
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let r = admin
            .post(
                &format!("/admin/users/{member_id}/active"),
                &[("active", "true")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            again
                .post(
                    "/sign-in",
                    &[("email", "membro@ponte.example"), ("password", DEMO)]
                )
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let mut staff = app.signed_in("staff@ponte.example").await;
        assert_eq!(
            staff
                .post(
                    &format!("/admin/users/{member_id}/active"),
                    &[("active", "false")]
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let (log, _) = db::audit::page(app.db(), Some("user.suspend"), 10, 0)
            .await
            .unwrap();
        assert_eq!(log.len(), 1);
    }
}

#[tokio::test]
async fn email_goes_over_starttls_and_never_in_clear_to_a_server_that_requires_it() {
    let (smtp, ca) = SmtpSink::start_with_starttls();
    let app = common::app_on(db::testing::sqlite().await).await;
    let mut c = app.client();
    c.post("/password/forgot", &[("email", "staff@ponte.example")])
        .await;
    // Plain text is refused by the server: nothing is delivered, the message stays queued.
    let mut plain = smtp.config();
    plain.host = "localhost".into();
    assert_eq!(
        web::jobs::run_due(app.db(), &web::jobs::Runners::with_smtp(plain.clone())).await,
        0
    );
    // A server certificate from an unknown authority is refused too.
    let mut untrusted = plain.clone();
    untrusted.tls = web::SmtpTls::StartTls;
    db::testing::exec(
        app.db(),
        "UPDATE jobs SET run_at = created_at WHERE kind = 'email'",
    )
    .await;
    assert_eq!(
        web::jobs::run_due(app.db(), &web::jobs::Runners::with_smtp(untrusted.clone())).await,
        0
    );
    assert!(smtp.messages().is_empty());
    // With the authority trusted, the message goes over STARTTLS.
    let mut secure = untrusted.clone();
    secure.ca_pem = Some(ca);
    db::testing::exec(
        app.db(),
        "UPDATE jobs SET run_at = created_at WHERE kind = 'email'",
    )
    .await;
    assert_eq!(
        web::jobs::run_due(app.db(), &web::jobs::Runners::with_smtp(secure.clone())).await,
        1
    );
    let messages = smtp.messages();
    assert_eq!(messages.len(), 1);
    assert!(messages[0].contains("X-Envelope-To: staff@ponte.example"));
}

#[tokio::test]
async fn the_clean_up_removes_only_what_is_dead() {
    for app in apps().await {
        let mut live = app.signed_in("membro@ponte.example").await;
        let mut c = app.client();
        c.post(
            "/sign-in",
            &[
                ("email", "membro@ponte.example"),
                ("password", "wrong password"),
            ],
        )
        .await;
        let dead = app.signed_in("tutor@ponte.example").await;
        let dead_token = dead.session().unwrap();
        let sql = format!(
            "UPDATE sessions SET expires_at = created_at WHERE id_hash = '{}'",
            db::token_hash(&dead_token)
        );
        db::testing::exec(app.db(), &sql).await;
        let first = db::maintenance::clean_up(app.db()).await.unwrap();
        assert_eq!(first.sessions, 1, "only the expired session");
        assert_eq!(
            first.attempts, 0,
            "recent attempts still count for the throttle"
        );
        assert_eq!(live.get("/profile").await.status, StatusCode::OK);
        db::testing::exec(
            app.db(),
            "UPDATE login_attempts SET at = '2000-01-01T00:00:00Z'",
        )
        .await;
        let second = db::maintenance::clean_up(app.db()).await.unwrap();
        assert!(second.attempts >= 1);
        let (audit, _) = db::audit::page(app.db(), None, 1, 0).await.unwrap();
        assert_eq!(audit.len(), 1, "the audit log is kept");
    }
}

#[tokio::test]
async fn coordinators_remove_people_from_their_workspace() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let id = |email: &'static str| {
            let db = app.db().clone();
            async move {
                db::accounts::credentials(&db, email)
                    .await
                    .unwrap()
                    .unwrap()
                    .id
                    .to_string()
            }
        };
        let member = id("membro@ponte.example").await;
        let tutor = id("tutor@ponte.example").await;
        let coordinator_id = id("coordinatore@ponte.example").await;
        let remove = format!("/organisations/{salerno}/members/remove");
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        let mut membro = app.signed_in("membro@ponte.example").await;
        let page = coordinator
            .get(&format!("/organisations/{salerno}/workspace"))
            .await;
        assert!(
            page.body.contains(&format!("value=\"{member}\"")),
            "the member can be removed"
        );
        assert!(
            !page.body.contains(&format!("value=\"{tutor}\"")),
            "the tutor cannot"
        );
        assert!(
            !page.body.contains(&format!("value=\"{coordinator_id}\"")),
            "nor oneself"
        );
        assert_eq!(
            membro
                .post(&remove, &[("user", &member), ("role", "member")])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            coordinator
                .post(&remove, &[("user", &tutor), ("role", "tutor")])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            coordinator
                .post(
                    &remove,
                    &[("user", &coordinator_id), ("role", "coordinator")]
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            coordinator
                .post(&remove, &[("user", &member), ("role", "actor")])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            coordinator
                .post(&remove, &[("user", "nope"), ("role", "member")])
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
        let done = coordinator
            .post(&remove, &[("user", &member), ("role", "member")])
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        assert_eq!(
            membro
                .get(&format!("/organisations/{salerno}/workspace"))
                .await
                .status,
            StatusCode::FORBIDDEN,
            "the removal takes effect at once"
        );
        let (log, _) = db::audit::page(app.db(), Some("grant.revoke"), 10, 0)
            .await
            .unwrap();
        assert_eq!(log.len(), 1);
    }
}
