//! Reading pages: the spaces list, a space's threads, a thread (marked read on view) and a
//! message's earlier versions.

use super::*;
use crate::http::{Id, PathIds, Query};
use crate::session::render;
use axum::extract::State;
use axum::http::StatusCode;
use db::community::Post;
use minijinja::{context, Value};
use serde::Deserialize;
use std::collections::BTreeMap;

pub(super) async fn spaces(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let who = viewer.principal.as_ref().ok_or(AppError::NotFound)?;
    let all = db::community::spaces_for(&state.db, who).await?;
    let groups: Vec<Value> = Kind::ALL
        .iter()
        .filter_map(|k| {
            let spaces: Vec<&db::community::Space> = all.iter().filter(|s| s.kind == *k).collect();
            (!spaces.is_empty()).then(|| context! { kind => k.code(), spaces })
        })
        .collect();
    let moderation = viewer.may("community.moderation", None);
    render(
        &state,
        &viewer,
        "community/spaces.html",
        context! { groups, moderation, section => "/community" },
    )
}

#[derive(Deserialize, Default)]
pub(super) struct Paging {
    page: Option<i64>,
}

pub(super) async fn space(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((kind, id)): PathIds<(String, Uuid)>,
    Query(q): Query<Paging>,
) -> AppResult {
    let s = super::space(&state, &viewer, &kind, id).await?;
    let page = q.page.unwrap_or(1).max(1);
    let user = viewer.user_id().ok_or(AppError::NotFound)?;
    let (threads, total) = db::community::threads(&state.db, s.kind, s.id, user, page).await?;
    let threads: Vec<Value> = threads
        .into_iter()
        .map(|t| {
            context! {
                id => t.id, title => t.title, author => t.author_name, pinned => t.pinned,
                locked => t.locked, replies => t.replies, unread => t.unread,
                last => when(viewer.locale, t.last_post_at),
            }
        })
        .collect();
    let pages = (total + domain::community::PAGE_SIZE - 1) / domain::community::PAGE_SIZE;
    render(
        &state,
        &viewer,
        "community/space.html",
        context! {
            space => context! { kind => s.kind.code(), id => s.id, name => s.name, path => space_path(s.kind, s.id) },
            threads, total, page, pages, section => "/community",
        },
    )
}

/// A message as the thread page shows it: its text only to those who may read it (a hidden
/// message's to its author and the moderators, with the reason).
fn shown(p: &Post, viewer: &Viewer, moderates: bool, locale: Locale, names: &[String]) -> Value {
    let mine = viewer.user_id() == Some(p.author_id);
    let hidden = p.hidden_reason.is_some();
    let readable = !hidden || mine || moderates;
    context! {
        id => p.id, author => p.author_name, mine, hidden,
        reason => if mine || moderates { p.hidden_reason.clone() } else { None },
        html => readable.then(|| highlighted(&p.body, names)),
        body => if readable { p.body.clone() } else { String::new() },
        at => when(locale, p.created_at),
        edited => p.edited_at.map(|t| when(locale, t)),
        revisions => p.revisions, quote_id => p.quote_id,
    }
}

/// A message's Markdown rendered, its checked mentions highlighted.
fn highlighted(body: &str, names: &[String]) -> String {
    domain::community::mentions::highlight(&domain::community::render(body), names)
}

/// The form that failed on the thread page: which, its messages and what was typed.
pub(super) struct Failed {
    pub form: &'static str,
    pub errors: BTreeMap<&'static str, String>,
    pub typed: BTreeMap<&'static str, String>,
    pub status: StatusCode,
}

