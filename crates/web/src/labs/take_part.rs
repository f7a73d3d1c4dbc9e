//! What participants do: take or give up a seat, and check in with the code shown in the room.

use super::find;
use crate::http::{see_other, AppError, AppResult, Form, Id};
use crate::session::Viewer;
use crate::state::AppState;
use axum::extract::State;
use domain::labs::attendance::half_day_at;
use domain::labs::{check_in_open, normalise_code, registration_refusal, Seat, Status};
use serde::Deserialize;

pub(super) async fn register(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let s = find(&state, id).await?;
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    let now = state.db.now();
    let registration = db::labs::registration(&state.db, s.id, user).await?;
    let seat = Seat {
        status: s.status,
        starts_at: s.starts_at,
        registered: s.registered,
        capacity: s.capacity,
        // Someone of the cohort's organisations, a representative of the table the session is
        // for, or someone of an administration of the group it is for.
        in_cohort: db::labs::in_audience(&state.db, s.id, user).await?,
        invited: registration.as_deref() == Some("invited"),
        already_registered: registration.as_deref() == Some("registered"),
    };
    if let Some(reason) = registration_refusal(&seat, now) {
        return Err(AppError::BadRequest(reason));
    }
    // The seat count is checked again in the same statement that takes the seat: between the
    // check above and here, others may have taken the last one.
    match db::labs::register(&state.db, s.id, user, now).await {
        Ok(true) => Ok(see_other(&format!("/labs/sessions/{}?registered=1", s.id))),
        Ok(false) => Err(AppError::BadRequest("error-registration-full")),
        Err(db::DbError::Duplicate) => Err(AppError::BadRequest("error-registration-exists")),
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn unregister(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let s = find(&state, id).await?;
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    if db::labs::unregister(&state.db, s.id, user, state.db.now()).await? {
        Ok(see_other(&format!("/labs/sessions/{}", s.id)))
    } else {
        Err(AppError::BadRequest("error-unregister-closed"))
    }
}

#[derive(Deserialize)]
pub(super) struct CheckInForm {
    #[serde(default)]
    code: String,
}

pub(super) async fn check_in(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<CheckInForm>,
) -> AppResult {
    let s = find(&state, id).await?;
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    let now = state.db.now();
    if s.status == Status::Cancelled || !check_in_open(s.starts_at, s.ends_at, now) {
        return Err(AppError::BadRequest("error-check-in-closed"));
    }
    if db::labs::registration(&state.db, s.id, user)
        .await?
        .as_deref()
        != Some("registered")
    {
        return Err(AppError::BadRequest("error-check-in-not-registered"));
    }
    if normalise_code(&form.code) != s.check_in_code {
        // Shown on the session page, next to the field, so that the code can be typed again.
        return crate::http::with_status(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            super::pages::session_page(&state, &viewer, &s, Some("error-check-in-code")).await,
        );
    }
    db::labs::check_in(
        &state.db,
        s.id,
        user,
        half_day_at(s.starts_at, s.ends_at, now),
    )
    .await?;
    Ok(see_other(&format!("/labs/sessions/{}?checked_in=1", s.id)))
}
