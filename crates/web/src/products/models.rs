//! Reuse: programme staff publish an approved product as a model; any administration starts a
//! new product from a copy of it. Good practices of the library start a product the same way.

use super::{content_view, find, path};
use crate::http::{see_other, AppError, AppResult, Form, Id, PathIds};
use crate::session::{render, Viewer};
use crate::shared::authors::author_choices;
use crate::state::AppState;
use axum::extract::State;
use domain::products::Content;
use minijinja::{context, Value};
use serde::Deserialize;
use uuid::Uuid;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ModelForm {
    /// `0` withdraws the model.
    model: String,
}

pub(super) async fn publish(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, product)): PathIds<(Uuid, Uuid)>,
    Form(form): Form<ModelForm>,
) -> AppResult {
    let p = find(&state, id, product).await?;
    // The page's buttons send `1` and `0`; anything else changes nothing.
    let model = match form.model.trim() {
        "1" => true,
        "0" => false,
        _ => return Err(AppError::BadRequest("error-unknown-choice")),
    };
    match db::products::set_model(&state.db, p.id, model, viewer.user_id()).await {
        Ok(()) => Ok(see_other(&format!(
            "{}?done={}",
            path(&p),
            if model { "model" } else { "unmodel" }
        ))),
        Err(db::DbError::NotFound) => Err(AppError::BadRequest("products-model-not-approved")),
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn list(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let locale = viewer.locale;
    let models: Vec<Value> = db::products::models(&state.db)
        .await?
        .into_iter()
        .map(|m| {
            context! { id => m.id, kind => m.kind, title => m.title, organisation => m.organisation,
            updated_at => locale.date(m.updated_at.date_naive()) }
        })
        .collect();
    render(
        &state,
        &viewer,
        "products/models.html",
        context! { models, orgs => author_choices(&state, &viewer).await? },
    )
}

pub(super) async fn show(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let p = db::products::get(&state.db, id)
        .await?
        .filter(|p| p.model)
        .ok_or(AppError::NotFound)?;
    let org = super::organisation(&state, p.organisation_id).await?;
    let content = Content::from_json(&p.content);
    render(
        &state,
        &viewer,
        "products/model.html",
        context! {
            p => super::view(&p, viewer.locale), o => org,
            content => content_view(&state, viewer.locale, p.organisation_id, &content).await?,
            orgs => author_choices(&state, &viewer).await?,
        },
    )
}

/// The content a good practice of the library gives a new product: its record as Markdown.
pub(super) fn from_practice(
    state: &AppState,
    viewer: &Viewer,
    title: &str,
    practice: &domain::library::practices::Practice,
) -> String {
    let mut md = format!(
        "{}\n\n",
        state.i18n.message(
            viewer.locale,
            "products-from-practice-intro",
            &[
                ("title", title.to_string().into()),
                ("administration", practice.administration.clone().into())
            ]
        )
    );
    for (name, text) in practice.sections() {
        if !text.trim().is_empty() {
            md.push_str(&format!(
                "## {}\n\n{}\n\n",
                state.i18n.t(viewer.locale, &format!("practice-{name}")),
                text.trim()
            ));
        }
    }
    md.push_str(&format!(
        "## {}\n\n\n",
        state.i18n.t(viewer.locale, "products-practice-adaptation")
    ));
    md
}
