//! A table's meetings: the secretariat convenes one (the convocation goes by email with an
//! iCalendar invitation to every current representative, each in their language), changes or
//! cancels it (told the same way, the invitation's SEQUENCE raised), and records attendance from
//! the meeting's day; the meeting page, and the iCalendar feed of the table's meetings for those
//! who see the table. A refused form shows its page again with the messages (422) and changes
//! nothing.

use super::*;
use crate::http::{see_other, with_status, Form, Id, PathIds};
use crate::session::{field_errors, render};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use chrono::{DateTime, NaiveDate, Utc};
use db::tables::{Meeting, Notified, Outgoing};
use domain::labs::schedule::local;
use domain::locale::Locale;
use domain::tables::meetings::{
    self, AgendaInput, AttendanceInput, MeetingDraft, MeetingInput, MeetingStatus, Presence,
};
use domain::validation::Errors;
use export::ical::{self, Event, EventStatus, Method};
use minijinja::{context, Value};
use std::collections::BTreeMap;

/// Blank agenda rows a form offers after the items typed (the form works without scripts).
const BLANK_ROWS: usize = 3;

use super::today;

/// The meeting's time of day in Rome.
fn clock(t: DateTime<Utc>) -> String {
    local(t).1.format("%H:%M").to_string()
}

/// "29/03/2027 10:00–12:30" in the reader's language.
fn when(locale: Locale, m: &MeetingDraft) -> String {
    format!(
        "{} {}–{}",
        locale.date(local(m.starts_at).0),
        clock(m.starts_at),
        clock(m.ends_at)
    )
}

/// The table's current representatives: those of organisations that have not left.
async fn current_representatives(
    state: &AppState,
    table: Uuid,
) -> AppResult<Vec<db::tables::Representative>> {
    let members = db::tables::members(&state.db, table).await?;
    Ok(db::tables::representatives(&state.db, table)
        .await?
        .into_iter()
        .filter(|r| {
            members
                .iter()
                .any(|m| m.organisation_id == r.organisation_id && m.left_on.is_none())
        })
        .collect())
}

/// The library documents a table's members may read (public, or for the whole programme), by id.
async fn readable_documents(
    state: &AppState,
    ids: &[Uuid],
) -> AppResult<Vec<db::library::Document>> {
    use domain::library::Visibility;
    let mut out = Vec::new();
    for id in ids.iter().take(meetings::MAX_DOCUMENTS) {
        if let Some(doc) = db::library::document(&state.db, *id).await? {
            if matches!(doc.visibility(), Visibility::Public | Visibility::Programme) {
                out.push(doc);
            }
        }
    }
    Ok(out)
}

/// The form's fields from the posted pairs: agenda rows are `agendaN.title`,
/// `agendaN.representative` and `agendaN.presenter`.
fn meeting_input(pairs: &[(String, String)]) -> (MeetingInput, Option<i64>) {
    let mut input = MeetingInput::default();
    let mut version = None;
    let mut rows: BTreeMap<usize, AgendaInput> = BTreeMap::new();
    for (name, value) in pairs {
        let v = value.clone();
        match name.as_str() {
            "title" => input.title = v,
            "date" => input.date = v,
            "start" => input.start = v,
            "end" => input.end = v,
            "place" => input.place = v,
            "online_url" => input.online_url = v,
            "documents" => input.documents = v,
            "version" => version = value.trim().parse().ok(),
            other => {
                let Some((row, field)) = other
                    .strip_prefix("agenda")
                    .and_then(|rest| rest.split_once('.'))
                else {
                    continue;
                };
                // Rows beyond the limit cannot be kept; the check counts them as too many.
                let Some(row) = row
                    .parse::<usize>()
                    .ok()
                    .filter(|r| *r < 10 * meetings::MAX_ITEMS)
                else {
                    continue;
                };
                let item = rows.entry(row).or_default();
                match field {
                    "title" => item.title = v,
                    "representative" => item.representative = v,
                    "presenter" => item.presenter = v,
                    _ => {}
                }
            }
        }
    }
    input.agenda = rows.into_values().collect();
    (input, version)
}

