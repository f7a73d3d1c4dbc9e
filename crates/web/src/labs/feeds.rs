//! iCalendar feeds: one session, one cohort, and a person's own labs behind a secret address that
//! calendar applications can subscribe to without signing in.

use super::{clock, find};
use crate::http::{AppError, AppResult, Id};
use crate::session::Viewer;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use db::labs::Session;
use domain::labs::Status;
use export::ical::{calendar, Event, EventStatus};
use std::collections::HashMap;
use uuid::Uuid;

/// A session as a calendar event, with its agenda in the description. Online links go only into
/// personal feeds.
fn event(
    state: &AppState,
    s: &Session,
    agenda: &[&db::labs::AgendaItem],
    with_link: bool,
) -> Event {
    let host = state
        .config
        .base_url
        .split("://")
        .nth(1)
        .unwrap_or("ponte")
        .to_string();
    let mut description = format!("{} — {}", s.module_title, s.cohort_name);
    for a in agenda {
        description.push_str(&format!("\n{} {}", clock(a.starts_at), a.title));
        if !a.speaker.is_empty() {
            description.push_str(&format!(" ({})", a.speaker));
        }
    }
    if with_link && !s.online_url.is_empty() {
        description.push_str(&format!("\n{}", s.online_url));
    }
    Event {
        uid: format!("{}@{host}", s.id),
        starts_at: s.starts_at,
        ends_at: s.ends_at,
        summary: s.title.clone(),
        location: s.place.clone(),
        description,
        url: format!("{}/labs/sessions/{}", state.config.base_url, s.id),
        status: match s.status {
            Status::Planned => EventStatus::Tentative,
            Status::Confirmed | Status::Held => EventStatus::Confirmed,
            Status::Cancelled => EventStatus::Cancelled,
        },
        sequence: s.version - 1,
    }
}

async fn respond(state: &AppState, name: &str, sessions: &[Session], with_link: bool) -> AppResult {
    respond_with(state, name, sessions, with_link, |_| None).await
}

/// The feed of `sessions`; `status` may set an event's status instead of the session's own.
async fn respond_with(
    state: &AppState,
    name: &str,
    sessions: &[Session],
    with_link: bool,
    status: impl Fn(&Session) -> Option<EventStatus>,
) -> AppResult {
    // Every agenda in one query, not one per session.
    let ids: Vec<uuid::Uuid> = sessions.iter().map(|s| s.id).collect();
    let agendas = db::labs::agendas(&state.db, &ids).await?;
    let events: Vec<Event> = sessions
        .iter()
        .map(|s| {
            let own: Vec<&db::labs::AgendaItem> = agendas
                .iter()
                .filter(|(id, _)| *id == s.id)
                .map(|(_, item)| item)
                .collect();
            let mut e = event(state, s, &own, with_link);
            if let Some(status) = status(s) {
                e.status = status;
            }
            e
        })
        .collect();
    let body = calendar(name, &events, state.db.now());
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"ponte.ics\"",
            ),
        ],
        body,
    )
        .into_response())
}

pub(super) async fn session(State(state): State<AppState>, Id(id): Id) -> AppResult {
    let s = find(&state, id).await?;
    let name = format!("Ponte — {}", s.title);
    respond(&state, &name, &[s], false).await
}

pub(super) async fn cohort(State(state): State<AppState>, Id(id): Id) -> AppResult {
    let structure = crate::shared::structure::structure(&state)
        .await?
        .unwrap_or_default();
    let c = structure
        .cohorts
        .iter()
        .find(|c| c.id == id)
        .ok_or(AppError::NotFound)?;
    let sessions = db::labs::list(
        &state.db,
        &db::labs::Filter {
            cohort: Some(id),
            ..Default::default()
        },
    )
    .await?;
    respond(&state, &format!("Ponte — {}", c.name), &sessions, false).await
}

pub(super) async fn personal(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> AppResult {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let user = db::labs::feed_owner(&state.db, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    // The person's own: the sessions they are registered or invited to, not every session of
    // their administrations' cohorts. An invitation not yet accepted is tentative.
    let own: HashMap<Uuid, String> = db::labs::registrations_of(&state.db, user)
        .await?
        .into_iter()
        .map(|(session, status, _)| (session, status))
        .collect();
    let sessions: Vec<Session> = db::labs::list(
        &state.db,
        &db::labs::Filter {
            person: Some(user),
            ..Default::default()
        },
    )
    .await?
    .into_iter()
    .filter(|s| own.contains_key(&s.id))
    .collect();
    respond_with(
        &state,
        "Ponte — i miei laboratori",
        &sessions,
        true,
        |s| {
            let invited = own.get(&s.id).is_some_and(|status| status == "invited");
            (invited && s.status != Status::Cancelled).then_some(EventStatus::Tentative)
        },
    )
    .await
}

/// The `webcal:` address of a feed, which calendar applications open as a subscription.
fn webcal(base_url: &str, token: &str) -> String {
    let host = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    format!("webcal://{host}/labs/feeds/{token}")
}

/// Makes a new secret feed address (the old one stops working) and shows it once.
pub(super) async fn new_token(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    let token = db::labs::new_feed_token(&state.db, user).await?;
    crate::session::render(
        &state,
        &viewer,
        "labs/feed.html",
        minijinja::context! {
            url => format!("{}/labs/feeds/{token}", state.config.base_url),
            webcal => webcal(&state.config.base_url, &token),
        },
    )
}
