//! The audit log page, for administrators: each change said in words in the reader's language,
//! narrowed by action, person, dates and record.

use crate::http::AppResult;
use crate::http::Query;
use crate::route::{route, Route};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::Method;
use chrono::{NaiveDate, TimeZone};
use domain::audit::PAGE_SIZE;
use domain::locale::TIME_ZONE;
use minijinja::context;
use serde::Deserialize;
use uuid::Uuid;

/// The audit routes.
pub fn routes() -> Vec<Route> {
    vec![route(Method::GET, "/admin/audit", "audit.log", log)]
}

#[derive(Deserialize)]
struct Filter {
    action: Option<String>,
    person: Option<String>,
    from: Option<String>,
    until: Option<String>,
    record: Option<String>,
    page: Option<i64>,
}

/// The start of a day in Rome, as an instant; `None` for anything but a `YYYY-MM-DD` date.
fn day_start(text: Option<&str>) -> Option<(NaiveDate, chrono::DateTime<chrono::Utc>)> {
    let day = NaiveDate::parse_from_str(text?.trim(), "%Y-%m-%d").ok()?;
    let local = TIME_ZONE
        .from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
        .earliest()?;
    Some((day, local.with_timezone(&chrono::Utc)))
}

async fn log(State(state): State<AppState>, viewer: Viewer, Query(f): Query<Filter>) -> AppResult {
    let locale = viewer.locale;
    let t = |key: &str| state.i18n.t(locale, key);
    let actions = db::audit::actions(&state.db).await?;
    let action = f.action.filter(|a| actions.contains(a));
    let people = db::audit::actors(&state.db).await?;
    let person = f
        .person
        .as_deref()
        .and_then(|p| Uuid::parse_str(p.trim()).ok())
        .filter(|id| people.iter().any(|(p, _)| p == id));
    let from = day_start(f.from.as_deref());
    // "Until" a day includes that day.
    let until = day_start(f.until.as_deref()).and_then(|(d, _)| {
        d.succ_opt()
            .and_then(|next| day_start(Some(&next.to_string())))
            .map(|(_, at)| (d, at))
    });
    let record: String = f
        .record
        .as_deref()
        .unwrap_or("")
        .trim()
        .chars()
        .take(100)
        .collect();
    let page = f.page.unwrap_or(1).clamp(1, 1_000_000);
    let filter = db::audit::Filter {
        action: action.as_deref(),
        actor: person,
        from: from.map(|(_, at)| at),
        until: until.map(|(_, at)| at),
        entity_id: (!record.is_empty()).then_some(record.as_str()),
    };
    let (entries, total) =
        db::audit::search(&state.db, &filter, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let said = |code: &str| {
        if domain::audit::ACTIONS.contains(&code) {
            t(&domain::audit::message(code))
        } else {
            state
                .i18n
                .message(locale, "audit-unknown-action", &[("code", code.into())])
        }
    };
    let rows: Vec<_> = entries
        .into_iter()
        .map(|e| {
            let who = e.actor_name.clone().unwrap_or_else(|| t("audit-someone"));
            let sentence = state.i18n.message(
                locale,
                "audit-did",
                &[("who", who.into()), ("what", said(&e.action).into())],
            );
            context! { when => locale.date_time(e.at), sentence, entry => e }
        })
        .collect();
    let action_choices: Vec<_> = actions
        .iter()
        .map(|a| context! { code => a, label => said(a) })
        .collect();
    let people: Vec<_> = people
        .into_iter()
        .map(|(id, name)| context! { id, name })
        .collect();
    let pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
    let query = serde_urlencoded::to_string([
        ("action", action.clone().unwrap_or_default()),
        ("person", person.map(|p| p.to_string()).unwrap_or_default()),
        ("from", from.map(|(d, _)| d.to_string()).unwrap_or_default()),
        (
            "until",
            until.map(|(d, _)| d.to_string()).unwrap_or_default(),
        ),
        ("record", record.clone()),
    ])
    .unwrap_or_default();
    render(
        &state,
        &viewer,
        "audit/log.html",
        context! {
            rows, actions => action_choices, action, people, person,
            from => from.map(|(d, _)| d.to_string()).unwrap_or_default(),
            until => until.map(|(d, _)| d.to_string()).unwrap_or_default(),
            record, page, pages, total => viewer.locale.integer(total), query,
        },
    )
}