/// The convening or changing form.
async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    found: &Found,
    input: &MeetingInput,
    errors: &Errors,
    editing: Option<&Meeting>,
) -> AppResult {
    form_page_with(state, viewer, found, input, errors, editing, false).await
}

/// The fields a person compares when their change met another one: as saved and as typed.
fn comparable(input: &MeetingInput) -> Value {
    let agenda: Vec<String> = input
        .agenda
        .iter()
        .filter(|a| !a.title.trim().is_empty())
        .map(|a| a.title.trim().to_string())
        .collect();
    context! {
        title => input.title.trim(), date => input.date.trim(), start => input.start.trim(),
        end => input.end.trim(), place => input.place.trim(), online_url => input.online_url.trim(),
        agenda => agenda.join("\n"), documents => input.documents.trim(),
    }
}

/// The form; with `conflict`, the meeting changed since the form was read: the saved version is
/// shown beside what was typed (409), and the form, kept, now carries the saved version's number
/// so that sending it again replaces it deliberately.
async fn form_page_with(
    state: &AppState,
    viewer: &Viewer,
    found: &Found,
    input: &MeetingInput,
    errors: &Errors,
    editing: Option<&Meeting>,
    conflict: bool,
) -> AppResult {
    let representatives = current_representatives(state, found.table.id).await?;
    let members = db::tables::members(&state.db, found.table.id).await?;
    let reps: Vec<Value> = representatives
        .iter()
        .map(|r| {
            let organisation = members
                .iter()
                .find(|m| m.organisation_id == r.organisation_id)
                .map(|m| m.organisation.clone())
                .unwrap_or_default();
            context! { id => r.id.to_string(), name => r.name, organisation }
        })
        .collect();
    let mut agenda = input.agenda.clone();
    agenda.retain(|a| {
        !(a.title.trim().is_empty() && a.representative.is_empty() && a.presenter.is_empty())
    });
    agenda.extend(std::iter::repeat_n(AgendaInput::default(), BLANK_ROWS));
    // The next meeting reviews the commitments still pending: a form not yet sent proposes the
    // item in its first blank row (the secretariat may clear it) and lists them.
    let (review_item, review) =
        super::commitments::review(state, found.table.id, viewer.locale).await?;
    if errors.is_empty() && !conflict {
        super::commitments::propose(&mut agenda, review_item, state, viewer.locale);
    }
    let status = if conflict {
        StatusCode::CONFLICT
    } else if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let (current, yours) = match editing {
        Some(m) if conflict => (
            Some(comparable(&MeetingInput::from_draft(&m.draft(), 0))),
            Some(comparable(input)),
        ),
        _ => (None, None),
    };
    let page = render(
        state,
        viewer,
        "tables/meeting_form.html",
        context! {
            conflict, current, yours,
            table => context! { id => found.table.id, name => found.table.name },
            editing => editing.map(|m| context! { id => m.id, title => m.title, version => m.version }),
            form => context! {
                title => input.title, date => input.date, start => input.start, end => input.end,
                place => input.place, online_url => input.online_url, documents => input.documents,
            },
            agenda => agenda.iter().map(|a| context! {
                title => a.title, representative => a.representative, presenter => a.presenter,
            }).collect::<Vec<_>>(),
            representatives => reps, review,
            errors => field_errors(state, viewer, errors),
            today => today(state).to_string(),
        },
    )?;
    with_status(status, Ok(page))
}

pub(super) async fn new(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let input = MeetingInput {
        start: "10:00".into(),
        end: "12:00".into(),
        ..Default::default()
    };
    form_page(&state, &viewer, &found, &input, &Errors::default(), None).await
}

/// Checks a posted meeting form against the table's representatives and the library.
async fn checked(
    state: &AppState,
    table: Uuid,
    input: &MeetingInput,
) -> AppResult<Result<MeetingDraft, Errors>> {
    let reps: Vec<(Uuid, String)> = current_representatives(state, table)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let asked = meetings::document_ids(&input.documents).unwrap_or_default();
    let readable: Vec<Uuid> = readable_documents(state, &asked)
        .await?
        .iter()
        .map(|d| d.id)
        .collect();
    Ok(input.check(&reps, &readable, state.db.now()))
}

