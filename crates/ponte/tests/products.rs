//! Products and remote tutoring on both databases: the review workflow with notifications and
//! emails, versions and comparison, anchored comments across versions, the logframe editor and
//! its quality check, edit conflicts, deadline reminders, and what is refused: approving one's
//! own product, other administrations' products, huge and malformed payloads.

mod common;

use axum::http::StatusCode;
use common::{apps, App, Client};
use domain::roles::{Grant, Role, SpaceKind};
use uuid::Uuid;

const COORDINATOR: &str = "coordinatore@ponte.example";
const MEMBER: &str = "membro@ponte.example";
const TUTOR: &str = "tutor@ponte.example";
const CASERTA_MEMBER: &str = "r.caruso@provincia.caserta.example";

/// Creates a product through the form; returns its path.
async fn create(client: &mut Client, org: Uuid, kind: &str, title: &str, mode: &str) -> String {
    let r = client
        .post(
            &format!("/organisations/{org}/products"),
            &[
                ("title", title),
                ("kind", kind),
                ("mode", mode),
                ("due_on", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let edit = r.location().to_string();
    assert!(edit.ends_with("/edit"), "{edit}");
    edit.trim_end_matches("/edit").to_string()
}

/// The edit counter in the editor page.
fn edit_number(page: &str) -> String {
    let at = page.find("name=\"edit\" value=\"").unwrap() + 19;
    page[at..].split('"').next().unwrap().to_string()
}

async fn save_text(
    client: &mut Client,
    path: &str,
    edit: &str,
    title: &str,
    markdown: &str,
    version: bool,
) -> common::Reply {
    let mut form = vec![
        ("edit", edit),
        ("title", title),
        ("markdown", markdown),
        ("due_on", ""),
    ];
    if version {
        form.push(("mark_version", "1"));
        form.push(("version_label", "Prima stesura"));
    }
    client.post(path, &form).await
}

/// A product's open threads as its administration's list shows them, checked against its
/// comments counted one by one.
async fn open_threads(app: &App, organisation: Uuid, product: Uuid) -> i64 {
    let listed = db::products::list(app.db(), organisation)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.id == product)
        .unwrap()
        .open_comments;
    let counted = db::products::comments(app.db(), product)
        .await
        .unwrap()
        .iter()
        .filter(|c| c.parent_id.is_none() && c.resolved_at.is_none())
        .count();
    assert_eq!(listed, counted as i64, "the list's count of open threads");
    listed
}

async fn product_id(app: &App, path: &str) -> Uuid {
    let id = Uuid::parse_str(path.rsplit('/').next().unwrap()).unwrap();
    assert!(db::products::get(app.db(), id).await.unwrap().is_some());
    id
}

#[tokio::test]
async fn the_review_workflow_notifies_and_keeps_versions() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut coordinator = app.signed_in(COORDINATOR).await;
        let mut tutor = app.signed_in(TUTOR).await;
        let path = create(
            &mut coordinator,
            salerno,
            "communication_plan",
            "Piano di comunicazione 2026",
            "",
        )
        .await;
        let id = product_id(&app, &path).await;
        // The outline of the kind is there, in Italian.
        let edit = coordinator.get(&format!("{path}/edit")).await;
        assert_eq!(edit.status, StatusCode::OK);
        assert!(edit.body.contains("## Destinatari"), "{}", edit.body);
        let n = edit_number(&edit.body);
        let r = save_text(
            &mut coordinator,
            &path,
            &n,
            "Piano di comunicazione 2026",
            "## Destinatari\n\nPersonale e <script>alert(1)</script> comuni.",
            true,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(r.location().ends_with("done=version"));
        let page = coordinator.get(&path).await;
        assert!(
            page.body
                .contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;")
                || page.body.contains("&lt;script&gt;"),
            "{}",
            page.body
        );
        assert!(!page.body.contains("<script>alert(1)"));
        // Submit: the tutor hears of it in the app and by email; the submission is a version.
        let r = coordinator
            .post(
                &format!("{path}/review"),
                &[("action", "submit"), ("note", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let p = db::products::get(app.db(), id).await.unwrap().unwrap();
        assert_eq!(p.state.code(), "submitted");
        let tutor_id = db::accounts::credentials(app.db(), TUTOR)
            .await
            .unwrap()
            .unwrap()
            .id;
        let notes = db::products::notifications(app.db(), tutor_id, 10)
            .await
            .unwrap();
        assert!(
            notes
                .iter()
                .any(|n| n.kind == "submitted" && n.link == path),
            "{notes:?}"
        );
        let queued: i64 = db::jobs::count_recent(
            app.db(),
            "email",
            TUTOR,
            chrono::Utc::now() - chrono::Duration::minutes(5),
        )
        .await
        .unwrap();
        assert!(queued >= 1);
        assert_eq!(
            db::products::latest_version(app.db(), id).await.unwrap(),
            1,
            "same content: no second version"
        );
        // Under review the authors cannot edit.
        let r = save_text(
            &mut coordinator,
            &path,
            &edit_number(&edit.body),
            "x",
            "changed",
            false,
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        // The author cannot judge their own product; the tutor can.
        let r = coordinator
            .post(&format!("{path}/review"), &[("action", "approve")])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let inbox = tutor.get("/tutoring").await;
        assert!(inbox.body.contains("Piano di comunicazione 2026"));
        let r = tutor
            .post(
                &format!("{path}/review"),
                &[
                    ("action", "request_changes"),
                    ("note", "Più concreto, per favore."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let coordinator_id = db::accounts::credentials(app.db(), COORDINATOR)
            .await
            .unwrap()
            .unwrap()
            .id;
        let notes = db::products::notifications(app.db(), coordinator_id, 10)
            .await
            .unwrap();
        assert!(notes.iter().any(|n| n.kind == "changes_requested"));
        let page = coordinator.get("/notifications").await;
        assert!(page.body.contains("ha chiesto modifiche"), "{}", page.body);
        // Changes, resubmission (a second version), approval.
        let edit = coordinator.get(&format!("{path}/edit")).await;
        let r = save_text(
            &mut coordinator,
            &path,
            &edit_number(&edit.body),
            "Piano di comunicazione 2026",
            "## Destinatari\n\nPersonale, comuni e imprese.",
            false,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = coordinator
            .post(&format!("{path}/review"), &[("action", "submit")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            db::products::get(app.db(), id)
                .await
                .unwrap()
                .unwrap()
                .state
                .code(),
            "resubmitted"
        );
        assert_eq!(db::products::latest_version(app.db(), id).await.unwrap(), 2);
        let r = tutor
            .post(&format!("{path}/review"), &[("action", "approve")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            db::products::get(app.db(), id)
                .await
                .unwrap()
                .unwrap()
                .state
                .code(),
            "approved"
        );
        // Approved is final.
        let r = tutor
            .post(&format!("{path}/review"), &[("action", "request_changes")])
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        // The line comparison of the two versions.
        let cmp = tutor.get(&format!("{path}/compare?a=1&b=2")).await;
        assert_eq!(cmp.status, StatusCode::OK);
        assert!(cmp.body.contains("diff-line-added"), "{}", cmp.body);
        let history = tutor.get(&path).await;
        assert!(history.body.contains("Approvato"));
    }
}

#[tokio::test]
async fn nobody_approves_what_they_wrote() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let hash = web::accounts::password::hash(ponte::demo::DEMO_PASSWORD).unwrap();
        let both = [Role::Coordinator, Role::Tutor].map(|role| Grant {
            role,
            space: SpaceKind::Organisation,
            space_id: Some(salerno),
        });
        let user = db::accounts::NewUser {
            email: "doppio@ponte.example".into(),
            name: "Doppio Ruolo".into(),
            password_hash: hash,
        };
        db::accounts::create_user(app.db(), &user, &both, None)
            .await
            .unwrap();
        let mut dual = app.signed_in("doppio@ponte.example").await;
        let path = create(&mut dual, salerno, "budget", "Budget", "").await;
        let r = dual
            .post(&format!("{path}/review"), &[("action", "submit")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = dual.get(&path).await;
        assert!(
            !page.body.contains("value=\"approve\""),
            "no approve button for an author"
        );
        let r = dual
            .post(&format!("{path}/review"), &[("action", "approve")])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.body.contains("a cui hai lavorato"), "{}", r.body);
        let id = product_id(&app, &path).await;
        assert_eq!(
            db::products::get(app.db(), id)
                .await
                .unwrap()
                .unwrap()
                .state
                .code(),
            "submitted"
        );
    }
}

#[tokio::test]
async fn a_stale_save_shows_both_and_loses_nothing() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut first = app.signed_in(COORDINATOR).await;
        let mut second = app.signed_in(MEMBER).await;
        let path = create(&mut first, salerno, "document", "Nota di lavoro", "").await;
        let n = edit_number(&first.get(&format!("{path}/edit")).await.body);
        let m = edit_number(&second.get(&format!("{path}/edit")).await.body);
        assert_eq!(n, m);
        let r = save_text(
            &mut first,
            &path,
            &n,
            "Nota di lavoro",
            "Testo di Paolo",
            false,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = save_text(
            &mut second,
            &path,
            &m,
            "Nota di lavoro",
            "Testo di Francesca",
            false,
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(
            r.body.contains("Testo di Francesca"),
            "her text is kept in the editor"
        );
        assert!(r.body.contains("Testo di Paolo"), "the saved text is shown");
        assert!(r.body.contains("Qualcun altro ha salvato"));
        let id = product_id(&app, &path).await;
        let stored = db::products::get(app.db(), id).await.unwrap().unwrap();
        assert!(stored.content.contains("Testo di Paolo"));
        // Saving again from the conflict view goes over the current edit, deliberately.
        let r = save_text(
            &mut second,
            &path,
            &edit_number(&r.body),
            "Nota di lavoro",
            "Testo di Paolo e Francesca",
            false,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let stored = db::products::get(app.db(), id).await.unwrap().unwrap();
        assert!(stored.content.contains("Testo di Paolo e Francesca"));
    }
}

#[tokio::test]
async fn the_logframe_editor_numbers_reorders_and_checks() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut member = app.signed_in(MEMBER).await;
        let path = create(
            &mut member,
            salerno,
            "logframe",
            "Quadro logico di prova",
            "classic",
        )
        .await;
        let id = product_id(&app, &path).await;
        let page = member.get(&format!("{path}/edit")).await;
        assert!(page.body.contains("Obiettivo generale"));
        let n = edit_number(&page.body);
        // Add a second specific objective after the first one's subtree, then move it up.
        let base = [
            ("edit", n.as_str()),
            ("title", "Quadro logico di prova"),
            ("due_on", ""),
            ("mode", "classic"),
            ("last_id", "4"),
            ("r0.id", "r1"),
            ("r0.level", "overall"),
            ("r0.text", "Obiettivo generale di prova"),
            ("r1.id", "r2"),
            ("r1.level", "specific"),
            ("r1.text", "Capacità rafforzata"),
            ("r2.id", "r3"),
            ("r2.level", "result"),
            ("r2.text", "Piano adottato"),
            ("r3.id", "r4"),
            ("r3.level", "activity"),
            ("r3.text", "Tavolo di lavoro"),
        ];
        let mut form = base.to_vec();
        form.push(("op", "add:specific:r2"));
        let r = member.post(&path, &form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(r.location().contains("#row-r5"), "{}", r.location());
        let stored = db::products::get(app.db(), id).await.unwrap().unwrap();
        let domain::products::Content::Logframe(lf) =
            domain::products::Content::from_json(&stored.content)
        else {
            panic!()
        };
        assert_eq!(lf.numbers(), ["", "1", "1.1", "1.1.1", "2"]);
        assert_eq!(lf.rows[1].text, "Capacità rafforzata");
        let page = member.get(&format!("{path}/edit")).await;
        let n = edit_number(&page.body);
        let r = member
            .post(
                &path,
                &[
                    ("edit", n.as_str()),
                    ("title", "Quadro logico di prova"),
                    ("mode", "classic"),
                    ("last_id", "5"),
                    ("r0.id", "r1"),
                    ("r0.level", "overall"),
                    ("r1.id", "r2"),
                    ("r1.level", "specific"),
                    ("r2.id", "r3"),
                    ("r2.level", "result"),
                    ("r3.id", "r4"),
                    ("r3.level", "activity"),
                    ("r4.id", "r5"),
                    ("r4.level", "specific"),
                    ("r4.text", "Seconda capacità"),
                    ("op", "up:r5"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let stored = db::products::get(app.db(), id).await.unwrap().unwrap();
        let domain::products::Content::Logframe(lf) =
            domain::products::Content::from_json(&stored.content)
        else {
            panic!()
        };
        let ids: Vec<_> = lf.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["r1", "r5", "r2", "r3", "r4"]);
        // The live check explains what is missing, in the reader's language.
        let check = member.post(&format!("{path}/check"), &base).await;
        assert_eq!(check.status, StatusCode::OK);
        assert!(check.body.contains("Manca un indicatore"), "{}", check.body);
        // Submission is refused while the check finds errors.
        let r = member
            .post(&format!("{path}/review"), &[("action", "submit")])
            .await;
        assert!(r.location().contains("done=blocked"), "{}", r.location());
        assert_eq!(
            db::products::get(app.db(), id)
                .await
                .unwrap()
                .unwrap()
                .state
                .code(),
            "draft"
        );
        // Malformed and oversized editor input is refused with a message, and nothing changes.
        let before = db::products::get(app.db(), id).await.unwrap().unwrap();
        let n = before.version.to_string();
        let long = "x".repeat(5_000);
        let bad = member
            .post(
                &path,
                &[
                    ("edit", n.as_str()),
                    ("title", "Quadro"),
                    ("mode", "classic"),
                    ("r0.level", "overall"),
                    ("r0.text", long.as_str()),
                    ("r0.i0.baseline_year", "20x4"),
                    ("r9999.level", "result"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("Scrivi un anno di quattro cifre"),
            "{}",
            bad.body
        );
        assert!(bad.body.contains("al massimo 200 righe"));
        let r = member
            .post(
                &path,
                &[
                    ("edit", n.as_str()),
                    ("title", "Quadro"),
                    ("op", "up:<script>"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let huge = "y".repeat(3 * 1024 * 1024);
        let r = member
            .post(
                &path,
                &[
                    ("edit", n.as_str()),
                    ("title", "Quadro"),
                    ("r0.text", huge.as_str()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
        let after = db::products::get(app.db(), id).await.unwrap().unwrap();
        assert_eq!(after.version, before.version);
        assert_eq!(after.content, before.content);
    }
}

#[tokio::test]
async fn a_results_chain_draft_waits_for_baselines_until_marked_final() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut member = app.signed_in(MEMBER).await;
        let path = create(
            &mut member,
            salerno,
            "logframe",
            "Catena dei risultati con Cattaro",
            "results_chain",
        )
        .await;
        let id = product_id(&app, &path).await;
        let content = |stored: db::products::Product| {
            let domain::products::Content::Logframe(lf) =
                domain::products::Content::from_json(&stored.content)
            else {
                panic!()
            };
            lf
        };
        // A new logframe reads numbers in its author's language.
        let lf = content(db::products::get(app.db(), id).await.unwrap().unwrap());
        assert_eq!(lf.language, "it");
        let page = member.get(&format!("{path}/edit")).await;
        assert!(page.body.contains("Matrice definitiva"));
        assert!(page.body.contains("Lingua della matrice"));
        let n = edit_number(&page.body);
        // Indicators with their sources, baselines and targets to be given at contract signature.
        let mut form = vec![
            ("edit", n.as_str()),
            ("title", "Catena dei risultati con Cattaro"),
            ("mode", "results_chain"),
            ("language", "it"),
            ("project_end", "2027-12-31"),
            ("last_id", "3"),
            ("r0.id", "r1"),
            ("r0.level", "overall"),
            (
                "r0.text",
                "Amministrazioni locali più trasparenti nelle Bocche di Cattaro",
            ),
            (
                "r0.i0.text",
                "Quota di cittadini soddisfatti dei servizi comunali",
            ),
            ("r0.i0.measure", "percentage"),
            ("r0.i0.source", "Indagine annuale"),
            ("r0.i0.disaggregation", "sesso"),
            ("r1.id", "r2"),
            ("r1.level", "specific"),
            (
                "r1.text",
                "Procedure digitali adottate dal Comune di Cattaro",
            ),
            ("r1.assumptions", "Il consiglio comunale resta in carica"),
            ("r1.i0.text", "Servizi comunali disponibili online"),
            ("r1.i0.unit", "servizi"),
            ("r1.i0.source", "Portale del Comune"),
            ("r2.id", "r3"),
            ("r2.level", "result"),
            ("r2.text", "Portale dei servizi online operativo"),
            ("r2.assumptions", "Il fornitore garantisce l'assistenza"),
            ("r2.i0.text", "Pratiche presentate online"),
            ("r2.i0.unit", "pratiche"),
            ("r2.i0.source", "Registro del portale"),
        ];
        // Marked final, the missing values are errors.
        let mut final_form = form.clone();
        final_form.push(("marked_final", "1"));
        let check = member.post(&format!("{path}/check"), &final_form).await;
        assert_eq!(check.status, StatusCode::OK);
        assert!(
            check
                .body
                .contains("non ha un valore di partenza con il suo anno"),
            "{}",
            check.body
        );
        assert!(check.body.contains("Da correggere"));
        // As a draft they are advice, and the draft can be submitted.
        let check = member.post(&format!("{path}/check"), &form).await;
        assert!(
            check.body.contains("alla firma del contratto"),
            "{}",
            check.body
        );
        assert!(!check.body.contains("Da correggere"), "{}", check.body);
        // A second output in the same words is advice that links to the row it repeats.
        let mut twice = form.clone();
        twice.extend([
            ("r3.id", "r4"),
            ("r3.level", "result"),
            ("r3.text", "Portale dei servizi online operativo."),
            ("r3.assumptions", "Il fornitore garantisce l'assistenza"),
            ("r3.i0.text", "Utenti registrati sul portale"),
            ("r3.i0.unit", "utenti"),
            ("r3.i0.source", "Registro del portale"),
        ]);
        let check = member.post(&format!("{path}/check"), &twice).await;
        assert!(
            check.body.contains("ripete quasi con le stesse parole"),
            "{}",
            check.body
        );
        assert!(
            check.body.contains("(<a href=\"#row-r3\">"),
            "{}",
            check.body
        );
        form.push(("stay", "1"));
        let r = member.post(&path, &form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let lf = content(db::products::get(app.db(), id).await.unwrap().unwrap());
        assert_eq!(
            (lf.project_end.as_str(), lf.marked_final),
            ("2027-12-31", false)
        );
        let r = member
            .post(&format!("{path}/review"), &[("action", "submit")])
            .await;
        assert!(!r.location().contains("blocked"), "{}", r.location());
        let stored = db::products::get(app.db(), id).await.unwrap().unwrap();
        assert_eq!(stored.state.code(), "submitted");
    }
}

#[tokio::test]
async fn comments_stay_with_their_version_and_the_logframe_diff_is_structured() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut tutor = app.signed_in(TUTOR).await;
        let logframe = db::products::list(app.db(), salerno)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.kind == "logframe")
            .unwrap();
        let path = format!("/organisations/{salerno}/products/{}", logframe.id);
        // The demo logframe: comments made on version 1 are shown with it on the draft.
        let page = tutor.get(&path).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("versione 1"), "{}", page.body);
        assert!(
            page.body.contains("Manca l&#x27;anno") || page.body.contains("Manca l'anno"),
            "{}",
            page.body
        );
        // A structured diff: the reworded objective, the new activity.
        let cmp = tutor.get(&format!("{path}/compare?a=1&b=2")).await;
        assert_eq!(cmp.status, StatusCode::OK);
        assert!(cmp.body.contains("diff-badge-added"), "{}", cmp.body);
        assert!(cmp.body.contains("Rafforzata la capacità"));
        // A comment on an indicator of version 2, a reply, resolution; the inbox and the
        // list's count of open threads follow.
        let open = open_threads(&app, salerno, logframe.id).await;
        assert!(open > 0);
        let r = tutor
            .post(
                &format!("{path}/comments"),
                &[
                    ("anchor", "ind:i10"),
                    ("body", "Target realistico?"),
                    ("version", "2"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let comment = Uuid::parse_str(r.location().rsplit("#c-").next().unwrap()).unwrap();
        let inbox = tutor.get("/tutoring").await;
        assert!(inbox.body.contains("Target realistico?"));
        assert_eq!(open_threads(&app, salerno, logframe.id).await, open + 1);
        let mut member = app.signed_in(MEMBER).await;
        let r = member
            .post(
                &format!("{path}/comments"),
                &[
                    ("parent", &comment.to_string()),
                    ("body", "Sì, concordato con Durazzo."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = tutor
            .post(
                &format!("{path}/comments/{comment}/resolve"),
                &[("resolved", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let inbox = tutor.get("/tutoring").await;
        assert!(!inbox.body.contains("Target realistico?"));
        assert_eq!(open_threads(&app, salerno, logframe.id).await, open);
        // A reply reopens the thread, and so does the button; resolving twice counts once.
        let parent = comment.to_string();
        let reply = [("parent", parent.as_str()), ("body", "Riaperto.")];
        let r = member.post(&format!("{path}/comments"), &reply).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(open_threads(&app, salerno, logframe.id).await, open + 1);
        for (resolved, expected) in [("1", open), ("1", open), ("0", open + 1), ("1", open)] {
            let r = tutor
                .post(
                    &format!("{path}/comments/{comment}/resolve"),
                    &[("resolved", resolved)],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
            assert_eq!(open_threads(&app, salerno, logframe.id).await, expected);
        }
        // An anchor that is not in the version, a foreign parent, an empty body: refused.
        let r = tutor
            .post(
                &format!("{path}/comments"),
                &[("anchor", "row:r99"), ("body", "x")],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let r = tutor
            .post(
                &format!("{path}/comments"),
                &[("parent", &Uuid::now_v7().to_string()), ("body", "x")],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let r = tutor
            .post(&format!("{path}/comments"), &[("body", "  ")])
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let r = tutor
            .post(&format!("{path}/comments"), &[("body", &"z".repeat(6_000))])
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn other_administrations_see_nothing() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let logframe = db::products::list(app.db(), salerno).await.unwrap()[0].id;
        let comment =
            db::products::comments(app.db(), app.product_of_kind(salerno, "logframe").await)
                .await
                .unwrap()[0]
                .id;
        let mut stranger = app.signed_in(CASERTA_MEMBER).await;
        let in_workspace = web::routes::all().into_iter().filter(|r| {
            r.path.starts_with("/organisations/{id}/products")
                || r.path.starts_with("/organisations/{id}/tutoring")
        });
        for route in in_workspace {
            let workspace_rule = matches!(
                domain::policy::rule(route.name),
                Some(domain::policy::Rule::Workspace { .. })
            );
            let path = route
                .path
                .replace("{id}", &salerno.to_string())
                .replace("{product}", &logframe.to_string())
                .replace("{comment}", &comment.to_string());
            let r = if route.method == axum::http::Method::GET {
                stranger.get(&path).await
            } else {
                stranger
                    .post(&path, &[("action", "submit"), ("body", "x")])
                    .await
            };
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{} {path}", route.method);
            assert!(!r.body.contains("Quadro logico"), "{path}");
            // Through their own workspace, another administration's product is not found.
            let path = route
                .path
                .replace("{id}", &caserta.to_string())
                .replace("{product}", &logframe.to_string())
                .replace("{comment}", &comment.to_string());
            let r = if route.method == axum::http::Method::GET {
                stranger.get(&path).await
            } else {
                stranger
                    .post(&path, &[("action", "submit"), ("body", "x")])
                    .await
            };
            if workspace_rule && path.contains(&logframe.to_string()) {
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{} {path}", route.method);
            }
        }
        // Their inbox-like pages list nothing of Salerno.
        let notes = stranger.get("/notifications").await;
        assert!(!notes.body.contains("Durazzo"));
        let mut actor = app.signed_in("attore@ponte.example").await;
        let r = actor
            .get(&format!("/organisations/{salerno}/products"))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn deadlines_send_reminders_through_the_job_queue() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut member = app.signed_in(MEMBER).await;
        let due = (chrono::Utc::now().date_naive() + chrono::Duration::days(2)).to_string();
        let r = member
            .post(
                &format!("/organisations/{salerno}/products"),
                &[
                    ("title", "Piano di miglioramento"),
                    ("kind", "improvement_plan"),
                    ("due_on", due.as_str()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let bad = member
            .post(
                &format!("/organisations/{salerno}/products"),
                &[
                    ("title", "X"),
                    ("kind", "improvement_plan"),
                    ("due_on", "31/12/2026"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        // A lab session of the administration's group sets the deadline to its day.
        let filter = db::labs::Filter {
            organisation: Some(salerno),
            from: Some(chrono::Utc::now()),
            ..Default::default()
        };
        let sessions = db::labs::list(app.db(), &filter).await.unwrap();
        if let Some(first) = sessions.first() {
            let r = member
                .post(
                    &format!("/organisations/{salerno}/products"),
                    &[
                        ("title", "Proposta per la giornata"),
                        ("kind", "project_proposal"),
                        ("session", &first.id.to_string()),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
            let p = db::products::list(app.db(), salerno)
                .await
                .unwrap()
                .into_iter()
                .find(|p| p.title == "Proposta per la giornata")
                .unwrap();
            let p = db::products::get(app.db(), p.id).await.unwrap().unwrap();
            assert_eq!(p.session_id, Some(first.id));
            assert_eq!(
                p.due_on,
                Some(
                    first
                        .starts_at
                        .with_timezone(&chrono_tz::Europe::Rome)
                        .date_naive()
                )
            );
        }
        let r = member
            .post(
                &format!("/organisations/{salerno}/products"),
                &[
                    ("title", "X"),
                    ("kind", "budget"),
                    ("session", &Uuid::now_v7().to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let runners = web::jobs::Runners::default();
        assert!(web::jobs::run_due(app.db(), &runners).await >= 1);
        let coordinator = db::accounts::credentials(app.db(), COORDINATOR)
            .await
            .unwrap()
            .unwrap()
            .id;
        let notes = db::products::notifications(app.db(), coordinator, 20)
            .await
            .unwrap();
        assert!(
            notes
                .iter()
                .any(|n| n.kind == "reminder" && n.title == "Piano di miglioramento"),
            "{notes:?}"
        );
        let emails = db::jobs::count_recent(
            app.db(),
            "email",
            COORDINATOR,
            chrono::Utc::now() - chrono::Duration::minutes(5),
        )
        .await
        .unwrap();
        assert!(emails >= 1);
    }
}

#[tokio::test]
async fn tutors_log_sessions_and_staff_see_the_workload() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut tutor = app.signed_in(TUTOR).await;
        let log = tutor
            .get(&format!("/organisations/{salerno}/tutoring"))
            .await;
        assert_eq!(log.status, StatusCode::OK);
        assert!(
            log.body.contains("Riformulare l&#x27;obiettivo")
                || log.body.contains("Riformulare l'obiettivo"),
            "{}",
            log.body
        );
        let product = db::products::list(app.db(), salerno).await.unwrap()[0]
            .id
            .to_string();
        let today = chrono::Utc::now().date_naive().to_string();
        let r = tutor
            .post(
                &format!("/organisations/{salerno}/tutoring"),
                &[
                    ("held_on", today.as_str()),
                    ("minutes", "45"),
                    ("participants", "Elena Russo, Francesca Greco"),
                    ("notes", "Budget"),
                    ("product", product.as_str()),
                    ("step0.text", "Inviare il budget"),
                    ("step0.owner", "Francesca Greco"),
                    ("step0.due", "2030-01-15"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let log = db::products::tutoring_log(app.db(), salerno).await.unwrap();
        assert_eq!(log.len(), 3);
        assert_eq!(log[0].steps[0].owner, "Francesca Greco");
        // Bad records change nothing and say why; a product of another administration is refused.
        let caserta = app.organisation("Provincia di Caserta").await;
        let foreign = db::products::list(app.db(), caserta).await.unwrap()[0]
            .id
            .to_string();
        let r = tutor
            .post(
                &format!("/organisations/{salerno}/tutoring"),
                &[
                    ("held_on", "2099-01-01"),
                    ("minutes", "9999"),
                    ("participants", ""),
                    ("product", foreign.as_str()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("tra 5 e 600"));
        let r = tutor
            .post(
                &format!("/organisations/{salerno}/tutoring"),
                &[
                    ("held_on", today.as_str()),
                    ("minutes", "30"),
                    ("participants", "X"),
                    ("product", foreign.as_str()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            db::products::tutoring_log(app.db(), salerno)
                .await
                .unwrap()
                .len(),
            3
        );
        // Members read the log but do not write it; the workload is for staff.
        let mut member = app.signed_in(MEMBER).await;
        assert_eq!(
            member
                .get(&format!("/organisations/{salerno}/tutoring"))
                .await
                .status,
            StatusCode::OK
        );
        let r = member
            .post(
                &format!("/organisations/{salerno}/tutoring"),
                &[
                    ("held_on", today.as_str()),
                    ("minutes", "30"),
                    ("participants", "X"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(
            tutor.get("/tutoring/workload").await.status,
            StatusCode::FORBIDDEN
        );
        let mut staff = app.signed_in("staff@ponte.example").await;
        let w = staff.get("/tutoring/workload").await;
        assert_eq!(w.status, StatusCode::OK);
        assert!(w.body.contains("Elena Russo"));
        let load = db::products::workload(app.db()).await.unwrap();
        let elena = load.iter().find(|w| w.name == "Elena Russo").unwrap();
        assert_eq!(
            (elena.organisations, elena.sessions, elena.minutes),
            (5, 3, 195)
        );
        assert!(
            elena.awaiting_review >= 3 && elena.open_threads >= 3,
            "{elena:?}"
        );
    }
}

#[tokio::test]
async fn approved_products_become_models_and_practices_start_products() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let products = db::products::list(app.db(), salerno).await.unwrap();
        let draft = products
            .iter()
            .find(|p| p.state.code() == "draft")
            .unwrap()
            .id;
        let r = staff
            .post(
                &format!("/organisations/{salerno}/products/{draft}/model"),
                &[("model", "1")],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::BAD_REQUEST,
            "only approved products become models"
        );
        let models = db::products::models(app.db()).await.unwrap();
        assert_eq!(models.len(), 1);
        let model = models[0].id;
        // Another administration starts from a copy; the model is untouched.
        let mut other = app.signed_in(CASERTA_MEMBER).await;
        let list = other.get("/products/models").await;
        assert!(list.body.contains("Selezione delle macroaree"));
        let page = other.get(&format!("/products/models/{model}")).await;
        assert!(
            page.body.contains("Parti da questo modello"),
            "{}",
            page.body
        );
        let form = other
            .get(&format!(
                "/organisations/{caserta}/products/new?model={model}"
            ))
            .await;
        assert!(form.body.contains("parte da una copia"));
        let r = other
            .post(
                &format!("/organisations/{caserta}/products"),
                &[
                    ("title", "Le nostre macroaree"),
                    ("kind", "macro_areas"),
                    ("model", &model.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let copies = db::products::list(app.db(), caserta).await.unwrap();
        let copy = copies
            .iter()
            .find(|p| p.title == "Le nostre macroaree")
            .unwrap();
        let copy = db::products::get(app.db(), copy.id).await.unwrap().unwrap();
        assert!(copy
            .content
            .contains("Sviluppo economico e turismo sostenibile"));
        assert_eq!(copy.state.code(), "draft");
        // A product that is not a model cannot be copied.
        let r = other
            .post(
                &format!("/organisations/{caserta}/products"),
                &[
                    ("title", "Copia"),
                    ("kind", "logframe"),
                    ("model", &draft.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // Withdrawing the model.
        let r = staff
            .post(
                &format!("/organisations/{salerno}/products/{model}/model"),
                &[("model", "0")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(db::products::models(app.db()).await.unwrap().is_empty());
        // A good practice of the library becomes a product with its record.
        let practice = db::library::search(
            app.db(),
            &db::library::Search {
                kind: Some("good_practice".into()),
                page: 1,
                per_page: 1,
                ..Default::default()
            },
            &domain::library::Scope {
                everything: true,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .hits[0]
            .id;
        let doc = other.get(&format!("/library/documents/{practice}")).await;
        assert!(
            doc.body.contains("Usa nella mia amministrazione"),
            "{}",
            doc.body
        );
        let r = other
            .post(
                &format!("/organisations/{caserta}/products"),
                &[
                    ("title", "Adattamento"),
                    ("kind", "document"),
                    ("practice", &practice.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let adapted = db::products::list(app.db(), caserta)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.title == "Adattamento")
            .unwrap();
        let adapted = db::products::get(app.db(), adapted.id)
            .await
            .unwrap()
            .unwrap();
        assert!(
            adapted.content.contains("Trasferibilità"),
            "{}",
            adapted.content
        );
    }
}

#[tokio::test]
async fn products_export_at_any_version() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut tutor = app.signed_in(TUTOR).await;
        let products = db::products::list(app.db(), salerno).await.unwrap();
        let logframe = products.iter().find(|p| p.kind == "logframe").unwrap().id;
        let base = format!("/organisations/{salerno}/products/{logframe}/export");
        let docx = tutor.get(&format!("{base}/docx?v=1")).await;
        assert_eq!(docx.status, StatusCode::OK);
        assert!(docx.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains(".docx"));
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx.bytes.clone())).unwrap();
        let mut body = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut body)
            .unwrap();
        assert!(
            body.contains("Organizzare un programma comune"),
            "version 1 has the first wording"
        );
        assert!(body.contains("Versione 1"));
        assert!(body.contains("landscape"));
        let draft = tutor.get(&format!("{base}/docx")).await;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(draft.bytes.clone())).unwrap();
        let mut body = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut body)
            .unwrap();
        assert!(body.contains("Rafforzata la capacità"));
        let pdf = tutor.get(&format!("{base}/pdf?v=2")).await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        let xlsx = tutor.get(&format!("{base}/xlsx")).await;
        assert_eq!(xlsx.status, StatusCode::OK);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx.bytes.clone())).unwrap();
        let mut strings = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
            &mut strings,
        )
        .unwrap();
        assert!(
            strings.contains("Presenze turistiche annue"),
            "one row per indicator"
        );
        // A text product: DOCX and PDF, no XLSX; unknown formats and versions are not found.
        let text = products
            .iter()
            .find(|p| p.kind == "macro_areas")
            .unwrap()
            .id;
        let base = format!("/organisations/{salerno}/products/{text}/export");
        assert_eq!(
            tutor.get(&format!("{base}/docx")).await.status,
            StatusCode::OK
        );
        assert_eq!(
            tutor.get(&format!("{base}/pdf")).await.status,
            StatusCode::OK
        );
        assert_eq!(
            tutor.get(&format!("{base}/xlsx")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            tutor.get(&format!("{base}/exe")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            tutor.get(&format!("{base}/docx?v=99")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            tutor.get(&format!("{base}/docx?v=abc")).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn the_problem_tree_feeds_the_logframe() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut member = app.signed_in(MEMBER).await;
        let demo = app.product_of_kind(salerno, "logframe").await;
        let page = member
            .get(&format!(
                "/organisations/{salerno}/products/{demo}/analysis"
            ))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Albero degli obiettivi"));
        assert!(
            page.body
                .contains("Camera di commercio di Salerno: molta influenza"),
            "{}",
            page.body
        );
        // A new logframe: draw a tree, then generate the matrix from it.
        let path = create(
            &mut member,
            salerno,
            "logframe",
            "Quadro logico da un albero",
            "classic",
        )
        .await;
        let id = product_id(&app, &path).await;
        let edit = db::products::get(app.db(), id)
            .await
            .unwrap()
            .unwrap()
            .version
            .to_string();
        let broken = member
            .post(
                &format!("{path}/analysis"),
                &[
                    ("edit", edit.as_str()),
                    ("n0.kind", "cause"),
                    ("n0.problem", "Solo una causa"),
                ],
            )
            .await;
        assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(broken.body.contains("uno e un solo problema centrale"));
        assert!(
            broken.body.contains("Solo una causa"),
            "what was typed is shown again"
        );
        assert_eq!(
            db::products::get(app.db(), id)
                .await
                .unwrap()
                .unwrap()
                .version
                .to_string(),
            edit
        );
        let r = member
            .post(
                &format!("{path}/analysis"),
                &[
                    ("edit", edit.as_str()),
                    ("n0.id", ""),
                    ("n0.kind", "core"),
                    ("n0.problem", "Poca capacità di progettare"),
                    ("n0.objective", "Capacità di progettare rafforzata"),
                    ("n1.id", ""),
                    ("n1.kind", "effect"),
                    ("n1.parent", "p1"),
                    ("n1.problem", "Pochi progetti finanziati"),
                    ("n1.objective", "Più progetti finanziati"),
                    ("n2.id", ""),
                    ("n2.kind", "cause"),
                    ("n2.parent", "p1"),
                    ("n2.problem", "Nessuna formazione"),
                    ("n2.objective", "Personale formato"),
                    ("s0.name", "Regione Campania"),
                    ("s0.influence", "high"),
                    ("s0.participation", "inform"),
                    ("op", "generate"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let stored = db::products::get(app.db(), id).await.unwrap().unwrap();
        let domain::products::Content::Logframe(lf) =
            domain::products::Content::from_json(&stored.content)
        else {
            panic!()
        };
        let rows: Vec<_> = lf.rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            rows,
            [
                "Più progetti finanziati",
                "Capacità di progettare rafforzata",
                "Personale formato"
            ]
        );
        assert_eq!(lf.analysis.stakeholders.len(), 1);
        // Saving the matrix keeps the analysis.
        let form = member.get(&format!("{path}/edit")).await;
        let n = edit_number(&form.body);
        let r = member
            .post(
                &path,
                &[
                    ("edit", n.as_str()),
                    ("title", "Quadro logico da un albero"),
                    ("mode", "classic"),
                    ("r0.id", &lf.rows[0].id),
                    ("r0.level", "overall"),
                    ("r0.text", "Più progetti finanziati"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let stored = db::products::get(app.db(), id).await.unwrap().unwrap();
        let domain::products::Content::Logframe(lf) =
            domain::products::Content::from_json(&stored.content)
        else {
            panic!()
        };
        assert_eq!(lf.analysis.nodes.len(), 3);
        // Text products have no analysis page.
        let text = app.product_of_kind(salerno, "macro_areas").await;
        assert_eq!(
            member
                .get(&format!(
                    "/organisations/{salerno}/products/{text}/analysis"
                ))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn the_strategic_plan_is_structured_with_its_map() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let mut member = app.signed_in(MEMBER).await;
        let path = create(
            &mut member,
            salerno,
            "strategic_plan",
            "Piano strategico 2027",
            "",
        )
        .await;
        let id = product_id(&app, &path).await;
        let form = member.get(&format!("{path}/edit")).await;
        assert!(form.body.contains("name=\"a0.area\""), "{}", form.body);
        let n = edit_number(&form.body);
        let area = db::library::macro_areas(app.db()).await.unwrap()[0]
            .code
            .clone();
        let logframe = app.product_of_kind(salerno, "logframe").await.to_string();
        let foreign = db::products::list(app.db(), caserta).await.unwrap()[0]
            .id
            .to_string();
        // Bad input: nothing saved, what was typed shown again.
        let bad = member
            .post(
                &path,
                &[
                    ("edit", n.as_str()),
                    ("title", "Piano strategico 2027"),
                    ("a0.area", "inventata"),
                    ("a0.rationale", "Motivazione scritta"),
                    ("t0.when", "giugno"),
                    ("t0.what", "Missione"),
                    ("logframes", foreign.as_str()),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("Motivazione scritta"));
        assert!(bad.body.contains("AAAA-MM"));
        let r = member
            .post(
                &path,
                &[
                    ("edit", n.as_str()),
                    ("title", "Piano strategico 2027"),
                    ("a0.area", area.as_str()),
                    ("a0.rationale", "Il porto"),
                    ("priorities", "Turismo\nFormazione"),
                    ("countries", "AL"),
                    ("countries", "ME"),
                    ("logframes", logframe.as_str()),
                    ("t0.when", "2027-06"),
                    ("t0.what", "Missione a Durazzo"),
                    ("mark_version", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = member.get(&path).await;
        assert!(
            page.body.contains("map-shade-4"),
            "target countries are highlighted"
        );
        assert!(page.body.contains("<title>Albania</title>"));
        assert!(
            page.body.contains("Turismo sostenibile con Durazzo"),
            "the linked logframe is listed"
        );
        assert!(page.body.contains("Missione a Durazzo"));
        let stored = db::products::get(app.db(), id).await.unwrap().unwrap();
        let domain::products::Content::StrategicPlan(plan) =
            domain::products::Content::from_json(&stored.content)
        else {
            panic!()
        };
        assert_eq!(plan.countries, ["AL", "ME"]);
        // Compare with the draft after a change, export, comment on a part.
        let n = edit_number(&member.get(&format!("{path}/edit")).await.body);
        let r = member
            .post(
                &path,
                &[
                    ("edit", n.as_str()),
                    ("title", "Piano strategico 2027"),
                    ("a0.area", area.as_str()),
                    ("a0.rationale", "Il porto"),
                    ("priorities", "Turismo\nFormazione\nUn ufficio dedicato"),
                    ("countries", "AL"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let cmp = member.get(&format!("{path}/compare?a=1&b=draft")).await;
        assert!(cmp.body.contains("Un ufficio dedicato"), "{}", cmp.body);
        let docx = member.get(&format!("{path}/export/docx")).await;
        assert_eq!(docx.status, StatusCode::OK);
        let r = member
            .post(
                &format!("{path}/comments"),
                &[
                    ("anchor", "part:countries"),
                    ("body", "Aggiungiamo la Tunisia?"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
}

#[tokio::test]
async fn comments_point_at_a_logframe_cell() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut tutor = app.signed_in(TUTOR).await;
        let logframe = app.product_of_kind(salerno, "logframe").await;
        let path = format!("/organisations/{salerno}/products/{logframe}");
        let page = tutor.get(&path).await;
        assert!(
            page.body.contains("value=\"cell:r3:assumptions\""),
            "cells are offered as anchors"
        );
        let r = tutor
            .post(
                &format!("{path}/comments"),
                &[
                    ("anchor", "cell:r3:assumptions"),
                    ("body", "Ipotesi troppo generica"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = tutor.get(&path).await;
        assert!(
            page.body.contains("href=\"#cell-r3-assumptions\""),
            "{}",
            page.body
        );
        assert!(page.body.contains("id=\"cell-r3-assumptions\""));
        // A cell an activity does not have on another level is refused.
        let r = tutor
            .post(
                &format!("{path}/comments"),
                &[("anchor", "cell:r3:costs"), ("body", "x")],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
    }
}

/// The product lists and the tutors' inbox are kept rendered while no product changed and nobody
/// was renamed: every kind of change made through one instance shows at once on another that had
/// them kept, and a refused change leaves what is kept valid.
#[tokio::test]
async fn lists_and_the_inbox_follow_every_change_on_every_instance() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let list = format!("/organisations/{salerno}/products");
        let mut member = app.signed_in(MEMBER).await;
        let mut tutor = app.signed_in(TUTOR).await;
        let mut member_there = app.other_instance();
        let mut tutor_there = app.other_instance();
        assert_eq!(
            member_there.sign_in(MEMBER).await.status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            tutor_there.sign_in(TUTOR).await.status,
            StatusCode::SEE_OTHER
        );
        // What each instance shows: whether `text` is on the page (the same on both).
        async fn shows(here: &mut Client, there: &mut Client, path: &str, text: &str) -> bool {
            let mut seen = Vec::new();
            for c in [here, there] {
                let r = c.get(path).await;
                assert_eq!(r.status, StatusCode::OK, "{path}");
                seen.push(r.body.contains(text));
            }
            assert_eq!(
                seen[0], seen[1],
                "{path}: both instances show the same ({text})"
            );
            seen[0]
        }
        // Kept on both instances before any change.
        assert!(!shows(&mut member, &mut member_there, &list, "Piano condiviso").await);
        assert!(!shows(&mut tutor, &mut tutor_there, "/tutoring", "Piano condiviso").await);
        // A new product.
        let path = create(
            &mut member,
            salerno,
            "communication_plan",
            "Piano condiviso",
            "",
        )
        .await;
        assert!(
            shows(&mut member, &mut member_there, &list, "Piano condiviso").await,
            "{name}"
        );
        // A save with a version: the new title and the count of versions.
        let n = edit_number(&member.get(&format!("{path}/edit")).await.body);
        let r = save_text(
            &mut member,
            &path,
            &n,
            "Piano condiviso e riscritto",
            "## Testo",
            true,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(
            shows(
                &mut member,
                &mut member_there,
                &list,
                "Piano condiviso e riscritto"
            )
            .await
        );
        // A refused save (someone saved meanwhile) changes nothing kept.
        let generation = db::generations(app.db(), &db::Part::ALL).await.unwrap();
        let r = save_text(&mut member, &path, &n, "Piano perso", "## Testo", false).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        assert_eq!(
            db::generations(app.db(), &db::Part::ALL).await.unwrap(),
            generation,
            "a refused save leaves the generation as it was on {name}"
        );
        assert!(!shows(&mut member, &mut member_there, &list, "Piano perso").await);
        // Submitted: it waits in the tutor's inbox.
        let mut coordinator = app.signed_in(COORDINATOR).await;
        let r = coordinator
            .post(
                &format!("{path}/review"),
                &[("action", "submit"), ("note", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(
            shows(
                &mut tutor,
                &mut tutor_there,
                "/tutoring",
                "Piano condiviso e riscritto"
            )
            .await
        );
        // The product's page is kept too (its discussion and history).
        assert!(!shows(&mut tutor, &mut tutor_there, &path, "Una domanda condivisa").await);
        // A comment opens a thread in the inbox.
        let r = member
            .post(
                &format!("{path}/comments"),
                &[("body", "Una domanda condivisa")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let comment = Uuid::parse_str(r.location().rsplit("#c-").next().unwrap()).unwrap();
        assert!(
            shows(
                &mut tutor,
                &mut tutor_there,
                "/tutoring",
                "Una domanda condivisa"
            )
            .await
        );
        assert!(shows(&mut tutor, &mut tutor_there, &path, "Una domanda condivisa").await);
        // Its author renamed.
        let author = db::accounts::credentials(app.db(), MEMBER)
            .await
            .unwrap()
            .unwrap()
            .id;
        let version = db::accounts::user(app.db(), author).await.unwrap().version;
        let profile = domain::accounts::Profile {
            name: "Autrice Rinominata".into(),
            languages: vec![],
            competences: vec![],
        };
        db::accounts::update_profile(app.db(), author, version, &profile)
            .await
            .unwrap();
        assert!(
            shows(
                &mut tutor,
                &mut tutor_there,
                "/tutoring",
                "Autrice Rinominata"
            )
            .await
        );
        assert!(shows(&mut tutor, &mut tutor_there, &path, "Autrice Rinominata").await);
        // The administration renamed.
        let stored = db::organisations::get(app.db(), salerno).await.unwrap();
        let mut renamed = stored.data.clone();
        renamed.name = "Provincia rinominata".into();
        db::organisations::update(app.db(), salerno, stored.version, &renamed, None)
            .await
            .unwrap();
        assert!(
            shows(
                &mut tutor,
                &mut tutor_there,
                "/tutoring",
                "Provincia rinominata"
            )
            .await
        );
        // Resolved: the thread leaves the inbox.
        let r = tutor
            .post(
                &format!("{path}/comments/{comment}/resolve"),
                &[("resolved", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(
            !shows(
                &mut tutor,
                &mut tutor_there,
                "/tutoring",
                "Una domanda condivisa"
            )
            .await
        );
        // Each language is kept apart.
        member.cookies.insert("ponte_lang".into(), "en".into());
        let english = member.get(&list).await;
        assert!(english.body.contains("Piano condiviso e riscritto"));
        assert!(
            english
                .body
                .contains("Internal and external communication plan"),
            "{}",
            english.body
        );
        assert!(member_there
            .get(&list)
            .await
            .body
            .contains("Piano di comunicazione interna"));
    }
}

#[tokio::test]
async fn a_text_product_is_previewed_beside_its_editor_without_saving() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut member = app.signed_in(MEMBER).await;
        let path = create(&mut member, salerno, "communication_plan", "Piano", "").await;
        let id = product_id(&app, &path).await;
        let before = db::products::get(app.db(), id).await.unwrap().unwrap();
        let edit = member.get(&format!("{path}/edit")).await;
        // The editor shows the stored text rendered beside it from the start.
        assert!(edit.body.contains("id=\"preview\""), "{}", edit.body);
        assert!(
            edit.body.contains("id=\"sec-destinatari\""),
            "{}",
            edit.body
        );
        let n = edit_number(&edit.body);
        let typed = "# Pubblici\n\n**Cittadini** e <script>alert(1)</script>";
        // Without JavaScript: the preview button submits the form; the editor comes back with
        // what was typed and its rendering, and nothing is saved.
        let r = member
            .post(
                &path,
                &[
                    ("edit", n.as_str()),
                    ("title", "Piano rinominato"),
                    ("markdown", typed),
                    ("due_on", ""),
                    ("op", "preview"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("<strong>Cittadini</strong>"), "{}", r.body);
        assert!(r.body.contains("value=\"Piano rinominato\""));
        assert!(!r.body.contains("<script>alert(1)"));
        let after = db::products::get(app.db(), id).await.unwrap().unwrap();
        assert_eq!(after.version, before.version, "a preview saves nothing");
        assert_eq!(after.title, "Piano");
        // With htmx: the fragment alone, sanitised as the product page is.
        let r = member
            .post(
                &format!("{path}/preview"),
                &[("markdown", typed), ("edit", n.as_str())],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.starts_with("<div id=\"preview\""), "{}", r.body);
        assert!(r.body.contains("<h2 id=\"sec-pubblici\">Pubblici</h2>"));
        assert!(r.body.contains("&lt;script&gt;"), "{}", r.body);
        assert!(!r.body.contains("<html"));
        // Only the administration's authors preview, and only text products have a preview.
        let mut stranger = app.signed_in(CASERTA_MEMBER).await;
        let r = stranger
            .post(&format!("{path}/preview"), &[("markdown", "x")])
            .await;
        assert!(r.status == StatusCode::FORBIDDEN || r.status == StatusCode::NOT_FOUND);
        let logframe = create(&mut member, salerno, "logframe", "Quadro", "classic").await;
        let r = member
            .post(&format!("{logframe}/preview"), &[("markdown", "x")])
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn the_inbox_says_how_long_each_product_has_waited_longest_first() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut coordinator = app.signed_in(COORDINATOR).await;
        let mut submit = async |title: &str| {
            let path = create(&mut coordinator, salerno, "communication_plan", title, "").await;
            let edit = coordinator.get(&format!("{path}/edit")).await;
            let n = edit_number(&edit.body);
            let r = save_text(
                &mut coordinator,
                &path,
                &n,
                title,
                "## Destinatari\n\nTesto.",
                false,
            )
            .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
            let r = coordinator
                .post(
                    &format!("{path}/review"),
                    &[("action", "submit"), ("note", "")],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
            product_id(&app, &path).await
        };
        submit("Piano inviato oggi").await;
        submit("Piano inviato da tempo").await;
        // The older submission was made ten days ago.
        let ago = (chrono::Utc::now() - chrono::Duration::days(10)).to_rfc3339();
        db::testing::exec(
            app.db(),
            &format!(
                "UPDATE products SET state_at = '{ago}' WHERE title = 'Piano inviato da tempo'"
            ),
        )
        .await;
        let mut tutor = app.signed_in(TUTOR).await;
        let inbox = tutor.get("/tutoring").await;
        assert_eq!(inbox.status, StatusCode::OK);
        let at = |title: &str| {
            inbox
                .body
                .find(title)
                .unwrap_or_else(|| panic!("{title} listed"))
        };
        assert!(
            at("Piano inviato da tempo") < at("Piano inviato oggi"),
            "the longest waiting first"
        );
        assert!(
            inbox.body.contains("In attesa da 10 giorni"),
            "{}",
            inbox.body
        );
        assert!(inbox.body.contains("Inviato oggi"));
    }
}

#[tokio::test]
async fn the_editor_names_where_a_problem_is_in_words() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut member = app.signed_in(MEMBER).await;
        let path = create(&mut member, salerno, "logframe", "Quadro", "classic").await;
        let page = member.get(&format!("{path}/edit")).await;
        let n = edit_number(&page.body);
        let r = member
            .post(
                &path,
                &[
                    ("edit", n.as_str()),
                    ("title", "Quadro"),
                    ("mode", "classic"),
                    ("last_id", "3"),
                    ("r0.id", "r1"),
                    ("r0.level", "overall"),
                    ("r1.id", "r2"),
                    ("r1.level", "specific"),
                    ("r1.i0.id", "i1"),
                    ("r1.i0.text", "Accordi firmati"),
                    ("r1.i0.target_date", "2027-13-45"),
                    ("r1.i0.baseline_year", "duemila"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(
            r.body
                .contains("Obiettivo specifico 1, Indicatore 1 — Data del valore obiettivo:"),
            "{}",
            r.body
        );
        assert!(r
            .body
            .contains("Obiettivo specifico 1, Indicatore 1 — Anno del valore di partenza:"));
        assert!(
            !r.body.contains("(r1.i0.target_date)"),
            "no form keys are shown"
        );
    }
}

#[tokio::test]
async fn a_title_is_one_line() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut member = app.signed_in(MEMBER).await;
        let r = member
            .post(
                &format!("/organisations/{salerno}/products"),
                &[
                    ("title", "Piano\r\nsu due righe"),
                    ("kind", "communication_plan"),
                    ("mode", ""),
                    ("due_on", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains("sta su una sola riga"), "{}", r.body);
        let listed = db::products::list(app.db(), salerno).await.unwrap();
        assert!(listed.iter().all(|p| !p.title.contains('\n')));
    }
}
