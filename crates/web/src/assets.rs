//! Static assets embedded in the binary, served under `/assets/` with long-lived caching.

use crate::embedded::ASSETS;
use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

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

/// Looks up an embedded asset.
pub fn find(path: &str) -> Option<&'static [u8]> {
    ASSETS.iter().find(|(p, _)| *p == path).map(|(_, b)| *b)
}

/// Serves `/assets/{*path}`.
pub async fn serve(Path(path): Path<String>) -> Response {
    match find(&path) {
        Some(bytes) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(media_type(&path)),
                ),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=86400"),
                ),
            ],
            bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