/// What the emails of a change say, besides the meeting itself.
#[derive(Clone, Copy)]
enum News<'a> {
    Convened,
    Changed,
    Cancelled(&'a str),
}

/// The emails that tell every current representative of `table` about meeting `id` (its
/// invitation at `sequence`), each in the recipient's language: those with an account in the
/// language their profile says, contacts in Italian. A change or a cancellation also reaches
/// whoever was told of the meeting before and no longer represents a member: a change cancels
/// the meeting in their calendar, saying that they are no longer convened. Every language is
/// worked out before any email is made, so that a database error queues none.
async fn emails(
    state: &AppState,
    viewer: &Viewer,
    table: &Table,
    id: Uuid,
    draft: &MeetingDraft,
    sequence: i64,
    news: News<'_>,
) -> AppResult<Vec<Outgoing>> {
    let mut told: Vec<(Notified, bool)> = current_representatives(state, table.id)
        .await?
        .into_iter()
        .map(|r| {
            let n = Notified {
                email: r.email,
                name: r.name,
                user_id: r.user_id,
            };
            (n, false)
        })
        .collect();
    if !matches!(news, News::Convened) {
        for n in db::tables::notified(&state.db, id).await? {
            if !told
                .iter()
                .any(|(t, _)| t.email.eq_ignore_ascii_case(&n.email))
            {
                told.push((n, true));
            }
        }
    }
    letters(state, viewer, table, id, draft, sequence, news, told).await
}

/// The convocations of the table's coming meetings (convened, not started) for `person`, who is
/// being added as a representative, each at the meeting's current SEQUENCE: those they were
/// not told of already. Returned with their meeting, to be queued in the change that adds them.
pub(super) async fn late_convocations(
    state: &AppState,
    viewer: &Viewer,
    table: &Table,
    person: &Notified,
) -> AppResult<Vec<(Uuid, Outgoing)>> {
    let now = state.db.now();
    let mut out = Vec::new();
    for m in db::tables::meetings(&state.db, table.id).await? {
        if !meetings::convenes_newcomers(m.status, m.starts_at, now) {
            continue;
        }
        let told = db::tables::notified(&state.db, m.id).await?;
        if told
            .iter()
            .any(|n| n.email.eq_ignore_ascii_case(&person.email))
        {
            continue;
        }
        let one = vec![(person.clone(), false)];
        for o in letters(
            state,
            viewer,
            table,
            m.id,
            &m.draft(),
            m.sequence,
            News::Convened,
            one,
        )
        .await?
        {
            out.push((m.id, o));
        }
    }
    Ok(out)
}

