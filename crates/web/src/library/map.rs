//! The library map: the countries of the Western Balkans and the South Mediterranean (and their
//! neighbours) shaded by how many documents the viewer may see about each, every country a link
//! to the library filtered by it, with the same figures in a table.

use super::scope;
use crate::http::AppResult;
use crate::session::{render, Viewer};
pub(super) use crate::shared::map::shapes_file;
use crate::shared::map::{all_shapes, code_of, sprite_href};
use crate::state::AppState;
use axum::extract::State;
use db::library::Search;
use domain::library::map::{shade, MEDITERRANEAN};
use domain::library::places::{self, Area};
use minijinja::{context, Value};
use std::collections::HashMap;

pub(super) async fn page(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let scope = scope(&state, &viewer).await?;
    let search = Search {
        page: 1,
        per_page: 1,
        ..Default::default()
    };
    let found = crate::library::search(&state, &search, &scope).await?;
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
        .enumerate()
        .filter(|(_, s)| code_of(s).is_some())
        .map(|(i, s)| {
            let code = code_of(s);
            let count = code.and_then(|c| counts.get(c).copied()).unwrap_or(0);
            let name = code
                .and_then(places::country)
                .map(|c| c.name(locale).to_string());
            context! {
                id => format!("s{i}"), code, name, count, shade => shade(count, max),
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
            shapes, areas, width => MEDITERRANEAN.width, sprite => Value::from_safe_string(sprite_href()?),
            height => MEDITERRANEAN.height().round(),
            total => locale.integer(found.results.total), max => locale.integer(max),
        },
    )
}
