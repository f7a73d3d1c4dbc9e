//! Moderation: pinning, locking and hiding by the space's moderators (staff, the operator and
//! the space's coordinators), and the staff's queue of reports.

use super::pages::{post_address, thread_page, Failed, Page};
use super::posting::ReasonForm;
use super::*;
use crate::http::{see_other, Form, Id};
use crate::session::{field_errors, render};
use axum::extract::State;
use axum::http::StatusCode;
use minijinja::{context, Value};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
pub(super) struct Switch {
    #[serde(default)]
    on: String,
}

/// "1" or "0"; anything else is a form the interface never sends.
fn switch(f: &Switch) -> AppResult<bool> {
    match f.on.as_str() {
        "1" => Ok(true),
        "0" => Ok(false),
        _ => Err(AppError::BadRequest("error-unknown-choice")),
    }
}

/// A thread the viewer moderates: not found when they do not see it, forbidden when they only
/// take part in it.
async fn moderated(state: &AppState, viewer: &Viewer, id: Uuid) -> AppResult<(Thread, InSpace)> {
    let (t, s) = thread(state, viewer, id).await?;
    if !s.moderates() {
        return Err(AppError::Forbidden);
    }
    Ok((t, s))
}

pub(super) async fn pin(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<Switch>,
) -> AppResult {
    let (t, _) = moderated(&state, &viewer, id).await?;
    let on = switch(&f)?;
    let user = viewer.user_id().ok_or(AppError::NotFound)?;
    db::community::set_pinned(&state.db, t.id, on, user).await?;
    Ok(see_other(&format!("/community/threads/{}", t.id)))
}

pub(super) async fn lock(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<Switch>,
) -> AppResult {
    let (t, _) = moderated(&state, &viewer, id).await?;
    let on = switch(&f)?;
    let user = viewer.user_id().ok_or(AppError::NotFound)?;
    db::community::set_locked(&state.db, t.id, on, user).await?;
    Ok(see_other(&format!("/community/threads/{}", t.id)))
}

pub(super) async fn hide(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<ReasonForm>,
) -> AppResult {
    let p = db::community::post(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (t, s) = moderated(&state, &viewer, p.thread_id).await?;
    let reason = match domain::community::check_reason(&f.reason) {
        Ok(r) => r,
        Err(errors) => {
            let failed = Failed {
                form: "hide",
                errors: field_errors(&state, &viewer, &errors),
                typed: BTreeMap::from([("reason", f.reason.clone()), ("post", p.id.to_string())]),
                status: StatusCode::UNPROCESSABLE_ENTITY,
            };
            return thread_page(&state, &viewer, &t, &s, Page::Of(p.id), Some(failed)).await;
        }
    };
    let user = viewer.user_id().ok_or(AppError::NotFound)?;
    db::community::hide(&state.db, p.id, &reason, user).await?;
    Ok(see_other(&post_address(&state, &p).await?))
}

pub(super) async fn queue(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let reports: Vec<Value> = db::community::open_reports(&state.db)
        .await?
        .into_iter()
        .map(|r| {
            context! {
                id => r.id, post_id => r.post_id, thread_id => r.thread_id,
                thread_title => r.thread_title, reporter => r.reporter_name,
                author => r.author_name, html => domain::community::render(&r.body),
                hidden => r.hidden, reason => r.reason, at => when(viewer.locale, r.created_at),
            }
        })
        .collect();
    render(
        &state,
        &viewer,
        "community/moderation.html",
        context! { reports, section => "/community" },
    )
}

pub(super) async fn close(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let user = viewer.user_id().ok_or(AppError::NotFound)?;
    db::community::close_report(&state.db, id, user).await?;
    Ok(see_other("/community/moderation"))
}
