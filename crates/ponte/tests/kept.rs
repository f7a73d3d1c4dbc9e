//! Kept values are thrown away only by changes to what they show: a library document added and
//! its text extracted leave every product page kept (they name the library's themes, not its
//! documents), while a renamed theme computes them again.

mod common;

use common::*;

/// A second instance over the app's database and files, with its own kept values, and a client
/// of it.
fn second_instance(app: &App) -> (web::AppState, Client) {
    let state = web::AppState::new(
        app.db().clone(),
        web::Config::local("http://ponte.test"),
        storage::Storage::open(&app.backend.dir.path().join("files").display().to_string())
            .expect("storage opens"),
    );
    let client = Client::over(web::app(state.clone()));
    (state, client)
}

#[tokio::test]
async fn a_new_document_keeps_product_pages_and_a_renamed_theme_does_not() {
    for app in apps().await {
        let db = app.db();
        let name = &app.backend.name;
        // A second instance whose kept values are counted.
        let (state, mut reader) = second_instance(&app);
        let c = reader.sign_in("coordinatore@ponte.example").await;
        assert_eq!(c.status, 303, "{}", c.body);
        let salerno = app.organisation("Provincia di Salerno").await;
        let product = db::products::list(db, salerno)
            .await
            .expect("products")
            .first()
            .expect("Salerno has products in the demo")
            .id;
        let page = format!("/organisations/{salerno}/products/{product}");
        assert_eq!(reader.get(&page).await.status, 200, "on {name}");
        let computed = state.kept.stats().misses;
        assert_eq!(reader.get(&page).await.status, 200);
        assert_eq!(state.kept.stats().misses, computed, "kept on {name}");

        let staff = db::accounts::credentials(db, "staff@ponte.example")
            .await
            .expect("read")
            .expect("staff")
            .id;
        let draft = domain::library::Draft {
            title: "Un documento nuovo".into(),
            summary: "Caricato mentre si legge un prodotto.".into(),
            kind: "report",
            language: "it",
            year: Some(2026),
            source: None,
            licence: None,
            url: None,
            visibility: domain::library::Visibility::Public,
            organisation: None,
            group: None,
            table: None,
            network_group: None,
            themes: Vec::new(),
            places: Vec::new(),
        };
        let file = db::library::StoredFile {
            key: db::new_id(),
            name: "nuovo.txt".into(),
            content_type: "text/plain".into(),
            size: 10,
            extractable: true,
            text: None,
        };
        let document =
            db::library::create(db, &draft, Some(&file), &Default::default(), Some(staff))
                .await
                .expect("a document");
        db::library::set_extracted(db, document, Ok("testo estratto".into()))
            .await
            .expect("extracted");
        assert_eq!(reader.get(&page).await.status, 200);
        assert_eq!(
            state.kept.stats().misses,
            computed,
            "a new document leaves the product page kept on {name}"
        );

        let area = db::library::macro_areas(db)
            .await
            .expect("areas")
            .into_iter()
            .next()
            .expect("the demo has macro-areas");
        let renamed = db::library::MacroArea {
            name_it: format!("{} (rinominata)", area.name_it),
            ..area.clone()
        };
        db::library::save_macro_area(db, &renamed, Some(area.version), None)
            .await
            .expect("renamed");
        assert_eq!(reader.get(&page).await.status, 200);
        assert!(
            state.kept.stats().misses > computed,
            "a renamed theme computes the product page again on {name}"
        );
    }
}

/// How kept values are used is for operators: staff read it, a member and a guest may not.
#[tokio::test]
async fn only_staff_and_administrators_read_the_kept_values_figures() {
    for app in apps().await {
        let name = &app.backend.name;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let r = staff.get("/health/kept").await;
        assert_eq!(r.status, 200, "on {name}");
        let figures: serde_json::Value = serde_json::from_str(&r.body).expect("JSON");
        for field in ["hits", "misses", "entries", "bytes"] {
            assert!(figures[field].is_u64(), "{field} in {} on {name}", r.body);
        }
        let mut member = app.signed_in("membro@ponte.example").await;
        assert_eq!(member.get("/health/kept").await.status, 403, "on {name}");
        let r = app.client().get("/health/kept").await;
        assert_ne!(r.status, 200, "a guest is sent to sign in on {name}");
    }
}

