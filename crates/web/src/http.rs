//! HTTP plumbing shared by every feature: errors that become translated pages, strict form,
//! query and path id extractors, the cross-origin check, security headers, cookies and client
//! addresses.

use axum::body::Body;
use axum::extract::path::ErrorKind;
use axum::extract::rejection::PathRejection;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::de::DeserializeOwned;
use std::net::SocketAddr;
use tower_http::compression::predicate::{And, Predicate, SizeAbove};
use tower_http::compression::CompressionLayer;
use uuid::Uuid;

/// Largest request body accepted, in bytes.
pub const MAX_BODY: usize = 64 * 1024;

/// A failure a handler reports; rendered as a translated page by the session layer.
#[derive(Debug)]
pub enum AppError {
    NotFound,
    Forbidden,
    /// The record changed since the form was loaded.
    Conflict,
    /// A request the interface never sends (the message key says what is wrong).
    BadRequest(&'static str),
    /// A change refused because the record is still needed elsewhere (the message key says by
    /// what).
    InUse(&'static str),
    /// A stored value the code cannot read (logged with the record it names).
    Unreadable,
    Internal(String),
}

impl From<db::DbError> for AppError {
    fn from(e: db::DbError) -> Self {
        match e {
            db::DbError::NotFound => AppError::NotFound,
            db::DbError::Conflict => AppError::Conflict,
            db::DbError::Duplicate => AppError::BadRequest("error-duplicate"),
            db::DbError::InUse(message) => AppError::InUse(message),
            db::DbError::Unreadable { record, value } => {
                // Logged with the record it names; the person sees a page in their language.
                tracing::error!(%record, %value, "a stored value cannot be read");
                AppError::Unreadable
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<minijinja::Error> for AppError {
    fn from(e: minijinja::Error) -> Self {
        AppError::Internal(format!("template: {e:#}"))
    }
}

/// Marks a response whose body the session layer replaces with a translated error page.
#[derive(Debug, Clone, Copy)]
pub struct ErrorPage {
    pub status: StatusCode,
    pub message: &'static str,
}

/// A response carrying an error page marker.
pub fn error_page(status: StatusCode, message: &'static str) -> Response {
    let mut response = status.into_response();
    response
        .extensions_mut()
        .insert(ErrorPage { status, message });
    response
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::NotFound => error_page(StatusCode::NOT_FOUND, "error-not-found"),
            AppError::Forbidden => error_page(StatusCode::FORBIDDEN, "error-forbidden"),
            AppError::Conflict => error_page(StatusCode::CONFLICT, "error-conflict"),
            AppError::Unreadable => {
                error_page(StatusCode::INTERNAL_SERVER_ERROR, "error-unreadable")
            }
            AppError::BadRequest(message) => error_page(StatusCode::BAD_REQUEST, message),
            AppError::InUse(message) => error_page(StatusCode::CONFLICT, message),
            AppError::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                error_page(StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
            }
        }
    }
}

pub type AppResult<T = Response> = Result<T, AppError>;

impl AppError {
    /// The error page for a small form that failed its checks: the first problem's message.
    pub fn invalid(errors: &domain::validation::Errors) -> AppError {
        AppError::BadRequest(
            errors
                .0
                .first()
                .map(|e| e.message)
                .unwrap_or("error-bad-form"),
        )
    }
}

/// A `Content-Disposition` value that makes the browser save the file under `name` (an ASCII
/// fallback plus the exact name in RFC 5987 form).
pub fn attachment(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded =
        percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC).to_string();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A rendered page with another status: 422 for a form with errors, 409 for a conflict.
pub fn with_status(status: StatusCode, page: AppResult) -> AppResult {
    page.map(|mut r| {
        *r.status_mut() = status;
        r
    })
}

/// A urlencoded form that must be valid UTF-8 once decoded; anything else is a 4xx.
pub struct Form<T>(pub T);

/// Whether every name and value of a urlencoded body decodes to valid UTF-8.
pub fn urlencoded_is_utf8(body: &[u8]) -> bool {
    body.split(|b| *b == b'&').all(|pair| {
        pair.split(|b| *b == b'=').all(|part| {
            let plus_as_space: Vec<u8> = part
                .iter()
                .map(|b| if *b == b'+' { b' ' } else { *b })
                .collect();
            let decoded: Vec<u8> = percent_encoding::percent_decode(&plus_as_space).collect();
            std::str::from_utf8(&decoded).is_ok()
        })
    })
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Form<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_form = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(error_page(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "error-bad-form",
            ));
        }
        // The route's body limit (`Route::with_body_limit`), else the application's default.
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    error_page(StatusCode::PAYLOAD_TOO_LARGE, "error-form-too-large")
                } else {
                    error_page(StatusCode::BAD_REQUEST, "error-bad-form")
                }
            })?;
        if !urlencoded_is_utf8(&bytes) {
            return Err(error_page(StatusCode::BAD_REQUEST, "error-bad-encoding"));
        }
        serde_urlencoded::from_bytes(&bytes)
            .map(Form)
            .map_err(|_| error_page(StatusCode::UNPROCESSABLE_ENTITY, "error-bad-form"))
    }
}

