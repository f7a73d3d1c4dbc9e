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

/// Every shape in one SVG file of definitions, each `<path>` with the id `s<index>` and the
/// shapes of no country the library knows in one group `others`; with a tag of its content for
/// its address. Pages refer to the shapes with `<use>`, so that the geometry (about 230 KB) is
/// downloaded once and cached instead of being written into every map page.
fn sprite() -> Result<&'static (String, String), AppError> {
    static SPRITE: OnceLock<(String, String)> = OnceLock::new();
    if let Some(s) = SPRITE.get() {
        return Ok(s);
    }
    let shapes = all_shapes()?;
    let mut svg = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\"><defs>");
    for (i, s) in shapes.iter().enumerate() {
        if code_of(s).is_some() {
            svg.push_str(&format!("<path id=\"s{i}\" d=\"{}\"/>", s.path));
        }
    }
    svg.push_str("<g id=\"others\">");
    for s in shapes.iter().filter(|s| code_of(s).is_none()) {
        svg.push_str(&format!("<path d=\"{}\"/>", s.path));
    }
    svg.push_str("</g></defs></svg>");
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    svg.hash(&mut hasher);
    let tag = format!("{:016x}", hasher.finish());
    Ok(SPRITE.get_or_init(|| (svg, tag)))
}

/// The address of the shapes' file, which changes with its content.
pub(crate) fn sprite_href() -> Result<String, AppError> {
    Ok(format!("/library/map/shapes.svg?v={}", sprite()?.1))
}

/// Serves the shapes' file, cached by browsers for a day (its address changes with it).
pub(super) async fn shapes_file() -> AppResult {
    use axum::http::header;
    use axum::response::IntoResponse;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        sprite()?.0.as_str(),
    )
        .into_response())
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

/// The map with `selected` countries highlighted (a strategic plan's target countries): the
/// countries' shapes (ids in the shapes' file) with the drawing's width and height and the
/// file's address.
pub(crate) fn highlighted(
    locale: domain::locale::Locale,
    selected: &[String],
) -> Result<(Vec<Value>, f64, f64, String), AppError> {
    let shapes = all_shapes()?
        .iter()
        .enumerate()
        .filter_map(|(i, s)| code_of(s).map(|code| (i, code)))
        .map(|(i, code)| {
            let name = places::country(code).map(|c| c.name(locale).to_string());
            let chosen = selected.iter().any(|x| x == code);
            context! { id => format!("s{i}"), code, name, chosen }
        })
        .collect();
    Ok((
        shapes,
        MEDITERRANEAN.width,
        MEDITERRANEAN.height().round(),
        sprite_href()?,
    ))
}
