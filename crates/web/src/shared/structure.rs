//! The programme structure (strands, dimensions, modules, phases, cohorts), which most pages show:
//! kept between requests while the programme is unchanged.

use crate::http::{AppError, AppResult};
use crate::kept::Weigh;
use crate::state::AppState;
use db::programme::Structure;
use db::Part;
use std::sync::Arc;

/// What the programme structure depends on.
pub const STRUCTURE_PARTS: &[Part] = &[Part::Programme];

/// The programme structure (`None` when no programme is loaded), kept while the programme is
/// unchanged: many pages show it, and reading it takes six queries.
pub(crate) async fn structure(state: &AppState) -> AppResult<Option<Arc<Structure>>> {
    let kept = state
        .kept
        .get_or_compute(
            &state.db,
            "programme/structure".into(),
            STRUCTURE_PARTS,
            || async {
                Ok::<_, AppError>(db::programme::structure(&state.db).await?.map(Arc::new))
            },
        )
        .await?;
    Ok((*kept).clone())
}

impl Weigh for Structure {
    /// A structure is a few dozen short records; its size is an estimate, as only one is kept.
    fn weight(&self) -> usize {
        32 * 1024
    }
}
