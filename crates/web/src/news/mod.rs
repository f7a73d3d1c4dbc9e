//! News and events: the news list and pages (each in the reader's language when written in it),
//! their Atom feed and images; the events with the labs' coming sessions, and their iCalendar
//! feed; the staff's forms that publish a news item (with an image, through the checks the
//! library's uploads have), withdraw one, and add, edit or remove an event. A refused form shows
//! again with its messages and stores nothing; an edit of an event changed meanwhile is refused
//! with a 409 and keeps what was typed. The home page shows the latest of both (`home_items`).

use crate::http::Query;
use crate::http::{see_other, with_status, AppError, AppResult, Form, Id};
use crate::route::{route, Route};
use crate::session::{field_errors, render, Viewer};
use crate::state::AppState;
use axum::extract::{Multipart, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::IntoResponse;
use chrono::{DateTime, Utc};
use domain::labs::schedule::local;
use domain::locale::Locale;
use domain::news::{self, text_for};
use minijinja::{context, Value};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// The routes of news and events.
pub fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/news", "news.list", list),
        route(Method::GET, "/news.atom", "news.feed", feed),
        route(Method::GET, "/news/new", "news.new", new),
        route(Method::POST, "/news", "news.create", create)
            .with_body_limit(news::MAX_IMAGE_BYTES + 256 * 1024),
        route(Method::GET, "/news/{id}", "news.item", item),
        route(Method::GET, "/news/{id}/image", "news.image", image),
        route(Method::GET, "/events", "news.events", events),
        route(Method::GET, "/events.ics", "news.calendar", calendar),
        route(Method::GET, "/events/new", "news.event_new", event_new),
        route(Method::POST, "/events", "news.event_create", event_create),
        route(
            Method::GET,
            "/events/{id}/edit",
            "news.event_edit",
            event_edit,
        ),
        route(
            Method::POST,
            "/events/{id}",
            "news.event_update",
            event_update,
        ),
        route(
            Method::POST,
            "/events/{id}/delete",
            "news.event_delete",
            event_delete,
        ),
        route(Method::POST, "/news/{id}/delete", "news.delete", delete),
    ]
}

/// A moment as the reader's language writes it, in Rome.
fn when(locale: Locale, t: DateTime<Utc>) -> String {
    let (d, time) = local(t);
    format!("{} {}", locale.date(d), time.format("%H:%M"))
}

/// A news item for a page: its text in the reader's language (or the first written).
fn news_view(n: &db::news::News, locale: Locale) -> Value {
    let text = text_for(&n.texts, locale);
    context! {
        id => n.id,
        title => text.map(|t| t.title.clone()).unwrap_or_default(),
        lang => text.map(|t| t.language.code()).unwrap_or("it"),
        html => text.map(|t| domain::products::text::render(&t.body)).unwrap_or_default(),
        image => n.image.is_some(), image_alt => n.image_alt,
        published => when(locale, n.published_at), iso => n.published_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        languages => n.texts.iter().map(|t| t.language.code()).collect::<Vec<_>>(),
    }
}

fn event_view(e: &db::news::Event, locale: Locale) -> Value {
    context! {
        id => e.id, title => e.title, place => e.place, url => e.url,
        html => domain::products::text::render(&e.description),
        starts => when(locale, e.starts_at), ends => when(locale, e.ends_at),
        iso_start => e.starts_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true), iso_end => e.ends_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    }
}

/// The latest news and the next events, for the home page.
pub async fn home_items(state: &AppState, locale: Locale) -> Result<Value, db::DbError> {
    let latest = db::news::latest(&state.db, 3, 0).await?;
    let next = db::news::events_from(&state.db, state.db.now(), 3).await?;
    Ok(context! {
        news => latest.iter().map(|n| news_view(n, locale)).collect::<Vec<_>>(),
        events => next.iter().map(|e| event_view(e, locale)).collect::<Vec<_>>(),
    })
}

