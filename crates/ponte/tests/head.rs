//! Every page has a meta description in the page's language: the page's own (a document's
//! summary, the home page's presentation) or its title with the platform's presentation.

mod common;

use axum::http::StatusCode;
use common::{apps, Client};

/// The meta description of a page, unescaped enough to compare.
fn description(body: &str) -> String {
    let start = body
        .find("<meta name=\"description\" content=\"")
        .expect("a meta description")
        + "<meta name=\"description\" content=\"".len();
    body[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

async fn page(c: &mut Client, path: &str) -> String {
    let r = c.get(path).await;
    assert_eq!(r.status, StatusCode::OK, "{path}");
    r.body
}

#[tokio::test]
async fn every_page_has_a_description_in_its_language() {
    for app in apps().await {
        let mut staff = app.signed_in("staff@ponte.example").await;
        for (lang, about) in [
            ("it", "L'ambiente web del programma"),
            ("en", "The programme's web environment"),
            ("fr", "L'environnement web du programme"),
        ] {
            staff.get(&format!("/language/{lang}?next=/")).await;
            for path in [
                "/",
                "/programme",
                "/labs",
                "/library",
                "/library/map",
                "/organisations",
                "/tutoring",
            ] {
                let body = page(&mut staff, path).await;
                let d = description(&body);
                assert!(d.contains(about), "{lang} {path}: {d}");
                assert!(d.chars().count() >= 50, "{lang} {path}: {d}");
            }
            let home = description(&page(&mut staff, "/").await);
            assert!(!home.contains(" — "), "the home page has its own: {home}");
            let library_page = page(&mut staff, "/library").await;
            let library = description(&library_page);
            assert!(library.contains(" — "), "{library}");
            // A document whose summary is in the page's language is described by it.
            let mut described = 0;
            for part in library_page
                .split("href=\"/library/documents/")
                .skip(1)
                .take(12)
            {
                let id: String = part.chars().take(36).collect();
                if uuid::Uuid::parse_str(&id).is_err() {
                    continue;
                }
                let body = page(&mut staff, &format!("/library/documents/{id}")).await;
                let d = description(&body);
                let lead = format!("<p class=\"lead\" lang=\"{lang}\">");
                if let Some(start) = body.find(&lead) {
                    let summary = body[start + lead.len()..].split("</p>").next().unwrap();
                    let summary = summary
                        .replace("&#x27;", "'")
                        .replace("&#x2f;", "/")
                        .replace("&amp;", "&");
                    assert_eq!(d, web::templates::excerpt(&summary, 160), "{id}");
                    described += 1;
                } else {
                    assert!(d.contains(about), "{id}: {d}");
                }
            }
            if lang == "it" {
                assert!(described > 0, "some documents have an Italian summary");
            }
        }
    }
}
