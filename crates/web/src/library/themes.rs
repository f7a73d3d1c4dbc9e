//! The library's vocabularies for staff: the programme's macro-areas (added and renamed here, in
//! the three languages) and the OECD DAC sectors imported from the IATI list.

use crate::http::{see_other, with_status, AppError, AppResult, Form};
use crate::session::{field_errors, render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use db::library::MacroArea;
use domain::validation::{required_line, Errors};
use minijinja::context;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct AreaForm {
    code: String,
    name_it: String,
    name_en: String,
    name_fr: String,
    position: String,
    /// Empty for a new macro-area.
    version: String,
}

async fn show(state: &AppState, viewer: &Viewer, form: &AreaForm, errors: &Errors) -> AppResult {
    let areas = db::library::macro_areas(&state.db).await?;
    let sectors = db::library::sectors(&state.db).await?;
    let active = sectors.iter().filter(|s| s.active).count();
    let sample: Vec<_> = sectors.iter().filter(|s| s.active).take(400).collect();
    render(
        state,
        viewer,
        "library/themes.html",
        context! {
            areas, sectors => sample, sector_count => sectors.len(), active_count => active,
            form => context! { code => form.code, name_it => form.name_it, name_en => form.name_en,
                name_fr => form.name_fr, position => form.position },
            errors => field_errors(state, viewer, errors),
        },
    )
}

pub(super) async fn page(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    show(&state, &viewer, &AreaForm::default(), &Errors::default()).await
}

pub(super) async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<AreaForm>,
) -> AppResult {
    let mut errors = Errors::default();
    let code = form.code.trim().to_string();
    if !domain::library::is_macro_area_code(&code) {
        errors.add("code", "error-library-code");
    }
    let name_it = required_line(&mut errors, "name_it", &form.name_it, 200);
    let name_en = required_line(&mut errors, "name_en", &form.name_en, 200);
    let name_fr = required_line(&mut errors, "name_fr", &form.name_fr, 200);
    let position: i64 = match form.position.trim() {
        "" => 100,
        p => match p.parse() {
            Ok(n) if (0..=10_000).contains(&n) => n,
            _ => {
                errors.add("position", "error-library-position");
                0
            }
        },
    };
    let expected = match form.version.trim() {
        "" => None,
        v => Some(
            v.parse::<i64>()
                .map_err(|_| AppError::BadRequest("error-bad-form"))?,
        ),
    };
    if !errors.is_empty() {
        return with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            show(&state, &viewer, &form, &errors).await,
        );
    }
    let area = MacroArea {
        code,
        name_it,
        name_en,
        name_fr,
        position,
        version: 0,
    };
    match db::library::save_macro_area(&state.db, &area, expected, viewer.user_id()).await {
        Ok(()) => Ok(see_other("/library/themes")),
        Err(db::DbError::Duplicate) => {
            errors.add("code", "error-duplicate");
            with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                show(&state, &viewer, &form, &errors).await,
            )
        }
        Err(e) => Err(e.into()),
    }
}
