//! Static assets embedded in the binary, served under `/assets/`. Text assets are compressed
//! once, when the binary is built (Brotli and gzip), and served in the form the browser accepts.
//! Each asset has a name with a tag of its content (`ponte.0123456789.css`), which pages use
//! (the templates' `asset("ponte.css")`) and browsers keep for a year; the plain name keeps
//! working with a short cache.

use crate::embedded::ASSETS;
use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// One embedded asset.
pub struct Asset {
    /// Its path under `/assets/`.
    pub path: &'static str,
    /// Its path with a tag of its content, which changes whenever the content does.
    pub hashed: &'static str,
    pub bytes: &'static [u8],
    /// Compressed with Brotli, when that is smaller.
    pub br: Option<&'static [u8]>,
    /// Compressed with gzip, when that is smaller.
    pub gzip: Option<&'static [u8]>,
}

/// The media type of an asset, from its extension.
pub fn media_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("woff2") => "font/woff2",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// Cache rule of an asset asked for by its hashed name: its content never changes.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Cache rule of an asset asked for by its plain name, whose content changes with a release.
pub const SHORT: &str = "public, max-age=3600";

/// Looks up an embedded asset by its plain name.
pub fn find(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.path == path)
}

/// The address pages use for the asset of plain name `path`: its hashed name.
pub fn href(path: &str) -> Option<String> {
    find(path).map(|a| format!("/assets/{}", a.hashed))
}

/// Every embedded asset, for the tests.
pub fn all() -> &'static [Asset] {
    ASSETS
}

/// Whether the request's `Accept-Encoding` accepts `coding` (RFC 9110 §12.5.3: a coding listed
/// with a weight of zero, or not listed when `*` is absent, is not acceptable).
pub fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    let mut star = None;
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim();
            let weight = parts
                .filter_map(|p| p.trim().strip_prefix("q=").or(p.trim().strip_prefix("Q=")))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if name.eq_ignore_ascii_case(coding) {
                return weight > 0.0;
            }
            if name == "*" {
                star = Some(weight > 0.0);
            }
        }
    }
    star.unwrap_or(false)
}

/// Serves `/assets/{*path}`: the Brotli form when the browser accepts it, else the gzip form,
/// else the bytes as they are.
pub async fn serve(Path(path): Path<String>, headers: HeaderMap) -> Response {
    let (asset, cache) = match ASSETS.iter().find(|a| a.hashed == path) {
        Some(asset) => (asset, IMMUTABLE),
        None => match find(&path) {
            Some(asset) => (asset, SHORT),
            None => return StatusCode::NOT_FOUND.into_response(),
        },
    };
    let (body, encoding) = match (asset.br, asset.gzip) {
        (Some(br), _) if accepts(&headers, "br") => (br, Some("br")),
        (_, Some(gzip)) if accepts(&headers, "gzip") => (gzip, Some("gzip")),
        _ => (asset.bytes, None),
    };
    let mut response = (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(media_type(asset.path)),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        body,
    )
        .into_response();
    let h = response.headers_mut();
    if asset.br.is_some() || asset.gzip.is_some() {
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if let Some(encoding) = encoding {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        h
    }

    #[test]
    fn accepted_codings_follow_their_weights() {
        assert!(accepts(&with("gzip, deflate, br"), "br"));
        assert!(accepts(&with("gzip, deflate, br"), "gzip"));
        assert!(!accepts(&with("br;q=0, gzip"), "br"));
        assert!(accepts(&with("br;q=0.1"), "br"));
        assert!(accepts(&with("*"), "br"));
        assert!(!accepts(&with("*;q=0"), "gzip"));
        assert!(!accepts(&with("gzip;q=0, *"), "gzip"));
        assert!(!accepts(&with("identity"), "gzip"));
        assert!(!accepts(&HeaderMap::new(), "br"));
    }

    #[test]
    fn text_assets_carry_smaller_compressed_forms_and_fonts_do_not() {
        let css = find("bootstrap-italia.min.css").unwrap();
        assert!(css.br.unwrap().len() < css.gzip.unwrap().len());
        assert!(css.gzip.unwrap().len() < css.bytes.len() / 3);
        for a in all() {
            if a.path.ends_with(".woff2") {
                assert!(a.br.is_none() && a.gzip.is_none(), "{}", a.path);
            }
        }
    }

    #[test]
    fn hashed_names_tag_the_content_and_style_sheets_use_them() {
        let font =
            find("fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-regular.woff2").unwrap();
        assert!(font
            .hashed
            .starts_with("fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-regular."));
        assert!(font.hashed.ends_with(".woff2") && font.hashed != font.path);
        let fonts = std::str::from_utf8(find("fonts.css").unwrap().bytes).unwrap();
        assert!(fonts.contains(&format!("/assets/{}", font.hashed)));
        assert!(!fonts.contains(&format!("/assets/{}'", font.path)));
        let mut names: Vec<&str> = all().iter().map(|a| a.hashed).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all().len());
        assert_eq!(
            href("ponte.css").unwrap(),
            format!("/assets/{}", find("ponte.css").unwrap().hashed)
        );
        assert_eq!(href("nope.css"), None);
    }
}
