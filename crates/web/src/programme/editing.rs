//! Staff shape the programme: a structure page with every phase, strand, dimension, module and
//! cohort, forms to add and edit them, and module reordering. Stale saves get a 409 with the
//! current version shown and the typed form kept.

use crate::http::{see_other, with_status, AppError, AppResult, Form, Id, PathIds, Query};
use crate::session::{field_errors, render, Viewer};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use db::programme::editing::Texts;
use db::programme::{Module, Structure};
use domain::programme::editing::{
    moved, CohortForm, Direction, ModuleForm, TextsForm, PRODUCT_TYPES,
};
use domain::validation::Errors;
use minijinja::{context, Value};
use serde::Deserialize;
use uuid::Uuid;

async fn structure(state: &AppState) -> AppResult<Structure> {
    db::programme::structure(&state.db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The `version` field of a submitted form; a form without one was not sent by our pages.
fn version_of(pairs: &[(String, String)]) -> AppResult<i64> {
    pairs
        .iter()
        .find(|(k, _)| k == "version")
        .and_then(|(_, v)| v.parse().ok())
        .ok_or(AppError::BadRequest("error-bad-form"))
}

pub(super) async fn overview(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let s = structure(&state).await?;
    let strands: Vec<Value> = s
        .strands
        .iter()
        .map(|st| {
            let modules: Vec<&Module> = s.modules.iter().filter(|m| m.strand_id == st.id).collect();
            let count = modules.len();
            let dimensions: Vec<Value> = s
                .dimensions
                .iter()
                .filter(|d| d.strand_id == st.id)
                .map(|d| context! { id => d.id, number => d.number, title => d.title })
                .collect();
            let modules: Vec<Value> = modules
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let dimension = m
                        .dimension_id
                        .and_then(|d| s.dimensions.iter().find(|x| x.id == d))
                        .map(|d| d.number);
                    context! {
                        id => m.id, title => m.title, dimension, days => m.days.number(viewer.locale),
                        first => i == 0, last => i + 1 == count,
                    }
                })
                .collect();
            context! { id => st.id, code => st.code, title => st.title, dimensions, modules }
        })
        .collect();
    render(
        &state,
        &viewer,
        "programme/structure.html",
        context! { phases => s.phases, strands, cohorts => s.cohorts, errors => context! {} },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct NewModuleQuery {
    strand: String,
    dimension: String,
}

struct ModulePage<'a> {
    strand: &'a db::programme::Strand,
    form: &'a ModuleForm,
    errors: &'a Errors,
    editing: Option<(&'a Module, i64)>,
    conflict: bool,
}

fn module_page(state: &AppState, viewer: &Viewer, s: &Structure, p: ModulePage<'_>) -> AppResult {
    let dimensions: Vec<Value> = s
        .dimensions
        .iter()
        .filter(|d| d.strand_id == p.strand.id)
        .map(|d| context! { id => d.id.to_string(), number => d.number, title => d.title })
        .collect();
    let products: Vec<Value> = PRODUCT_TYPES
        .iter()
        .map(|code| context! { code, checked => p.form.products.iter().any(|x| x == code) })
        .collect();
    render(
        state,
        viewer,
        "programme/module_form.html",
        context! {
            strand => p.strand, form => p.form, errors => field_errors(state, viewer, p.errors), dimensions, products,
            editing => p.editing.map(|(m, _)| context! { id => m.id, title => m.title, days => m.days.number(viewer.locale), products => m.products }),
            version => p.editing.map(|(_, v)| v), conflict => p.conflict,
        },
    )
}

fn form_of(m: &Module, locale: domain::locale::Locale) -> ModuleForm {
    ModuleForm {
        title: m.title.clone(),
        description: m.description.clone(),
        objectives: m.objectives.clone(),
        dimension_id: m.dimension_id.map(|d| d.to_string()).unwrap_or_default(),
        days_min: locale.tenths(m.days.min_tenths),
        days_max: locale.tenths(m.days.max_tenths),
        delivery: m.delivery.code().to_string(),
        products: m.products.clone(),
    }
}

pub(super) async fn module_new(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<NewModuleQuery>,
) -> AppResult {
    let s = structure(&state).await?;
    let strand = s
        .strand_by_code(q.strand.trim())
        .ok_or(AppError::BadRequest("error-choose"))?;
    let form = ModuleForm {
        dimension_id: q.dimension,
        delivery: "in_person".into(),
        days_min: "1".into(),
        ..Default::default()
    };
    module_page(
        &state,
        &viewer,
        &s,
        ModulePage {
            strand,
            form: &form,
            errors: &Errors::default(),
            editing: None,
            conflict: false,
        },
    )
}

fn dimensions_of(s: &Structure, strand: Uuid) -> Vec<Uuid> {
    s.dimensions
        .iter()
        .filter(|d| d.strand_id == strand)
        .map(|d| d.id)
        .collect()
}

pub(super) async fn module_create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let s = structure(&state).await?;
    let strand = s.strand_by_code(&code).ok_or(AppError::NotFound)?;
    let form = ModuleForm::from_pairs(&pairs);
    match form.check(&dimensions_of(&s, strand.id)) {
        Ok(draft) => {
            let id = db::programme::editing::create_module(
                &state.db,
                strand.id,
                &draft,
                viewer.user_id(),
            )
            .await?;
            Ok(see_other(&format!("/programme/modules/{id}")))
        }
        Err(errors) => with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            module_page(
                &state,
                &viewer,
                &s,
                ModulePage {
                    strand,
                    form: &form,
                    errors: &errors,
                    editing: None,
                    conflict: false,
                },
            ),
        ),
    }
}