/// The emails of `news` about meeting `id` to `told` (each with whether they no longer
/// represent a member).
#[allow(clippy::too_many_arguments)]
async fn letters(
    state: &AppState,
    viewer: &Viewer,
    table: &Table,
    id: Uuid,
    draft: &MeetingDraft,
    sequence: i64,
    news: News<'_>,
    told: Vec<(Notified, bool)>,
) -> AppResult<Vec<Outgoing>> {
    // Each recipient's language: their account's, the one recorded with the representative or
    // an active account of the same address opened since. Preferences apply only to the account
    // recorded with the representative: only through it do they see the table's page, where a
    // meeting stays for those who chose no email.
    let mut recipients = Vec::with_capacity(told.len());
    for (r, former) in told {
        let account = match r.user_id {
            Some(user) => Some(user),
            None => db::accounts::credentials(&state.db, &r.email.trim().to_lowercase())
                .await?
                .filter(|c| c.active)
                .map(|c| c.id),
        };
        let locale = match account {
            Some(user) => crate::mail::locale_of(&state.db, user).await?,
            None => Locale::default(),
        };
        recipients.push((r, former, locale));
    }
    let organizer = match viewer.someone.as_ref() {
        Some(s) => ical::Person {
            name: s.name.clone(),
            email: s.email.clone(),
        },
        None => return Err(AppError::Forbidden),
    };
    let host = state
        .config
        .base_url
        .split("://")
        .nth(1)
        .unwrap_or("ponte")
        .to_string();
    let link = format!(
        "{}/tables/{}/meetings/{id}",
        state.config.base_url, table.id
    );
    // What each recipient is sent: someone no longer at the table is told, on a change, that
    // the meeting is off for them.
    let plan = |former: bool| match news {
        News::Convened => (
            Method::Request,
            EventStatus::Confirmed,
            "mail-meeting-convened-subject",
            "convened",
        ),
        News::Changed if former => (
            Method::Cancel,
            EventStatus::Cancelled,
            "mail-meeting-withdrawn-subject",
            "withdrawn",
        ),
        News::Changed => (
            Method::Request,
            EventStatus::Confirmed,
            "mail-meeting-changed-subject",
            "changed",
        ),
        News::Cancelled(_) => (
            Method::Cancel,
            EventStatus::Cancelled,
            "mail-meeting-cancelled-subject",
            "cancelled",
        ),
    };
    let given = |text: &str| if text.is_empty() { "no" } else { "yes" };
    let now = state.db.now();
    let mut out = Vec::with_capacity(recipients.len());
    for (r, former, locale) in recipients {
        let (method, status, subject_key, kind) = plan(former);
        let agenda: String = draft
            .agenda
            .iter()
            .enumerate()
            .map(|(n, a)| format!("{}. {} ({})\n", n + 1, a.title, a.presenter))
            .collect();
        let args = [
            ("name", r.name.clone().into()),
            ("table", table.name.clone().into()),
            ("title", draft.title.clone().into()),
            ("when", when(locale, draft).into()),
            ("place", draft.place.clone().into()),
            ("has_place", given(&draft.place).into()),
            ("online", draft.online_url.clone().into()),
            ("has_online", given(&draft.online_url).into()),
            ("agenda", agenda.clone().into()),
            ("link", link.clone().into()),
            ("kind", kind.into()),
            (
                "reason",
                match news {
                    News::Cancelled(reason) => reason.to_string(),
                    _ => String::new(),
                }
                .into(),
            ),
        ];
        let subject = state.i18n.message(locale, subject_key, &args);
        let body = state.i18n.message(locale, "mail-meeting-body", &args);
        // Someone with an account is written to as they prefer (a representative without one
        // has no preferences: the table's convocations are the reason they are on its list).
        let signed = match r.user_id {
            Some(user) => {
                let base = &state.config.base_url;
                let kind = domain::notifications::Kind::Convocation;
                match crate::notifications::emails::signed(&state.db, base, user, kind, locale)
                    .await?
                {
                    Some(signed) => Some(signed),
                    None => {
                        out.push(Outgoing {
                            kind: crate::mail::KIND,
                            key: r.email.clone(),
                            payload: None,
                            recipient: r,
                        });
                        continue;
                    }
                }
            }
            None => None,
        };
        let event = Event {
            uid: format!("{id}@{host}"),
            starts_at: draft.starts_at,
            ends_at: draft.ends_at,
            summary: format!("{} — {}", draft.title, table.name),
            location: if draft.place.is_empty() {
                draft.online_url.clone()
            } else {
                draft.place.clone()
            },
            description: format!("{agenda}\n{}\n{link}", draft.online_url)
                .trim()
                .to_string(),
            url: link.clone(),
            status,
            sequence,
        };
        let attendee = ical::Person {
            name: r.name.clone(),
            email: r.email.clone(),
        };
        let ics = ical::invitation(method, &event, &organizer, &attendee, now);
        let email = crate::mail::Email {
            to: r.email.clone(),
            subject,
            body: match &signed {
                Some(s) => s.body(&body),
                None => body,
            },
            calendar: Some(crate::mail::Calendar {
                method: method.code().into(),
                ics,
            }),
        };
        let payload = match &signed {
            Some(s) => s.payload(&email),
            None => serde_json::to_value(&email).unwrap_or_default(),
        };
        out.push(Outgoing {
            kind: crate::mail::KIND,
            key: r.email.clone(),
            payload: Some(payload),
            recipient: r,
        });
    }
    Ok(out)
}

