//! What a feature declares for each of its pages and actions: a route with its method, path
//! pattern, action name (the policy's key) and handler. `routes` gathers every feature's routes.

use crate::state::AppState;
use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{MethodFilter, MethodRouter};

/// One route: method, path pattern, action name, handler.
pub struct Route {
    pub method: Method,
    pub path: &'static str,
    pub name: &'static str,
    pub handler: MethodRouter<AppState>,
}

/// A route for `method` on `path` performing action `name`; the method is given once, so the
/// table and the router cannot disagree.
pub fn route<H, T>(method: Method, path: &'static str, name: &'static str, handler: H) -> Route
where
    H: axum::handler::Handler<T, AppState>,
    T: 'static,
{
    let filter = MethodFilter::try_from(method.clone())
        .unwrap_or_else(|_| panic!("route {name}: unsupported method {method}"));
    Route {
        method,
        path,
        name,
        handler: axum::routing::on(filter, handler),
    }
}

impl Route {
    /// Lets this route take a body of up to `bytes` (uploads), instead of the small default.
    pub fn with_body_limit(mut self, bytes: usize) -> Route {
        self.handler = self.handler.layer(DefaultBodyLimit::max(bytes));
        self
    }
}