fn is_staff(viewer: &Viewer) -> bool {
    crate::shared::library::is_staff(viewer)
}

#[derive(Deserialize, Default)]
struct Page {
    #[serde(default)]
    page: Option<i64>,
    /// What staff just did, said on the page: `withdrawn`.
    #[serde(default)]
    done: String,
}

/// What staff just did to events, said on the events page: `changed`, `removed`.
#[derive(Deserialize, Default)]
struct Done {
    #[serde(default)]
    done: String,
}

async fn list(State(state): State<AppState>, viewer: Viewer, Query(p): Query<Page>) -> AppResult {
    let total = db::news::count(&state.db).await?;
    let pages = ((total + news::PAGE_SIZE - 1) / news::PAGE_SIZE).max(1);
    let page = p.page.unwrap_or(1).clamp(1, pages);
    let items = db::news::latest(&state.db, news::PAGE_SIZE, (page - 1) * news::PAGE_SIZE).await?;
    render(
        &state,
        &viewer,
        "news/list.html",
        context! {
            items => items.iter().map(|n| news_view(n, viewer.locale)).collect::<Vec<_>>(),
            page, pages, staff => is_staff(&viewer), section => "/news",
            withdrawn => p.done == "withdrawn" && is_staff(&viewer),
        },
    )
}

async fn item(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let n = db::news::news(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let others: Vec<Value> = n
        .texts
        .iter()
        .filter(|t| Some(t.language) != text_for(&n.texts, viewer.locale).map(|x| x.language))
        .map(|t| {
            context! { lang => t.language.code(), title => t.title,
            html => domain::products::text::render(&t.body) }
        })
        .collect();
    render(
        &state,
        &viewer,
        "news/item.html",
        context! {
            item => news_view(&n, viewer.locale), others, staff => is_staff(&viewer),
            section => "/news",
        },
    )
}

async fn image(State(state): State<AppState>, Id(id): Id) -> AppResult {
    let n = db::news::news(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (key, kind) = n.image.ok_or(AppError::NotFound)?;
    let bytes = state
        .storage
        .get(storage::Key(key))
        .await
        .map_err(|e| match e {
            storage::StorageError::NotFound => AppError::NotFound,
            other => AppError::Internal(other.to_string()),
        })?;
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&kind) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    // An image shown in pages, never a page itself: the type is the sniffed one and nosniff holds.
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("inline; filename=\"image\""),
    );
    Ok((headers, bytes).into_response())
}

async fn feed(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let items = db::news::latest(&state.db, news::PAGE_SIZE, 0).await?;
    let base = state.config.base_url.trim_end_matches('/').to_string();
    let entries: Vec<export::atom::Entry> = items
        .iter()
        .filter_map(|n| {
            let t = text_for(&n.texts, viewer.locale)?;
            Some(export::atom::Entry {
                id: format!("urn:uuid:{}", n.id),
                title: t.title.clone(),
                link: format!("{base}/news/{}", n.id),
                published: n.published_at,
                updated: n.published_at,
                language: t.language.code().to_string(),
                html: domain::products::text::render(&t.body),
            })
        })
        .collect();
    let f = export::atom::Feed {
        id: format!("{base}/news.atom"),
        title: state.i18n.t(viewer.locale, "news-feed-title"),
        self_link: format!("{base}/news.atom"),
        page_link: format!("{base}/news"),
        language: viewer.locale.code().to_string(),
        author: "Ponte".into(),
        updated: items
            .first()
            .map(|n| n.published_at)
            .unwrap_or_else(|| state.db.now()),
        entries,
    };
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        export::atom::feed(&f),
    )
        .into_response())
}