/// The thread page, with a failed form's messages when there is one.
pub(super) async fn thread_page(
    state: &AppState,
    viewer: &Viewer,
    t: &Thread,
    s: &InSpace,
    failed: Option<Failed>,
) -> AppResult {
    let posts = db::community::posts(&state.db, t.id).await?;
    let mentions = db::community::mentions(&state.db, t.id).await?;
    let none: Vec<String> = Vec::new();
    let names = |id: &Uuid| mentions.get(id).unwrap_or(&none);
    let moderates = s.moderates();
    let by_id: BTreeMap<Uuid, &Post> = posts.iter().map(|p| (p.id, p)).collect();
    let items: Vec<Value> = posts
        .iter()
        .map(|p| {
            let quote = p.quote_id.and_then(|q| by_id.get(&q)).map(|q| {
                let readable = q.hidden_reason.is_none();
                context! {
                    id => q.id, author => q.author_name,
                    html => readable.then(|| highlighted(&q.body, names(&q.id))),
                }
            });
            context! { post => shown(p, viewer, moderates, viewer.locale, names(&p.id)), quote }
        })
        .collect();
    let quoting = failed
        .as_ref()
        .and_then(|f| f.typed.get("quote").cloned())
        .unwrap_or_default();
    let (form, errors, typed, status) = match failed {
        Some(f) => (f.form, f.errors, f.typed, f.status),
        None => ("", BTreeMap::new(), BTreeMap::new(), StatusCode::OK),
    };
    let page = render(
        state,
        viewer,
        "community/thread.html",
        context! {
            thread => context! { id => t.id, title => t.title, pinned => t.pinned, locked => t.locked },
            space => context! { name => s.name, path => space_path(s.kind, s.id) },
            posts => items, moderates, failed => form, errors, typed, quoting,
            section => "/community",
        },
    );
    crate::http::with_status(status, page)
}

#[derive(Deserialize, Default)]
pub(super) struct Quoting {
    quote: Option<String>,
}

pub(super) async fn thread(
    State(state): State<AppState>,
    mut viewer: Viewer,
    Id(id): Id,
    Query(q): Query<Quoting>,
) -> AppResult {
    let (t, s) = super::thread(&state, &viewer, id).await?;
    if let Some(user) = viewer.user_id() {
        // The header read the count with the session: this page shows it as reading made it.
        if let Some(unread) = db::community::mark_read(&state.db, user, t.id).await? {
            if let Some(someone) = viewer.someone.as_mut() {
                someone.unread = unread;
            }
        }
    }
    let failed = q.quote.filter(|q| !q.is_empty()).map(|quote| Failed {
        form: "",
        errors: BTreeMap::new(),
        typed: BTreeMap::from([("quote", quote)]),
        status: StatusCode::OK,
    });
    thread_page(&state, &viewer, &t, &s, failed).await
}

pub(super) async fn history(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let p = db::community::post(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (t, s) = super::thread(&state, &viewer, p.thread_id).await?;
    let mine = viewer.user_id() == Some(p.author_id);
    if p.hidden_reason.is_some() && !mine && !s.moderates() {
        return Err(AppError::NotFound);
    }
    let locale = viewer.locale;
    let revisions: Vec<Value> = db::community::revisions(&state.db, p.id)
        .await?
        .into_iter()
        .map(|r| {
            context! {
                title => r.title, html => domain::community::render(&r.body),
                written => when(locale, r.written_at), replaced => when(locale, r.replaced_at),
            }
        })
        .collect();
    let mentions = db::community::mentions(&state.db, t.id).await?;
    let names = mentions.get(&p.id).cloned().unwrap_or_default();
    render(
        &state,
        &viewer,
        "community/history.html",
        context! {
            thread => context! { id => t.id, title => t.title },
            space => context! { name => s.name, path => space_path(s.kind, s.id) },
            post => shown(&p, &viewer, s.moderates(), locale, &names), revisions,
            section => "/community",
        },
    )
}

/// Whom one can mention in a space: the people who see it, with the mention to copy. A page of
/// its own, so that it works without JavaScript.
pub(super) async fn people(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((kind, id)): PathIds<(String, Uuid)>,
) -> AppResult {
    let s = super::space(&state, &viewer, &kind, id).await?;
    let people: Vec<Value> = super::people(&state, &s)
        .await?
        .into_iter()
        .filter(|(_, sees)| *sees)
        .map(|(p, _)| context! { name => p.name })
        .collect();
    render(
        &state,
        &viewer,
        "community/people.html",
        context! {
            space => context! { kind => s.kind.code(), id => s.id, name => s.name, path => space_path(s.kind, s.id) },
            people, section => "/community",
        },
    )
}