/// A query string; one that does not parse gets the translated error page (400).
pub struct Query<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> axum::extract::FromRequestParts<S> for Query<T> {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Query(q.0))
            .map_err(|_| error_page(StatusCode::BAD_REQUEST, "error-bad-form"))
    }
}

/// The id of a route with a single path segment, such as `/labs/sessions/{id}`: a segment that
/// is not a UUID is a page that does not exist (404), like an unknown id.
#[derive(Debug, Clone, Copy)]
pub struct Id(pub Uuid);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        PathIds::<Uuid>::from_request_parts(parts, state)
            .await
            .map(|PathIds(id)| Id(id))
    }
}

/// The segments of a route with several, in order, each typed as the route needs: `Uuid` for
/// an id, `String` for anything else (a kind, a format). For example
/// `PathIds((org, product)): PathIds<(Uuid, Uuid)>` on `/organisations/{id}/products/{product}`.
/// A segment that is not a valid id is a 404, like an unknown id.
pub struct PathIds<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathIds<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(segments)) => Ok(PathIds(segments)),
            // A segment that does not parse as its type: only ids can fail so.
            Err(PathRejection::FailedToDeserializePathParams(e))
                if matches!(
                    e.kind(),
                    ErrorKind::DeserializeError { .. }
                        | ErrorKind::Message(_)
                        | ErrorKind::ParseError { .. }
                        | ErrorKind::ParseErrorAtIndex { .. }
                        | ErrorKind::ParseErrorAtKey { .. }
                ) =>
            {
                Err(AppError::NotFound.into_response())
            }
            // Invalid UTF-8 in a segment (400) and a route whose segments do not match the type
            // (a programming error, 500) answer as `Path` does.
            Err(rejection) => Err(rejection.into_response()),
        }
    }
}

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether an unsafe request comes from another site: refused before it reaches any handler.
pub fn is_cross_origin(method: &Method, headers: &HeaderMap) -> bool {
    if !is_unsafe(method) {
        return false;
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or("");
        return origin == "null" || origin_host.is_empty() || origin_host != host;
    }
    // Neither header: not a browser, so no ambient credentials to abuse.
    false
}

