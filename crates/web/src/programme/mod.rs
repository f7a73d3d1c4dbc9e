//! Pages of the programme: overview (strands, dimensions, modules with their planned days),
//! strand, module and cohort pages; and the structure editing of staff (`editing`).

mod editing;

use crate::http::{AppError, AppResult, Id};
use crate::route::{route, Route};
use crate::session::{render, Viewer};
use crate::shared::structure::structure;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::Method;
use db::programme::{Module, Structure};
use domain::locale::Locale;
use domain::programme::PlannedDays;
use minijinja::{context, Value};
use std::sync::Arc;
use uuid::Uuid;

pub use crate::shared::structure::STRUCTURE_PARTS;
/// The programme routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/programme", "programme.overview", overview),
        route(
            Method::GET,
            "/programme/strands/{code}",
            "programme.strand",
            strand,
        ),
        route(
            Method::GET,
            "/programme/modules/{id}",
            "programme.module",
            module,
        ),
        route(
            Method::GET,
            "/programme/cohorts/{id}",
            "programme.cohort",
            cohort,
        ),
        route(
            Method::GET,
            "/programme/structure",
            "programme.structure",
            editing::overview,
        ),
        route(
            Method::GET,
            "/programme/modules/new",
            "programme.module_new",
            editing::module_new,
        ),
        route(
            Method::POST,
            "/programme/strands/{code}/modules",
            "programme.module_create",
            editing::module_create,
        ),
        route(
            Method::GET,
            "/programme/modules/{id}/edit",
            "programme.module_edit",
            editing::module_edit,
        ),
        route(
            Method::POST,
            "/programme/modules/{id}",
            "programme.module_update",
            editing::module_update,
        ),
        route(
            Method::POST,
            "/programme/modules/{id}/move",
            "programme.module_move",
            editing::module_move,
        ),
        route(
            Method::GET,
            "/programme/texts/{kind}/{id}",
            "programme.texts_edit",
            editing::texts_edit,
        ),
        route(
            Method::POST,
            "/programme/texts/{kind}/{id}",
            "programme.texts_update",
            editing::texts_update,
        ),
        route(
            Method::POST,
            "/programme/phases",
            "programme.phase_create",
            editing::phase_create,
        ),
        route(
            Method::POST,
            "/programme/strands/{code}/dimensions",
            "programme.dimension_create",
            editing::dimension_create,
        ),
        route(
            Method::GET,
            "/programme/cohorts/new",
            "programme.cohort_new",
            editing::cohort_new,
        ),
        route(
            Method::POST,
            "/programme/cohorts",
            "programme.cohort_create",
            editing::cohort_create,
        ),
        route(
            Method::GET,
            "/programme/cohorts/{id}/edit",
            "programme.cohort_edit",
            editing::cohort_edit,
        ),
        route(
            Method::POST,
            "/programme/cohorts/{id}",
            "programme.cohort_update",
            editing::cohort_update,
        ),
    ]
}

/// The programme structure, or `None` made into "not found".
async fn load(state: &AppState) -> AppResult<Arc<Structure>> {
    structure(state).await?.ok_or(AppError::NotFound)
}

fn days(d: PlannedDays, locale: Locale) -> Value {
    context! { number => d.number(locale), unit => if d.is_one() { "one" } else { "other" } }
}

fn module_view(m: &Module, locale: Locale) -> Value {
    context! {
        id => m.id, title => m.title, description => m.description, position => m.position,
        days => days(m.days, locale), delivery => m.delivery, products => m.products, objectives => m.objectives,
    }
}