fn form_page(
    state: &AppState,
    viewer: &Viewer,
    typed: &HashMap<String, String>,
    errors: BTreeMap<&'static str, String>,
    status: StatusCode,
) -> AppResult {
    let languages: Vec<Value> = Locale::ALL
        .iter()
        .map(|l| {
            let (t, b) = news::fields(*l);
            context! { code => l.code(), title_field => t, body_field => b,
            title => typed.get(t).cloned().unwrap_or_default(),
            body => typed.get(b).cloned().unwrap_or_default() }
        })
        .collect();
    let page = render(
        state,
        viewer,
        "news/form.html",
        context! { drafts => languages, image_alt => typed.get("image_alt").cloned().unwrap_or_default(),
        errors, section => "/news" },
    );
    with_status(status, page)
}

async fn new(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    form_page(
        &state,
        &viewer,
        &HashMap::new(),
        BTreeMap::new(),
        StatusCode::OK,
    )
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> AppResult {
    let author = viewer.user_id().ok_or(AppError::Forbidden)?;
    let limits = crate::http::UploadLimits {
        file_field: "image",
        max_file: news::MAX_IMAGE_BYTES,
        too_large: "news-error-image-large",
        max_text: 64 * 1024,
    };
    let upload = crate::http::read_upload(multipart, limits).await?;
    let typed: HashMap<String, String> = upload.fields.into_iter().collect();
    let file = upload.file;
    let field = |k: &str| typed.get(k).cloned().unwrap_or_default();
    let mut result = news::check_news(field, file.is_some());
    let kind = file
        .as_ref()
        .map(|(name, bytes)| domain::files::content_type(name, bytes, news::IMAGE_TYPES));
    if let Some(None) = kind {
        let mut e = result.clone().err().unwrap_or_default();
        e.add("image", "news-error-image-type");
        result = Err(e);
    }
    let draft = match result {
        Ok(d) => d,
        Err(errors) => {
            let errors = field_errors(&state, &viewer, &errors);
            return form_page(
                &state,
                &viewer,
                &typed,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let image = match (file, kind.flatten()) {
        (Some((_, bytes)), Some(kind)) => {
            let key = state
                .storage
                .put(&bytes)
                .await
                .map_err(|e| AppError::Internal(e.to_string()))?;
            Some((key.0, kind))
        }
        _ => None,
    };
    let id = match db::news::create_news(&state.db, author, &draft, image).await {
        Ok(id) => id,
        Err(e) => {
            if let Some((key, _)) = image {
                let _ = state.storage.delete(storage::Key(key)).await;
            }
            return Err(e.into());
        }
    };
    Ok(see_other(&format!("/news/{id}")))
}

async fn events(State(state): State<AppState>, viewer: Viewer, Query(d): Query<Done>) -> AppResult {
    // Said to staff, who did it (a link cannot make it appear to anyone else).
    let done = match d.done.as_str() {
        "changed" if is_staff(&viewer) => Some("news-event-changed"),
        "removed" if is_staff(&viewer) => Some("news-event-deleted"),
        _ => None,
    };
    let now = state.db.now();
    let coming = db::news::events_from(&state.db, now, 200).await?;
    let sessions = db::labs::list(
        &state.db,
        &db::labs::Filter {
            from: Some(now),
            limit: Some(20),
            ..Default::default()
        },
    )
    .await?;
    let labs: Vec<Value> = sessions
        .iter()
        .filter(|s| s.status.is_active())
        .map(|s| {
            context! { id => s.id, title => s.title, place => s.place,
            starts => when(viewer.locale, s.starts_at), iso_start => s.starts_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true) }
        })
        .collect();
    render(
        &state,
        &viewer,
        "news/events.html",
        context! {
            events => coming.iter().map(|e| event_view(e, viewer.locale)).collect::<Vec<_>>(),
            labs, staff => is_staff(&viewer), section => "/news", done,
        },
    )
}

/// The events and the labs' sessions from a month ago on, as iCalendar.
async fn calendar(State(state): State<AppState>) -> AppResult {
    use export::ical::{Event, EventStatus};
    let now = state.db.now();
    let since = now - chrono::Duration::days(31);
    let host = state
        .config
        .base_url
        .split("://")
        .nth(1)
        .unwrap_or("ponte")
        .to_string();
    let base = state.config.base_url.trim_end_matches('/');
    let mut out: Vec<Event> = db::news::events_from(&state.db, since, 500)
        .await?
        .into_iter()
        .map(|e| Event {
            uid: format!("event-{}@{host}", e.id),
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            summary: e.title,
            location: e.place,
            description: e.description,
            url: if e.url.is_empty() {
                format!("{base}/events")
            } else {
                e.url
            },
            status: EventStatus::Confirmed,
            sequence: e.version - 1,
        })
        .collect();
    let sessions = db::labs::list(
        &state.db,
        &db::labs::Filter {
            from: Some(since),
            limit: Some(500),
            ..Default::default()
        },
    )
    .await?;
    for s in sessions.iter().filter(|s| s.status.is_active()) {
        out.push(Event {
            uid: format!("{}@{host}", s.id),
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            summary: s.title.clone(),
            location: s.place.clone(),
            description: format!("{} — {}", s.module_title, s.cohort_name),
            url: format!("{base}/labs/sessions/{}", s.id),
            status: EventStatus::Confirmed,
            sequence: s.version - 1,
        });
    }
    out.sort_by_key(|e| e.starts_at);
    let body = export::ical::calendar("Ponte", &out, now);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"ponte-events.ics\"",
            ),
        ],
        body,
    )
        .into_response())
}

