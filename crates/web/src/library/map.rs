//! The library map: the countries of the Western Balkans and the South Mediterranean (and their
//! neighbours) shaded by how many documents the viewer may see about each, every country a link
//! to the library filtered by it, with the same figures in a table.

use super::scope;
use crate::http::{AppError, AppResult};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use db::library::Search;
use domain::library::map::{shade, shapes, Shape, MEDITERRANEAN};
use domain::library::places::{self, Area};
use minijinja::{context, Value};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The shapes, decoded once from the embedded file.
fn all_shapes() -> Result<&'static [Shape], AppError> {
    static SHAPES: OnceLock<Result<Vec<Shape>, String>> = OnceLock::new();
    SHAPES
        .get_or_init(|| {
            shapes(crate::embedded::WORLD_ATLAS, MEDITERRANEAN).map_err(|e| e.to_string())
        })
        .as_ref()
        .map(|v| v.as_slice())
        .map_err(|e| AppError::Internal(e.clone()))
}

/// The place code a shape stands for, when it is one the library knows.
fn code_of(shape: &Shape) -> Option<&'static str> {
    if shape.name == "Kosovo" {
        return Some("XK");
    }
    places::COUNTRIES
        .iter()
        .find(|c| !c.numeric.is_empty() && c.numeric == shape.numeric)
        .map(|c| c.code)
}

pub(super) async fn page(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let scope = scope(&state, &viewer).await?;
    let search = Search {
        page: 1,
        per_page: 1,
        ..Default::default()
    };
    let found = state.search_cache.search(&state, &search, &scope).await?;
    let counts: HashMap<&str, i64> = found
        .results
        .places
        .iter()
        .map(|(p, n)| (p.as_str(), *n))
        .collect();
    let max = places::COUNTRIES
        .iter()
        .map(|c| counts.get(c.code).copied().unwrap_or(0))
        .max()
        .unwrap_or(0);
    let locale = viewer.locale;
    let shapes: Vec<Value> = all_shapes()?
        .iter()
        .map(|s| {
            let code = code_of(s);
            let count = code.and_then(|c| counts.get(c).copied()).unwrap_or(0);
            let name = code
                .and_then(places::country)
                .map(|c| c.name(locale).to_string());
            context! {
                path => s.path, code, name, count, shade => if code.is_some() { shade(count, max) } else { 0 },
                count_text => locale.integer(count),
            }
        })
        .collect();
    let t = |k: &str| state.i18n.t(locale, k);
    let rows = |area: Area| -> Vec<Value> {
        places::COUNTRIES
            .iter()
            .filter(|c| c.area == area)
            .map(|c| {
                let count = counts.get(c.code).copied().unwrap_or(0);
                context! { code => c.code, name => c.name(locale), count, count_text => locale.integer(count) }
            })
            .collect()
    };
    let areas = vec![
        context! { name => t("place-group-wb"), rows => rows(Area::WesternBalkans) },
        context! { name => t("place-group-sm"), rows => rows(Area::SouthMediterranean) },
        context! { name => t("library-places-other"), rows => rows(Area::Other) },
    ];
    render(
        &state,
        &viewer,
        "library/map.html",
        context! {
            shapes, areas, width => MEDITERRANEAN.width,
            height => MEDITERRANEAN.height().round(),
            total => locale.integer(found.results.total), max => locale.integer(max),
        },
    )
}

/// The map with `selected` countries highlighted (a strategic plan's target countries): the
/// shapes for `library/_map.html`, with the drawing's width and height.
pub(crate) fn highlighted(
    locale: domain::locale::Locale,
    selected: &[String],
) -> Result<(Vec<Value>, f64, f64), AppError> {
    let shapes = all_shapes()?
        .iter()
        .map(|s| {
            let code = code_of(s);
            let name = code
                .and_then(places::country)
                .map(|c| c.name(locale).to_string());
            let chosen = code.is_some_and(|c| selected.iter().any(|x| x == c));
            context! { path => s.path, code, name, chosen }
        })
        .collect();
    Ok((shapes, MEDITERRANEAN.width, MEDITERRANEAN.height().round()))
}
