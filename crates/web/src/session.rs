//! Who is asking and in which language: resolves the session cookie into a `Viewer` for every
//! request, and turns error markers into translated pages.

use crate::http::{cookie, ErrorPage};
use crate::state::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use domain::locale::Locale;
use domain::roles::{Principal, Role};
use minijinja::{context, Value};
use serde::Serialize;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "ponte_session";
/// Name of the language cookie.
pub const LANGUAGE_COOKIE: &str = "ponte_lang";

/// The signed-in person, as pages show them.
#[derive(Debug, Clone, Serialize)]
pub struct Someone {
    pub name: String,
    pub email: String,
    pub role: Option<Role>,
    pub is_admin: bool,
    pub is_staff: bool,
    /// The workspace of the administration the person works for, for the main menu.
    pub workspace: Option<uuid::Uuid>,
    /// Notifications not read yet (the header's counter), read with the session.
    pub unread: i64,
}

/// Who makes the request, in which language, from which page.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub principal: Option<Principal>,
    pub someone: Option<Someone>,
    pub locale: Locale,
    pub session_token: Option<String>,
    pub path: String,
}

impl Viewer {
    /// The signed-in person's id.
    pub fn user_id(&self) -> Option<uuid::Uuid> {
        self.principal.as_ref().map(|p| p.user_id)
    }

    /// Whether the policy lets this viewer perform `action` (in `organisation`'s workspace), so
    /// that pages offer only what will be allowed.
    pub fn may(&self, action: &str, organisation: Option<uuid::Uuid>) -> bool {
        domain::policy::rule(action).is_some_and(|r| {
            r.decide(self.principal.as_ref(), organisation) == domain::policy::Decision::Allow
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .ok_or_else(|| crate::http::AppError::Internal("viewer missing".into()).into_response())
    }
}

/// The language of a request: the language cookie, else the browser's preference, else Italian.
pub fn locale_of(headers: &axum::http::HeaderMap) -> Locale {
    cookie(headers, LANGUAGE_COOKIE)
        .and_then(|c| Locale::parse(&c))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// Resolves the viewer, runs the request, and renders error pages in the viewer's language.
pub async fn resolve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let locale = locale_of(req.headers());
    let token = cookie(req.headers(), SESSION_COOKIE);
    let mut principal = None;
    let mut someone = None;
    // Assets and the health check are the same for everyone: no session lookup for them.
    let anonymous = req.uri().path().starts_with("/assets/") || req.uri().path() == "/health";
    if let Some(t) = token.as_ref().filter(|_| !anonymous) {
        match db::accounts::session_principal(&state.db, t).await {
            Ok(Some((u, p))) => {
                someone = Some(Someone {
                    name: u.name,
                    email: u.email,
                    role: p.main_role(),
                    is_admin: p.has_global(Role::Admin),
                    is_staff: p.has_global(Role::Staff),
                    workspace: p.administration(),
                    unread: u.unread,
                });
                principal = Some(p);
            }
            Ok(None) => {}
            Err(e) => return crate::http::AppError::from(e).into_response(),
        }
    }
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".into());
    let viewer = Viewer {
        principal,
        someone,
        locale,
        session_token: token,
        path,
    };
    req.extensions_mut().insert(viewer.clone());
    let response = next.run(req).await;
    match response.extensions().get::<ErrorPage>().copied() {
        Some(marker) => render_error(&state, &viewer, marker, response),
        None => response,
    }
}

fn render_error(
    state: &AppState,
    viewer: &Viewer,
    marker: ErrorPage,
    original: Response,
) -> Response {
    let page = page_context(
        viewer,
        context! { status => marker.status.as_u16(), message => marker.message },
    );
    match state
        .templates
        .render(viewer.locale, "errors/error.html", page)
    {
        Ok(html) => {
            let mut response = (marker.status, Html(html)).into_response();
            // Keep headers such as Set-Cookie that the handler set.
            for (name, value) in original.headers() {
                if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                    response.headers_mut().append(name.clone(), value.clone());
                }
            }
            response
        }
        Err(e) => {
            tracing::error!(error = %e, "error page does not render");
            (marker.status, "Error").into_response()
        }
    }
}

/// The context every page shares, merged with the page's own.
pub fn page_context(viewer: &Viewer, own: Value) -> Value {
    let languages: Vec<Value> = Locale::ALL
        .into_iter()
        .map(|l| context! { code => l.code(), current => l == viewer.locale })
        .collect();
    let base = context! {
        lang => viewer.locale.code(),
        languages => languages,
        user => viewer.someone.clone(),
        current_path => viewer.path.clone(),
        section => viewer.path.split('?').next().unwrap_or("/"),
        content_lang => CONTENT_LANG,
    };
    // The shared keys come first so that a page can never shadow them.
    context! { ..base, ..own }
}

/// The language the programme's own texts are written in (Italian, as the programme is).
pub(crate) const CONTENT_LANG: &str = "it";

/// Renders a full page for the viewer.
pub fn render(
    state: &AppState,
    viewer: &Viewer,
    template: &str,
    own: Value,
) -> crate::http::AppResult {
    let html = state
        .templates
        .render(viewer.locale, template, page_context(viewer, own))?;
    Ok(Html(html).into_response())
}

/// The header that sets the language cookie for a year.
pub fn language_cookie(locale: Locale, secure: bool) -> HeaderValue {
    crate::http::set_cookie(
        LANGUAGE_COOKIE,
        locale.code(),
        365 * 24 * 3600,
        secure,
        false,
    )
}

/// Field errors translated for the viewer: field name -> message, first problem per field.
pub fn field_errors(
    state: &AppState,
    viewer: &Viewer,
    errors: &domain::validation::Errors,
) -> std::collections::BTreeMap<&'static str, String> {
    let mut map = std::collections::BTreeMap::new();
    for e in &errors.0 {
        map.entry(e.field)
            .or_insert_with(|| state.i18n.t(viewer.locale, e.message));
    }
    map
}
