//! The audit log page, for administrators.

use crate::http::AppResult;
use crate::http::Query;
use crate::route::{route, Route};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::Method;
use domain::audit::PAGE_SIZE;
use minijinja::context;
use serde::Deserialize;

/// The audit routes.
pub fn routes() -> Vec<Route> {
    vec![route(Method::GET, "/admin/audit", "audit.log", log)]
}

#[derive(Deserialize)]
struct Filter {
    action: Option<String>,
    page: Option<i64>,
}

async fn log(State(state): State<AppState>, viewer: Viewer, Query(f): Query<Filter>) -> AppResult {
    let actions = db::audit::actions(&state.db).await?;
    let action = f.action.filter(|a| actions.contains(a));
    let page = f.page.unwrap_or(1).clamp(1, 1_000_000);
    let (entries, total) = db::audit::page(
        &state.db,
        action.as_deref(),
        PAGE_SIZE,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let rows: Vec<_> = entries
        .into_iter()
        .map(|e| context! { when => viewer.locale.date_time(e.at), entry => e })
        .collect();
    let pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
    render(
        &state,
        &viewer,
        "audit/log.html",
        context! {
            rows, actions, action, page, pages, total => viewer.locale.integer(total),
        },
    )
}