pub(super) async fn convene(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let (input, _) = meeting_input(&pairs);
    let draft = match checked(&state, id, &input).await? {
        Ok(d) => d,
        Err(e) => return form_page(&state, &viewer, &found, &input, &e, None).await,
    };
    let meeting = db::new_id();
    let outgoing = emails(
        &state,
        &viewer,
        &found.table,
        meeting,
        &draft,
        0,
        News::Convened,
    )
    .await?;
    db::tables::convene(&state.db, id, meeting, &draft, &outgoing, viewer.user_id()).await?;
    Ok(see_other(&format!("/tables/{id}/meetings/{meeting}")))
}

pub(super) async fn edit(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let m = db::tables::meeting(&state.db, id, meeting).await?;
    if let Err(message) = meetings::may_change(m.status, m.starts_at, state.db.now()) {
        return meeting_page(
            &state,
            &viewer,
            &found,
            &m,
            Some(failed("edit", "meeting", message, BTreeMap::new())),
        )
        .await;
    }
    let input = MeetingInput::from_draft(&m.draft(), 0);
    form_page(
        &state,
        &viewer,
        &found,
        &input,
        &Errors::default(),
        Some(&m),
    )
    .await
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let m = db::tables::meeting(&state.db, id, meeting).await?;
    let (input, version) = meeting_input(&pairs);
    if let Err(message) = meetings::may_change(m.status, m.starts_at, state.db.now()) {
        return meeting_page(
            &state,
            &viewer,
            &found,
            &m,
            Some(failed("edit", "meeting", message, BTreeMap::new())),
        )
        .await;
    }
    let Some(version) = version else {
        return Err(AppError::BadRequest("error-bad-form"));
    };
    if version != m.version {
        return form_page_with(
            &state,
            &viewer,
            &found,
            &input,
            &Errors::default(),
            Some(&m),
            true,
        )
        .await;
    }
    let draft = match checked(&state, id, &input).await? {
        Ok(d) => d,
        Err(e) => return form_page(&state, &viewer, &found, &input, &e, Some(&m)).await,
    };
    let outgoing = emails(
        &state,
        &viewer,
        &found.table,
        m.id,
        &draft,
        m.sequence + 1,
        News::Changed,
    )
    .await?;
    db::tables::update_meeting(&state.db, &m, &draft, &outgoing, viewer.user_id()).await?;
    Ok(see_other(&format!("/tables/{id}/meetings/{meeting}")))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(super) struct CancelForm {
    reason: String,
}

pub(super) async fn cancel(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
    Form(f): Form<CancelForm>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let m = db::tables::meeting(&state.db, id, meeting).await?;
    let typed = BTreeMap::from([("reason", f.reason.clone())]);
    let reason = match meetings::cancel(m.status, &f.reason) {
        Ok(r) => r,
        Err((field, message)) => {
            let fail = failed("cancel", field, message, typed);
            return meeting_page(&state, &viewer, &found, &m, Some(fail)).await;
        }
    };
    let outgoing = emails(
        &state,
        &viewer,
        &found.table,
        m.id,
        &m.draft(),
        m.sequence + 1,
        News::Cancelled(&reason),
    )
    .await?;
    db::tables::cancel_meeting(&state.db, &m, &reason, &outgoing, viewer.user_id()).await?;
    Ok(see_other(&format!("/tables/{id}/meetings/{meeting}")))
}

/// The organisations on the table on `day`: joined by then and not left before.
fn members_on(members: &[db::tables::Member], day: NaiveDate) -> Vec<&db::tables::Member> {
    members
        .iter()
        .filter(|m| m.joined_on <= day && m.left_on.is_none_or(|l| l >= day))
        .collect()
}

pub(super) async fn attendance(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let m = db::tables::meeting(&state.db, id, meeting).await?;
    // Rows are `presence.<organisation>`, `person.<organisation>`, `delegate.<organisation>`.
    let mut rows: BTreeMap<String, AttendanceInput> = BTreeMap::new();
    for (name, value) in &pairs {
        let Some((field, organisation)) = name.split_once('.') else {
            continue;
        };
        if !matches!(field, "presence" | "person" | "delegate") {
            continue;
        }
        let row = rows
            .entry(organisation.to_string())
            .or_insert_with(|| AttendanceInput {
                organisation: organisation.to_string(),
                ..Default::default()
            });
        match field {
            "presence" => row.presence = value.clone(),
            "person" => row.person = value.clone(),
            _ => row.delegate = value.clone(),
        }
    }
    let members = db::tables::members(&state.db, id).await?;
    let on_the_day: Vec<Uuid> = members_on(&members, local(m.starts_at).0)
        .iter()
        .map(|m| m.organisation_id)
        .collect();
    let inputs: Vec<AttendanceInput> = rows.into_values().collect();
    let typed: BTreeMap<&'static str, String> = BTreeMap::new();
    match meetings::check_attendance(m.status, m.starts_at, today(&state), &inputs, &on_the_day) {
        Ok(checked) => {
            db::tables::record_attendance(&state.db, id, meeting, &checked, viewer.user_id())
                .await?;
            Ok(see_other(&format!(
                "/tables/{id}/meetings/{meeting}#attendance"
            )))
        }
        Err(errors) => {
            let fail = super::pages::Failed {
                form: "attendance",
                errors,
                typed,
            };
            let posted: Vec<(String, String)> = pairs;
            meeting_page_with(&state, &viewer, &found, &m, Some(fail), Some(&posted)).await
        }
    }
}

fn failed(
    form: &'static str,
    field: &'static str,
    message: &'static str,
    typed: BTreeMap<&'static str, String>,
) -> super::pages::Failed {
    let mut errors = Errors::default();
    errors.add(field, message);
    super::pages::Failed {
        form,
        errors,
        typed,
    }
}

pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let found = find(&state, &viewer, id).await?;
    if found.access(&viewer) < Access::Read {
        return Ok(see_other(&format!("/tables/{id}/public")));
    }
    let m = db::tables::meeting(&state.db, id, meeting).await?;
    meeting_page(&state, &viewer, &found, &m, None).await
}

