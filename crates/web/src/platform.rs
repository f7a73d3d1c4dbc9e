//! The platform's own pages: home, health, assets, language choice.

use crate::http::{safe_next, see_other, AppResult, Query};
use crate::route::{route, Route};
use crate::session::{language_cookie, render, Viewer};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::locale::Locale;
use minijinja::context;
use serde::Deserialize;

/// The platform's routes.
pub fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/", "platform.home", home),
        route(Method::GET, "/health", "platform.health", health),
        route(Method::GET, "/health/kept", "platform.kept", kept),
        route(
            Method::GET,
            "/assets/{*path}",
            "platform.asset",
            crate::assets::serve,
        ),
        route(
            Method::GET,
            "/language/{code}",
            "platform.language",
            language,
        ),
        route(Method::GET, "/info/{page}", "platform.info", info),
    ]
}

async fn home(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let structure = crate::shared::structure::structure(&state).await?;
    let strands = structure
        .as_ref()
        .map(|s| s.strands.clone())
        .unwrap_or_default();
    let programme = structure.map(|s| s.programme.clone());
    let mine = viewer
        .principal
        .as_ref()
        .map(|p| p.organisations())
        .unwrap_or_default();
    let workspaces: Vec<_> = db::organisations::by_ids(&state.db, &mine)
        .await?
        .into_iter()
        .map(|o| context! { id => o.id, name => o.data.name })
        .collect();
    let own = match viewer.principal.as_ref() {
        Some(p) => Some(own_things(&state, &viewer, p).await?),
        None => None,
    };
    let latest = crate::news::home_items(&state, viewer.locale).await?;
    render(
        &state,
        &viewer,
        "platform/home.html",
        context! { programme, strands, workspaces, own, latest },
    )
}

/// What a signed-in person's home page shows of their own: their next session, their
/// administration's products due, and what waits for them (products to review for a tutor,
/// products sent back and comments to answer for their authors).
async fn own_things(
    state: &AppState,
    viewer: &Viewer,
    p: &domain::roles::Principal,
) -> AppResult<minijinja::Value> {
    use domain::roles::Role;
    let now = state.db.now();
    let locale = viewer.locale;
    let coming = db::labs::list(
        &state.db,
        &db::labs::Filter {
            person: Some(p.user_id),
            from: Some(now),
            limit: Some(20),
            ..Default::default()
        },
    )
    .await?;
    let registrations = db::labs::registrations_of(&state.db, p.user_id).await?;
    let next_session = coming
        .iter()
        .find(|s| s.status.is_active() && s.starts_at > now)
        .map(|s| {
            let standing = registrations
                .iter()
                .find(|(id, _, _)| *id == s.id)
                .map(|(_, status, _)| status.as_str())
                .unwrap_or("");
            context! { session => crate::shared::sessions::session_view(s, viewer, now), standing }
        });
    let authored: Vec<uuid::Uuid> = p
        .grants
        .iter()
        .filter(|g| matches!(g.role, Role::Coordinator | Role::Member))
        .filter_map(|g| g.space_id)
        .collect();
    let mut due = Vec::new();
    let mut changes = 0;
    let mut comments = 0;
    for org in &authored {
        let w = workload(state, *org).await?;
        changes += w.changes;
        comments += w.comments;
        due.extend(w.due.iter().cloned());
    }
    due.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.title.cmp(&b.1.title)));
    let due: Vec<minijinja::Value> = due
        .into_iter()
        .take(DUE_SHOWN)
        .map(|(d, s)| {
            context! { id => s.id, organisation_id => s.organisation_id, title => s.title,
            state => s.state, due => locale.date(d), late => d < now.date_naive() }
        })
        .collect();
    let tutored: Vec<uuid::Uuid> = p
        .grants
        .iter()
        .filter(|g| g.role == Role::Tutor)
        .filter_map(|g| g.space_id)
        .collect();
    let reviews = if tutored.is_empty() {
        0
    } else {
        db::products::awaiting_review(&state.db, Some(&tutored))
            .await?
            .len()
    };
    let workspace = match p.administration() {
        Some(id) => {
            Some(context! { id, name => db::organisations::get(&state.db, id).await?.data.name })
        }
        None => None,
    };
    Ok(context! {
        next_session, due, reviews, changes, comments, workspace,
        authors => !authored.is_empty(), tutors => !tutored.is_empty(),
    })
}

/// What a home page shows of one administration's products: products sent back, open comments,
/// and the first products due among those not approved (by date, then title).
struct Workload {
    changes: usize,
    comments: i64,
    due: Vec<(chrono::NaiveDate, db::products::Summary)>,
}

impl crate::kept::Weigh for Workload {
    fn weight(&self) -> usize {
        self.due
            .iter()
            .map(|(_, s)| s.title.len() + s.organisation.len() + s.kind.len() + 192)
            .sum::<usize>()
            + 64
    }
}

/// The products due shown on a home page.
const DUE_SHOWN: usize = 5;

/// An administration's [`Workload`], kept while its products are unchanged (every product of the
/// administration is read to work it out).
async fn workload(state: &AppState, org: uuid::Uuid) -> AppResult<std::sync::Arc<Workload>> {
    use domain::products::review::State;
    Ok(state
        .kept
        .get_or_compute(
            &state.db,
            format!("home/workload/{org}"),
            crate::products::LIST_PARTS,
            || async {
                let mut w = Workload {
                    changes: 0,
                    comments: 0,
                    due: Vec::new(),
                };
                for s in db::products::list(&state.db, org).await? {
                    let open = s.state != State::Approved;
                    if open && s.state == State::ChangesRequested {
                        w.changes += 1;
                    }
                    w.comments += s.open_comments;
                    if let (true, Some(d)) = (open, s.due_on) {
                        w.due.push((d, s));
                    }
                }
                w.due
                    .sort_by(|a, b| a.0.cmp(&b.0).then(a.1.title.cmp(&b.1.title)));
                w.due.truncate(DUE_SHOWN);
                Ok::<_, db::DbError>(w)
            },
        )
        .await?)
}

async fn health(State(state): State<AppState>) -> Response {
    let (status, label) = match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
    };
    let body = serde_json::json!({
        "status": label,
        "database": state.db.backend(),
        "version": env!("CARGO_PKG_VERSION"),
    });
    (status, Json(body)).into_response()
}

/// How this instance's kept values are used since it started: hits, misses, entries and bytes.
async fn kept(State(state): State<AppState>) -> Response {
    Json(state.kept.stats()).into_response()
}

#[derive(Deserialize)]
struct Next {
    next: Option<String>,
}

async fn language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<Next>,
) -> AppResult {
    let locale = Locale::parse(&code).ok_or(crate::http::AppError::NotFound)?;
    let mut response = see_other(&safe_next(q.next.as_deref()));
    response.headers_mut().insert(
        header::SET_COOKIE,
        language_cookie(locale, state.config.secure_cookies),
    );
    Ok(response)
}

/// The information pages linked from the footer.
pub const INFO_PAGES: &[&str] = &["accessibility", "privacy"];

async fn info(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(page): Path<String>,
) -> AppResult {
    let page = INFO_PAGES
        .iter()
        .find(|p| **p == page)
        .ok_or(crate::http::AppError::NotFound)?;
    render(&state, &viewer, "platform/info.html", context! { page })
}
