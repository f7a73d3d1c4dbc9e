//! The route table. Every route names an action; the policy in `domain` says who may perform it,
//! and the guard here consults it before any handler runs. An action that no policy declares is
//! refused, and the route tests fail for it.

use crate::http::{error_page, see_other};
use crate::route::Route;
use crate::session::Viewer;
use crate::state::AppState;
use axum::extract::{DefaultBodyLimit, RawPathParams, Request};
use axum::http::{Method, StatusCode};
use axum::middleware::{from_fn, from_fn_with_state, Next};
use axum::response::Response;
use axum::routing::MethodRouter;
use axum::RequestExt;
use axum::Router;
use domain::policy::{self, Decision};
use std::collections::HashMap;
use uuid::Uuid;

/// What the tests need to know of a route.
#[derive(Debug, Clone)]
pub struct RouteInfo {
    pub method: Method,
    pub path: &'static str,
    pub name: &'static str,
}

fn every_route() -> Vec<Route> {
    let mut all = crate::platform::routes();
    all.extend(crate::accounts::routes());
    all.extend(crate::programme::routes());
    all.extend(crate::organisations::routes());
    all.extend(crate::audit::routes());
    all.extend(crate::calls::routes());
    all.extend(crate::labs::routes());
    all.extend(crate::library::routes());
    all.extend(crate::products::routes());
    all.extend(crate::tables::routes());
    all.extend(crate::community::routes());
    all.extend(crate::directory::routes());
    all.extend(crate::network::routes());
    all.extend(crate::news::routes());
    all.extend(crate::notifications::routes());
    all
}

/// Every route of the application.
pub fn all() -> Vec<RouteInfo> {
    every_route()
        .into_iter()
        .map(|r| RouteInfo {
            method: r.method,
            path: r.path,
            name: r.name,
        })
        .collect()
}

/// The whole application.
pub fn app(state: AppState) -> Router {
    // Worked out now rather than at the first sign-in with an unknown email, whose answer would
    // otherwise take longer than the others.
    crate::accounts::password::dummy_hash();
    let mut by_path: HashMap<&'static str, MethodRouter<AppState>> = HashMap::new();
    for r in every_route() {
        let name = r.name;
        let guarded = r.handler.layer(from_fn(move |req: Request, next: Next| {
            guard(name, req, next)
        }));
        let entry = by_path.remove(r.path);
        by_path.insert(
            r.path,
            match entry {
                Some(existing) => existing.merge(guarded),
                None => guarded,
            },
        );
    }
    let mut router = Router::new();
    for (path, handler) in by_path {
        router = router.route(path, handler);
    }
    router
        .fallback(|| async { error_page(StatusCode::NOT_FOUND, "error-not-found") })
        .layer(from_fn_with_state(state.clone(), crate::session::resolve))
        .layer(DefaultBodyLimit::max(crate::http::MAX_BODY))
        .layer(from_fn(crate::http::protect))
        .layer(crate::http::compression())
        .layer(from_fn(crate::http::log))
        .with_state(state)
}

/// Checks the policy for action `name` before the handler runs.
async fn guard(name: &'static str, mut req: Request, next: Next) -> Response {
    let Some(rule) = policy::rule(name) else {
        tracing::error!(action = name, "route without a policy: refused");
        return error_page(StatusCode::FORBIDDEN, "error-forbidden");
    };
    let viewer = req.extensions().get::<Viewer>().cloned();
    let principal = viewer.as_ref().and_then(|v| v.principal.as_ref());
    let organisation = if matches!(rule, policy::Rule::Workspace { .. }) {
        let params = req.extract_parts::<RawPathParams>().await;
        let id = params.ok().and_then(|p| {
            p.iter()
                .find(|(k, _)| *k == "id")
                .map(|(_, v)| v.to_string())
        });
        match id {
            Some(id) => match Uuid::parse_str(&id) {
                Ok(id) => Some(id),
                Err(_) => return error_page(StatusCode::NOT_FOUND, "error-not-found"),
            },
            None => None,
        }
    } else {
        None
    };
    match rule.decide(principal, organisation) {
        Decision::Allow => next.run(req).await,
        Decision::SignIn if req.method() == Method::GET => {
            let next_path = viewer.map(|v| v.path).unwrap_or_else(|| "/".into());
            let encoded: String = percent_encoding::utf8_percent_encode(
                &next_path,
                percent_encoding::NON_ALPHANUMERIC,
            )
            .to_string();
            see_other(&format!("/sign-in?next={encoded}"))
        }
        Decision::SignIn => error_page(StatusCode::UNAUTHORIZED, "error-sign-in-needed"),
        Decision::Forbid => error_page(StatusCode::FORBIDDEN, "error-forbidden"),
    }
}
