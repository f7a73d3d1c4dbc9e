//! Pages, the registry, languages, the audit log and hostile requests, on both databases.

mod common;

use axum::http::{header, Method, StatusCode};
use common::{apps, urlencode};

#[tokio::test]
async fn the_programme_reads_as_the_seed_describes_it() {
    for app in apps().await {
        let mut c = app.client();
        let page = c.get("/programme").await;
        assert_eq!(page.status, StatusCode::OK);
        let body = &page.body;
        for text in [
            "PON Governance e Azioni di Sistema (FSE) 2007-2013",
            "Obiettivo 1 Convergenza",
            "Balcani occidentali",
            "sponda sud del Mediterraneo",
            "Ambito A",
            "Ambito B",
            "Ambito C",
            "Tavoli territoriali",
            "Laboratori interregionali",
            "Aspetti motivazionali e strategici",
            "Tutoraggio a distanza",
            "Ambiente web (comunità professionale)",
            "Piani strategici definiti",
            "Provincia di Salerno",
            "Provincia di Agrigento",
        ] {
            assert!(
                body.contains(text),
                "missing {text:?} on {}",
                app.backend.name
            );
        }
        // Strand A: 1,5 + 1,5 + 1,5 + 1 days; 4-5 days; 1 + 1 + 1 days.
        assert_eq!(body.matches("1,5 giornate in presenza").count(), 3);
        assert_eq!(body.matches(">1 giornata in presenza").count(), 4);
        assert_eq!(
            body.matches("4–5 giornate in presenza").count(),
            2,
            "the module and its dimension total"
        );
        assert!(
            body.contains("5,5 giornate in presenza"),
            "dimension 1 total"
        );
        assert!(body.contains("3 giornate in presenza"), "dimension 3 total");
        assert!(
            body.contains("12,5–13,5 giornate in presenza"),
            "strand A total"
        );
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        assert_eq!(structure.cohorts[0].organisations.len(), 5);
        let cohort = c
            .get(&format!("/programme/cohorts/{}", structure.cohorts[0].id))
            .await;
        for region in ["Campania", "Puglia", "Calabria", "Sicilia"] {
            assert!(cohort.body.contains(region), "{region}");
        }
        let strand = c.get("/programme/strands/a").await;
        assert!(strand.body.contains("Dimensione 3"));
        let module = c
            .get(&format!("/programme/modules/{}", structure.modules[1].id))
            .await;
        assert!(module.body.contains("Quadri logici per macroarea"));
    }
}

#[tokio::test]
async fn languages_switch_and_numbers_follow_them() {
    for app in apps().await {
        let mut c = app.client();
        let r = c.get("/language/en?next=/programme").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.location(), "/programme");
        let en = c.get("/programme").await;
        assert!(en.body.contains("<html lang=\"en\">"));
        assert!(en.body.contains("General objective"));
        assert!(en.body.contains("1.5 days in person"));
        assert!(en.body.contains("4–5 days in person"));
        // The programme's own Italian texts say so, for screen readers (WCAG 3.1.2).
        assert!(en.body.contains("<h1 lang=\"it\">Reti regionali"));
        c.get("/language/fr?next=https://evil.example/").await;
        let fr = c.get("/programme").await;
        assert!(fr.body.contains("Objectif général"));
        assert!(fr.body.contains("1,5 journées en présentiel"));
        let mut browser = app.client();
        browser
            .headers
            .push(("accept-language".into(), "fr-FR,fr;q=0.9,en;q=0.5".into()));
        assert!(browser.get("/").await.body.contains("<html lang=\"fr\">"));
        assert_eq!(c.get("/language/de").await.status, StatusCode::NOT_FOUND);
        let open_redirect = c.get("/language/it?next=//evil.example").await;
        assert_eq!(open_redirect.location(), "/");
    }
}

