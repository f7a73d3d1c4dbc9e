//! The tutoring log of an administration (remote sessions with their agreed next steps) and the
//! tutors' workload for programme staff.

use super::organisation;
use crate::http::{see_other, with_status, AppResult, Form, Id};
use crate::session::{field_errors, render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use domain::products::tutoring::{self, MAX_STEPS};
use domain::validation::Errors;
use minijinja::{context, Value};
use uuid::Uuid;

async fn page(
    state: &AppState,
    viewer: &Viewer,
    org: Uuid,
    form: &[(String, String)],
    errors: &Errors,
    done: bool,
) -> AppResult {
    let locale = viewer.locale;
    let o = organisation(state, org).await?;
    let log = db::products::tutoring_log(&state.db, org).await?;
    let total: i64 = log.iter().map(|s| s.minutes).sum();
    let sessions: Vec<Value> = log
        .into_iter()
        .map(|s| {
            let steps: Vec<Value> = s
                .steps
                .iter()
                .map(|st| context! { text => st.text, owner => st.owner, due_on => st.due_on.map(|d| locale.date(d)) })
                .collect();
            context! { tutor => s.tutor_name, held_on => locale.date(s.held_on), minutes => s.minutes,
            participants => s.participants, notes => s.notes, product_id => s.product_id,
            product_title => s.product_title, steps }
        })
        .collect();
    let products: Vec<Value> = db::products::list(&state.db, org)
        .await?
        .into_iter()
        .map(|p| context! { id => p.id, title => p.title })
        .collect();
    let value = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let steps: Vec<Value> = (0..4.min(MAX_STEPS))
        .map(|n| {
            context! { n, text => value(&format!("step{n}.text")), owner => value(&format!("step{n}.owner")),
            due => value(&format!("step{n}.due")) }
        })
        .collect();
    render(
        state,
        viewer,
        "products/tutoring.html",
        context! {
            o, sessions, products, steps, done,
            hours => locale.tenths(total * 10 / 60),
            may_record => viewer.may("tutoring.record", Some(org)),
            form => context! { held_on => value("held_on"), minutes => value("minutes"),
                participants => value("participants"), notes => value("notes"), product => value("product") },
            errors => field_errors(state, viewer, errors),
            today => state.db.now().date_naive().to_string(),
        },
    )
}

pub(super) async fn log(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(org): Id,
    crate::http::Query(q): crate::http::Query<std::collections::HashMap<String, String>>,
) -> AppResult {
    page(
        &state,
        &viewer,
        org,
        &[],
        &Errors::default(),
        q.contains_key("done"),
    )
    .await
}

pub(super) async fn record(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(org): Id,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult {
    let today = state.db.now().date_naive();
    let checked = tutoring::check(&fields, today);
    let mut errors = checked.clone().err().unwrap_or_default();
    // The product, when given, must be one of this administration's.
    let mut product = None;
    if let Ok(entry) = &checked {
        if let Some(p) = &entry.product {
            match Uuid::parse_str(p) {
                Ok(pid) => match db::products::get(&state.db, pid).await? {
                    Some(found) if found.organisation_id == org => product = Some(pid),
                    _ => errors.add("product", "error-unknown-choice"),
                },
                Err(_) => errors.add("product", "error-unknown-choice"),
            }
        }
    }
    match checked {
        Ok(entry) if errors.is_empty() => {
            db::products::log_tutoring(&state.db, org, &entry, product, viewer.user_id()).await?;
            Ok(see_other(&format!("/organisations/{org}/tutoring?done=1")))
        }
        _ => with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            page(&state, &viewer, org, &fields, &errors, false).await,
        ),
    }
}

pub(super) async fn workload(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let locale = viewer.locale;
    let tutors: Vec<Value> = db::products::workload(&state.db)
        .await?
        .into_iter()
        .map(|w| {
            context! { name => w.name, email => w.email, organisations => w.organisations,
            sessions => w.sessions, hours => locale.tenths(w.minutes * 10 / 60),
            last_session => w.last_session.map(|d| locale.date(d)),
            awaiting_review => w.awaiting_review, open_threads => w.open_threads }
        })
        .collect();
    render(
        &state,
        &viewer,
        "products/workload.html",
        context! { tutors },
    )
}
