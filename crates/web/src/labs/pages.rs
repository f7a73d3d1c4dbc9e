//! The session page, a participant's own labs, the staff dashboard of the season, and material
//! downloads.

use super::{clock, find, follows_participants, hours, is_staff, session_view};
use crate::http::{AppError, AppResult, Id};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use db::labs::Session;
use domain::labs::attendance::{counts, half_days, presence, rate, Rate};
use domain::labs::{check_in_open, Status};
use minijinja::{context, Value};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

/// What the viewer may see and do on a session page.
async fn relation(state: &AppState, viewer: &Viewer, s: &Session) -> AppResult<Value> {
    let Some(user) = viewer.user_id() else {
        return Ok(context! { signed_in => false });
    };
    let now = state.db.now();
    // One query for the person's registration, attendance, feedback and cohort membership: the
    // session page is the one participants open most.
    let standing = db::labs::standing(&state.db, s.id, user).await?;
    let registration = standing.registration;
    let in_cohort = standing.in_cohort;
    let registered = registration.as_deref() == Some("registered");
    let invited = registration.as_deref() == Some("invited");
    let seat = domain::labs::Seat {
        status: s.status,
        starts_at: s.starts_at,
        registered: s.registered,
        capacity: s.capacity,
        in_cohort,
        invited,
        already_registered: registered,
    };
    let refusal = domain::labs::registration_refusal(&seat, now);
    let presence = presence(&half_days(s.starts_at, s.ends_at), &standing.present);
    let gave = standing.gave_feedback;
    Ok(context! {
        signed_in => true, registered, invited, in_cohort,
        may_register => refusal.is_none(),
        refusal => refusal.filter(|r| *r != "error-registration-exists" && (in_cohort || invited)).map(|r| state.i18n.t(viewer.locale, r)),
        may_unregister => registered && s.starts_at > now,
        may_check_in => registered && s.status != Status::Cancelled && check_in_open(s.starts_at, s.ends_at, now),
        checked_in => presence.recorded,
        attended_hours => hours(presence.minutes, viewer.locale),
        may_give_feedback => registered && s.status == Status::Held && !gave,
        gave_feedback => gave,
        sees_participants => follows_participants(viewer) || in_cohort,
    })
}

pub(super) async fn session(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let s = find(&state, id).await?;
    session_page(&state, &viewer, &s, None).await
}