fn find_module(s: &Structure, id: Uuid) -> AppResult<(&Module, &db::programme::Strand)> {
    let m = s
        .modules
        .iter()
        .find(|m| m.id == id)
        .ok_or(AppError::NotFound)?;
    let strand = s
        .strands
        .iter()
        .find(|x| x.id == m.strand_id)
        .ok_or(AppError::NotFound)?;
    Ok((m, strand))
}

pub(super) async fn module_edit(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let s = structure(&state).await?;
    let (m, strand) = find_module(&s, id)?;
    let form = form_of(m, viewer.locale);
    module_page(
        &state,
        &viewer,
        &s,
        ModulePage {
            strand,
            form: &form,
            errors: &Errors::default(),
            editing: Some((m, m.version)),
            conflict: false,
        },
    )
}

pub(super) async fn module_update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let s = structure(&state).await?;
    let (m, strand) = find_module(&s, id)?;
    let version = version_of(&pairs)?;
    let form = ModuleForm::from_pairs(&pairs);
    let draft = match form.check(&dimensions_of(&s, strand.id)) {
        Ok(d) => d,
        Err(errors) => {
            return with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                module_page(
                    &state,
                    &viewer,
                    &s,
                    ModulePage {
                        strand,
                        form: &form,
                        errors: &errors,
                        editing: Some((m, version)),
                        conflict: false,
                    },
                ),
            )
        }
    };
    match db::programme::editing::update_module(&state.db, m, version, &draft, viewer.user_id())
        .await
    {
        Ok(()) => Ok(see_other(&format!("/programme/modules/{}", m.id))),
        Err(db::DbError::Conflict) => {
            let latest = structure(&state).await?;
            let (current, strand) = find_module(&latest, id)?;
            with_status(
                StatusCode::CONFLICT,
                module_page(
                    &state,
                    &viewer,
                    &latest,
                    ModulePage {
                        strand,
                        form: &form,
                        errors: &Errors::default(),
                        editing: Some((current, current.version)),
                        conflict: true,
                    },
                ),
            )
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct MoveForm {
    direction: String,
}

pub(super) async fn module_move(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<MoveForm>,
) -> AppResult {
    let s = structure(&state).await?;
    let (m, strand) = find_module(&s, id)?;
    let direction =
        Direction::parse(&form.direction).ok_or(AppError::BadRequest("error-bad-form"))?;
    let list: Vec<&Module> = s
        .modules
        .iter()
        .filter(|x| x.strand_id == strand.id)
        .collect();
    let from = list
        .iter()
        .position(|x| x.id == m.id)
        .ok_or(AppError::NotFound)?;
    if let Some(to) = moved(from, list.len(), direction) {
        let other = list[to];
        // Equal positions (never written by Ponte) would make the swap a no-op: spread them first.
        let (a, b) = if m.position == other.position {
            (
                (m.id, m.position),
                (other.id, other.position + if to > from { 1 } else { -1 }),
            )
        } else {
            ((m.id, m.position), (other.id, other.position))
        };
        db::programme::editing::swap_modules(&state.db, a, b, viewer.user_id()).await?;
    }
    Ok(see_other(&format!(
        "/programme/structure#strand-{}",
        strand.code
    )))
}

/// The current title and text of a phase, strand or dimension, with its version.
fn texts_of(s: &Structure, kind: Texts, id: Uuid) -> Option<(String, String, i64, String)> {
    match kind {
        Texts::Phase => s.phases.iter().find(|p| p.id == id).map(|p| {
            (
                p.title.clone(),
                p.description.clone(),
                p.version,
                format!("phase-{}", p.number),
            )
        }),
        Texts::Strand => s.strands.iter().find(|p| p.id == id).map(|p| {
            (
                p.title.clone(),
                p.description.clone(),
                p.version,
                format!("strand-{}", p.code),
            )
        }),
        Texts::Dimension => s.dimensions.iter().find(|p| p.id == id).map(|p| {
            (
                p.title.clone(),
                p.question.clone(),
                p.version,
                format!("dimension-{}", p.number),
            )
        }),
    }
}

fn texts_page(
    state: &AppState,
    viewer: &Viewer,
    (kind, id): (&str, Uuid),
    form: &TextsForm,
    errors: &Errors,
    version: i64,
    current: Option<(String, String)>,
) -> AppResult {
    render(
        state,
        viewer,
        "programme/texts_form.html",
        context! {
            kind, id, form, version, errors => field_errors(state, viewer, errors),
            current => current.map(|(t, x)| context! { title => t, text => x }),
        },
    )
}

pub(super) async fn texts_edit(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((kind, id)): PathIds<(String, Uuid)>,
) -> AppResult {
    let which = Texts::parse(&kind).ok_or(AppError::NotFound)?;
    let s = structure(&state).await?;
    let (title, text, version, _) = texts_of(&s, which, id).ok_or(AppError::NotFound)?;
    texts_page(
        &state,
        &viewer,
        (&kind, id),
        &TextsForm { title, text },
        &Errors::default(),
        version,
        None,
    )
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct VersionedTexts {
    #[serde(default)]
    version: i64,
    #[serde(flatten)]
    form: TextsForm,
}

pub(super) async fn texts_update(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((kind, id)): PathIds<(String, Uuid)>,
    Form(submitted): Form<VersionedTexts>,
) -> AppResult {
    let which = Texts::parse(&kind).ok_or(AppError::NotFound)?;
    let s = structure(&state).await?;
    let (title, text, _, _) = texts_of(&s, which, id).ok_or(AppError::NotFound)?;
    let (new_title, new_text) = match submitted.form.check() {
        Ok(t) => t,
        Err(errors) => {
            return with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                texts_page(
                    &state,
                    &viewer,
                    (&kind, id),
                    &submitted.form,
                    &errors,
                    submitted.version,
                    None,
                ),
            )
        }
    };
    match db::programme::editing::update_texts(
        &state.db,
        which,
        id,
        submitted.version,
        (&title, &text),
        &new_title,
        &new_text,
        viewer.user_id(),
    )
    .await
    {
        Ok(()) => Ok(see_other("/programme/structure")),
        Err(db::DbError::Conflict) => {
            let latest = structure(&state).await?;
            let (t, x, v, _) = texts_of(&latest, which, id).ok_or(AppError::NotFound)?;
            with_status(
                StatusCode::CONFLICT,
                texts_page(
                    &state,
                    &viewer,
                    (&kind, id),
                    &submitted.form,
                    &Errors::default(),
                    v,
                    Some((t, x)),
                ),
            )
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn phase_create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<TextsForm>,
) -> AppResult {
    let s = structure(&state).await?;
    let (title, text) = form.check().map_err(|e| AppError::invalid(&e))?;
    db::programme::editing::create_phase(
        &state.db,
        s.programme.id,
        &title,
        &text,
        viewer.user_id(),
    )
    .await?;
    Ok(see_other("/programme/structure#phases"))
}

pub(super) async fn dimension_create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Form(form): Form<TextsForm>,
) -> AppResult {
    let s = structure(&state).await?;
    let strand = s.strand_by_code(&code).ok_or(AppError::NotFound)?;
    let (title, text) = form.check().map_err(|e| AppError::invalid(&e))?;
    db::programme::editing::create_dimension(&state.db, strand.id, &title, &text, viewer.user_id())
        .await?;
    Ok(see_other(&format!(
        "/programme/structure#strand-{}",
        strand.code
    )))
}

async fn cohort_page(
    state: &AppState,
    viewer: &Viewer,
    s: &Structure,
    form: &CohortForm,
    errors: &Errors,
    editing: Option<(Uuid, i64)>,
    conflict: bool,
) -> AppResult {
    let (pas, _) = db::organisations::search(&state.db, Some("italian_pa"), None, 500, 0).await?;
    let organisations: Vec<Value> = pas
        .iter()
        .map(|o| context! { id => o.id.to_string(), name => o.data.name, checked => form.organisations.iter().any(|x| x == &o.id.to_string()) })
        .collect();
    let strands: Vec<Value> = s
        .strands
        .iter()
        .map(|x| context! { id => x.id.to_string(), code => x.code, title => x.title, checked => form.strands.iter().any(|y| y == &x.id.to_string()) })
        .collect();
    let phases: Vec<Value> = s
        .phases
        .iter()
        .map(|p| context! { id => p.id.to_string(), number => p.number, title => p.title })
        .collect();
    render(
        state,
        viewer,
        "programme/cohort_form.html",
        context! {
            form, errors => field_errors(state, viewer, errors), organisations, strands, phases,
            editing => editing.map(|(id, _)| id), version => editing.map(|(_, v)| v), conflict,
        },
    )
}

fn cohort_form_of(c: &db::programme::Cohort) -> CohortForm {
    CohortForm {
        name: c.name.clone(),
        description: c.description.clone(),
        phase_id: c.phase_id.to_string(),
        organisations: c.organisations.iter().map(Uuid::to_string).collect(),
        strands: c.strands.iter().map(Uuid::to_string).collect(),
    }
}

async fn allowed(state: &AppState, s: &Structure) -> AppResult<(Vec<Uuid>, Vec<Uuid>, Vec<Uuid>)> {
    let (pas, _) = db::organisations::search(&state.db, Some("italian_pa"), None, 500, 0).await?;
    Ok((
        s.phases.iter().map(|p| p.id).collect(),
        pas.iter().map(|o| o.id).collect(),
        s.strands.iter().map(|x| x.id).collect(),
    ))
}

pub(super) async fn cohort_new(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let s = structure(&state).await?;
    let form = CohortForm {
        phase_id: s
            .phases
            .last()
            .map(|p| p.id.to_string())
            .unwrap_or_default(),
        ..Default::default()
    };
    cohort_page(&state, &viewer, &s, &form, &Errors::default(), None, false).await
}

pub(super) async fn cohort_create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let s = structure(&state).await?;
    let form = CohortForm::from_pairs(&pairs);
    let (phases, orgs, strands) = allowed(&state, &s).await?;
    match form.check(&phases, &orgs, &strands) {
        Ok(d) => {
            let id = db::programme::editing::create_cohort(
                &state.db,
                s.programme.id,
                &d,
                viewer.user_id(),
            )
            .await?;
            Ok(see_other(&format!("/programme/cohorts/{id}")))
        }
        Err(errors) => with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            cohort_page(&state, &viewer, &s, &form, &errors, None, false).await,
        ),
    }
}

pub(super) async fn cohort_edit(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let s = structure(&state).await?;
    let c = s
        .cohorts
        .iter()
        .find(|c| c.id == id)
        .ok_or(AppError::NotFound)?;
    cohort_page(
        &state,
        &viewer,
        &s,
        &cohort_form_of(c),
        &Errors::default(),
        Some((c.id, c.version)),
        false,
    )
    .await
}

pub(super) async fn cohort_update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let s = structure(&state).await?;
    let c = s
        .cohorts
        .iter()
        .find(|c| c.id == id)
        .ok_or(AppError::NotFound)?;
    let version = version_of(&pairs)?;
    let form = CohortForm::from_pairs(&pairs);
    let (phases, orgs, strands) = allowed(&state, &s).await?;
    let draft = match form.check(&phases, &orgs, &strands) {
        Ok(d) => d,
        Err(errors) => {
            return with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                cohort_page(
                    &state,
                    &viewer,
                    &s,
                    &form,
                    &errors,
                    Some((c.id, version)),
                    false,
                )
                .await,
            )
        }
    };
    match db::programme::editing::update_cohort(&state.db, c, version, &draft, viewer.user_id())
        .await
    {
        Ok(()) => Ok(see_other(&format!("/programme/cohorts/{}", c.id))),
        Err(db::DbError::Conflict) => {
            let latest = structure(&state).await?;
            let current = latest
                .cohorts
                .iter()
                .find(|x| x.id == id)
                .ok_or(AppError::NotFound)?;
            with_status(
                StatusCode::CONFLICT,
                cohort_page(
                    &state,
                    &viewer,
                    &latest,
                    &form,
                    &Errors::default(),
                    Some((current.id, current.version)),
                    true,
                )
                .await,
            )
        }
        Err(e) => Err(e.into()),
    }
}
