//! Reading lists: staff pick library documents to read before a module's labs or a session;
//! the module and session pages show the ones each person may see.

use crate::http::{see_other, AppError, AppResult, Form, Id};
use crate::session::Viewer;
use crate::state::AppState;
use axum::extract::State;
use db::library::ReadingFor;
use domain::validation::{optional_line, Errors};
use serde::Deserialize;
use uuid::Uuid;

fn back(target: ReadingFor) -> String {
    match target {
        ReadingFor::Module(m) => format!("/programme/modules/{m}#reading"),
        ReadingFor::Session(s) => format!("/labs/sessions/{s}#reading"),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct AddForm {
    /// `module:<id>` or `session:<id>`.
    target: String,
    note: String,
}

pub(super) async fn add(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(document): Id,
    Form(form): Form<AddForm>,
) -> AppResult {
    if db::library::document(&state.db, document).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let target = match form.target.split_once(':') {
        Some(("module", m)) => Uuid::parse_str(m).ok().map(ReadingFor::Module),
        Some(("session", s)) => Uuid::parse_str(s).ok().map(ReadingFor::Session),
        _ => None,
    }
    .ok_or(AppError::BadRequest("error-choose"))?;
    let exists = match target {
        ReadingFor::Module(m) => crate::shared::structure::structure(&state)
            .await?
            .is_some_and(|s| s.modules.iter().any(|x| x.id == m)),
        ReadingFor::Session(s) => db::labs::get(&state.db, s).await?.is_some(),
    };
    if !exists {
        return Err(AppError::BadRequest("error-choose"));
    }
    let mut errors = Errors::default();
    let note = optional_line(&mut errors, "note", &form.note, 500).unwrap_or_default();
    if !errors.is_empty() {
        return Err(AppError::invalid(&errors));
    }
    match db::library::add_reading(&state.db, target, document, &note, viewer.user_id()).await {
        Ok(_) | Err(db::DbError::Duplicate) => Ok(see_other(&back(target))),
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn remove(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(item): Id,
) -> AppResult {
    let target = db::library::remove_reading(&state.db, item, viewer.user_id()).await?;
    Ok(see_other(&back(target)))
}