/// A strand with its dimensions and modules, and the total planned days.
fn strand_view(s: &Structure, strand: &db::programme::Strand, locale: Locale) -> Value {
    let modules: Vec<&Module> = s
        .modules
        .iter()
        .filter(|m| m.strand_id == strand.id)
        .collect();
    let dimensions: Vec<Value> = s
        .dimensions
        .iter()
        .filter(|d| d.strand_id == strand.id)
        .map(|d| {
            let own: Vec<&Module> = modules
                .iter()
                .copied()
                .filter(|m| m.dimension_id == Some(d.id))
                .collect();
            let total = PlannedDays::total(own.iter().map(|m| m.days));
            context! {
                number => d.number, title => d.title, question => d.question,
                modules => own.iter().map(|m| module_view(m, locale)).collect::<Vec<_>>(),
                total => days(total, locale),
            }
        })
        .collect();
    let loose: Vec<Value> = modules
        .iter()
        .filter(|m| m.dimension_id.is_none())
        .map(|m| module_view(m, locale))
        .collect();
    let total = PlannedDays::total(modules.iter().map(|m| m.days));
    context! {
        code => strand.code, title => strand.title, description => strand.description,
        dimensions, modules => loose, total => days(total, locale), has_modules => !modules.is_empty(),
    }
}

async fn overview(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let s = load(&state).await?;
    let strands: Vec<Value> = s
        .strands
        .iter()
        .map(|st| strand_view(&s, st, viewer.locale))
        .collect();
    let orgs: Vec<Uuid> = s
        .cohorts
        .iter()
        .flat_map(|c| c.organisations.iter().copied())
        .collect();
    let organisations = db::organisations::by_ids(&state.db, &orgs).await?;
    let cohorts: Vec<Value> = s
        .cohorts
        .iter()
        .map(|c| {
            let phase = s
                .phases
                .iter()
                .find(|p| p.id == c.phase_id)
                .map(|p| p.number);
            let members: Vec<&str> = organisations
                .iter()
                .filter(|o| c.organisations.contains(&o.id))
                .map(|o| o.data.name.as_str())
                .collect();
            context! { id => c.id, name => c.name, description => c.description, phase, members }
        })
        .collect();
    render(
        &state,
        &viewer,
        "programme/overview.html",
        context! {
            programme => s.programme, phases => s.phases, strands, cohorts,
        },
    )
}

async fn strand(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> AppResult {
    let s = load(&state).await?;
    let st = s.strand_by_code(&code).ok_or(AppError::NotFound)?;
    let view = strand_view(&s, st, viewer.locale);
    render(
        &state,
        &viewer,
        "programme/strand.html",
        context! { programme => s.programme, strand => view },
    )
}

async fn module(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let s = load(&state).await?;
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
    let dimension = m
        .dimension_id
        .and_then(|d| s.dimensions.iter().find(|x| x.id == d));
    let now = state.db.now();
    let sessions: Vec<Value> = db::labs::list(
        &state.db,
        &db::labs::Filter {
            module: Some(m.id),
            ..Default::default()
        },
    )
    .await?
    .iter()
    .map(|x| crate::shared::sessions::session_view(x, &viewer, now))
    .collect();
    let reading = crate::shared::library::reading_list(
        &state,
        &viewer,
        db::library::ReadingFor::Module(m.id),
    )
    .await?;
    render(
        &state,
        &viewer,
        "programme/module.html",
        context! {
            programme => s.programme, strand, dimension, module => module_view(m, viewer.locale),
            sessions, may_schedule => viewer.may("labs.session_new", None),
            reading, may_curate => viewer.may("library.reading_remove", None),
        },
    )
}

async fn cohort(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let s = load(&state).await?;
    let c = s
        .cohorts
        .iter()
        .find(|c| c.id == id)
        .ok_or(AppError::NotFound)?;
    let phase = s.phases.iter().find(|p| p.id == c.phase_id);
    let organisations = db::organisations::by_ids(&state.db, &c.organisations).await?;
    let strands: Vec<&db::programme::Strand> = s
        .strands
        .iter()
        .filter(|x| c.strands.contains(&x.id))
        .collect();
    let regions: Vec<Value> = organisations
        .iter()
        .map(|o| {
            let region = o.data.region_code.as_deref().and_then(|code| {
                domain::organisations::REGIONS
                    .iter()
                    .find(|(c, _)| *c == code)
                    .map(|(_, n)| *n)
            });
            context! { id => o.id, name => o.data.name, region, kind => o.data.pa_kind }
        })
        .collect();
    render(
        &state,
        &viewer,
        "programme/cohort.html",
        context! {
            programme => s.programme, cohort => c, phase, organisations => regions, strands,
        },
    )
}
