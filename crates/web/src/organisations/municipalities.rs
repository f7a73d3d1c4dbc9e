//! Searching the ISTAT list of municipalities.

use super::*;

#[derive(Deserialize)]
pub(super) struct MunicipalityQuery {
    q: Option<String>,
}

pub(super) async fn municipalities(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(f): Query<MunicipalityQuery>,
) -> AppResult {
    let q: String = f.q.unwrap_or_default().trim().chars().take(60).collect();
    let found = if q.chars().count() >= 2 {
        db::organisations::find_municipalities(&state.db, &q, 20).await?
    } else {
        Vec::new()
    };
    let count = db::organisations::count_municipalities(&state.db).await?;
    let ctx =
        context! { q, found, count => viewer.locale.integer(count), searched => !q.is_empty() };
    let template = if is_htmx(&headers) {
        "organisations/municipalities_results.html"
    } else {
        "organisations/municipalities.html"
    };
    render(&state, &viewer, template, ctx)
}