/// Refuses cross-origin unsafe requests and adds the security headers to every response.
pub async fn protect(req: Request, next: Next) -> Response {
    let mut response = if is_cross_origin(req.method(), req.headers()) {
        (StatusCode::FORBIDDEN, "Cross-origin request refused").into_response()
    } else {
        next.run(req).await
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; \
             connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// Whether a response is text, from its headers.
type IsText = fn(StatusCode, axum::http::Version, &HeaderMap, &axum::http::Extensions) -> bool;

/// Compresses text responses (pages, style sheets, scripts, SVG, JSON, iCalendar, CSV) with
/// Brotli or gzip as the client accepts. Files that are compressed already (images, fonts, PDF,
/// office documents) go out as they are, and so do the embedded assets, which carry their own
/// `Content-Encoding` from the build.
pub fn compression() -> CompressionLayer<And<SizeAbove, IsText>> {
    let text: IsText = |_, _, headers, _| {
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(is_compressible)
    };
    CompressionLayer::new()
        .no_deflate()
        .no_zstd()
        .compress_when(SizeAbove::new(256).and(text))
}

/// Whether a response of media type `content_type` is text worth compressing.
pub fn is_compressible(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    matches!(
        essence.as_str(),
        "text/html"
            | "text/css"
            | "text/javascript"
            | "application/javascript"
            | "image/svg+xml"
            | "application/json"
            | "application/geo+json"
            | "text/calendar"
            | "text/csv"
            | "text/plain"
            | "application/xml"
            | "text/xml"
    )
}

/// A path fit for the logs: long hexadecimal segments (link tokens) are hidden.
pub fn loggable_path(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            if seg.len() >= 32 && seg.bytes().all(|b| b.is_ascii_hexdigit()) {
                "…"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Logs every request with its outcome and duration under a request id, which is also returned
/// in `X-Request-Id` so that a user's report can be matched with the logs.
pub async fn log(req: Request, next: Next) -> Response {
    let started = std::time::Instant::now();
    let id = uuid::Uuid::now_v7().simple().to_string();
    let method = req.method().clone();
    let path = loggable_path(req.uri().path());
    let span = tracing::info_span!("request", id = %id);
    let mut response = tracing::Instrument::instrument(next.run(req), span.clone()).await;
    let status = response.status().as_u16();
    let micros = started.elapsed().as_micros() as u64;
    let _entered = span.enter();
    if status >= 500 {
        tracing::error!(%method, %path, status, micros, "request");
    } else {
        tracing::info!(%method, %path, status, micros, "request");
    }
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

/// The client's address: the socket peer, or the first `X-Forwarded-For` hop behind a trusted proxy.
pub fn client_ip(
    req_headers: &HeaderMap,
    connect: Option<&ConnectInfo<SocketAddr>>,
    trust_proxy: bool,
) -> String {
    if trust_proxy {
        if let Some(first) = req_headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
        {
            let first = first.trim();
            if !first.is_empty() && first.len() <= 64 {
                return first.to_string();
            }
        }
    }
    connect
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// The socket peer of the request, when the server recorded it.
pub struct Peer(pub Option<ConnectInfo<SocketAddr>>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Peer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Peer(
            parts.extensions.get::<ConnectInfo<SocketAddr>>().cloned(),
        ))
    }
}

/// The value of cookie `name`.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// A `Set-Cookie` value; `max_age` zero deletes the cookie.
pub fn set_cookie(
    name: &str,
    value: &str,
    max_age_seconds: i64,
    secure: bool,
    http_only: bool,
) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; Max-Age={max_age_seconds}; SameSite=Lax");
    if http_only {
        c.push_str("; HttpOnly");
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static("invalid=; Max-Age=0"))
}

/// A local path to go back to after an action; anything else (other sites, `//host`) becomes `/`.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && n.len() < 500
                && !n.chars().any(char::is_control) =>
        {
            n.to_string()
        }
        _ => "/".into(),
    }
}

/// A 303 redirect.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// Whether the request was made by htmx (and wants a fragment).
pub fn is_htmx(headers: &HeaderMap) -> bool {
    headers.get("hx-request").is_some()
}

/// An empty body, for handlers that only set headers.
pub fn empty(status: StatusCode) -> Response {
    (status, Body::empty()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_compressed_and_compressed_files_are_not() {
        for t in [
            "text/html; charset=utf-8",
            "text/css; charset=utf-8",
            "text/javascript; charset=utf-8",
            "image/svg+xml",
            "application/json",
            "text/calendar; charset=utf-8",
            "text/csv; charset=utf-8",
        ] {
            assert!(is_compressible(t), "{t}");
        }
        for t in [
            "image/png",
            "font/woff2",
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/zip",
            "application/octet-stream",
        ] {
            assert!(!is_compressible(t), "{t}");
        }
    }

    #[test]
    fn utf8_checks() {
        assert!(urlencoded_is_utf8(b"name=Citt%C3%A0&x=a+b"));
        assert!(!urlencoded_is_utf8(b"name=Citt%E0"));
        assert!(!urlencoded_is_utf8(b"na%FFme=x"));
    }

    #[test]
    fn next_paths() {
        assert_eq!(safe_next(Some("/programme")), "/programme");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil")), "/");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn cross_origin() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("ponte.example"));
        assert!(!is_cross_origin(&Method::POST, &h));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://ponte.example"),
        );
        assert!(!is_cross_origin(&Method::POST, &h));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(is_cross_origin(&Method::POST, &h));
        assert!(!is_cross_origin(&Method::GET, &h));
        h.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(is_cross_origin(&Method::POST, &h));
        h.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        assert!(!is_cross_origin(&Method::POST, &h));
    }

    #[test]
    fn tokens_stay_out_of_the_logs() {
        let token = "ab".repeat(32);
        assert_eq!(
            loggable_path(&format!("/password/reset/{token}")),
            "/password/reset/…"
        );
        assert_eq!(
            loggable_path("/programme/strands/A"),
            "/programme/strands/A"
        );
    }

    /// The status of `uri` on a router of id extractors, and its error page marker if any.
    async fn ask(uri: &str) -> (StatusCode, Option<&'static str>) {
        use tower::ServiceExt;
        let router = axum::Router::new()
            .route(
                "/one/{id}",
                axum::routing::get(|Id(id): Id| async move { id.to_string() }),
            )
            .route(
                "/two/{id}/{product}",
                axum::routing::get(|PathIds((a, b)): PathIds<(Uuid, Uuid)>| async move {
                    format!("{a}/{b}")
                }),
            )
            .route(
                "/mixed/{kind}/{id}",
                axum::routing::get(|PathIds((kind, id)): PathIds<(String, Uuid)>| async move {
                    format!("{kind}/{id}")
                }),
            );
        let request = axum::http::Request::get(uri).body(Body::empty()).unwrap();
        let response = router.oneshot(request).await.unwrap();
        let marker = response.extensions().get::<ErrorPage>().map(|e| e.message);
        (response.status(), marker)
    }

    #[tokio::test]
    async fn malformed_path_ids_are_not_found() {
        let id = Uuid::now_v7();
        let not_found = (StatusCode::NOT_FOUND, Some("error-not-found"));
        assert_eq!(ask(&format!("/one/{id}")).await, (StatusCode::OK, None));
        assert_eq!(ask("/one/not-an-id").await, not_found);
        assert_eq!(ask("/one/%27").await, not_found);
        assert_eq!(
            ask(&format!("/two/{id}/{id}")).await,
            (StatusCode::OK, None)
        );
        assert_eq!(ask(&format!("/two/x/{id}")).await, not_found);
        assert_eq!(ask(&format!("/two/{id}/y")).await, not_found);
        assert_eq!(
            ask(&format!("/mixed/strands/{id}")).await,
            (StatusCode::OK, None)
        );
        assert_eq!(ask("/mixed/strands/123").await, not_found);
        // Invalid UTF-8 in a segment is refused as `Path` refuses it.
        assert_eq!(ask("/one/%FF").await.0, StatusCode::BAD_REQUEST);
        assert_eq!(
            ask(&format!("/mixed/%FF/{id}")).await.0,
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn cookies() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; ponte_session=abc; b=2"),
        );
        assert_eq!(cookie(&h, "ponte_session").as_deref(), Some("abc"));
        assert_eq!(cookie(&h, "c"), None);
    }
}

/// A form sent as `multipart/form-data`: its text fields in order, and its one file (its cleaned
/// name and bytes) when a non-empty one was sent.
#[derive(Debug, Default)]
pub struct Upload {
    pub fields: Vec<(String, String)>,
    pub file: Option<(String, Vec<u8>)>,
}

/// What an upload form accepts: the name of its file field, the largest file and the message
/// that refuses a larger one (or one the route's body limit cuts), and the longest text field.
#[derive(Debug, Clone, Copy)]
pub struct UploadLimits {
    pub file_field: &'static str,
    pub max_file: usize,
    pub too_large: &'static str,
    pub max_text: usize,
}

/// Reads a multipart form: a file above its limit is refused with the form's message, a text
/// field that is not UTF-8 (not replaced with U+FFFD and stored: refused, as in every other form)
/// or above its limit with the usual messages, a malformed body with `error-bad-form`.
pub async fn read_upload(
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
    limits: UploadLimits,
) -> AppResult<Upload> {
    let too_large = || AppError::BadRequest(limits.too_large);
    let mut multipart = multipart.map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let mut out = Upload::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
            Err(_) => return Err(AppError::BadRequest("error-bad-form")),
        };
        let name = field.name().unwrap_or("").to_string();
        if name == limits.file_field {
            let file_name = domain::files::clean_name(field.file_name().unwrap_or(""));
            let bytes = field.bytes().await.map_err(|e| {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    too_large()
                } else {
                    AppError::BadRequest("error-bad-form")
                }
            })?;
            if bytes.len() > limits.max_file {
                return Err(too_large());
            }
            if !bytes.is_empty() {
                out.file = Some((file_name, bytes.to_vec()));
            }
            continue;
        }
        let bytes = field
            .bytes()
            .await
            .map_err(|_| AppError::BadRequest("error-bad-form"))?;
        let value = String::from_utf8(bytes.to_vec())
            .map_err(|_| AppError::BadRequest("error-bad-encoding"))?;
        if value.len() > limits.max_text {
            return Err(AppError::BadRequest("error-too-large"));
        }
        out.fields.push((name, value));
    }
    Ok(out)
}

/// The version a form was read at (its hidden `version` field): a form that does not send a
/// number was not made by the page, so it is a bad request.
pub fn version_of(text: &str) -> AppResult<i64> {
    text.trim()
        .parse()
        .map_err(|_| AppError::BadRequest("error-bad-form"))
}
