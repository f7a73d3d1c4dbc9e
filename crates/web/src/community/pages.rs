//! Reading pages: the spaces list, a space's threads, a thread (marked read on view) and a
//! message's earlier versions.

use super::articles::{Around, Article, Quoted, RefusedHide};
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
pub(super) fn shown(
    state: &AppState,
    p: &Post,
    viewer: &Viewer,
    moderates: bool,
    locale: Locale,
    names: &[String],
) -> Value {
    let mine = viewer.user_id() == Some(p.author_id);
    let hidden = p.hidden_reason.is_some();
    let readable = !hidden || mine || moderates;
    context! {
        id => p.id, author => p.author_name, mine, hidden,
        reason => if mine || moderates { p.hidden_reason.clone() } else { None },
        html => readable.then(|| highlighted(state, &p.body, names)),
        body => if readable { p.body.clone() } else { String::new() },
        at => when(locale, p.created_at),
        edited => p.edited_at.map(|t| when(locale, t)),
        revisions => p.revisions, quote_id => p.quote_id,
    }
}

/// A message's Markdown rendered, its checked mentions highlighted. The rendering is kept between
/// requests: a pure function of the text, kept under the text itself (a thread's page renders
/// fifty messages, most of them read many times).
fn highlighted(state: &AppState, body: &str, names: &[String]) -> String {
    let html = state
        .kept
        .pure("community/markdown", body, domain::community::render);
    domain::community::mentions::highlight(&html, names)
}

/// The form that failed on the thread page: which, its messages and what was typed.
pub(super) struct Failed {
    pub form: &'static str,
    pub errors: BTreeMap<&'static str, String>,
    pub typed: BTreeMap<&'static str, String>,
    pub status: StatusCode,
}

/// Which page of a thread to show.
pub(super) enum Page {
    /// The page asked for (the last one when past it).
    Number(i64),
    /// The page that shows this message.
    Of(Uuid),
    /// The last page, where a reply lands.
    Last,
}

/// The page of its thread that shows `post`.
pub(super) async fn page_of(state: &AppState, post: &Post) -> AppResult<i64> {
    let before = db::community::place(&state.db, post).await?;
    Ok(domain::community::page_of(before))
}

/// The address of `post` on its thread's page.
pub(super) async fn post_address(state: &AppState, post: &Post) -> AppResult<String> {
    let page = page_of(state, post).await?;
    Ok(thread_address(
        post.thread_id,
        page,
        &format!("#p-{}", post.id),
    ))
}

/// The address of a page of a thread (the first page has none), with `tail` after it.
fn thread_address(thread: Uuid, page: i64, tail: &str) -> String {
    if page > 1 {
        format!("/community/threads/{thread}?page={page}{tail}")
    } else {
        format!("/community/threads/{thread}{tail}")
    }
}

