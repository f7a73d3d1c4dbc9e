//! What ties a table to the rest of Ponte, shown on the table page: the table's documents in the
//! library (scoped to the table, added by its secretariat from here).

use super::*;
use minijinja::{context, Value};

/// The table's part of the table page: its library documents the viewer may see (all of them
/// for whoever reads the table page; checked again against the library's own scope), and whether
/// the viewer may add one.
pub(super) async fn view(state: &AppState, viewer: &Viewer, found: &Found) -> AppResult<Value> {
    let table = &found.table;
    let scope = crate::shared::library::scope(state, viewer).await?;
    let documents: Vec<Value> = db::library::of_table(&state.db, table.id)
        .await?
        .into_iter()
        .filter(|d| scope.sees(d.visibility(), d.owner()))
        .map(|d| {
            context! {
                id => d.id, title => d.title, kind => d.kind, year => d.year,
                file_name => d.file_name, added => viewer.locale.date(d.created_at.with_timezone(&domain::locale::TIME_ZONE).date_naive()),
            }
        })
        .collect();
    let may_add = domain::library::publish::may_publish_for_table(&scope, table.id);
    Ok(context! { documents, may_add })
}
