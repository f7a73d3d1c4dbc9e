//! Compression on both databases: every text response (pages, style sheets, scripts, SVG, JSON,
//! iCalendar, CSV) goes out in Brotli or gzip as the client accepts, decodes to what an
//! uncompressed request gets, and says `Vary: Accept-Encoding`; files that are compressed already
//! (fonts, spreadsheets) go out as they are. Assets named by their hashed names are cached for a
//! year; their plain names keep working with a short cache.

mod common;

use axum::http::{header, StatusCode};
use common::{apps, Client, Reply};
use std::io::Read;

async fn get_with(c: &mut Client, path: &str, accept: Option<&str>) -> Reply {
    c.headers.retain(|(k, _)| k != "accept-encoding");
    if let Some(accept) = accept {
        c.headers.push(("accept-encoding".into(), accept.into()));
    }
    let r = c.get(path).await;
    c.headers.retain(|(k, _)| k != "accept-encoding");
    r
}

fn decode(encoding: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    match encoding {
        "br" => {
            brotli::Decompressor::new(bytes, 4096)
                .read_to_end(&mut out)
                .unwrap();
        }
        "gzip" => {
            flate2::read::GzDecoder::new(bytes)
                .read_to_end(&mut out)
                .unwrap();
        }
        other => panic!("unexpected encoding {other}"),
    }
    out
}

fn header_of(r: &Reply, name: header::HeaderName) -> &str {
    r.headers
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or("")
}

/// Fetches `path` plainly, then in Brotli and in gzip, and checks that each compressed body is
/// compressed, smaller, and decodes to the plain one.
async fn check_compressed(c: &mut Client, path: &str, media: &str) {
    let plain = get_with(c, path, None).await;
    assert_eq!(plain.status, StatusCode::OK, "{path}");
    assert!(
        header_of(&plain, header::CONTENT_TYPE).starts_with(media),
        "{path}: {}",
        header_of(&plain, header::CONTENT_TYPE)
    );
    assert_eq!(header_of(&plain, header::CONTENT_ENCODING), "", "{path}");
    for (accept, expected) in [
        ("gzip, deflate, br, zstd", "br"),
        ("br;q=0, gzip", "gzip"),
        ("gzip;q=0.5, br;q=0.9", "br"),
    ] {
        let r = get_with(c, path, Some(accept)).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(
            header_of(&r, header::CONTENT_ENCODING),
            expected,
            "{path} with {accept}"
        );
        assert!(
            header_of(&r, header::VARY)
                .to_ascii_lowercase()
                .contains("accept-encoding"),
            "{path}: Vary is {:?}",
            header_of(&r, header::VARY)
        );
        assert!(r.bytes.len() < plain.bytes.len(), "{path} with {accept}");
        let decoded = decode(expected, &r.bytes);
        assert!(
            decoded == plain.bytes,
            "{path} with {accept} decodes to the original"
        );
    }
}

#[tokio::test]
async fn text_responses_are_compressed_as_the_client_accepts() {
    for app in apps().await {
        let mut guest = app.client();
        check_compressed(&mut guest, "/", "text/html").await;
        check_compressed(&mut guest, "/programme", "text/html").await;
        check_compressed(&mut guest, "/library", "text/html").await;
        // An error page is a page too.
        let missing = get_with(&mut guest, "/nope", Some("br")).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert_eq!(header_of(&missing, header::CONTENT_ENCODING), "br");
        // Embedded assets, compressed when the binary was built.
        check_compressed(&mut guest, "/assets/ponte.css", "text/css").await;
        check_compressed(&mut guest, "/assets/bootstrap-italia.min.css", "text/css").await;
        check_compressed(&mut guest, "/assets/ponte.js", "text/javascript").await;
        check_compressed(&mut guest, "/assets/htmx.min.js", "text/javascript").await;
        check_compressed(&mut guest, "/assets/sprites.svg", "image/svg+xml").await;
        // The map's shapes, written by the server.
        check_compressed(&mut guest, "/library/map/shapes.svg", "image/svg+xml").await;
        // iCalendar.
        let cohort = db::programme::structure(app.db())
            .await
            .unwrap()
            .unwrap()
            .cohorts[0]
            .id;
        check_compressed(
            &mut guest,
            &format!("/labs/cohorts/{cohort}/ics"),
            "text/calendar",
        )
        .await;
        // CSV.
        let mut staff = app.signed_in("staff@ponte.example").await;
        check_compressed(&mut staff, "/organisations.csv", "text/csv").await;
        // A body of a few bytes (the health check's JSON) is not worth compressing.
        let health = get_with(&mut guest, "/health", Some("br")).await;
        assert_eq!(header_of(&health, header::CONTENT_ENCODING), "");
    }
}