/// The event form, new or editing event `editing` (its id and the version the form was read at;
/// after a conflict, the event as saved meanwhile is shown beside what was typed).
fn event_form(
    state: &AppState,
    viewer: &Viewer,
    typed: &HashMap<String, String>,
    errors: BTreeMap<&'static str, String>,
    status: StatusCode,
    editing: Option<(uuid::Uuid, i64, Option<&db::news::Event>)>,
) -> AppResult {
    let v = |k: &str| typed.get(k).cloned().unwrap_or_default();
    let editing = editing.map(|(id, version, saved)| {
        let saved = saved.map(|e| event_view(e, viewer.locale));
        context! { id, version, saved }
    });
    let page = render(
        state,
        viewer,
        "news/event_form.html",
        context! {
            title => v("title"), description => v("description"), place => v("place"),
            url => v("url"), date => v("date"), end_date => v("end_date"), start => v("start"),
            end => v("end"), errors, editing, section => "/news",
        },
    );
    with_status(status, page)
}

async fn event_new(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    event_form(
        &state,
        &viewer,
        &HashMap::new(),
        BTreeMap::new(),
        StatusCode::OK,
        None,
    )
}

#[derive(Deserialize)]
struct EventForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    end_date: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
}

async fn event_create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<EventForm>,
) -> AppResult {
    let author = viewer.user_id().ok_or(AppError::Forbidden)?;
    let pairs = typed_event(f);
    let draft = match news::check_event(|k| pairs.get(k).cloned().unwrap_or_default()) {
        Ok(d) => d,
        Err(errors) => {
            let errors = field_errors(&state, &viewer, &errors);
            return event_form(
                &state,
                &viewer,
                &pairs,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            );
        }
    };
    db::news::create_event(&state.db, author, &draft).await?;
    Ok(see_other("/events?done=1"))
}

