//! The world map of the Western Balkans and the South Mediterranean drawn from Natural Earth's
//! shapes: one file of shapes that pages refer to, and the map with some countries marked (the
//! library's map shades them by documents, a strategic plan marks its target countries).

use crate::http::{AppError, AppResult};
use domain::library::map::{shapes, Shape, MEDITERRANEAN};
use domain::library::places;
use minijinja::{context, Value};
use std::sync::OnceLock;

/// The shapes, decoded once from the embedded file.
pub(crate) fn all_shapes() -> Result<&'static [Shape], AppError> {
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

/// Serves the shapes' file: kept by browsers for a year under the address with the tag of its
/// content, which pages use; for an hour under any other.
pub(crate) async fn shapes_file(
    crate::http::Query(q): crate::http::Query<std::collections::HashMap<String, String>>,
) -> AppResult {
    use axum::http::header;
    use axum::response::IntoResponse;
    let (svg, tag) = sprite()?;
    let cache = if q.get("v") == Some(tag) {
        crate::assets::IMMUTABLE
    } else {
        crate::assets::SHORT
    };
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, cache),
        ],
        svg.as_str(),
    )
        .into_response())
}

/// The place code a shape stands for, when it is one the library knows.
pub(crate) fn code_of(shape: &Shape) -> Option<&'static str> {
    if shape.name == "Kosovo" {
        return Some("XK");
    }
    places::COUNTRIES
        .iter()
        .find(|c| !c.numeric.is_empty() && c.numeric == shape.numeric)
        .map(|c| c.code)
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