async fn meeting_page(
    state: &AppState,
    viewer: &Viewer,
    found: &Found,
    m: &Meeting,
    failed: Option<super::pages::Failed>,
) -> AppResult {
    meeting_page_with(state, viewer, found, m, failed, None).await
}

/// The meeting page; `posted` is the attendance form as sent, when it was refused.
async fn meeting_page_with(
    state: &AppState,
    viewer: &Viewer,
    found: &Found,
    m: &Meeting,
    failed: Option<super::pages::Failed>,
    posted: Option<&[(String, String)]>,
) -> AppResult {
    let locale = viewer.locale;
    let manages = found.access(viewer) == Access::Manage;
    let now = state.db.now();
    let day = local(m.starts_at).0;
    let documents: Vec<Value> = readable_documents(state, &m.documents)
        .await?
        .iter()
        .map(|d| context! { id => d.id, title => d.title })
        .collect();
    let recorded = db::tables::attendance(&state.db, m.id).await?;
    let members = db::tables::members(&state.db, found.table.id).await?;
    let representatives = db::tables::representatives(&state.db, found.table.id).await?;
    let posted_value = |field: &str, organisation: Uuid| -> Option<String> {
        posted.map(|p| {
            p.iter()
                .find(|(n, _)| *n == format!("{field}.{organisation}"))
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
    };
    let rows: Vec<Value> = members_on(&members, day)
        .iter()
        .map(|mb| {
            let had = recorded.iter().find(|a| a.organisation_id == mb.organisation_id);
            let usual = representatives
                .iter()
                .find(|r| r.organisation_id == mb.organisation_id)
                .map(|r| r.name.clone())
                .unwrap_or_default();
            let presence = posted_value("presence", mb.organisation_id)
                .unwrap_or_else(|| had.map(|a| a.presence.code().to_string()).unwrap_or_default());
            let person = posted_value("person", mb.organisation_id).unwrap_or_else(|| {
                had.map(|a| a.person.clone())
                    .filter(|p| !p.is_empty())
                    .unwrap_or(usual)
            });
            let delegate = posted_value("delegate", mb.organisation_id)
                .unwrap_or_else(|| had.map(|a| a.delegate.clone()).unwrap_or_default());
            context! { id => mb.organisation_id, name => mb.organisation, presence, person, delegate }
        })
        .collect();
    let failed = failed.unwrap_or_default();
    let status = if failed.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let minutes = super::minutes::states(state, found.table.id, found.access(viewer))
        .await?
        .get(&m.id)
        .copied();
    let page = render(
        state,
        viewer,
        "tables/meeting.html",
        context! {
            table => context! { id => found.table.id, name => found.table.name },
            meeting => context! {
                id => m.id, title => m.title, status => m.status.code(),
                when => when(locale, &m.draft()),
                place => m.place, online_url => m.online_url,
                agenda => m.agenda.iter().map(|a| context! { title => a.title, presenter => a.presenter }).collect::<Vec<_>>(),
                reason => m.cancel_reason,
            },
            documents,
            attendance => recorded.iter().map(|a| context! {
                organisation => a.organisation, presence => a.presence.code(), person => a.person, delegate => a.delegate,
            }).collect::<Vec<_>>(),
            rows, presences => Presence::ALL.map(Presence::code),
            manages,
            may_change => meetings::may_change(m.status, m.starts_at, now).is_ok(),
            may_record => m.status != MeetingStatus::Cancelled && today(state) >= day,
            minutes, may_draft => manages && m.status == MeetingStatus::Held,
            failed => failed.form, errors => field_errors(state, viewer, &failed.errors),
            typed => failed.typed,
        },
    )?;
    with_status(status, Ok(page))
}

/// The table's meetings as the table page lists them: those to come first (soonest first), then
/// those past (latest first).
pub(super) fn listed(
    meetings: &[Meeting],
    locale: Locale,
    now: DateTime<Utc>,
) -> (Vec<Value>, Vec<Value>) {
    let view = |m: &Meeting| {
        context! {
            id => m.id, title => m.title, status => m.status.code(), when => when(locale, &m.draft()),
            place => if m.place.is_empty() { None } else { Some(m.place.clone()) },
            online => !m.online_url.is_empty(),
        }
    };
    let upcoming = meetings
        .iter()
        .filter(|m| m.ends_at > now && m.status == MeetingStatus::Convened)
        .map(view)
        .collect();
    let past = meetings
        .iter()
        .rev()
        .filter(|m| !(m.ends_at > now && m.status == MeetingStatus::Convened))
        .map(view)
        .collect();
    (upcoming, past)
}

/// The iCalendar feed of the table's meetings, for those who see the table. Online links are
/// left in: only people the table involves read it.
pub(super) async fn feed(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let found = find(&state, &viewer, id).await?;
    if found.access(&viewer) < Access::Read {
        return Err(AppError::NotFound);
    }
    feed_of(&state, &found.table).await
}

/// The iCalendar feed of `table`'s meetings, for someone who reads the table page.
pub(super) async fn feed_of(state: &AppState, table: &Table) -> AppResult {
    let id = table.id;
    let host = state
        .config
        .base_url
        .split("://")
        .nth(1)
        .unwrap_or("ponte")
        .to_string();
    let events: Vec<Event> = db::tables::meetings(&state.db, id)
        .await?
        .iter()
        .map(|m| {
            let agenda: String = m
                .agenda
                .iter()
                .enumerate()
                .map(|(n, a)| format!("{}. {} ({})\n", n + 1, a.title, a.presenter))
                .collect();
            Event {
                uid: format!("{}@{host}", m.id),
                starts_at: m.starts_at,
                ends_at: m.ends_at,
                summary: format!("{} — {}", m.title, table.name),
                location: m.place.clone(),
                description: format!("{agenda}\n{}", m.online_url).trim().to_string(),
                url: format!("{}/tables/{id}/meetings/{}", state.config.base_url, m.id),
                status: match m.status {
                    MeetingStatus::Convened | MeetingStatus::Held => EventStatus::Confirmed,
                    MeetingStatus::Cancelled => EventStatus::Cancelled,
                },
                sequence: m.sequence,
            }
        })
        .collect();
    let body = ical::calendar(&format!("Ponte — {}", table.name), &events, state.db.now());
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"meetings.ics\"",
            ),
        ],
        body,
    )
        .into_response())
}
