//! The platform's own pages: home, health, assets, language choice.

use crate::http::{safe_next, see_other, AppResult, Query};
use crate::route::{route, Route};
use crate::session::{language_cookie, render, Viewer};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::locale::Locale;
use minijinja::context;
use serde::Deserialize;

/// The platform's routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/", "platform.home", home),
        route(Method::GET, "/health", "platform.health", health),
        route(Method::GET, "/health/kept", "platform.kept", kept),
        route(
            Method::GET,
            "/assets/{*path}",
            "platform.asset",
            crate::assets::serve,
        ),
        route(
            Method::GET,
            "/language/{code}",
            "platform.language",
            language,
        ),
        route(Method::GET, "/info/{page}", "platform.info", info),
    ]
}

async fn home(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let structure = crate::shared::structure::structure(&state).await?;
    let strands = structure
        .as_ref()
        .map(|s| s.strands.clone())
        .unwrap_or_default();
    let programme = structure.map(|s| s.programme.clone());
    let mine = viewer
        .principal
        .as_ref()
        .map(|p| p.organisations())
        .unwrap_or_default();
    let workspaces: Vec<_> = db::organisations::by_ids(&state.db, &mine)
        .await?
        .into_iter()
        .map(|o| context! { id => o.id, name => o.data.name })
        .collect();
    render(
        &state,
        &viewer,
        "platform/home.html",
        context! { programme, strands, workspaces },
    )
}

async fn health(State(state): State<AppState>) -> Response {
    let (status, label) = match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
    };
    let body = serde_json::json!({
        "status": label,
        "database": state.db.backend(),
        "version": env!("CARGO_PKG_VERSION"),
    });
    (status, Json(body)).into_response()
}

/// How this instance's kept values are used since it started: hits, misses, entries and bytes.
async fn kept(State(state): State<AppState>) -> Response {
    Json(state.kept.stats()).into_response()
}

#[derive(Deserialize)]
struct Next {
    next: Option<String>,
}

async fn language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<Next>,
) -> AppResult {
    let locale = Locale::parse(&code).ok_or(crate::http::AppError::NotFound)?;
    let mut response = see_other(&safe_next(q.next.as_deref()));
    response.headers_mut().insert(
        header::SET_COOKIE,
        language_cookie(locale, state.config.secure_cookies),
    );
    Ok(response)
}

/// The information pages linked from the footer.
pub const INFO_PAGES: &[&str] = &["accessibility", "privacy"];

async fn info(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(page): Path<String>,
) -> AppResult {
    let page = INFO_PAGES
        .iter()
        .find(|p| **p == page)
        .ok_or(crate::http::AppError::NotFound)?;
    render(&state, &viewer, "platform/info.html", context! { page })
}
