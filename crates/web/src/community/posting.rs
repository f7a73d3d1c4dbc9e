//! Writing pages and forms: a new thread, a reply (quoting a message), editing one's message
//! (its earlier text kept) and reporting a message. A refused form shows its page again with
//! the messages next to the fields and stores nothing.

use super::pages::{post_address, thread_page, Failed, Page};
use super::*;
use crate::http::{see_other, with_status, Form, Id, PathIds};
use crate::session::{field_errors, render};
use axum::extract::State;
use axum::http::StatusCode;
use domain::validation::Errors;
use minijinja::context;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize, Default)]
pub(super) struct ThreadForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

fn form_page(
    state: &AppState,
    viewer: &Viewer,
    s: &InSpace,
    typed: &ThreadForm,
    errors: BTreeMap<&'static str, String>,
    status: StatusCode,
) -> AppResult {
    let page = render(
        state,
        viewer,
        "community/thread_form.html",
        context! {
            space => context! { kind => s.kind.code(), id => s.id, name => s.name, path => space_path(s.kind, s.id) },
            title => typed.title, body => typed.body, errors, section => "/community",
        },
    );
    with_status(status, page)
}

pub(super) async fn new(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((kind, id)): PathIds<(String, Uuid)>,
) -> AppResult {
    let s = space(&state, &viewer, &kind, id).await?;
    form_page(
        &state,
        &viewer,
        &s,
        &ThreadForm::default(),
        BTreeMap::new(),
        StatusCode::OK,
    )
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((kind, id)): PathIds<(String, Uuid)>,
    Form(f): Form<ThreadForm>,
) -> AppResult {
    let s = space(&state, &viewer, &kind, id).await?;
    let draft = match domain::community::check_thread(&f.title, &f.body) {
        Ok(d) => d,
        Err(errors) => {
            let errors = field_errors(&state, &viewer, &errors);
            return form_page(
                &state,
                &viewer,
                &s,
                &f,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let user = viewer.user_id().ok_or(AppError::NotFound)?;
    // The space's people: told of the new thread, and the only ones who may be mentioned.
    let people = people(&state, &s).await?;
    let mentioned = match mentioned(&state, &viewer, &s, Some(&people), &draft.body).await? {
        Ok(m) => m,
        Err(message) => {
            let errors = BTreeMap::from([("body", message)]);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return form_page(&state, &viewer, &s, &f, errors, status);
        }
    };
    let audience = db::community::Audience {
        space_name: s.name.clone(),
        mentioned,
        members: people
            .iter()
            .filter(|(_, sees)| *sees)
            .map(|(p, _)| p.id)
            .collect(),
    };
    let thread =
        db::community::create_thread(&state.db, s.kind, s.id, user, &draft, &audience).await?;
    Ok(see_other(&format!("/community/threads/{thread}")))
}

#[derive(Deserialize)]
pub(super) struct ReplyForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    quote: String,
}

/// The thread page again with one form's problem.
async fn refused(
    state: &AppState,
    viewer: &Viewer,
    (t, s): (&Thread, &InSpace),
    form: &'static str,
    errors: &Errors,
    typed: BTreeMap<&'static str, String>,
    status: StatusCode,
) -> AppResult {
    let errors = field_errors(state, viewer, errors);
    // A message's form is shown on its page; the reply form on the last.
    let page = typed
        .get("post")
        .and_then(|p| p.parse().ok())
        .map_or(Page::Last, Page::Of);
    let failed = Failed {
        form,
        errors,
        typed,
        status,
    };
    thread_page(state, viewer, t, s, page, Some(failed)).await
}

pub(super) async fn reply(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<ReplyForm>,
) -> AppResult {
    let (t, s) = thread(&state, &viewer, id).await?;
    let typed = BTreeMap::from([("body", f.body.clone()), ("quote", f.quote.clone())]);
    let mut errors = Errors::default();
    let quote = if f.quote.trim().is_empty() {
        None
    } else {
        match Uuid::parse_str(f.quote.trim()) {
            Ok(q) => Some(q),
            Err(_) => {
                errors.add("quote", "community-error-quote");
                None
            }
        }
    };
    let quoted_thread = match quote {
        Some(q) => Some(
            db::community::post(&state.db, q)
                .await?
                .map(|p| p.thread_id)
                .unwrap_or_else(Uuid::nil),
        ),
        None => None,
    };
    if let Err(refusal) = domain::community::may_reply(t.locked, t.id, quoted_thread) {
        let (field, status) = match refusal {
            domain::community::Refusal::Locked => ("body", StatusCode::CONFLICT),
            _ => ("quote", StatusCode::UNPROCESSABLE_ENTITY),
        };
        errors.add(field, refusal.message());
        return refused(&state, &viewer, (&t, &s), "reply", &errors, typed, status).await;
    }
    let body = match domain::community::check_body(&f.body) {
        Ok(b) if errors.is_empty() => b,
        Ok(_) => {
            return refused(
                &state,
                &viewer,
                (&t, &s),
                "reply",
                &errors,
                typed,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => {
            errors.0.extend(e.0);
            return refused(
                &state,
                &viewer,
                (&t, &s),
                "reply",
                &errors,
                typed,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let mentioned = match mentioned(&state, &viewer, &s, None, &body).await? {
        Ok(m) => m,
        Err(message) => {
            let failed = Failed {
                form: "reply",
                errors: BTreeMap::from([("body", message)]),
                typed,
                status: StatusCode::UNPROCESSABLE_ENTITY,
            };
            return thread_page(&state, &viewer, &t, &s, Page::Last, Some(failed)).await;
        }
    };
    let audience = db::community::Audience {
        space_name: s.name.clone(),
        mentioned,
        members: Vec::new(),
    };
    let user = viewer.user_id().ok_or(AppError::NotFound)?;
    match db::community::reply(&state.db, t.id, user, &body, quote, &audience).await {
        Ok(post) => {
            let post = db::community::post(&state.db, post)
                .await?
                .ok_or(AppError::NotFound)?;
            Ok(see_other(&post_address(&state, &post).await?))
        }
        // Locked meanwhile.
        Err(db::DbError::Conflict) => {
            let mut errors = Errors::default();
            errors.add("body", domain::community::Refusal::Locked.message());
            refused(
                &state,
                &viewer,
                (&t, &s),
                "reply",
                &errors,
                typed,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// A message the viewer wrote, with its thread and space, and whether it opens the thread.
struct Editing {
    post: db::community::Post,
    thread: Thread,
    space: InSpace,
    opens: bool,
}

/// A message the viewer wrote, in a space they still see; anyone else's is not found.
async fn own_post(state: &AppState, viewer: &Viewer, id: Uuid) -> AppResult<Editing> {
    let post = db::community::post(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (thread, space) = thread(state, viewer, post.thread_id).await?;
    if viewer.user_id() != Some(post.author_id) {
        return Err(AppError::NotFound);
    }
    let opens = db::community::opens_thread(&state.db, &post).await?;
    Ok(Editing {
        post,
        thread,
        space,
        opens,
    })
}

#[derive(Deserialize)]
pub(super) struct EditForm {
    #[serde(default)]
    version: String,
    title: Option<String>,
    #[serde(default)]
    body: String,
}

/// The edit form with what was typed; after a conflict, beside the version saved meanwhile
/// (whose number the form then carries, so that saving again replaces it knowingly).
fn edit_page(
    state: &AppState,
    viewer: &Viewer,
    e: &Editing,
    typed: (String, String),
    errors: BTreeMap<&'static str, String>,
    saved: bool,
    status: StatusCode,
) -> AppResult {
    let (p, t, s) = (&e.post, &e.thread, &e.space);
    let page = render(
        state,
        viewer,
        "community/post_form.html",
        context! {
            post => context! { id => p.id, version => p.version },
            thread => context! { id => t.id, title => t.title },
            space => context! { name => s.name, path => space_path(s.kind, s.id) },
            saved => saved.then(|| context! {
                title => e.opens.then(|| t.title.clone()),
                html => domain::community::render(&p.body),
                at => p.edited_at.map(|at| when(viewer.locale, at)),
            }),
            opens => e.opens, title => typed.0, body => typed.1, errors, section => "/community",
        },
    );
    with_status(status, page)
}

pub(super) async fn edit(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let e = own_post(&state, &viewer, id).await?;
    let typed = (e.thread.title.clone(), e.post.body.clone());
    edit_page(
        &state,
        &viewer,
        &e,
        typed,
        BTreeMap::new(),
        false,
        StatusCode::OK,
    )
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<EditForm>,
) -> AppResult {
    let e = own_post(&state, &viewer, id).await?;
    let typed = (f.title.clone().unwrap_or_default(), f.body.clone());
    // A locked discussion is closed to edits too: its author cannot carry it on by editing.
    if e.thread.locked {
        let mut errors = Errors::default();
        errors.add("body", "community-error-locked-edit");
        let errors = field_errors(&state, &viewer, &errors);
        return edit_page(
            &state,
            &viewer,
            &e,
            typed,
            errors,
            false,
            StatusCode::CONFLICT,
        );
    }
    let version: i64 = f
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let checked = if e.opens {
        domain::community::check_thread(f.title.as_deref().unwrap_or(""), &f.body)
            .map(|d| (Some(d.title), d.body))
    } else {
        domain::community::check_body(&f.body).map(|b| (None, b))
    };
    let (title, body) = match checked {
        Ok(x) => x,
        Err(errors) => {
            let errors = field_errors(&state, &viewer, &errors);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return edit_page(&state, &viewer, &e, typed, errors, false, status);
        }
    };
    let mentioned = match mentioned(&state, &viewer, &e.space, None, &body).await? {
        Ok(m) => m,
        Err(message) => {
            let errors = BTreeMap::from([("body", message)]);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return edit_page(&state, &viewer, &e, typed, errors, false, status);
        }
    };
    let audience = db::community::Audience {
        space_name: e.space.name.clone(),
        mentioned,
        members: Vec::new(),
    };
    let user = viewer.user_id().ok_or(AppError::NotFound)?;
    let saved = db::community::update_post(
        &state.db,
        e.post.id,
        user,
        title.as_deref(),
        &body,
        version,
        &audience,
    )
    .await;
    match saved {
        Ok(()) => Ok(see_other(&post_address(&state, &e.post).await?)),
        // Changed meanwhile: nothing saved; the saved version is shown beside what was typed.
        Err(db::DbError::Conflict) => {
            let e = own_post(&state, &viewer, id).await?;
            let status = StatusCode::CONFLICT;
            edit_page(&state, &viewer, &e, typed, BTreeMap::new(), true, status)
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub(super) struct ReasonForm {
    #[serde(default)]
    pub reason: String,
}

pub(super) async fn report(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<ReasonForm>,
) -> AppResult {
    let p = db::community::post(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (t, s) = thread(&state, &viewer, p.thread_id).await?;
    let user = viewer.user_id().ok_or(AppError::NotFound)?;
    let typed = BTreeMap::from([("reason", f.reason.clone()), ("post", p.id.to_string())]);
    let mut errors = Errors::default();
    if p.author_id == user {
        errors.add("reason", domain::community::Refusal::OwnMessage.message());
    }
    let reason = match domain::community::check_reason(&f.reason) {
        Ok(r) if errors.is_empty() => r,
        Ok(_) => String::new(),
        Err(e) => {
            errors.0.extend(e.0);
            String::new()
        }
    };
    if !errors.is_empty() {
        return refused(
            &state,
            &viewer,
            (&t, &s),
            "report",
            &errors,
            typed,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    match db::community::report(&state.db, p.id, user, &reason).await {
        Ok(_) => Ok(see_other(&post_address(&state, &p).await?)),
        Err(db::DbError::Duplicate) => {
            errors.add("reason", "community-error-reported-already");
            refused(
                &state,
                &viewer,
                (&t, &s),
                "report",
                &errors,
                typed,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
