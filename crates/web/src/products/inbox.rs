//! The tutor's inbox (products waiting for review and open comment threads in the
//! administrations they tutor; every administration for programme staff) and the notification
//! list.

use crate::http::{see_other, AppError, AppResult};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use domain::locale::Locale;
use domain::roles::Role;
use minijinja::{context, Value};
use std::sync::Arc;
use uuid::Uuid;

/// The administrations whose products the viewer reviews: `None` for staff (every one).
fn reviewed(viewer: &Viewer) -> Option<Vec<Uuid>> {
    let p = viewer.principal.clone().unwrap_or_default();
    if p.has_global(Role::Staff) || p.has_global(Role::Admin) {
        return None;
    }
    Some(
        p.grants
            .iter()
            .filter(|g| g.role == Role::Tutor)
            .filter_map(|g| g.space_id)
            .collect(),
    )
}

pub(super) async fn inbox(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let orgs = reviewed(&viewer);
    let body = inbox_body(&state, orgs.as_deref(), viewer.locale).await?;
    render(
        &state,
        &viewer,
        "products/inbox.html",
        context! { body, tutors_nothing => orgs.as_ref().is_some_and(|o| o.is_empty()) },
    )
}

/// What waits in these administrations (every one when `None`), rendered; kept while no product
/// changed and nobody was renamed, as it is the same for every tutor of the same administrations.
async fn inbox_body(
    state: &AppState,
    orgs: Option<&[Uuid]>,
    locale: Locale,
) -> AppResult<Arc<str>> {
    let scope = match orgs {
        None => "all".to_string(),
        Some(ids) => {
            let mut ids = ids.to_vec();
            ids.sort_unstable();
            ids.dedup();
            ids.iter()
                .map(Uuid::to_string)
                .collect::<Vec<_>>()
                .join(",")
        }
    };
    // How long each product has waited is counted in days: the day is part of the key, so the
    // kept list is computed again the next morning.
    let today = state
        .db
        .now()
        .with_timezone(&domain::locale::TIME_ZONE)
        .date_naive();
    let key = format!("inbox/{scope}/{}/{today}", locale.code());
    let html = state
        .kept
        .get_or_compute(&state.db, key, super::INBOX_PARTS, || async {
        let waiting: Vec<Value> = db::products::awaiting_review(&state.db, orgs)
            .await?
            .into_iter()
            .map(|s| {
                // Submitted (or resubmitted) when the product entered its state.
                let since = s.state_at.unwrap_or(s.updated_at);
                let waited = (today - since.with_timezone(&domain::locale::TIME_ZONE).date_naive())
                    .num_days()
                    .max(0);
                context! { id => s.id, organisation_id => s.organisation_id, organisation => s.organisation,
                kind => s.kind, title => s.title, state => s.state, updated_at => locale.date_time(s.updated_at),
                since => locale.date(since.with_timezone(&domain::locale::TIME_ZONE).date_naive()), waited,
                open_comments => s.open_comments }
            })
            .collect();
        let threads: Vec<Value> = db::products::open_threads(&state.db, orgs, 60)
            .await?
            .into_iter()
            .map(|(c, title, org)| {
                context! { id => c.id, product_id => c.product_id, organisation_id => org, product => title,
                body => if c.body.chars().count() > 240 {
                    format!("{}…", c.body.chars().take(240).collect::<String>())
                } else {
                    c.body.clone()
                }, author => c.author_name, at => locale.date_time(c.created_at),
                version => c.version_number, anchor => c.anchor }
            })
            .collect();
        let html: Arc<str> = state
            .templates
            .render(
                locale,
                "products/_inbox.html",
                context! { waiting, threads },
            )?
            .into();
        Ok::<_, AppError>(html)
    })
        .await?;
    Ok((*html).clone())
}

pub(super) async fn notifications(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let locale = viewer.locale;
    let Some(user) = viewer.user_id() else {
        return Ok(see_other("/sign-in"));
    };
    let found = db::products::notifications(&state.db, user, 100).await?;
    let unread = found.iter().filter(|n| !n.read).count();
    let list: Vec<Value> = found
        .into_iter()
        .map(|n| {
            context! { kind => n.kind, title => n.title, link => n.link, actor => n.actor_name,
            at => locale.date_time(n.created_at), read => n.read }
        })
        .collect();
    render(
        &state,
        &viewer,
        "products/notifications.html",
        context! { notifications => list, unread },
    )
}

pub(super) async fn read(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    if let Some(user) = viewer.user_id() {
        db::products::mark_read(&state.db, user).await?;
    }
    Ok(see_other("/notifications"))
}
