//! The security pass, on both databases: cross-origin unsafe requests are refused on every unsafe
//! route and change nothing; a planted session id is never adopted; nobody reaches another
//! organisation's workspace through any id-taking route; markup typed into text fields comes back
//! inert; every response carries the security headers.

mod common;

use axum::http::{Method, StatusCode};
use common::{apps, concrete_path};
use domain::policy::{self, Rule};

async fn audit_total(app: &common::App) -> i64 {
    db::audit::page(app.db(), None, 1, 0).await.unwrap().1
}

#[tokio::test]
async fn cross_origin_unsafe_requests_are_refused_on_every_route() {
    for app in apps().await {
        let mut admin = app.signed_in("admin@ponte.example").await;
        let before = audit_total(&app).await;
        let mut checked = 0;
        for route in web::routes::all()
            .into_iter()
            .filter(|r| r.method != Method::GET)
        {
            let path = concrete_path(&app, route.path).await;
            for header in [
                ("origin", "https://evil.example"),
                ("sec-fetch-site", "cross-site"),
            ] {
                admin.headers = vec![(header.0.into(), header.1.into())];
                let r = admin
                    .post(
                        &path,
                        &[("title", "x"), ("name", "x"), ("status", "cancelled")],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::FORBIDDEN,
                    "{} {path} with {header:?}",
                    route.method
                );
                checked += 1;
            }
        }
        admin.headers.clear();
        assert!(checked > 40, "every unsafe route was tried");
        assert_eq!(
            audit_total(&app).await,
            before,
            "nothing changed on {}",
            app.backend.name
        );
        assert!(
            admin.session().is_some(),
            "still signed in: sign-out was refused too"
        );
        assert_eq!(admin.get("/profile").await.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn a_planted_session_id_is_never_adopted() {
    for app in apps().await {
        let planted = "a".repeat(64);
        let mut c = app.client();
        c.cookies.insert("ponte_session".into(), planted.clone());
        assert_eq!(c.get("/profile").await.status, StatusCode::SEE_OTHER);
        let r = c
            .post(
                "/sign-in",
                &[
                    ("email", "membro@ponte.example"),
                    ("password", ponte::demo::DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let issued = c.session().unwrap();
        assert_ne!(issued, planted);
        assert_eq!(issued.len(), 64);
        let mut attacker = app.client();
        attacker.cookies.insert("ponte_session".into(), planted);
        assert_eq!(attacker.get("/profile").await.status, StatusCode::SEE_OTHER);
        // Signing in again gives yet another id.
        let again = app
            .signed_in("membro@ponte.example")
            .await
            .session()
            .unwrap();
        assert_ne!(again, issued);
    }
}

#[tokio::test]
async fn no_route_reaches_another_organisations_workspace() {
    for app in apps().await {
        let caserta = app.organisation("Provincia di Caserta").await.to_string();
        let salerno = app.organisation("Provincia di Salerno").await.to_string();
        let mut tried = 0;
        for email in [
            "membro@ponte.example",
            "coordinatore@ponte.example",
            "attore@ponte.example",
        ] {
            let mut c = app.signed_in(email).await;
            for route in web::routes::all() {
                if !matches!(policy::rule(route.name), Some(Rule::Workspace { .. }))
                    || !route.path.contains("{id}")
                {
                    continue;
                }
                // Salerno's people and the chamber's actor try Caserta's workspace.
                let path = concrete_path(&app, route.path)
                    .await
                    .replace(&salerno, &caserta);
                let r = if route.method == Method::GET {
                    c.get(&path).await
                } else {
                    c.post(&path, &[("email", "x@y.example"), ("role", "member")])
                        .await
                };
                assert_eq!(
                    r.status,
                    StatusCode::FORBIDDEN,
                    "{email}: {} {path}",
                    route.method
                );
                assert!(
                    !r.body.contains("Provincia di Caserta"),
                    "the refusal leaks the workspace"
                );
                tried += 1;
            }
        }
        assert!(tried >= 6, "workspace routes were tried");
    }
}

const PAYLOAD: &str = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=1\">";

#[tokio::test]
async fn markup_in_text_fields_comes_back_inert() {
    for app in apps().await {
        let mut staff = app.signed_in("staff@ponte.example").await;
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        let module = structure.modules[0].id.to_string();
        let cohort = structure.cohorts[0].id.to_string();
        let title = format!("Giornata {PAYLOAD}");
        let r = staff
            .post(
                "/labs/sessions",
                &[
                    ("module_id", &module),
                    ("cohort_id", &cohort),
                    ("title", &title),
                    ("date", "2031-05-06"),
                    ("start", "09:30"),
                    ("end", "12:30"),
                    ("place", PAYLOAD),
                    ("capacity", "10"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let session = r.location().to_string();
        let r = staff
            .post(&format!("{session}/outcomes"), &[("outcomes", PAYLOAD)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = staff
            .post(
                &format!("{session}/agenda"),
                &[
                    ("start", "09:30"),
                    ("end", "10:00"),
                    ("title", PAYLOAD),
                    ("speaker", PAYLOAD),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = staff
            .post(
                "/admin/organisations",
                &[
                    ("category", "local_actor"),
                    ("name", &format!("Associazione {PAYLOAD}")),
                    ("actor_sector", "association"),
                    ("actor_public", "private"),
                    ("region_code", "15"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let org = r.location().to_string();
        // A comment thread and its reply on a product (their markup is written in Rust).
        let salerno = app.organisation("Provincia di Salerno").await;
        let product = db::products::list(app.db(), salerno).await.unwrap()[0].id;
        let product = format!("/organisations/{salerno}/products/{product}");
        let r = staff
            .post(&format!("{product}/comments"), &[("body", PAYLOAD)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let thread = r.location().rsplit("#c-").next().unwrap().to_string();
        let r = staff
            .post(
                &format!("{product}/comments"),
                &[("parent", thread.as_str()), ("body", PAYLOAD)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = staff.get(&product).await;
        assert_eq!(
            page.body
                .matches("&lt;script&gt;window.__xss=1&lt;&#x2f;script&gt;")
                .count(),
            2,
            "the thread and its reply show the markup as text"
        );
        for path in [
            product.as_str(),
            session.as_str(),
            "/labs?view=list&month=2031-05",
            "/labs/dashboard",
            org.as_str(),
            "/organisations?q=Associazione",
        ] {
            let page = staff.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            assert!(
                !page.body.contains("<script>window.__xss"),
                "{path} renders the script"
            );
            assert!(
                !page.body.contains("<img src=x"),
                "{path} renders the image"
            );
        }
        let page = staff.get(&session).await;
        assert!(page
            .body
            .contains("&lt;script&gt;window.__xss=1&lt;&#x2f;script&gt;"));
        // The calendar feed is plain text, never sniffed as a page.
        let ics = staff.get(&format!("{session}/ics")).await;
        assert!(ics.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar"));
        assert_eq!(ics.headers["x-content-type-options"], "nosniff");
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    for app in apps().await {
        for who in [None, Some("admin@ponte.example")] {
            let mut c = match who {
                Some(email) => app.signed_in(email).await,
                None => app.client(),
            };
            let mut paths: Vec<String> = Vec::new();
            for route in web::routes::all()
                .into_iter()
                .filter(|r| r.method == Method::GET)
            {
                paths.push(concrete_path(&app, route.path).await);
            }
            paths.push("/no/such/page".into());
            for path in paths {
                let r = c.get(&path).await;
                let h = &r.headers;
                let context = format!("{path} as {who:?}: {}", r.status);
                assert!(
                    h["content-security-policy"]
                        .to_str()
                        .unwrap()
                        .contains("script-src 'self'"),
                    "{context}"
                );
                assert_eq!(h["x-content-type-options"], "nosniff", "{context}");
                assert_eq!(h["x-frame-options"], "DENY", "{context}");
                assert_eq!(h["referrer-policy"], "same-origin", "{context}");
            }
        }
    }
}