#[tokio::test]
async fn compressed_files_and_refusals_go_out_as_they_are() {
    for app in apps().await {
        let mut guest = app.client();
        // A font is compressed already.
        let font = "/assets/fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-regular.woff2";
        let plain = get_with(&mut guest, font, None).await;
        let asked = get_with(&mut guest, font, Some("br, gzip")).await;
        assert_eq!(asked.status, StatusCode::OK);
        assert_eq!(header_of(&asked, header::CONTENT_TYPE), "font/woff2");
        assert_eq!(header_of(&asked, header::CONTENT_ENCODING), "");
        assert!(asked.bytes == plain.bytes);
        // So is a spreadsheet (a zip file).
        let mut staff = app.signed_in("staff@ponte.example").await;
        let xlsx = get_with(
            &mut staff,
            "/labs/attendance/export?by=organisation&format=xlsx",
            Some("br, gzip"),
        )
        .await;
        assert_eq!(xlsx.status, StatusCode::OK);
        assert_eq!(header_of(&xlsx, header::CONTENT_ENCODING), "");
        assert_eq!(&xlsx.bytes[..2], b"PK");
        // A client that accepts neither gets the bytes as they are.
        let identity = get_with(&mut guest, "/assets/ponte.css", Some("identity")).await;
        assert_eq!(header_of(&identity, header::CONTENT_ENCODING), "");
        let page = get_with(&mut guest, "/programme", Some("compress")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(header_of(&page, header::CONTENT_ENCODING), "");
        assert!(page.body.contains("</html>"));
    }
}

#[tokio::test]
async fn assets_are_cached_for_a_year_under_their_hashed_names() {
    for app in apps().await {
        let mut guest = app.client();
        let page = guest.get("/").await;
        // Every address of an asset in the page is a hashed one, which answers with the bytes
        // of the plain one and the long cache.
        let mut seen = 0;
        for part in page.body.split("/assets/").skip(1) {
            let path: String = part
                .chars()
                .take_while(|c| !matches!(c, '"' | '#' | '\'' | ')'))
                .collect();
            let asset = web::assets::all()
                .iter()
                .find(|a| a.hashed == path)
                .unwrap_or_else(|| panic!("{path} is not a hashed asset address"));
            let hashed = guest.get(&format!("/assets/{path}")).await;
            assert_eq!(hashed.status, StatusCode::OK, "{path}");
            assert_eq!(
                header_of(&hashed, header::CACHE_CONTROL),
                "public, max-age=31536000, immutable"
            );
            let plain = guest.get(&format!("/assets/{}", asset.path)).await;
            assert_eq!(plain.status, StatusCode::OK);
            assert_eq!(
                header_of(&plain, header::CACHE_CONTROL),
                "public, max-age=3600"
            );
            assert!(plain.bytes == hashed.bytes);
            seen += 1;
        }
        assert!(seen >= 6, "{seen} assets in the home page");
        // The fonts named by the fonts' style sheet are hashed too.
        let css = guest.get(&web::assets::href("fonts.css").unwrap()).await;
        let font = css
            .body
            .split("url('")
            .nth(1)
            .unwrap()
            .split('\'')
            .next()
            .unwrap();
        let r = guest.get(font).await;
        assert_eq!(r.status, StatusCode::OK, "{font}");
        assert_eq!(
            header_of(&r, header::CACHE_CONTROL),
            "public, max-age=31536000, immutable"
        );
        // A tag that is not the content's is not found; pages keep their own rules.
        let wrong = guest.get("/assets/ponte.0000000000.css").await;
        assert_eq!(wrong.status, StatusCode::NOT_FOUND);
        assert!(!header_of(&page, header::CACHE_CONTROL).contains("immutable"));
        // The map's shapes under the address the map page gives them.
        let map = guest.get("/library/map").await;
        let start = map.body.find("/library/map/shapes.svg?v=").unwrap();
        let href: String = map.body[start..]
            .chars()
            .take_while(|c| !matches!(c, '"' | '#'))
            .collect();
        let shapes = guest.get(&href.replace("&amp;", "&")).await;
        assert_eq!(shapes.status, StatusCode::OK, "{href}");
        assert_eq!(
            header_of(&shapes, header::CACHE_CONTROL),
            "public, max-age=31536000, immutable"
        );
        let stale = guest.get("/library/map/shapes.svg?v=old").await;
        assert_eq!(
            header_of(&stale, header::CACHE_CONTROL),
            "public, max-age=3600"
        );
    }
}