#[tokio::test]
async fn the_registry_validates_creates_and_audits() {
    for app in apps().await {
        let mut admin = app.signed_in("admin@ponte.example").await;
        let form = [
            ("category", "italian_pa"),
            ("name", "Comune di Lecce"),
            ("pa_kind", "comune"),
            ("istat_code", "75035"),
            ("ipa_code", "c_e506"),
            ("tax_code", "80008510751"),
            ("region_code", "16"),
            ("province_code", "le"),
        ];
        let bad = admin.post("/admin/organisations", &form).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad
            .body
            .contains("Il codice ISTAT non ha il numero di cifre previsto"));
        assert!(bad.body.contains("la cifra di controllo non corrisponde"));
        assert!(
            bad.body.contains("value=\"Comune di Lecce\""),
            "what was typed is kept"
        );
        let (_, count_before) = db::organisations::search(app.db(), None, None, 1, 0)
            .await
            .unwrap();
        let mut good = form;
        good[3] = ("istat_code", "075035");
        // The real codice fiscale of the Comune di Lecce.
        good[5] = ("tax_code", "80008510754");
        let created = admin.post("/admin/organisations", &good).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let page = admin.get(created.location()).await;
        assert!(page.body.contains("Comune di Lecce"));
        assert!(page.body.contains("075035"));
        let duplicate = admin.post("/admin/organisations", &good).await;
        assert_eq!(duplicate.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(duplicate.body.contains("già registrata"));
        let (_, count_after) = db::organisations::search(app.db(), None, None, 1, 0)
            .await
            .unwrap();
        assert_eq!(count_after, count_before + 1);
        let partner = admin
            .post(
                "/admin/organisations",
                &[
                    ("category", "foreign_partner"),
                    ("name", "Grad Sarajevo"),
                    ("country", "BA"),
                    ("partner_type", "local_government"),
                ],
            )
            .await;
        assert_eq!(partner.status, StatusCode::SEE_OTHER);
        let audit = admin.get("/admin/audit?action=organisation.create").await;
        assert!(audit.body.contains("Comune di Lecce"));
        assert!(audit.body.contains("admin@ponte.example"));
        // Search and filters, with htmx fragments.
        let list = admin.get("/organisations?q=lecce").await;
        assert!(
            list.body.contains("Comune di Lecce") && !list.body.contains("Provincia di Foggia")
        );
        let mut htmx = admin.clone();
        htmx.headers.push(("hx-request".into(), "true".into()));
        let fragment = htmx.get("/organisations?category=foreign_partner").await;
        assert!(fragment.body.contains("Grad Sarajevo") && !fragment.body.contains("<html"));
        let csv = admin
            .get("/organisations.csv?category=foreign_partner")
            .await;
        assert_eq!(csv.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
        assert!(csv
            .body
            .contains("Grad Sarajevo;Partner estero;Autorità locale"));
        // Members may not add organisations.
        let mut member = app.signed_in("membro@ponte.example").await;
        assert_eq!(
            member.post("/admin/organisations", &good).await.status,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn the_audit_log_is_for_administrators() {
    for app in apps().await {
        let mut admin = app.signed_in("admin@ponte.example").await;
        let log = admin.get("/admin/audit").await;
        assert_eq!(log.status, StatusCode::OK);
        assert!(log.body.contains("programme.load"));
        assert!(log.body.contains("session.open"));
        let mut staff = app.signed_in("staff@ponte.example").await;
        assert_eq!(
            staff.get("/admin/audit").await.status,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn hostile_requests_get_a_4xx_and_change_nothing() {
    for app in apps().await {
        let mut admin = app.signed_in("admin@ponte.example").await;
        let (_, before) = db::organisations::search(app.db(), None, None, 1, 0)
            .await
            .unwrap();
        let form = urlencode(&[
            ("category", "local_actor"),
            ("name", "Ente ostile"),
            ("actor_sector", "ngo"),
            ("actor_public", "private"),
        ]);
        // Cross-origin form posts, by Origin and by Fetch metadata.
        let mut evil = admin.clone();
        evil.headers
            .push(("origin".into(), "https://evil.example".into()));
        let r = evil
            .send(
                Method::POST,
                "/admin/organisations",
                Some("application/x-www-form-urlencoded"),
                form.clone().into_bytes(),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let mut sneaky = admin.clone();
        sneaky
            .headers
            .push(("sec-fetch-site".into(), "cross-site".into()));
        let r = sneaky
            .send(
                Method::POST,
                "/sign-out",
                Some("application/x-www-form-urlencoded"),
                Vec::new(),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(
            admin.get("/profile").await.status,
            StatusCode::OK,
            "still signed in"
        );
        // Same-origin posts pass.
        let mut same = admin.clone();
        same.headers
            .push(("origin".into(), "http://ponte.test".into()));
        same.headers
            .push(("sec-fetch-site".into(), "same-origin".into()));
        let invalid = same
            .post("/admin/organisations", &[("category", "nonsense")])
            .await;
        assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
        // Oversize body.
        let huge = format!("category=local_actor&name={}", "x".repeat(200 * 1024));
        let r = admin
            .send(
                Method::POST,
                "/admin/organisations",
                Some("application/x-www-form-urlencoded"),
                huge.into_bytes(),
            )
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
        // Invalid UTF-8, raw and percent-encoded.
        let r = admin
            .send(
                Method::POST,
                "/admin/organisations",
                Some("application/x-www-form-urlencoded"),
                b"category=local_actor&name=Ente%FF%FE".to_vec(),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let r = admin
            .send(
                Method::POST,
                "/admin/organisations",
                Some("application/x-www-form-urlencoded"),
                b"category=local_actor&name=\xff\xfe".to_vec(),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        // Wrong media type, malformed form, control characters, overlong fields.
        let r = admin
            .send(
                Method::POST,
                "/admin/organisations",
                Some("application/json"),
                b"{\"name\":\"x\"}".to_vec(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let r = admin.post("/profile", &[("version", "not a number")]).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let r = admin
            .post(
                "/admin/organisations",
                &[
                    ("category", "local_actor"),
                    ("name", "Nome\u{0}nullo"),
                    ("actor_sector", "ngo"),
                    ("actor_public", "private"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let long = "y".repeat(201);
        let r = admin
            .post(
                "/admin/organisations",
                &[
                    ("category", "local_actor"),
                    ("name", &long),
                    ("actor_sector", "ngo"),
                    ("actor_public", "private"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Il testo è troppo lungo"));
        // Hostile query strings and paths.
        assert_eq!(
            admin.get("/admin/audit?page=-5").await.status,
            StatusCode::OK
        );
        let bad_query = admin.get("/organisations?page=abc").await;
        assert_eq!(bad_query.status, StatusCode::BAD_REQUEST);
        assert!(
            bad_query.body.contains("La richiesta non è valida"),
            "a translated page, not a bare error"
        );
        assert_eq!(
            admin.get("/assets/../Cargo.toml").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            admin.get("/password/reset/%00%FF").await.status,
            StatusCode::BAD_REQUEST
        );
        let (_, after) = db::organisations::search(app.db(), None, None, 1, 0)
            .await
            .unwrap();
        assert_eq!(before, after, "nothing was stored on {}", app.backend.name);
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    for app in apps().await {
        let mut c = app.client();
        for path in [
            "/",
            "/programme",
            "/sign-in",
            "/assets/ponte.css",
            "/health",
            "/nope",
            "/admin/users",
        ] {
            let r = c.get(path).await;
            let csp = r
                .headers
                .get(header::CONTENT_SECURITY_POLICY)
                .unwrap()
                .to_str()
                .unwrap();
            assert!(
                csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
                "{path}"
            );
            assert!(!csp.contains("unsafe-inline"));
            assert_eq!(
                r.headers[header::X_CONTENT_TYPE_OPTIONS],
                "nosniff",
                "{path}"
            );
            assert_eq!(r.headers[header::REFERRER_POLICY], "same-origin", "{path}");
            assert_eq!(r.headers["x-request-id"].len(), 32, "{path}");
        }
        let signed = app.signed_in("membro@ponte.example").await;
        let cookie = signed.cookies.get("ponte_session").unwrap();
        assert_eq!(cookie.len(), 64);
        // No inline script anywhere in the pages.
        let page = c.get("/programme").await;
        for chunk in page.body.split("<script").skip(1) {
            assert!(
                chunk.trim_start().starts_with("src="),
                "inline script found"
            );
        }
        let health = c.get("/health").await;
        assert_eq!(health.status, StatusCode::OK);
        let json: serde_json::Value = serde_json::from_str(&health.body).unwrap();
        assert_eq!(json["status"], "ok");
        assert_eq!(json["database"], app.backend.name);
        assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
    }
}

#[tokio::test]
async fn a_stale_edit_shows_both_versions_and_loses_nothing() {
    for app in apps().await {
        let foggia = app.organisation("Provincia di Foggia").await;
        let mut first = app.signed_in("admin@ponte.example").await;
        let mut second = app.signed_in("staff@ponte.example").await;
        let form_page = first
            .get(&format!("/admin/organisations/{foggia}/edit"))
            .await;
        assert_eq!(form_page.status, StatusCode::OK);
        assert!(form_page.body.contains("value=\"p_fg\""));
        assert!(form_page.body.contains("name=\"version\" value=\"1\""));
        let base = [
            ("version", "1"),
            ("category", "italian_pa"),
            ("pa_kind", "provincia"),
            ("istat_code", "071"),
            ("ipa_code", "p_fg"),
            ("region_code", "16"),
            ("province_code", "FG"),
        ];
        let mut mine = base.to_vec();
        mine.push(("name", "Provincia di Foggia (Capitanata)"));
        mine.push(("website", "https://www.provincia.foggia.it"));
        let mut theirs = base.to_vec();
        theirs.push(("name", "Provincia di Foggia"));
        theirs.push(("website", "https://provincia.foggia.example"));
        // Both loaded version 1; the second person saves first.
        let saved = second
            .post(&format!("/admin/organisations/{foggia}"), &theirs)
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let stale = first
            .post(&format!("/admin/organisations/{foggia}"), &mine)
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT, "{}", app.backend.name);
        assert!(stale
            .body
            .contains("Qualcun altro ha salvato questa scheda"));
        assert!(
            stale.body.contains("provincia.foggia.example</mark>"),
            "the current version is shown"
        );
        assert!(
            stale.body.contains("www.provincia.foggia.it</mark>"),
            "the user's version is shown"
        );
        assert!(
            stale
                .body
                .contains("value=\"Provincia di Foggia (Capitanata)\""),
            "what the user typed is kept in the form"
        );
        assert!(
            stale.body.contains("name=\"version\" value=\"2\""),
            "saving again is deliberate"
        );
        let stored = db::organisations::get(app.db(), foggia).await.unwrap();
        assert_eq!(
            stored.data.website.as_deref(),
            Some("https://provincia.foggia.example")
        );
        // Saving again on the current version applies the user's changes.
        let mut again = mine.clone();
        again[0] = ("version", "2");
        let r = first
            .post(&format!("/admin/organisations/{foggia}"), &again)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let stored = db::organisations::get(app.db(), foggia).await.unwrap();
        assert_eq!(stored.data.name, "Provincia di Foggia (Capitanata)");
        assert_eq!(stored.version, 3);
        let (log, _) = db::audit::page(app.db(), Some("organisation.update"), 10, 0)
            .await
            .unwrap();
        assert_eq!(log.len(), 2);
        assert!(log[0]
            .before
            .as_deref()
            .unwrap()
            .contains("provincia.foggia.example"));
        // Invalid edits change nothing; members may not edit.
        let mut bad = again.clone();
        bad[0] = ("version", "3");
        bad[3] = ("istat_code", "71");
        let r = first
            .post(&format!("/admin/organisations/{foggia}"), &bad)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let mut member = app.signed_in("membro@ponte.example").await;
        assert_eq!(
            member
                .get(&format!("/admin/organisations/{foggia}/edit"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            db::organisations::get(app.db(), foggia)
                .await
                .unwrap()
                .version,
            3
        );
    }
}

#[tokio::test]
async fn the_registry_is_paginated() {
    for app in apps().await {
        for n in 0..30 {
            let form = domain::organisations::OrganisationForm {
                category: "local_actor".into(),
                name: format!("Associazione {n:02}"),
                actor_sector: "association".into(),
                actor_public: "private".into(),
                ..Default::default()
            };
            let org = domain::organisations::check(&form).unwrap();
            db::organisations::create(app.db(), &org, None)
                .await
                .unwrap();
        }
        let mut c = app.signed_in("staff@ponte.example").await;
        let first = c.get("/organisations?category=local_actor").await;
        // The demo's eight local actors (three of the registry, five of the tables) and these 30.
        assert!(first.body.contains("38 risultati"), "{}", app.backend.name);
        assert_eq!(
            first.body.matches("<tr>").count() - 1,
            25,
            "a page holds 25 rows"
        );
        assert!(first.body.contains("page=2"));
        let second = c.get("/organisations?category=local_actor&page=2").await;
        assert_eq!(second.body.matches("<tr>").count() - 1, 13);
        assert!(second.body.contains("aria-current=\"page\">2<"));
        let beyond = c.get("/organisations?category=local_actor&page=99").await;
        assert_eq!(beyond.status, StatusCode::OK);
        assert!(
            beyond.body.contains("aria-current=\"page\">2<"),
            "a page past the end shows the last one"
        );
    }
}

#[tokio::test]
async fn municipalities_are_checked_against_the_istat_list() {
    for app in apps().await {
        let mut admin = app.signed_in("admin@ponte.example").await;
        let form = |istat: &'static str, region: &'static str, province: &'static str| {
            [
                ("category", "italian_pa"),
                ("name", "Comune di Salerno"),
                ("pa_kind", "comune"),
                ("istat_code", istat),
                ("region_code", region),
                ("province_code", province),
            ]
        };
        // Without the list, only the format is checked.
        let r = admin
            .post("/admin/organisations", &form("065999", "15", "SA"))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let list = vec![domain::organisations::istat::Municipality {
            istat_code: "065116".into(),
            name: "Salerno".into(),
            region_code: "15".into(),
            region_name: "Campania".into(),
            supra_code: "065".into(),
            supra_name: "Salerno".into(),
            car_plate: "SA".into(),
            cadastral_code: "H703".into(),
            is_capital: true,
        }];
        db::organisations::import_municipalities(app.db(), &list, None)
            .await
            .unwrap();
        let unknown = admin
            .post("/admin/organisations", &form("065998", "15", "SA"))
            .await;
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            unknown.body.contains("non è nell&#x27;elenco ISTAT")
                || unknown.body.contains("non è nell'elenco ISTAT")
        );
        let wrong = admin
            .post("/admin/organisations", &form("065116", "16", "LE"))
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.body.contains("in un") && wrong.body.contains("altra regione"));
        assert!(wrong.body.contains("la sigla della provincia"));
        let right = admin
            .post("/admin/organisations", &form("065116", "15", "sa"))
            .await;
        assert_eq!(right.status, StatusCode::SEE_OTHER, "{}", right.body);
    }
}
