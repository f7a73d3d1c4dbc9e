//! Commitments of a territorial table on both databases: the secretariat records one from a
//! meeting, the owing organisation's representative moves it on with evidence, the history keeps
//! every change, the table page and the public page show the states (overdue ones marked, no
//! email address in public), the next meeting's form proposes reviewing what is pending, and the
//! counts per administration add up. Every refusal is a 4xx with its message and stores
//! nothing. Reminders and weekly digests are timed on the application's clock, written in the
//! owner's language and queued once, however often their jobs run.

mod common;

use axum::http::StatusCode;
use chrono::{Duration, NaiveDate};
use common::{apps, App, Client};
use domain::locale::Locale;
use domain::tables::commitments::{next_digest, reminder_at, Status};
use uuid::Uuid;

const SECRETARY: &str = "membro@ponte.example";
const ACTOR: &str = "attore@ponte.example";
const TUTOR: &str = "tutor@ponte.example";

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

/// The Italian text of a message.
fn it(app: &App, key: &str) -> String {
    app.state.i18n.message(Locale::It, key, &[])
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

/// Sends a form that must be refused with `status` and the message `key`, storing nothing.
async fn refused(
    app: &App,
    c: &mut Client,
    path: &str,
    form: &[(&str, &str)],
    status: StatusCode,
    key: &str,
) {
    let before = footprint(app).await;
    let r = c.post(path, form).await;
    let context = format!("{path} {form:?} on {}", app.backend.name);
    assert_eq!(r.status, status, "{context}: {}", r.body);
    if !key.is_empty() {
        let message = it(app, key);
        let body = unescape(&r.body);
        assert!(
            body.contains(&message),
            "{context}: no «{message}» in {body}"
        );
    }
    assert_eq!(
        footprint(app).await,
        before,
        "{context}: something was stored"
    );
}

/// Text as the page shows it, HTML entities undone.
fn unescape(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn today(app: &App) -> NaiveDate {
    app.db()
        .now()
        .with_timezone(&domain::locale::TIME_ZONE)
        .date_naive()
}

/// The emails queued to `to`: (subject, body), oldest first.
async fn emails_to(app: &App, to: &str) -> Vec<(String, String)> {
    let payloads: Vec<String> = db::run!(app.db(), |pool| sqlx::query_scalar(
        "SELECT payload FROM jobs WHERE kind = 'email' AND key = $1 ORDER BY created_at, id"
    )
    .bind(to)
    .fetch_all(pool)
    .await
    .unwrap());
    payloads
        .iter()
        .map(|p| {
            let v: serde_json::Value = serde_json::from_str(p).unwrap();
            (
                v["subject"].as_str().unwrap().to_string(),
                v["body"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The reminder jobs queued for commitment `id`: their run times.
async fn reminder_jobs(app: &App, id: Uuid) -> Vec<chrono::DateTime<chrono::Utc>> {
    db::run!(app.db(), |pool| sqlx::query_scalar(
        "SELECT run_at FROM jobs WHERE kind = $1 AND key = $2 ORDER BY run_at"
    )
    .bind(db::tables::COMMITMENT_REMINDER_JOB)
    .bind(id.to_string())
    .fetch_all(pool)
    .await
    .unwrap())
}

fn runners() -> web::jobs::Runners {
    web::jobs::Runners {
        base_url: "http://ponte.test".into(),
        ..Default::default()
    }
}

/// Records a commitment through the secretariat's form; returns its id.
async fn record(
    app: &App,
    c: &mut Client,
    table: Uuid,
    meeting: Uuid,
    form: &[(&str, &str)],
) -> Uuid {
    let r = c
        .post(
            &format!("/tables/{table}/meetings/{meeting}/commitments"),
            form,
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "{}: {}",
        app.backend.name,
        r.body
    );
    let location = r.location();
    Uuid::parse_str(location.rsplit('/').next().unwrap()).unwrap()
}

#[tokio::test]
async fn a_commitment_is_recorded_followed_and_shown() {
    for app in apps().await {
        let name = app.backend.name;
        let table = salerno_table(&app).await;
        let held = db::tables::meetings(app.db(), table)
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.status.code() == "held")
            .expect("a held meeting");
        let held_day = domain::labs::schedule::local(held.starts_at).0;
        let chamber = app.organisation("Camera di commercio di Salerno").await;
        let university = app.organisation("Università degli Studi di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let reps = db::tables::representatives(app.db(), table).await.unwrap();
        let rep_of = |org: Uuid| reps.iter().find(|r| r.organisation_id == org).unwrap();
        let actor_rep = rep_of(chamber).id.to_string();
        let university_rep = rep_of(university).id.to_string();

        // The demo: done, open, overdue and dropped commitments.
        let demo = db::tables::commitments(app.db(), table).await.unwrap();
        let today = today(&app);
        let count = |s: Status| demo.iter().filter(|c| c.status == s).count();
        assert!(count(Status::Done) >= 2, "{name}");
        assert!(count(Status::Dropped) >= 1, "{name}");
        let overdue: Vec<_> = demo
            .iter()
            .filter(|c| c.status.is_pending() && c.due_on < today)
            .collect();
        assert!(overdue.len() >= 2, "{name}");
        assert!(demo
            .iter()
            .any(|c| c.status.is_pending() && c.due_on >= today));

        // The table page shows them with their state; the public page too, without addresses.
        let mut secretary = app.signed_in(SECRETARY).await;
        let page = secretary.get(&format!("/tables/{table}")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}: {}", page.body);
        assert!(page.body.contains(&it(&app, "commitment-status-overdue")));
        assert!(page.body.contains(&it(&app, "commitment-status-done")));
        assert!(unescape(&page.body).contains(&overdue[0].what));
        let public = app.client().get(&format!("/tables/{table}/public")).await;
        assert_eq!(public.status, StatusCode::OK, "{name}");
        assert!(public.body.contains(&it(&app, "commitments-title")));
        assert!(public.body.contains(&it(&app, "commitment-status-dropped")));
        for r in &reps {
            assert!(
                !public.body.contains(&r.email),
                "{name}: {} in public",
                r.email
            );
        }

        // The next meeting's form proposes reviewing what is pending.
        let form = secretary
            .get(&format!("/tables/{table}/meetings/new"))
            .await;
        assert_eq!(form.status, StatusCode::OK, "{name}");
        assert!(
            form.body.contains(&it(&app, "commitments-review-stem")),
            "{name}"
        );
        assert!(unescape(&form.body).contains(&overdue[0].what));

        // Recorded by the secretariat.
        let new_form = secretary
            .get(&format!(
                "/tables/{table}/meetings/{}/commitments/new",
                held.id
            ))
            .await;
        assert_eq!(new_form.status, StatusCode::OK, "{name}");
        let due = (today + Duration::days(40)).to_string();
        let path = format!("/tables/{table}/meetings/{}/commitments", held.id);
        let chamber_s = chamber.to_string();
        let good = vec![
            (
                "what",
                "Presentare al tavolo il calendario delle fiere in Albania",
            ),
            ("organisation", chamber_s.as_str()),
            ("representative", actor_rep.as_str()),
            ("due_on", due.as_str()),
            ("evidence", ""),
        ];
        let with = |key: &str, value: &str| -> Vec<(String, String)> {
            good.iter()
                .map(|(k, v)| {
                    let v = if *k == key { value } else { *v };
                    (k.to_string(), v.to_string())
                })
                .collect()
        };
        let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
        let caserta_s = caserta.to_string();
        let before_meeting = (held_day - Duration::days(1)).to_string();
        for (key, value, message) in [
            ("organisation", caserta_s.as_str(), "error-table-not-member"),
            (
                "representative",
                university_rep.as_str(),
                "error-commitment-person",
            ),
            (
                "due_on",
                before_meeting.as_str(),
                "error-commitment-due-before-meeting",
            ),
            ("evidence", "la delibera", "error-commitment-evidence"),
            (
                "evidence",
                &Uuid::now_v7().to_string(),
                "error-commitment-document",
            ),
            ("what", " ", "error-required"),
        ] {
            let form = with(key, value);
            let pairs: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            refused(&app, &mut secretary, &path, &pairs, unprocessable, message).await;
        }
        // The actor does not record commitments; a stranger does not find the table's.
        let mut actor = app.signed_in(ACTOR).await;
        refused(&app, &mut actor, &path, &good, StatusCode::FORBIDDEN, "").await;

        let id = record(&app, &mut secretary, table, held.id, &good).await;
        let c = db::tables::commitment(app.db(), table, id).await.unwrap();
        assert_eq!(c.status, Status::Open, "{name}");
        assert_eq!(c.organisation_id, chamber);
        let due_on = today + Duration::days(40);
        assert_eq!(
            reminder_jobs(&app, id).await,
            vec![reminder_at(due_on, app.db().now()).unwrap()],
            "{name}: the reminder is queued a week before"
        );

        // The representative of the chamber moves it on; history grows.
        let progress = format!("/tables/{table}/commitments/{id}/progress");
        let r = actor
            .post(
                &progress,
                &[
                    ("status", "in_progress"),
                    ("evidence", ""),
                    ("reason", ""),
                    ("note", "Calendario in preparazione."),
                    ("version", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        // A stale version: 409, nothing stored.
        refused(
            &app,
            &mut actor,
            &progress,
            &[("status", "done"), ("note", "x"), ("version", "1")],
            StatusCode::CONFLICT,
            "commitment-progress-conflict",
        )
        .await;
        refused(
            &app,
            &mut actor,
            &progress,
            &[("status", "dropped"), ("reason", " "), ("version", "2")],
            unprocessable,
            "error-commitment-drop-reason",
        )
        .await;
        refused(
            &app,
            &mut actor,
            &progress,
            &[("status", "in_progress"), ("version", "2")],
            unprocessable,
            "error-commitment-nothing",
        )
        .await;
        refused(
            &app,
            &mut actor,
            &progress,
            &[("status", "open"), ("note", "indietro"), ("version", "2")],
            unprocessable,
            "error-commitment-status-move",
        )
        .await;
        let r = actor
            .post(
                &progress,
                &[
                    ("status", "done"),
                    ("evidence", "https://www.sa.camcom.example/fiere-albania"),
                    ("note", "Presentato alla riunione."),
                    ("version", "2"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let c = db::tables::commitment(app.db(), table, id).await.unwrap();
        assert_eq!(c.status, Status::Done, "{name}");
        assert_eq!(c.closed_on, Some(today));
        let history = db::tables::commitment_history(app.db(), id).await.unwrap();
        assert_eq!(history.len(), 3, "{name}");
        assert!(history[2]
            .changes
            .iter()
            .any(|ch| ch.field == "status" && ch.before == "in_progress" && ch.after == "done"));
        assert_eq!(history[2].note, "Presentato alla riunione.");
        // Done is final.
        refused(
            &app,
            &mut actor,
            &progress,
            &[("status", "done"), ("note", "ancora"), ("version", "3")],
            unprocessable,
            "error-commitment-closed",
        )
        .await;
        let page = actor
            .get(&format!("/tables/{table}/commitments/{id}"))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Presentato alla riunione."));

        // The actor may not update another organisation's commitment; a tutor sees, never updates.
        let theirs = demo
            .iter()
            .find(|c| c.organisation_id == university)
            .unwrap();
        let theirs_path = format!("/tables/{table}/commitments/{}/progress", theirs.id);
        let version = theirs.version.to_string();
        let form = [
            ("status", "done"),
            ("note", "fatto"),
            ("version", version.as_str()),
        ];
        refused(
            &app,
            &mut actor,
            &theirs_path,
            &form,
            StatusCode::FORBIDDEN,
            "",
        )
        .await;
        let mut tutor = app.signed_in(TUTOR).await;
        let seen = tutor
            .get(&format!("/tables/{table}/commitments/{}", theirs.id))
            .await;
        assert_eq!(seen.status, StatusCode::OK, "{name}");
        refused(
            &app,
            &mut tutor,
            &theirs_path,
            &form,
            StatusCode::FORBIDDEN,
            "",
        )
        .await;
        // Without an account on the table, the page sends to the public page.
        let guest = app
            .client()
            .get(&format!("/tables/{table}/commitments/{}", theirs.id))
            .await;
        assert_eq!(guest.status, StatusCode::SEE_OTHER);

        // The secretariat edits a pending one: its due date moves, the history says so and a new
        // reminder is queued; a stale edit is a conflict.
        let edit = format!("/tables/{table}/commitments/{}", theirs.id);
        let new_due = (theirs.due_on + Duration::days(14)).to_string();
        let theirs_org = theirs.organisation_id.to_string();
        let theirs_rep = theirs.representative_id.to_string();
        let form = vec![
            ("what", theirs.what.as_str()),
            ("organisation", theirs_org.as_str()),
            ("representative", theirs_rep.as_str()),
            ("due_on", new_due.as_str()),
            ("evidence", ""),
            ("note", "Rinviato su richiesta dell'università."),
            ("version", version.as_str()),
        ];
        let r = secretary.post(&edit, &form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let after = db::tables::commitment(app.db(), table, theirs.id)
            .await
            .unwrap();
        assert_eq!(after.due_on.to_string(), new_due);
        let last = db::tables::commitment_history(app.db(), theirs.id)
            .await
            .unwrap()
            .pop()
            .unwrap();
        assert_eq!(last.changes.len(), 1, "{name}: {:?}", last.changes);
        assert_eq!(last.changes[0].field, "due_on");
        assert_eq!(reminder_jobs(&app, theirs.id).await.len(), 2, "{name}");
        refused(&app, &mut secretary, &edit, &form, StatusCode::CONFLICT, "").await;
        // A closed one is not edited.
        let closed_path = format!("/tables/{table}/commitments/{id}");
        let three = "3".to_string();
        let closed_form: Vec<(&str, &str)> = form
            .iter()
            .map(|(k, v)| {
                if *k == "version" {
                    (*k, three.as_str())
                } else {
                    (*k, *v)
                }
            })
            .collect();
        refused(
            &app,
            &mut secretary,
            &closed_path,
            &closed_form,
            unprocessable,
            "error-commitment-closed",
        )
        .await;

        // The counts for the results dashboard.
        let results = db::tables::results_by_administration(app.db())
            .await
            .unwrap();
        let salerno = app.organisation("Provincia di Salerno").await;
        let foggia = app.organisation("Provincia di Foggia").await;
        let of = |org: Uuid| results.iter().find(|r| r.organisation_id == org).unwrap();
        assert_eq!(of(salerno).tables_constituted, 1, "{name}");
        let held_count = db::tables::meetings(app.db(), table)
            .await
            .unwrap()
            .iter()
            .filter(|m| m.status.code() == "held")
            .count();
        assert!(held_count >= 1, "{name}");
        assert_eq!(of(salerno).meetings_held as usize, held_count, "{name}");
        assert_eq!(
            of(salerno).commitments_done as usize,
            count(Status::Done) + 1,
            "{name}"
        );
        assert_eq!(
            (
                of(foggia).tables_constituted,
                of(foggia).meetings_held,
                of(foggia).commitments_done
            ),
            (0, 0, 0),
            "{name}: a table being formed"
        );
        assert!(
            results.iter().all(|r| r.organisation_id != chamber),
            "{name}: only administrations that lead a table"
        );
    }
}

#[tokio::test]
async fn reminders_and_digests_go_out_once_at_their_time() {
    for app in apps().await {
        let name = app.backend.name;
        let table = salerno_table(&app).await;
        let held = db::tables::meetings(app.db(), table)
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.status.code() == "held")
            .expect("a held meeting");
        let chamber = app.organisation("Camera di commercio di Salerno").await;
        let reps = db::tables::representatives(app.db(), table).await.unwrap();
        let actor_rep = reps
            .iter()
            .find(|r| r.organisation_id == chamber && r.user_id.is_some())
            .unwrap();
        let actor_email = actor_rep.email.clone();
        // The actor reads English.
        let actor_id = actor_rep.user_id.unwrap();
        let user = db::accounts::user(app.db(), actor_id).await.unwrap();
        let mut me = app.signed_in(ACTOR).await;
        let version = user.version.to_string();
        let r = me
            .post(
                "/profile",
                &[
                    ("name", user.name.as_str()),
                    ("competences", ""),
                    ("version", version.as_str()),
                    ("languages", "en"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        let today = today(&app);
        // Far enough for the digests of the next two weeks to come first.
        let due_on = today + Duration::days(40);
        let due = due_on.to_string();
        let chamber_s = chamber.to_string();
        let rep_s = actor_rep.id.to_string();
        let mut secretary = app.signed_in(SECRETARY).await;
        let id = record(
            &app,
            &mut secretary,
            table,
            held.id,
            &[
                (
                    "what",
                    "Inviare l'elenco delle imprese per la missione a Tirana",
                ),
                ("organisation", chamber_s.as_str()),
                ("representative", rep_s.as_str()),
                ("due_on", due.as_str()),
            ],
        )
        .await;
        let reminder = reminder_at(due_on, app.db().now()).unwrap();
        let mentions = |emails: &[(String, String)]| {
            emails
                .iter()
                .filter(|(_, body)| body.contains("missione a Tirana"))
                .count()
        };
        let digest_jobs = || async {
            let at: Vec<chrono::DateTime<chrono::Utc>> = db::run!(app.db(), |pool| {
                sqlx::query_scalar(
                    "SELECT run_at FROM jobs WHERE kind = $1 AND done_at IS NULL ORDER BY run_at",
                )
                .bind(db::tables::COMMITMENT_DIGEST_JOB)
                .fetch_all(pool)
                .await
                .unwrap()
            });
            at
        };

        // The weekly digest: queued (once, however many ask) for Monday at eight in Rome; then
        // each owner of overdue commitments gets one email listing them, once for the week.
        let monday = next_digest(app.db().now());
        web::tables::reminders::ensure_digest(app.db())
            .await
            .unwrap();
        assert_eq!(digest_jobs().await, vec![monday], "{name}");
        let overdue: Vec<db::tables::Commitment> = db::tables::commitments(app.db(), table)
            .await
            .unwrap()
            .into_iter()
            .filter(|c| c.status.is_pending() && c.due_on < today)
            .collect();
        let owner = overdue[0].representative_email.clone();
        let digests =
            |list: &[(String, String)]| list.iter().filter(|(s, _)| s.contains("scadut")).count();
        web::jobs::run_due(app.db(), &runners()).await;
        app.db().clock().set(monday - Duration::minutes(1));
        web::jobs::run_due(app.db(), &runners()).await;
        assert_eq!(digests(&emails_to(&app, &owner).await), 0, "{name}");
        app.db().clock().set(monday + Duration::minutes(1));
        web::jobs::run_due(app.db(), &runners()).await;
        let got = emails_to(&app, &owner).await;
        assert_eq!(digests(&got), 1, "{name}: {got:?}");
        let (_, body) = got.iter().find(|(s, _)| s.contains("scadut")).unwrap();
        for c in overdue.iter().filter(|c| c.representative_email == owner) {
            assert!(body.contains(&c.what), "{name}: {body}");
        }
        // Run again in the same week: nothing more; the next Monday's digest is queued.
        web::tables::reminders::run_digest(app.db(), "http://ponte.test")
            .await
            .unwrap();
        assert_eq!(digests(&emails_to(&app, &owner).await), 1, "{name}");
        let next_monday = monday + Duration::days(7);
        assert_eq!(digest_jobs().await, vec![next_monday], "{name}");
        app.db().clock().set(next_monday + Duration::minutes(1));
        web::jobs::run_due(app.db(), &runners()).await;
        assert_eq!(digests(&emails_to(&app, &owner).await), 2, "{name}");

        // The reminder: not before its time, then once, in the owner's language.
        assert!(reminder > next_monday + Duration::days(1), "{name}");
        assert_eq!(mentions(&emails_to(&app, &actor_email).await), 0, "{name}");
        app.db().clock().set(reminder - Duration::minutes(1));
        web::jobs::run_due(app.db(), &runners()).await;
        assert_eq!(mentions(&emails_to(&app, &actor_email).await), 0, "{name}");
        app.db().clock().set(reminder + Duration::minutes(1));
        web::jobs::run_due(app.db(), &runners()).await;
        let sent = emails_to(&app, &actor_email).await;
        assert_eq!(mentions(&sent), 1, "{name}");
        let (subject, body) = sent
            .iter()
            .find(|(_, b)| b.contains("missione a Tirana"))
            .unwrap();
        assert!(
            subject.starts_with("Reminder: commitment due on"),
            "{name}: {subject}"
        );
        assert!(
            body.contains(&format!("/tables/{table}/commitments/{id}")),
            "{body}"
        );
        // The same reminder again (a second job for the same due date): nothing more.
        db::jobs::enqueue_at(
            app.db(),
            db::tables::COMMITMENT_REMINDER_JOB,
            Some(&id.to_string()),
            &db::tables::reminder_payload(id, due_on),
            app.db().now(),
        )
        .await
        .unwrap();
        web::jobs::run_due(app.db(), &runners()).await;
        assert_eq!(mentions(&emails_to(&app, &actor_email).await), 1, "{name}");
    }
}
