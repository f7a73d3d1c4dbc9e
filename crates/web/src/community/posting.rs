//! Writing pages and forms: a new thread, a reply (quoting a message), editing one's message
//! (its earlier text kept) and reporting a message. A refused form shows its page again with
//! the messages next to the fields and stores nothing.

use super::attachments::{self, Typed};
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

#[derive(Default)]
pub(super) struct ThreadForm {
    title: String,
    body: String,
    documents: Typed,
}

impl ThreadForm {
    fn of(pairs: Vec<(String, String)>) -> ThreadForm {
        let mut f = ThreadForm::default();
        for (key, value) in pairs {
            if f.documents.read(&key, &value) {
                continue;
            }
            match key.as_str() {
                "title" => f.title = value,
                "body" => f.body = value,
                _ => {}
            }
        }
        f
    }
}

async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    s: &InSpace,
    typed: &ThreadForm,
    errors: BTreeMap<&'static str, String>,
    status: StatusCode,
) -> AppResult {
    let offered = attachments::offered(state, viewer, &typed.documents.chosen, &[]).await?;
    let page = render(
        state,
        viewer,
        "community/thread_form.html",
        context! {
            space => context! { kind => s.kind.code(), id => s.id, name => s.name, path => space_path(s.kind, s.id) },
            title => typed.title, body => typed.body, errors, section => "/community",
            offered, addresses => typed.documents.addresses,
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
    .await
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((kind, id)): PathIds<(String, Uuid)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let s = space(&state, &viewer, &kind, id).await?;
    let f = ThreadForm::of(pairs);
    let checked = domain::community::check_thread(&f.title, &f.body);
    let documents = attachments::checked(&state, &viewer, &f.documents, &[]).await?;
    let (draft, documents) = match (checked, documents) {
        (Ok(d), Ok(documents)) => (d, documents),
        (checked, documents) => {
            let mut errors = checked.err().unwrap_or_default();
            errors.0.extend(documents.err().unwrap_or_default().0);
            let errors = field_errors(&state, &viewer, &errors);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return form_page(&state, &viewer, &s, &f, errors, status).await;
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
            return form_page(&state, &viewer, &s, &f, errors, status).await;
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
        db::community::create_thread(&state.db, s.kind, s.id, user, &draft, &documents, &audience)
            .await?;
    Ok(see_other(&format!("/community/threads/{thread}")))
}

#[derive(Default)]
pub(super) struct ReplyForm {
    body: String,
    quote: String,
    documents: Typed,
}

impl ReplyForm {
    fn of(pairs: Vec<(String, String)>) -> ReplyForm {
        let mut f = ReplyForm::default();
        for (key, value) in pairs {
            if f.documents.read(&key, &value) {
                continue;
            }
            match key.as_str() {
                "body" => f.body = value,
                "quote" => f.quote = value,
                _ => {}
            }
        }
        f
    }
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
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let (t, s) = thread(&state, &viewer, id).await?;
    let f = ReplyForm::of(pairs);
    let typed = BTreeMap::from([
        ("body", f.body.clone()),
        ("quote", f.quote.clone()),
        ("addresses", f.documents.addresses.clone()),
        ("chosen", f.documents.chosen.join(",")),
    ]);
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
    let checked = domain::community::check_body(&f.body);
    let documents = attachments::checked(&state, &viewer, &f.documents, &[]).await?;
    let (body, documents) = match (checked, documents) {
        (Ok(b), Ok(d)) if errors.is_empty() => (b, d),
        (checked, documents) => {
            errors.0.extend(checked.err().unwrap_or_default().0);
            errors.0.extend(documents.err().unwrap_or_default().0);
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
    match db::community::reply(&state.db, t.id, user, &body, quote, &documents, &audience).await {
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
    let (post, thread, space) = post_in_space(state, viewer, id).await?;
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

#[derive(Default)]
pub(super) struct EditForm {
    version: String,
    title: Option<String>,
    body: String,
    documents: Typed,
}

impl EditForm {
    fn of(pairs: Vec<(String, String)>) -> EditForm {
        let mut f = EditForm::default();
        for (key, value) in pairs {
            if f.documents.read(&key, &value) {
                continue;
            }
            match key.as_str() {
                "version" => f.version = value,
                "title" => f.title = Some(value),
                "body" => f.body = value,
                _ => {}
            }
        }
        f
    }
}

/// What an edit form shows of a message's documents: those it attaches (ticked unless the typed
/// form says otherwise, named only when the editor sees them), then the editor's own others.
async fn edit_documents(
    state: &AppState,
    viewer: &Viewer,
    e: &Editing,
    typed: Option<&Typed>,
) -> AppResult<Vec<minijinja::Value>> {
    let attached = db::community::attached(&state.db, &[e.post.id])
        .await?
        .remove(&e.post.id)
        .unwrap_or_default();
    let chosen: Vec<String> = match typed {
        Some(t) => t.chosen.clone(),
        None => attached.iter().map(Uuid::to_string).collect(),
    };
    let documents = db::library::documents(&state.db, &attached).await?;
    let scope =
        crate::shared::library::scope_for(state, viewer, documents.iter().map(|d| d.visibility()))
            .await?;
    let found: std::collections::HashMap<Uuid, db::library::Document> =
        documents.into_iter().map(|d| (d.id, d)).collect();
    let mut out: Vec<minijinja::Value> = attached
        .iter()
        .filter_map(|id| found.get(id))
        .map(|d| {
            let seen = scope.sees(d.visibility(), d.owner());
            let checked = chosen.iter().any(|c| c.trim() == d.id.to_string());
            context! { id => d.id, title => seen.then(|| d.title.clone()), checked }
        })
        .collect();
    out.extend(attachments::offered(state, viewer, &chosen, &attached).await?);
    Ok(out)
}

/// The edit form with what was typed; after a conflict, beside the version saved meanwhile
/// (whose number the form then carries, so that saving again replaces it knowingly).
async fn edit_page(
    state: &AppState,
    viewer: &Viewer,
    e: &Editing,
    typed: (String, String, Option<&Typed>),
    errors: BTreeMap<&'static str, String>,
    saved: bool,
    status: StatusCode,
) -> AppResult {
    let (p, t, s) = (&e.post, &e.thread, &e.space);
    let offered = edit_documents(state, viewer, e, typed.2).await?;
    let addresses = typed.2.map(|d| d.addresses.clone()).unwrap_or_default();
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
            offered, addresses,
        },
    );
    with_status(status, page)
}

pub(super) async fn edit(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let e = own_post(&state, &viewer, id).await?;
    let typed = (e.thread.title.clone(), e.post.body.clone(), None);
    edit_page(
        &state,
        &viewer,
        &e,
        typed,
        BTreeMap::new(),
        false,
        StatusCode::OK,
    )
    .await
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let e = own_post(&state, &viewer, id).await?;
    let f = EditForm::of(pairs);
    let typed = (
        f.title.clone().unwrap_or_default(),
        f.body.clone(),
        Some(&f.documents),
    );
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
        )
        .await;
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
    let attached = db::community::attached(&state.db, &[e.post.id])
        .await?
        .remove(&e.post.id)
        .unwrap_or_default();
    let documents = attachments::checked(&state, &viewer, &f.documents, &attached).await?;
    let (title, body, documents) = match (checked, documents) {
        (Ok((title, body)), Ok(documents)) => (title, body, documents),
        (checked, documents) => {
            let mut errors = checked.err().unwrap_or_default();
            errors.0.extend(documents.err().unwrap_or_default().0);
            let errors = field_errors(&state, &viewer, &errors);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return edit_page(&state, &viewer, &e, typed, errors, false, status).await;
        }
    };
    let mentioned = match mentioned(&state, &viewer, &e.space, None, &body).await? {
        Ok(m) => m,
        Err(message) => {
            let errors = BTreeMap::from([("body", message)]);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return edit_page(&state, &viewer, &e, typed, errors, false, status).await;
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
        &db::community::Edit {
            title: title.as_deref(),
            body: &body,
            documents: &documents,
        },
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
            edit_page(&state, &viewer, &e, typed, BTreeMap::new(), true, status).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub(super) struct ReasonForm {
    #[serde(default)]
    pub reason: String,
}

/// The page that reports a message to the staff: the message as the reader may read it, and the
/// reason's field with what was typed and its problem.
async fn report_page(
    state: &AppState,
    viewer: &Viewer,
    p: &db::community::Post,
    (t, s): (&Thread, &InSpace),
    reason: &str,
    errors: &Errors,
    status: StatusCode,
) -> AppResult {
    let mentions = db::community::mentions(&state.db, &[p.id]).await?;
    let names = mentions.get(&p.id).cloned().unwrap_or_default();
    let errors = field_errors(state, viewer, errors);
    let page = render(
        state,
        viewer,
        "community/report.html",
        context! {
            thread => context! { id => t.id, title => t.title },
            space => context! { name => s.name, path => space_path(s.kind, s.id) },
            post => super::pages::shown(state, p, viewer, s.moderates(), viewer.locale, &names),
            back => post_address(state, p).await?,
            reason, errors, section => "/community",
        },
    );
    with_status(status, page)
}

pub(super) async fn report_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let (p, t, s) = post_in_space(&state, &viewer, id).await?;
    let mut errors = Errors::default();
    // One's own message is not reported: said at once, with no form to fill in vain.
    if viewer.user_id() == Some(p.author_id) {
        errors.add("reason", domain::community::Refusal::OwnMessage.message());
    }
    report_page(&state, &viewer, &p, (&t, &s), "", &errors, StatusCode::OK).await
}

pub(super) async fn report(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<ReasonForm>,
) -> AppResult {
    let (p, t, s) = post_in_space(&state, &viewer, id).await?;
    let user = viewer.user_id().ok_or(AppError::NotFound)?;
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
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    if !errors.is_empty() {
        return report_page(
            &state,
            &viewer,
            &p,
            (&t, &s),
            &f.reason,
            &errors,
            unprocessable,
        )
        .await;
    }
    match db::community::report(&state.db, p.id, user, &reason).await {
        Ok(_) => Ok(see_other(&post_address(&state, &p).await?)),
        Err(db::DbError::Duplicate) => {
            errors.add("reason", "community-error-reported-already");
            let conflict = StatusCode::CONFLICT;
            report_page(&state, &viewer, &p, (&t, &s), &f.reason, &errors, conflict).await
        }
        Err(e) => Err(e.into()),
    }
}