#[tokio::test]
async fn the_home_page_shows_a_new_due_date_at_once() {
    for app in apps().await {
        let db = app.db();
        let name = &app.backend.name;
        // The home page read on a second instance, the change made through the data layer.
        let (state, mut reader) = second_instance(&app);
        assert_eq!(
            reader.sign_in("coordinatore@ponte.example").await.status,
            303
        );
        let salerno = app.organisation("Provincia di Salerno").await;
        let p = db::products::list(db, salerno)
            .await
            .expect("products")
            .into_iter()
            .find(|p| {
                use domain::products::review::State;
                matches!(p.state, State::Draft | State::ChangesRequested)
            })
            .expect("a product being drafted in the demo");
        let title = "Prodotto con la scadenza più vicina";
        let home = reader.get("/").await;
        assert_eq!(home.status, 200);
        assert!(!home.body.contains(title), "on {name}");
        // Read twice: kept.
        let computed = state.kept.stats().misses;
        assert_eq!(reader.get("/").await.status, 200);
        assert_eq!(state.kept.stats().misses, computed, "kept on {name}");
        let full = db::products::get(db, p.id).await.unwrap().unwrap();
        let save = db::products::Save {
            title,
            content: &full.content,
            due_on: chrono::NaiveDate::from_ymd_opt(2000, 1, 1),
            version_label: None,
        };
        db::products::save(db, p.id, full.version, &save, None)
            .await
            .expect("saved");
        let home = reader.get("/").await;
        assert!(home.body.contains(title), "the new due date on {name}");
    }
}

#[tokio::test]
async fn the_directory_shows_a_choice_or_profile_saved_elsewhere_at_once() {
    for app in apps().await {
        let db = app.db();
        let name = &app.backend.name;
        // The reading instance keeps the directory; the changes are written by another.
        let (state, mut reader) = second_instance(&app);
        assert_eq!(reader.sign_in("membro@ponte.example").await.status, 303);
        let search = "/directory?q=cartografia";
        let page = reader.get(search).await;
        assert_eq!(page.status, 200, "{name}");
        assert!(!page.body.contains("Antonio Esposito"), "{name}");
        let computed = state.kept.stats().misses;
        reader.get(search).await;
        assert_eq!(state.kept.stats().misses, computed, "kept on {name}");

        // The coordinator's role, seen by the programme, now names the word.
        let coordinator = db::accounts::credentials(db, "coordinatore@ponte.example")
            .await
            .expect("read")
            .expect("coordinator")
            .id;
        let saved = db::directory::entry(db, coordinator)
            .await
            .expect("read")
            .expect("listed");
        let mut entry = saved.entry.clone();
        entry.role = Some("Dirigente, esperto di cartografia".into());
        db::directory::save(db, coordinator, Some(saved.version), &entry)
            .await
            .expect("saved");
        let page = reader.get(search).await;
        assert!(
            page.body.contains("Antonio Esposito"),
            "{name}: the new role is found at once"
        );

        // A profile's competences, changed elsewhere, too.
        let member = db::accounts::credentials(db, "tutor@ponte.example")
            .await
            .expect("read")
            .expect("tutor");
        let user = db::accounts::user(db, member.id).await.expect("user");
        let mut competences = user.competences.clone();
        competences.push("Idrografia".into());
        let profile = domain::accounts::Profile {
            name: user.name.clone(),
            languages: user.languages.clone(),
            competences,
        };
        db::accounts::update_profile(db, member.id, user.version, &profile)
            .await
            .expect("profile saved");
        let page = reader.get("/directory?q=idrografia").await;
        assert!(
            page.body.contains(&user.name),
            "{name}: the new competence is found at once"
        );
    }
}
