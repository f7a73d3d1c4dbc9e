//! The directory of who knows what, on both databases: nobody is listed before saving their
//! choice (seeing the form stores nothing); each field shows as far as its person chose
//! (the programme, their own administration, nobody), to the person always and to a local actor
//! only as their administration; the search finds people by their competences, countries and
//! themes in Italian, English and French, but only through fields the viewer may see; a refused
//! form (an unknown reach or country, a stale version) says why and changes nothing.

mod common;

use axum::http::StatusCode;
use common::{apps, App, Client};
use uuid::Uuid;

/// A form's fields as sent.
type Fields = Vec<(&'static str, String)>;

const ADMIN: &str = "admin@ponte.example";
const STAFF: &str = "staff@ponte.example";
const TUTOR: &str = "tutor@ponte.example";
const COORDINATOR: &str = "coordinatore@ponte.example";
const MEMBER: &str = "membro@ponte.example";
const ACTOR: &str = "attore@ponte.example";

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

/// The directory's rows and the audit log: a refusal changes neither.
async fn footprint(app: &App) -> (i64, i64, i64) {
    (
        count(app, "SELECT COUNT(*) FROM directory_entries").await,
        count(
            app,
            "SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM directory_entries",
        )
        .await,
        count(app, "SELECT COUNT(*) FROM audit_log").await,
    )
}

/// The card of person `id` on a directory page, if it is listed there.
fn card(body: &str, id: Uuid) -> Option<String> {
    let start = body.find(&format!("id=\"p-{id}\""))?;
    let end = body[start..].find("</article>")? + start;
    Some(body[start..end].to_string())
}

async fn page(c: &mut Client, query: &str) -> String {
    let path = if query.is_empty() {
        "/directory".to_string()
    } else {
        format!("/directory?{}", common::urlencode(&[("q", query)]))
    };
    let r = c.get(&path).await;
    assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
    r.body
}

/// The member's form as the page sends it, with `changes` over it.
fn member_form(
    version: &str,
    changes: &[(&'static str, &'static str)],
) -> Vec<(&'static str, String)> {
    let mut form: Vec<(&'static str, String)> = vec![
        ("version", version.to_string()),
        ("listed", "yes".into()),
        ("role", "Funzionaria, ufficio Europa".into()),
        ("countries", "ME".into()),
        ("countries", "MA".into()),
        ("themes", "m:turismo-cultura".into()),
        ("reach_administration", "programme".into()),
        ("reach_role", "nobody".into()),
        ("reach_languages", "programme".into()),
        ("reach_competences", "programme".into()),
        ("reach_countries", "administration".into()),
        ("reach_themes", "administration".into()),
    ];
    for (name, value) in changes {
        form.retain(|(n, _)| n != name);
        form.push((name, value.to_string()));
    }
    form
}

async fn post(c: &mut Client, form: &[(&'static str, String)]) -> common::Reply {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(n, v)| (*n, v.as_str())).collect();
    c.post("/directory/me", &pairs).await
}

#[tokio::test]
async fn each_field_shows_as_far_as_its_person_chose() {
    for app in apps().await {
        let name = app.backend.name;
        let admin = user(&app, ADMIN).await;
        let staff_id = user(&app, STAFF).await;
        let tutor = user(&app, TUTOR).await;
        let coordinator = user(&app, COORDINATOR).await;
        let member = user(&app, MEMBER).await;
        let actor = user(&app, ACTOR).await;

        // Staff: outside Salerno, in the programme.
        let mut staff = app.signed_in(STAFF).await;
        let body = page(&mut staff, "").await;
        assert!(body.contains("4 persone"), "{name}: four listed");
        // The operator and the actor have not chosen: nothing of them shows.
        assert!(
            card(&body, admin).is_none() && card(&body, actor).is_none(),
            "{name}"
        );
        let esposito = card(&body, coordinator).expect("the coordinator is listed");
        assert!(
            esposito.contains("Provincia di Salerno"),
            "{name}: {esposito}"
        );
        assert!(esposito.contains("Appalti pubblici"), "{name}: {esposito}");
        // His countries are for his administration only.
        assert!(!esposito.contains("Tunisia"), "{name}: {esposito}");
        let greco = card(&body, member).expect("the member is listed");
        // Her role to nobody; her countries and themes to her administration.
        assert!(!greco.contains("Funzionaria"), "{name}: {greco}");
        assert!(!greco.contains("Marocco"), "{name}: {greco}");
        assert!(
            greco.contains("Comunicazione istituzionale"),
            "{name}: {greco}"
        );
        // The tutor's languages to nobody.
        let russo = card(&body, tutor).expect("the tutor is listed");
        assert!(
            !russo.contains("Albanese") && !russo.contains("Lingue"),
            "{name}: {russo}"
        );
        assert!(
            russo.contains("Macedonia") || russo.contains("Kosovo"),
            "{name}: {russo}"
        );

        // The coordinator, of Salerno as the member: her administration's fields show.
        let mut coord = app.signed_in(COORDINATOR).await;
        let body = page(&mut coord, "").await;
        let greco = card(&body, member).unwrap();
        assert!(
            greco.contains("Marocco") && greco.contains("Turismo"),
            "{name}: {greco}"
        );
        assert!(!greco.contains("Funzionaria"), "{name}: {greco}");
        assert!(
            card(&body, coordinator).unwrap().contains("Tunisia"),
            "{name}"
        );

        // The member sees all of her own entry, the role kept to nobody too.
        let mut own = app.signed_in(MEMBER).await;
        let body = page(&mut own, "").await;
        assert!(
            card(&body, member)
                .unwrap()
                .contains("Funzionaria, ufficio Europa"),
            "{name}"
        );

        // A local actor takes no part in the programme: only names, and nothing searched.
        let mut local = app.signed_in(ACTOR).await;
        let body = page(&mut local, "").await;
        let d = card(&body, staff_id).unwrap();
        assert!(
            !d.contains("Responsabile del programma") && !d.contains("Montenegro"),
            "{name}: {d}"
        );
        assert!(
            body.contains("directory/me"),
            "{name}: the actor is asked to choose"
        );
        let body = page(&mut local, "programmazione europea").await;
        assert!(
            card(&body, staff_id).is_none(),
            "{name}: found by a hidden field"
        );
    }
}

#[tokio::test]
async fn nothing_shows_before_the_choice_and_the_choice_is_kept() {
    for app in apps().await {
        let name = app.backend.name;
        let admin = user(&app, ADMIN).await;
        let mut c = app.signed_in(ADMIN).await;
        let body = page(&mut c, "").await;
        assert!(
            body.contains("Non sei nell"),
            "{name}: the operator is told to choose"
        );
        let before = footprint(&app).await;
        // Seeing the choice stores nothing, and proposes to be listed.
        let form = c.get("/directory/me").await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("finché non salvi"), "{name}");
        assert_eq!(
            footprint(&app).await,
            before,
            "{name}: the form stored something"
        );
        let mut staff = app.signed_in(STAFF).await;
        assert!(card(&page(&mut staff, "").await, admin).is_none(), "{name}");

        // Choosing not to be listed: still nobody sees the operator.
        let mut form = member_form("", &[("listed", "no")]);
        form.retain(|(n, _)| *n != "role");
        let r = post(&mut c, &form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert!(card(&page(&mut staff, "").await, admin).is_none(), "{name}");
        let saved = db::directory::entry(app.db(), admin)
            .await
            .unwrap()
            .unwrap();
        assert!(!saved.entry.listed && saved.version == 1);
        // A second first choice (a form sent twice) is a conflict and changes nothing.
        let before = footprint(&app).await;
        let r = post(&mut c, &member_form("", &[])).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{name}");
        assert_eq!(footprint(&app).await, before, "{name}");

        // Listed, with the role to the programme: staff see it; the audit log has the change.
        let r = post(
            &mut c,
            &member_form(
                "1",
                &[
                    ("reach_role", "programme"),
                    ("role", "Amministratrice della piattaforma"),
                ],
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let d = card(&page(&mut staff, "").await, admin).expect("listed now");
        assert!(
            d.contains("Amministratrice della piattaforma"),
            "{name}: {d}"
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'directory.save'"
            )
            .await,
            // The demo's four and these two.
            6,
            "{name}"
        );
    }
}

#[tokio::test]
async fn the_search_finds_through_visible_fields_only() {
    for app in apps().await {
        let name = app.backend.name;
        let tutor = user(&app, TUTOR).await;
        let coordinator = user(&app, COORDINATOR).await;
        let member = user(&app, MEMBER).await;
        let mut staff = app.signed_in(STAFF).await;
        // The tutor's competences say "public procurement", and her countries include Albania.
        for q in [
            "public procurement Albania",
            "who knows public procurement in Albania",
            "Public Procurement Albanie",
        ] {
            let body = page(&mut staff, q).await;
            assert!(card(&body, tutor).is_some(), "{name}: {q}");
            assert!(card(&body, coordinator).is_none(), "{name}: {q}");
        }
        // The coordinator's say "appalti pubblici", but his countries are for Salerno only.
        let body = page(&mut staff, "appalti pubblici Albania").await;
        assert!(
            card(&body, coordinator).is_none(),
            "{name}: a hidden country matched"
        );
        assert!(body.contains("Nessuna persona corrisponde"), "{name}");
        let body = page(&mut staff, "appalto pubblico").await;
        assert!(
            card(&body, coordinator).is_some(),
            "{name}: stems and folding"
        );
        // The member, of Salerno, finds him by both.
        let mut own = app.signed_in(MEMBER).await;
        let body = page(&mut own, "appalti pubblici Albania").await;
        assert!(card(&body, coordinator).is_some(), "{name}");
        assert!(card(&body, tutor).is_none(), "{name}");
        // Countries named in another language, themes by their name: her Morocco and tourism
        // are for her administration.
        let body = page(&mut own, "Maroc tourisme").await;
        assert!(card(&body, member).is_some(), "{name}: her own fields");
        let body = page(&mut staff, "Maroc").await;
        assert!(
            card(&body, member).is_none(),
            "{name}: her countries are hidden"
        );
        // A group of countries names its countries.
        let body = page(&mut staff, "Balcani occidentali").await;
        assert!(card(&body, tutor).is_some(), "{name}");
        // Hostile or odd queries answer a page.
        for q in [
            "\"",
            "*",
            "a*",
            "<script>",
            "' OR 1=1 --",
            &"x".repeat(5000),
        ] {
            page(&mut staff, q).await;
        }
    }
}

#[tokio::test]
async fn a_refused_choice_says_why_and_changes_nothing() {
    for app in apps().await {
        let name = app.backend.name;
        let member = user(&app, MEMBER).await;
        let mut c = app.signed_in(MEMBER).await;
        let version = db::directory::entry(app.db(), member)
            .await
            .unwrap()
            .unwrap()
            .version
            .to_string();
        let v: &'static str = Box::leak(version.clone().into_boxed_str());
        let cases: Vec<(Fields, StatusCode, &str)> = vec![
            (
                member_form(v, &[("reach_role", "everyone")]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Scegli chi vede questa informazione.",
            ),
            (
                member_form(v, &[("countries", "ZZ")]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Scegli uno dei valori proposti.",
            ),
            (
                member_form(v, &[("themes", "m:nessuna")]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Scegli uno dei valori proposti.",
            ),
            (
                member_form(v, &[("listed", "forse")]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Scegli se comparire nell",
            ),
            (
                member_form(v, &[("role", "due\nrighe")]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "",
            ),
            (
                member_form("0", &[]),
                StatusCode::CONFLICT,
                "Qualcun altro ha modificato",
            ),
        ];
        for (form, status, says) in cases {
            let before = footprint(&app).await;
            let r = post(&mut c, &form).await;
            assert_eq!(r.status, status, "{name}: {form:?}");
            assert!(
                r.body.contains(says),
                "{name}: {form:?} does not say {says}"
            );
            assert_eq!(
                footprint(&app).await,
                before,
                "{name}: {form:?} changed something"
            );
        }
        let r = post(&mut c, &member_form(v, &[("version", "abc")])).await;
        assert!(r.status.is_client_error(), "{name}");
    }
}