/// The session page; `check_in_error` is the message key of a refused check-in, shown next to the
/// code field.
pub(super) async fn session_page(
    state: &AppState,
    viewer: &Viewer,
    s: &Session,
    check_in_error: Option<&str>,
) -> AppResult {
    let check_in_error = check_in_error.map(|k| state.i18n.t(viewer.locale, k));
    let now = state.db.now();
    let rel = relation(state, viewer, s).await?;
    let reading =
        crate::shared::library::reading_list(state, viewer, db::library::ReadingFor::Session(s.id))
            .await?;
    let agenda: Vec<Value> = db::labs::agenda(&state.db, s.id)
        .await?
        .iter()
        .map(|a| context! { id => a.id, start => clock(a.starts_at), end => clock(a.ends_at), title => a.title, speaker => a.speaker })
        .collect();
    let signed_in = viewer.principal.is_some();
    let materials: Vec<Value> = if signed_in {
        db::labs::materials(&state.db, s.id)
            .await?
            .iter()
            .map(|m| {
                context! {
                    id => m.id, title => m.title, url => m.url, file_name => m.file_name,
                    size => m.size.map(|b| viewer.locale.integer((b + 1023) / 1024)),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let sees_participants = rel.get_attr("sees_participants")?.is_true();
    let participants: Vec<Value> = if sees_participants {
        db::labs::participants(&state.db, s.id)
            .await?
            .iter()
            .map(|p| {
                context! {
                    name => p.name, status => p.status,
                    organisations => p.organisations.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let staff = is_staff(viewer);
    // Only the changes that make sense now, each as its own button.
    let statuses: Vec<Value> = Status::ALL
        .iter()
        .filter(|t| domain::labs::status_change_refusal(s.status, **t, s.starts_at, now).is_none())
        .map(|t| context! { code => t.code(), destructive => t.is_destructive() })
        .collect();
    // The code is for the room while check-in can still happen; invitations while seats can
    // still be taken.
    let live = s.status.is_active() && now < s.ends_at;
    let may_invite = staff && s.status.is_active() && now < s.starts_at;
    let overlaps = if staff {
        db::labs::overlapping(&state.db, s.cohort_id, s.starts_at, s.ends_at, Some(s.id))
            .await?
            .iter()
            .map(|o| session_view(o, viewer, now))
            .collect()
    } else {
        Vec::new()
    };
    // The table a strand B lab is for, named as the table lets the viewer see it: with a link
    // to those who read it, by name only to everyone when it is public, not at all otherwise.
    let table = match s.table_id {
        Some(id) => {
            let tables = [db::tables::get(&state.db, id).await?];
            let involved = db::tables::involved(&state.db, &tables).await?;
            let access = involved
                .iter()
                .find(|(t, _)| *t == id)
                .map(|(_, i)| domain::tables::access::access(viewer.principal.as_ref(), i))
                .unwrap_or(domain::tables::access::Access::None);
            let name = &tables[0].name;
            match access {
                domain::tables::access::Access::None => None,
                domain::tables::access::Access::Public => Some(context! { name, public => true }),
                _ => Some(context! { id, name, public => false }),
            }
        }
        None => None,
    };
    let group = match (s.group_id, &s.group_name) {
        (Some(id), Some(name)) if sees_participants => Some(context! { id, name }),
        _ => None,
    };
    render(
        state,
        viewer,
        "labs/session.html",
        context! {
            session => session_view(s, viewer, now), rel, agenda, materials, participants, sees_participants, table, group,
            reading, may_curate => viewer.may("library.reading_remove", None),
            outcomes => s.outcomes, staff, statuses, overlaps, may_invite,
            check_in_code => if staff && live { s.check_in_code.as_str() } else { "" },
            may_see_feedback => viewer.may("labs.feedback_results", None), check_in_error,
        },
    )
}

pub(super) async fn material(State(state): State<AppState>, Id(id): Id) -> AppResult {
    let m = db::labs::material_by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(url) = &m.url {
        return Ok(crate::http::see_other(url));
    }
    let key = m.storage_key.ok_or(AppError::NotFound)?;
    let bytes = state
        .storage
        .get(storage::Key(key))
        .await
        .map_err(|e| match e {
            storage::StorageError::NotFound => AppError::NotFound,
            other => AppError::Internal(other.to_string()),
        })?;
    let name = m.file_name.unwrap_or_else(|| "material".into());
    let disposition = crate::http::attachment(&name);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                m.content_type
                    .unwrap_or_else(|| "application/octet-stream".into()),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

pub(super) async fn mine(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let user = viewer.user_id().ok_or(AppError::Forbidden)?;
    let body = mine_body(&state, &viewer, user).await?;
    render(
        &state,
        &viewer,
        "labs/mine.html",
        context! { body, has_feed => db::labs::has_feed_token(&state.db, user).await? },
    )
}

/// The person's sessions, hours and feedback due, rendered; kept while the labs, the programme
/// and people are unchanged, until the next moment one of the sessions starts or ends (which
/// moves it from coming to past).
async fn mine_body(state: &AppState, viewer: &Viewer, user: Uuid) -> AppResult<Arc<str>> {
    let key = format!("mine/{user}/{}", viewer.locale.code());
    let html = state
        .kept
        .get_or_compute_until(&state.db, key, super::MINE_PARTS, || async {
        let now = state.db.now();
        let sessions = db::labs::list(
            &state.db,
            &db::labs::Filter {
                person: Some(user),
                ..Default::default()
            },
        )
        .await?;
        // The person's registrations with the half-days attended, in one query: the hours of each
        // held session they were registered to count, as in the season's report.
        let registrations: HashMap<Uuid, (String, Vec<i64>)> =
            db::labs::registrations_of(&state.db, user)
                .await?
                .into_iter()
                .map(|(session, status, present)| (session, (status, present)))
                .collect();
        let answered = db::labs::feedback_given_by(&state.db, user).await?;
        let mut upcoming = Vec::new();
        let mut past = Vec::new();
        let mut total = Rate::default();
        for s in &sessions {
            let (registration, present) = match registrations.get(&s.id) {
                Some((status, present)) => (Some(status.as_str()), present.as_slice()),
                None => (None, &[][..]),
            };
            let counted = counts(s.status, registration == Some("registered"));
            let attended = counted.then(|| {
                let rate = rate(&half_days(s.starts_at, s.ends_at), present);
                total = total + rate;
                hours(rate.attended, viewer.locale)
            });
            let answered_it = answered.contains(&s.id);
            let gave = !counted || answered_it;
            let v = context! {
                session => session_view(s, viewer, now), registration, attended, feedback_due => !gave,
                feedback_given => counted && answered_it,
            };
            if s.ends_at >= now {
                upcoming.push(v);
            } else {
                past.push(v);
            }
        }
        past.reverse();
        let until = sessions
            .iter()
            .flat_map(|s| [s.starts_at, s.ends_at])
            .filter(|t| *t > now)
            .min();
        let html: Arc<str> = state
            .templates
            .render(
                viewer.locale,
                "labs/_mine.html",
                context! {
                    upcoming, past,
                    attended_hours => hours(total.attended, viewer.locale),
                    expected_hours => hours(total.expected, viewer.locale),
                    rate => total.percent(),
                    content_lang => "it",
                },
            )?
            .into();
        Ok::<_, AppError>((html, until))
    })
        .await?;
    Ok((*html).clone())
}

pub(super) async fn dashboard(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let now = state.db.now();
    let sessions = db::labs::list(&state.db, &db::labs::Filter::default()).await?;
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for s in &sessions {
        *counts.entry(s.status.code()).or_default() += 1;
    }
    let upcoming: Vec<Value> = sessions
        .iter()
        .filter(|s| s.starts_at > now && s.status.is_active())
        .take(8)
        .map(|s| session_view(s, &viewer, now))
        .collect();
    // Sessions that started but are not marked held or cancelled yet: staff have to close them.
    let to_close: Vec<Value> = sessions
        .iter()
        .filter(|s| s.ends_at < now && matches!(s.status, Status::Planned | Status::Confirmed))
        .map(|s| session_view(s, &viewer, now))
        .collect();
    let mut overlaps = Vec::new();
    let active: Vec<&Session> = sessions.iter().filter(|s| s.status.is_active()).collect();
    for (i, a) in active.iter().enumerate() {
        for b in &active[i + 1..] {
            if a.cohort_id == b.cohort_id
                && domain::labs::schedule::overlaps(
                    (a.starts_at, a.ends_at),
                    (b.starts_at, b.ends_at),
                )
            {
                overlaps.push(context! { a => session_view(a, &viewer, now), b => session_view(b, &viewer, now) });
            }
        }
    }
    let total = super::attendance::build(&state).await?.total;
    let answers: HashMap<Uuid, i64> = db::labs::feedback_counts(&state.db)
        .await?
        .into_iter()
        .collect();
    let held: Vec<Value> = sessions
        .iter()
        .rev()
        .filter(|s| s.status == Status::Held)
        .take(8)
        .map(|s| context! { session => session_view(s, &viewer, now), answers => answers.get(&s.id).copied().unwrap_or(0) })
        .collect();
    render(
        &state,
        &viewer,
        "labs/dashboard.html",
        context! {
            counts => Status::ALL.iter().map(|s| context! { status => s.code(), count => counts.get(s.code()).copied().unwrap_or(0) }).collect::<Vec<_>>(),
            total_sessions => sessions.len(), upcoming, to_close, overlaps, held,
            rate => total.percent(), attended_hours => hours(total.attended, viewer.locale),
        },
    )
}
