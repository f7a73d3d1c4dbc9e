//! The community's discussions: the spaces a person belongs to with their unread counts, a
//! space's threads (pinned first), a thread with its replies and the reply form, the forms that
//! start a thread and edit a message, a message's earlier versions, the moderators' actions
//! (pin, lock, hide with a reason) and the staff's queue of reports. A space the viewer does not
//! belong to is not found, as an unknown one; a moderator's action by someone who only takes
//! part is forbidden.

mod articles;
mod attachments;
mod moderation;
mod pages;
mod posting;
mod search;

use crate::http::{AppError, AppResult};
use crate::route::{route, Route};
use crate::session::Viewer;
use crate::state::AppState;
use axum::http::Method;
use chrono::{DateTime, Utc};
use db::community::Thread;
use domain::community::spaces::{Access, Kind};
use domain::locale::Locale;
use uuid::Uuid;

/// The community's routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/community", "community.spaces", pages::spaces),
        route(
            Method::GET,
            "/community/search",
            "community.search",
            search::search,
        ),
        route(
            Method::GET,
            "/community/moderation",
            "community.moderation",
            moderation::queue,
        ),
        route(
            Method::POST,
            "/community/reports/{id}/close",
            "community.report_close",
            moderation::close,
        ),
        route(
            Method::GET,
            "/community/spaces/{kind}/{id}",
            "community.space",
            pages::space,
        ),
        route(
            Method::GET,
            "/community/spaces/{kind}/{id}/people",
            "community.people",
            pages::people,
        ),
        route(
            Method::GET,
            "/community/spaces/{kind}/{id}/new",
            "community.thread_new",
            posting::new,
        ),
        route(
            Method::POST,
            "/community/spaces/{kind}/{id}/threads",
            "community.thread_create",
            posting::create,
        ),
        route(
            Method::GET,
            "/community/threads/{id}",
            "community.thread",
            pages::thread,
        ),
        route(
            Method::POST,
            "/community/threads/{id}/replies",
            "community.reply",
            posting::reply,
        ),
        route(
            Method::POST,
            "/community/threads/{id}/pin",
            "community.pin",
            moderation::pin,
        ),
        route(
            Method::POST,
            "/community/threads/{id}/lock",
            "community.lock",
            moderation::lock,
        ),
        route(
            Method::GET,
            "/community/posts/{id}/edit",
            "community.post_edit",
            posting::edit,
        ),
        route(
            Method::GET,
            "/community/posts/{id}",
            "community.post",
            pages::post,
        ),
        route(
            Method::POST,
            "/community/posts/{id}",
            "community.post_update",
            posting::update,
        ),
        route(
            Method::GET,
            "/community/posts/{id}/history",
            "community.post_history",
            pages::history,
        ),
        route(
            Method::POST,
            "/community/posts/{id}/hide",
            "community.hide",
            moderation::hide,
        ),
        route(
            Method::GET,
            "/community/posts/{id}/report",
            "community.report_form",
            posting::report_form,
        ),
        route(
            Method::POST,
            "/community/posts/{id}/report",
            "community.report",
            posting::report,
        ),
    ]
}

/// A space as a page names it.
pub(crate) struct InSpace {
    pub kind: Kind,
    pub id: Uuid,
    pub name: String,
    pub access: Access,
}

impl InSpace {
    fn moderates(&self) -> bool {
        self.access == Access::Moderate
    }
}

/// The space `kind`/`id` as the viewer may see it; not found when they may not.
pub(crate) async fn space(
    state: &AppState,
    viewer: &Viewer,
    kind: &str,
    id: Uuid,
) -> AppResult<InSpace> {
    let kind = Kind::parse(kind).ok_or(AppError::NotFound)?;
    let who = viewer.principal.as_ref().ok_or(AppError::NotFound)?;
    let (name, access) = db::community::space_for(&state.db, who, kind, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(InSpace {
        kind,
        id,
        name,
        access,
    })
}

/// A thread and its space, as the viewer may see them; not found when they may not.
pub(crate) async fn thread(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<(Thread, InSpace)> {
    let t = db::community::thread(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let s = space(state, viewer, t.space_kind.code(), t.space_id).await?;
    Ok((t, s))
}

/// A message with its thread and space, as the viewer may see them; not found when they may not.
pub(crate) async fn post_in_space(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<(db::community::Post, Thread, InSpace)> {
    let p = db::community::post(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (t, s) = thread(state, viewer, p.thread_id).await?;
    Ok((p, t, s))
}

/// "6 dicembre 2026, 17:05" in the reader's language, Rome time.
pub(crate) fn when(locale: Locale, t: DateTime<Utc>) -> String {
    let (day, time) = domain::labs::schedule::local(t);
    format!("{}, {}", locale.date(day), time.format("%H:%M"))
}

/// Every active person, with whether they may see the space `s` (for mentions and for telling
/// the space of a new thread).
pub(crate) async fn people(
    state: &AppState,
    s: &InSpace,
) -> AppResult<Vec<(db::notifications::Person, bool)>> {
    let (_, members) = db::community::members(&state.db, s.kind, s.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(db::notifications::people(&state.db)
        .await?
        .into_iter()
        .map(|p| {
            let sees = domain::community::spaces::access(&p.principal, &members) > Access::None;
            (p, sees)
        })
        .collect())
}

/// The people a message's `@[…]` mentions name, or the translated reason why one is refused.
/// `people` is read only when the text mentions someone.
pub(crate) async fn mentioned(
    state: &AppState,
    viewer: &Viewer,
    s: &InSpace,
    known: Option<&[(db::notifications::Person, bool)]>,
    body: &str,
) -> AppResult<Result<Vec<Uuid>, String>> {
    use domain::community::mentions;
    let names = mentions::names(body);
    if names.is_empty() {
        return Ok(Ok(Vec::new()));
    }
    let read;
    let people = match known {
        Some(p) => p,
        None => {
            read = people(state, s).await?;
            &read[..]
        }
    };
    let candidates: Vec<mentions::Candidate> = people
        .iter()
        .map(|(p, sees)| (p.id, p.name.as_str(), *sees))
        .collect();
    Ok(mentions::resolve(&names, &candidates).map_err(|problem| {
        state.i18n.message(
            viewer.locale,
            problem.message(),
            &[("name", problem.name().to_string().into())],
        )
    }))
}

/// The address of a space's page.
pub(crate) fn space_path(kind: Kind, id: Uuid) -> String {
    format!("/community/spaces/{}/{id}", kind.code())
}

/// The address of the discussion space `kind`/`id` whose people are `members`, when the viewer
/// sees it (for a link from the table's or group's own page).
pub(crate) fn discussion(
    viewer: &Viewer,
    kind: Kind,
    id: Uuid,
    members: &domain::community::spaces::Members,
) -> Option<String> {
    let who = viewer.principal.as_ref()?;
    (domain::community::spaces::access(who, members) > Access::None).then(|| space_path(kind, id))
}