/// The fields of an event's form as typed.
fn typed_event(f: EventForm) -> HashMap<String, String> {
    [
        ("title", f.title),
        ("description", f.description),
        ("place", f.place),
        ("url", f.url),
        ("date", f.date),
        ("end_date", f.end_date),
        ("start", f.start),
        ("end", f.end),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The fields of a saved event's form: its dates and times in Rome, the end's date only when it
/// ends on another day.
fn saved_event(e: &db::news::Event) -> HashMap<String, String> {
    let (start_date, start) = local(e.starts_at);
    let (end_date, end) = local(e.ends_at);
    [
        ("title", e.title.clone()),
        ("description", e.description.clone()),
        ("place", e.place.clone()),
        ("url", e.url.clone()),
        ("date", start_date.to_string()),
        (
            "end_date",
            if end_date == start_date {
                String::new()
            } else {
                end_date.to_string()
            },
        ),
        ("start", start.format("%H:%M").to_string()),
        ("end", end.format("%H:%M").to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

async fn event_edit(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let e = db::news::event(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let typed = saved_event(&e);
    let editing = Some((e.id, e.version, None));
    event_form(
        &state,
        &viewer,
        &typed,
        BTreeMap::new(),
        StatusCode::OK,
        editing,
    )
}

/// The form of event `id` again after a refusal: with what was typed, at `version`, and the
/// event as saved meanwhile when it changed.
fn refused_event(
    state: &AppState,
    viewer: &Viewer,
    typed: &HashMap<String, String>,
    errors: &domain::validation::Errors,
    status: StatusCode,
    editing: (uuid::Uuid, i64, Option<&db::news::Event>),
) -> AppResult {
    let errors = field_errors(state, viewer, errors);
    event_form(state, viewer, typed, errors, status, Some(editing))
}

async fn event_update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<EventForm>,
) -> AppResult {
    let actor = viewer.user_id().ok_or(AppError::Forbidden)?;
    let version = crate::http::version_of(&f.version)?;
    let saved = db::news::event(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let pairs = typed_event(f);
    let draft = match news::check_event(|k| pairs.get(k).cloned().unwrap_or_default()) {
        Ok(d) => d,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            let at = (id, version, None);
            return refused_event(&state, &viewer, &pairs, &errors, status, at);
        }
    };
    match db::news::update_event(&state.db, id, version, &draft, actor).await {
        Ok(()) => Ok(see_other("/events?done=changed")),
        Err(db::DbError::Conflict) => {
            // Saved by someone else meanwhile: the form keeps what was typed, at the version
            // now saved, with the event as saved beside it.
            let latest = db::news::event(&state.db, id).await?.unwrap_or(saved);
            let mut e = domain::validation::Errors::default();
            e.add("form", "news-event-conflict");
            let at = (id, latest.version, Some(&latest));
            refused_event(&state, &viewer, &pairs, &e, StatusCode::CONFLICT, at)
        }
        Err(db::DbError::NotFound) => Err(AppError::NotFound),
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
struct VersionForm {
    #[serde(default)]
    version: String,
}

async fn event_delete(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<VersionForm>,
) -> AppResult {
    let actor = viewer.user_id().ok_or(AppError::Forbidden)?;
    let version = crate::http::version_of(&f.version)?;
    match db::news::delete_event(&state.db, id, version, actor).await {
        Ok(()) => Ok(see_other("/events?done=removed")),
        Err(db::DbError::Conflict) => {
            // Changed meanwhile: nothing is removed; the form shows the event as it is now.
            let latest = db::news::event(&state.db, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let mut e = domain::validation::Errors::default();
            e.add("form", "news-event-delete-conflict");
            let typed = saved_event(&latest);
            let at = (id, latest.version, None);
            refused_event(&state, &viewer, &typed, &e, StatusCode::CONFLICT, at)
        }
        Err(db::DbError::NotFound) => Err(AppError::NotFound),
        Err(other) => Err(other.into()),
    }
}

/// Withdraws a news item; its image is removed from storage once the change is committed.
async fn delete(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let actor = viewer.user_id().ok_or(AppError::Forbidden)?;
    match db::news::delete_news(&state.db, id, actor).await {
        Ok(image) => {
            if let Some(key) = image {
                // A failed removal leaves an unreferenced file, never a broken page.
                if let Err(e) = state.storage.delete(storage::Key(key)).await {
                    tracing::warn!(news = %id, error = %e, "the withdrawn news item's image was not removed");
                }
            }
            Ok(see_other("/news?done=withdrawn"))
        }
        Err(db::DbError::NotFound) => Err(AppError::NotFound),
        Err(other) => Err(other.into()),
    }
}
