//! Notifications as each person prefers: the preferences page in the account area (for each
//! kind: at once, daily digest, weekly digest or off), the signed unsubscribe links of the
//! emails (a confirmation page on GET, the change on POST, so that mail scanners opening links
//! unsubscribe nobody; RFC 8058 one-click POSTs need no sign-in) and, in `emails`, the emails
//! themselves. The notifications are listed by the products' inbox (`/notifications`).

pub mod emails;

use crate::http::{see_other, with_status, AppError, AppResult, Form};
use crate::route::{route, Route};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{Method, StatusCode};
use domain::notifications::unsubscribe::{self, Problem};
use domain::notifications::Delivery;
use minijinja::context;
use serde::Deserialize;

/// The routes of notification preferences and unsubscribe links.
pub fn routes() -> Vec<Route> {
    vec![
        route(
            Method::GET,
            "/profile/notifications",
            "notifications.preferences",
            preferences,
        ),
        route(
            Method::POST,
            "/profile/notifications",
            "notifications.preferences_save",
            save,
        ),
        route(
            Method::GET,
            "/unsubscribe/{token}",
            "notifications.unsubscribe",
            confirm_page,
        ),
        route(
            Method::POST,
            "/unsubscribe/{token}",
            "notifications.unsubscribe_confirm",
            unsubscribe,
        ),
    ]
}

#[derive(Deserialize)]
struct Saved {
    #[serde(default)]
    done: Option<String>,
}

async fn preferences(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<Saved>,
) -> AppResult {
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    let chosen = db::notifications::preferences(&state.db, user).await?;
    let kinds: Vec<_> = chosen
        .iter()
        .filter(|(k, _)| k.choosable())
        .map(|(k, d)| {
            let deliveries: Vec<&str> = Delivery::ALL
                .iter()
                .filter(|x| k.offers(**x))
                .map(|x| x.code())
                .collect();
            context! { code => k.code(), chosen => d.code(), default => k.default_delivery().code(),
            deliveries }
        })
        .collect();
    render(
        &state,
        &viewer,
        "notifications/preferences.html",
        context! { kinds, done => q.done.is_some(), section => "/profile" },
    )
}

async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<Vec<(String, String)>>,
) -> AppResult {
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    let choices = domain::notifications::check_preferences(&form)
        .map_err(|_| AppError::BadRequest("error-bad-form"))?;
    db::notifications::save_preferences(&state.db, user, &choices).await?;
    Ok(see_other("/profile/notifications?done=1"))
}

/// The link a token stands for, or the page that says why it is refused (nothing changed).
async fn checked(
    state: &AppState,
    viewer: &Viewer,
    token: &str,
) -> Result<unsubscribe::Link, AppResult> {
    let key = db::notifications::signing_key(&state.db)
        .await
        .map_err(|e| Err(e.into()))?;
    match unsubscribe::verify(&key, token, state.db.now()) {
        Ok(link) => Ok(link),
        Err(problem) => {
            let status = match problem {
                Problem::Invalid => StatusCode::BAD_REQUEST,
                Problem::Expired => StatusCode::GONE,
            };
            Err(with_status(
                status,
                render(
                    state,
                    viewer,
                    "notifications/unsubscribe.html",
                    context! { refused => problem.message(), token => "", kind => "", done => false },
                ),
            ))
        }
    }
}

async fn confirm_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult {
    let link = match checked(&state, &viewer, &token).await {
        Ok(link) => link,
        Err(page) => return page,
    };
    render(
        &state,
        &viewer,
        "notifications/unsubscribe.html",
        context! { refused => "", token, kind => link.kind.code(), done => false },
    )
}

/// The change: by the confirmation page's button, or by a mail reader's one-click POST
/// (`List-Unsubscribe=One-Click`, RFC 8058), whatever the body says.
async fn unsubscribe(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult {
    let link = match checked(&state, &viewer, &token).await {
        Ok(link) => link,
        Err(page) => return page,
    };
    match db::notifications::unsubscribe(&state.db, link.person, link.kind).await {
        Ok(()) => {}
        // The account is gone: nothing to unsubscribe, said as a refused link.
        Err(db::DbError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    }
    render(
        &state,
        &viewer,
        "notifications/unsubscribe.html",
        context! { refused => "", token => "", kind => link.kind.code(), done => true },
    )
}