/// One page of the thread, with a failed form's messages when there is one; marks what the page
/// shows as read by the viewer, unless a form was refused.
pub(super) async fn thread_page(
    state: &AppState,
    viewer: &Viewer,
    t: &Thread,
    s: &InSpace,
    page: Page,
    failed: Option<Failed>,
) -> AppResult {
    let pages = domain::community::pages_of(t.replies + 1);
    let page = match page {
        Page::Number(n) => n.clamp(1, pages),
        Page::Last => pages,
        Page::Of(id) => match db::community::post(&state.db, id).await? {
            Some(p) if p.thread_id == t.id => page_of(state, &p).await?.min(pages),
            _ => 1,
        },
    };
    let posts = db::community::posts_page(&state.db, t.id, page).await?;
    let mut viewer = viewer.clone();
    // A refused form changes nothing, not even what the person has read.
    let refused = failed.as_ref().is_some_and(|f| !f.form.is_empty());
    if let (Some(user), Some(last), false) = (viewer.user_id(), posts.last(), refused) {
        // What one was told of the messages this page shows (nothing to read when nothing is
        // unread): their addresses, the older form of them, and the thread's own for page one.
        let notified = viewer.someone.as_ref().is_some_and(|p| p.unread > 0);
        let mut links: Vec<String> = Vec::new();
        if notified {
            for p in &posts {
                links.push(format!("/community/posts/{}", p.id));
                links.push(format!("/community/threads/{}#p-{}", t.id, p.id));
            }
            if page == 1 {
                links.push(format!("/community/threads/{}", t.id));
            }
        }
        // The header read the count with the session: this page shows it as reading made it.
        if let Some(unread) =
            db::community::mark_read(&state.db, user, t.id, last.created_at, &links).await?
        {
            if let Some(someone) = viewer.someone.as_mut() {
                someone.unread = unread;
            }
        }
    }
    // Messages quoted from other pages are read with them.
    let on_page: std::collections::BTreeSet<Uuid> = posts.iter().map(|p| p.id).collect();
    let elsewhere: Vec<Uuid> = posts
        .iter()
        .filter_map(|p| p.quote_id)
        .filter(|q| !on_page.contains(q))
        .collect::<std::collections::BTreeSet<Uuid>>()
        .into_iter()
        .collect();
    let quoted = db::community::posts_by_id(&state.db, &elsewhere).await?;
    // Only a message with `@[` can mention anyone.
    let ids: Vec<Uuid> = posts
        .iter()
        .chain(quoted.iter())
        .filter(|p| p.body.contains("@["))
        .map(|p| p.id)
        .collect();
    let mentions = db::community::mentions(&state.db, &ids).await?;
    let none: Vec<String> = Vec::new();
    let names = |id: &Uuid| mentions.get(id).unwrap_or(&none);
    let attaching: Vec<Uuid> = posts
        .iter()
        .filter(|p| p.documents > 0)
        .map(|p| p.id)
        .collect();
    let mut documents = super::attachments::shown(state, &viewer, &attaching).await?;
    let moderates = s.moderates();
    let by_id: BTreeMap<Uuid, &Post> = posts
        .iter()
        .chain(quoted.iter())
        .map(|p| (p.id, p))
        .collect();
    let me = viewer.user_id();
    let articles: Vec<Article> = posts
        .iter()
        .map(|p| {
            let quote = p.quote_id.and_then(|q| by_id.get(&q)).map(|q| Quoted {
                id: q.id,
                author: &q.author_name,
                html: q
                    .hidden_reason
                    .is_none()
                    .then(|| highlighted(state, &q.body, names(&q.id))),
                here: on_page.contains(&q.id),
            });
            let mine = me == Some(p.author_id);
            let hidden = p.hidden_reason.is_some();
            let readable = !hidden || mine || moderates;
            Article {
                id: p.id,
                author: &p.author_name,
                at: when(viewer.locale, p.created_at),
                edited: p.edited_at.map(|t| when(viewer.locale, t)),
                mine,
                hidden,
                reason: p.hidden_reason.as_deref().filter(|_| mine || moderates),
                html: readable.then(|| highlighted(state, &p.body, names(&p.id))),
                quote,
                // A hidden message's documents go with its text.
                documents: documents.remove(&p.id).filter(|_| readable),
            }
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
    let chosen: Vec<String> = typed
        .get("chosen")
        .map(|c| c.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    let offered = if t.locked {
        Vec::new()
    } else {
        super::attachments::offered(state, &viewer, &chosen, &[]).await?
    };
    let base = format!("/community/threads/{}?", t.id);
    let refused = (form == "hide").then(|| RefusedHide {
        post: typed
            .get("post")
            .and_then(|p| Uuid::parse_str(p).ok())
            .unwrap_or_default(),
        errors: &errors,
        reason: typed.get("reason").map_or("", String::as_str),
    });
    let around = Around {
        thread: t.id,
        locked: t.locked,
        page,
        moderates,
        refused,
    };
    let articles = super::articles::write(state, viewer.locale, &around, &articles);
    let rendered = render(
        state,
        &viewer,
        "community/thread.html",
        context! {
            thread => context! { id => t.id, title => t.title, pinned => t.pinned, locked => t.locked },
            space => context! { name => s.name, path => space_path(s.kind, s.id) },
            articles, moderates, failed => form, errors, typed, quoting,
            page, pages, base, offered, section => "/community",
        },
    );
    crate::http::with_status(status, rendered)
}

#[derive(Deserialize, Default)]
pub(super) struct ThreadQuery {
    quote: Option<String>,
    page: Option<i64>,
}

pub(super) async fn thread(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Query(q): Query<ThreadQuery>,
) -> AppResult {
    let (t, s) = super::thread(&state, &viewer, id).await?;
    let quoting = q.quote.filter(|q| !q.is_empty());
    // Quoting happens at the reply form, on the last page; an asked page wins.
    let page = match (q.page, &quoting) {
        (Some(n), _) => Page::Number(n),
        (None, Some(_)) => Page::Last,
        (None, None) => Page::Number(1),
    };
    let failed = quoting.map(|quote| Failed {
        form: "",
        errors: BTreeMap::new(),
        typed: BTreeMap::from([("quote", quote)]),
        status: StatusCode::OK,
    });
    thread_page(&state, &viewer, &t, &s, page, failed).await
}

/// A message's lasting address: it leads to the page of its thread that shows it.
pub(super) async fn post(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let (p, _, _) = super::post_in_space(&state, &viewer, id).await?;
    Ok(crate::http::see_other(&post_address(&state, &p).await?))
}

pub(super) async fn history(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let (p, t, s) = super::post_in_space(&state, &viewer, id).await?;
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
    let mentions = db::community::mentions(&state.db, &[p.id]).await?;
    let names = mentions.get(&p.id).cloned().unwrap_or_default();
    render(
        &state,
        &viewer,
        "community/history.html",
        context! {
            thread => context! { id => t.id, title => t.title },
            space => context! { name => s.name, path => space_path(s.kind, s.id) },
            post => shown(&state, &p, &viewer, s.moderates(), locale, &names), revisions,
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
