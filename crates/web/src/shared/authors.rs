//! The administrations a person writes for (as coordinator or member): where they draft products
//! and publish good practices.

use crate::http::AppResult;
use crate::session::Viewer;
use crate::state::AppState;
use domain::roles::Role;
use minijinja::{context, Value};
use uuid::Uuid;

/// The administrations in which the viewer writes products.
pub(crate) fn author_organisations(viewer: &Viewer) -> Vec<Uuid> {
    let p = viewer.principal.clone().unwrap_or_default();
    let mut out: Vec<Uuid> = p
        .grants
        .iter()
        .filter(|g| matches!(g.role, Role::Coordinator | Role::Member))
        .filter_map(|g| g.space_id)
        .collect();
    out.dedup();
    out
}

/// The administrations in which the viewer writes products, with their names.
pub(crate) async fn author_choices(state: &AppState, viewer: &Viewer) -> AppResult<Vec<Value>> {
    let ids = author_organisations(viewer);
    Ok(db::organisations::by_ids(&state.db, &ids)
        .await?
        .into_iter()
        .map(|o| context! { id => o.id, name => o.data.name })
        .collect())
}
