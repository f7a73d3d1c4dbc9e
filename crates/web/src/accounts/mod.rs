//! Accounts: sign-in and sign-out, password reset, invitations, profile, the list of accounts.
//! One file per concern; this one holds the routes and what they share.

mod invitations;
pub mod password;
mod profile;
mod reset;
mod sign_in;
mod users;

pub(crate) use crate::shared::invitations::send_invitation;

use crate::http::{
    cookie, safe_next, see_other, set_cookie, AppError, AppResult, Form, Id, Peer, Query,
};
use crate::route::{route, Route};
use crate::session::{field_errors, render, Viewer, SESSION_COOKIE};
use crate::state::AppState;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use domain::accounts::{self as rules, throttle};
use domain::roles::{Role, SpaceKind};
use domain::validation::Errors;
use minijinja::context;
use serde::Deserialize;
use std::net::SocketAddr;
use uuid::Uuid;

/// The accounts routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(
            Method::GET,
            "/sign-in",
            "accounts.sign_in_form",
            sign_in::sign_in_form,
        ),
        route(
            Method::POST,
            "/sign-in",
            "accounts.sign_in",
            sign_in::sign_in,
        ),
        route(
            Method::POST,
            "/sign-out",
            "accounts.sign_out",
            sign_in::sign_out,
        ),
        route(
            Method::GET,
            "/password/forgot",
            "accounts.reset_request_form",
            reset::reset_request_form,
        ),
        route(
            Method::POST,
            "/password/forgot",
            "accounts.reset_request",
            reset::reset_request,
        ),
        route(
            Method::GET,
            "/password/reset/{token}",
            "accounts.reset_form",
            reset::reset_form,
        ),
        route(
            Method::POST,
            "/password/reset/{token}",
            "accounts.reset",
            reset::reset,
        ),
        route(
            Method::GET,
            "/invitations/{token}",
            "accounts.invitation_form",
            invitations::invitation_form,
        ),
        route(
            Method::POST,
            "/invitations/{token}",
            "accounts.invitation_accept",
            invitations::invitation_accept,
        ),
        route(
            Method::GET,
            "/profile",
            "accounts.profile",
            profile::profile,
        ),
        route(
            Method::POST,
            "/profile",
            "accounts.profile_update",
            profile::profile_update,
        ),
        route(
            Method::POST,
            "/profile/password",
            "accounts.password_change",
            profile::password_change,
        ),
        route(Method::GET, "/admin/users", "accounts.users", users::users),
        route(
            Method::POST,
            "/admin/users/{id}/active",
            "accounts.set_active",
            users::set_active,
        ),
        route(
            Method::GET,
            "/admin/invitations",
            "accounts.invite_form",
            invitations::invite_form,
        ),
        route(
            Method::POST,
            "/admin/invitations",
            "accounts.invite",
            invitations::invite,
        ),
    ]
}

/// Confirmation messages that may be shown after a redirect.
const DONE: &[&str] = &[
    "reset",
    "password",
    "profile",
    "invited",
    "signed-out",
    "reset-sent",
];

#[derive(Deserialize, Default)]
pub(crate) struct Feedback {
    pub(crate) next: Option<String>,
    pub(crate) done: Option<String>,
}

pub(crate) fn done_key(done: Option<&str>) -> Option<String> {
    done.filter(|d| DONE.contains(d))
        .map(|d| format!("done-{d}"))
}

pub(crate) fn session_cookie(state: &AppState, token: &str) -> header::HeaderValue {
    let max_age = rules::SESSION_IDLE_LIFETIME.num_seconds();
    set_cookie(
        SESSION_COOKIE,
        token,
        max_age,
        state.config.secure_cookies,
        true,
    )
}

pub(crate) fn clear_session_cookie(state: &AppState) -> header::HeaderValue {
    set_cookie(SESSION_COOKIE, "", 0, state.config.secure_cookies, true)
}

pub(crate) fn ip(
    state: &AppState,
    headers: &HeaderMap,
    connect: Option<ConnectInfo<SocketAddr>>,
) -> String {
    crate::http::client_ip(headers, connect.as_ref(), state.config.trust_proxy)
}
