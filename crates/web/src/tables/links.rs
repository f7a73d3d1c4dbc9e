//! What ties a table to the rest of Ponte, shown on the table page: the table's documents in the
//! library (scoped to the table, added by its secretariat from here), and each reader's personal
//! secret address of the table's calendar, for calendar applications, which cannot sign in.

use super::*;
use crate::http::{see_other, Id};
use axum::extract::{Path, State};
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
    let has_feed = match viewer.user_id() {
        Some(user) => db::tables::has_feed_token(&state.db, table.id, user).await?,
        None => false,
    };
    // The strand B labs scheduled for the table's members, the coming ones first.
    let filter = db::labs::Filter {
        table: Some(table.id),
        ..Default::default()
    };
    let labs = crate::shared::sessions::listed(state, viewer, &filter).await?;
    let may_schedule = viewer.may("labs.session_new", None);
    Ok(context! { documents, may_add, has_feed, labs, may_schedule })
}

/// The `webcal:` form of an address, which calendar applications open as a subscription.
fn webcal(url: &str) -> String {
    match url.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => url.to_string(),
    }
}

/// Makes the viewer a new secret address of the table's calendar (the old one stops working)
/// and shows it once. Only those who read the table page have one.
pub(super) async fn feed_token(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let found = find(&state, &viewer, id).await?;
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    if found.access(&viewer) < Access::Read {
        return Err(AppError::NotFound);
    }
    let token = db::tables::new_feed_token(&state.db, id, user).await?;
    let url = format!("{}/tables/feeds/{token}", state.config.base_url);
    crate::session::render(
        &state,
        &viewer,
        "tables/feed.html",
        context! {
            table => context! { id => found.table.id, name => found.table.name },
            webcal => webcal(&url), url,
        },
    )
}

/// Revokes the viewer's secret address of the table's calendar.
pub(super) async fn feed_revoke(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    // Someone who no longer sees the table may still revoke the address they made.
    db::tables::revoke_feed_token(&state.db, id, user).await?;
    Ok(see_other(&format!("/tables/{id}#calendar")))
}

/// The table's calendar at a secret address: answered while its owner is active and still reads
/// the table page (a representative whose organisation left, a secretary no longer named, lose
/// it); otherwise, or for an unknown or altered address, not found.
pub(super) async fn feed_personal(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> AppResult {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let (table, user) = db::tables::feed_token_owner(&state.db, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    let table = db::tables::get(&state.db, table).await?;
    let involved = db::tables::involved(&state.db, std::slice::from_ref(&table))
        .await?
        .into_iter()
        .next()
        .map(|(_, i)| i)
        .unwrap_or_default();
    let principal = db::accounts::principal(&state.db, user).await?;
    if access::access(Some(&principal), &involved) < Access::Read {
        return Err(AppError::NotFound);
    }
    super::meetings::feed_of(&state, &table).await
}
