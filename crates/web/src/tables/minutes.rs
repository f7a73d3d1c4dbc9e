//! The minutes of a table's held meetings: the secretariat drafts them (one section per agenda
//! item, decisions marked as such), circulates them (an email to every representative, with or
//! without an account, queued with the change) with a deadline for comments, amends them (each
//! amendment a revision, compared line by line as products' versions are), approves them once
//! and publishes them on the table's public page. Representatives with an account comment on a
//! section until the deadline. Approved minutes export as DOCX and PDF/A. A refused form shows
//! the page again with the reason (409 or 422) and changes nothing.

use super::*;
use crate::http::{see_other, with_status, Form, PathIds, Query};
use crate::session::{field_errors, render};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use chrono::{DateTime, Utc};
use db::tables::{Meeting, Minutes, Notified, Outgoing};
use domain::labs::schedule::local;
use domain::locale::Locale;
use domain::products::diff;
use domain::products::text::Block;
use domain::tables::meetings::MeetingStatus;
use domain::tables::minutes::{
    self as rules, DecisionInput, MinutesBody, MinutesInput, MinutesStatus, SectionInput,
};
use domain::validation::Errors;
use minijinja::{context, Value};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Largest minutes form, in bytes: every section's text at its longest, encoded.
pub(super) const MAX_FORM: usize = 4 * 1024 * 1024;

/// Blank decision rows each section of the form offers (the form works without scripts).
const BLANK_DECISIONS: usize = 2;

/// A moment in Rome, in the reader's language.
fn stamp(locale: Locale, t: DateTime<Utc>) -> String {
    locale.date_time(t)
}

/// The table, the meeting and its minutes, for a viewer who may read the table; minutes the
/// viewer may not see (a draft, for a representative) are not found, as missing ones.
async fn read(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
    meeting: Uuid,
) -> AppResult<(Found, Meeting, Minutes)> {
    let found = find(state, viewer, id).await?;
    let m = db::tables::meeting(&state.db, id, meeting).await?;
    let minutes = db::tables::minutes_of(&state.db, id, meeting)
        .await?
        .ok_or(AppError::NotFound)?;
    if !rules::visible(minutes.status, found.access(viewer)) {
        return Err(AppError::NotFound);
    }
    Ok((found, m, minutes))
}

/// As `read`, for the secretariat.
async fn read_managed(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
    meeting: Uuid,
) -> AppResult<(Found, Meeting, Minutes)> {
    let (found, m, minutes) = read(state, viewer, id, meeting).await?;
    if found.access(viewer) < Access::Manage {
        return Err(AppError::Forbidden);
    }
    Ok((found, m, minutes))
}

fn base(table: Uuid, meeting: Uuid) -> String {
    format!("/tables/{table}/meetings/{meeting}/minutes")
}

/// A section as pages show it: its text rendered (and sanitised) as products' Markdown is.
fn section_view(number: usize, s: &rules::Section, comments: Vec<Value>) -> Value {
    context! {
        id => s.id, number, title => s.title,
        html => domain::products::text::render(&s.body),
        decisions => s.decisions.iter().map(|d| context! { id => d.id, text => d.text }).collect::<Vec<_>>(),
        comments,
    }
}

/// The minutes as every view shows them (page and public page): state, dates, sections. On the
/// public page (`public`) nobody is named: the approval shows its date only.
fn minutes_view(
    locale: Locale,
    minutes: &Minutes,
    comments: &[db::tables::MinutesComment],
    now: DateTime<Utc>,
    public: bool,
) -> Value {
    let sections: Vec<Value> = minutes
        .body
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let said: Vec<Value> = comments
                .iter()
                .filter(|c| c.section_id == s.id)
                .map(|c| {
                    context! {
                        author => c.author, body => c.body, when => stamp(locale, c.created_at),
                        revision => c.revision,
                    }
                })
                .collect();
            section_view(i + 1, s, said)
        })
        .collect();
    context! {
        id => minutes.id, status => minutes.status.code(), revision => minutes.revision,
        deadline => minutes.comment_deadline.map(|d| locale.date(local(d).0)),
        deadline_passed => minutes.comment_deadline.is_some_and(|d| d < now),
        circulated_at => minutes.circulated_at.map(|t| stamp(locale, t)),
        approved_at => minutes.approved_at.map(|t| stamp(locale, t)),
        approved_by => if public { None } else { minutes.approved_by_name.clone() },
        published_at => minutes.published_at.map(|t| stamp(locale, t)),
        approved => minutes.status.approved(),
        sections,
    }
}

/// What a refused form on the minutes page sends back.
#[derive(Default)]
struct Refused {
    form: &'static str,
    errors: Errors,
    typed: BTreeMap<&'static str, String>,
    status: Option<StatusCode>,
}

fn refused(form: &'static str, field: &'static str, message: &'static str) -> Refused {
    let mut errors = Errors::default();
    errors.add(field, message);
    Refused {
        form,
        errors,
        typed: BTreeMap::new(),
        status: Some(StatusCode::CONFLICT),
    }
}

/// Whether the viewer may comment on these minutes now: a representative of the table with an
/// account, on circulated minutes, before the deadline.
fn may_comment(found: &Found, viewer: &Viewer, minutes: &Minutes, now: DateTime<Utc>) -> bool {
    viewer
        .user_id()
        .is_some_and(|u| found.involved.representatives.contains(&u))
        && rules::may_comment(minutes.status, minutes.comment_deadline, now).is_ok()
}

async fn minutes_page(
    state: &AppState,
    viewer: &Viewer,
    found: &Found,
    m: &Meeting,
    minutes: &Minutes,
    refusal: Option<Refused>,
) -> AppResult {
    let locale = viewer.locale;
    let now = state.db.now();
    let manages = found.access(viewer) == Access::Manage;
    let comments = db::tables::minutes_comments(&state.db, minutes.id).await?;
    let revisions: Vec<Value> = db::tables::minutes_revisions(&state.db, minutes.id)
        .await?
        .iter()
        .map(|r| {
            context! {
                number => r.number, note => r.note, author => r.author,
                when => stamp(locale, r.created_at),
            }
        })
        .collect();
    let refusal = refusal.unwrap_or_default();
    let status = refusal.status.unwrap_or(if refusal.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    });
    let mut typed: BTreeMap<&'static str, String> = ["deadline", "comment", "section"]
        .into_iter()
        .map(|k| (k, String::new()))
        .collect();
    typed.extend(refusal.typed);
    let page = render(
        state,
        viewer,
        "tables/minutes.html",
        context! {
            table => context! { id => found.table.id, name => found.table.name },
            meeting => context! {
                id => m.id, title => m.title,
                when => locale.date(local(m.starts_at).0),
            },
            minutes => minutes_view(locale, minutes, &comments, now, false),
            revisions, manages,
            may_amend => manages && rules::may_amend(minutes.status).is_ok(),
            may_approve => manages && rules::may_approve(minutes.status).is_ok(),
            may_publish => manages && rules::may_publish(minutes.status).is_ok(),
            may_comment => may_comment(found, viewer, minutes, now),
            base => base(found.table.id, m.id),
            failed => refusal.form, errors => field_errors(state, viewer, &refusal.errors),
            typed,
            today => super::today(state).to_string(),
        },
    )?;
    with_status(status, Ok(page))
}

pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let found = find(&state, &viewer, id).await?;
    if found.access(&viewer) < Access::Read {
        // Published minutes are on the public page; nothing else is said.
        return Ok(see_other(&format!("/tables/{id}/public")));
    }
    let (found, m, minutes) = read(&state, &viewer, id, meeting).await?;
    minutes_page(&state, &viewer, &found, &m, &minutes, None).await
}

/// Starts the minutes of a held meeting: one empty section per agenda item. A meeting that
/// already has minutes leads to them.
pub(super) async fn draft(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let _found = managed(&state, &viewer, id).await?;
    let m = db::tables::meeting(&state.db, id, meeting).await?;
    if db::tables::minutes_of(&state.db, id, meeting)
        .await?
        .is_some()
    {
        return Ok(see_other(&format!("{}/edit", base(id, meeting))));
    }
    if m.status != MeetingStatus::Held {
        return Err(AppError::BadRequest("error-minutes-not-held"));
    }
    let body = MinutesBody::from_agenda(&m.agenda, db::new_id);
    match db::tables::draft_minutes(
        &state.db,
        id,
        meeting,
        db::new_id(),
        &body,
        viewer.user_id(),
    )
    .await
    {
        // Drafted meanwhile by someone else: theirs are the minutes.
        Ok(()) | Err(db::DbError::Conflict) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(see_other(&format!("{}/edit", base(id, meeting))))
}

/// The form's fields from the posted pairs: `sN.id`, `sN.body`, `sN.dM.id`, `sN.dM.text`,
/// `note` and `version`.
fn minutes_input(pairs: &[(String, String)]) -> (MinutesInput, Option<i64>) {
    let mut sections: BTreeMap<usize, (SectionInput, BTreeMap<usize, DecisionInput>)> =
        BTreeMap::new();
    let mut note = String::new();
    let mut version = None;
    for (name, value) in pairs {
        match name.as_str() {
            "note" => note = value.clone(),
            "version" => version = value.trim().parse().ok(),
            other => {
                let Some((s, field)) = other.strip_prefix('s').and_then(|r| r.split_once('.'))
                else {
                    continue;
                };
                // Rows beyond what the form can hold are dropped; the check finds the sections
                // changed or the decisions too many.
                let Some(s) = s
                    .parse::<usize>()
                    .ok()
                    .filter(|s| *s < 10 * domain::tables::meetings::MAX_ITEMS)
                else {
                    continue;
                };
                let entry = sections.entry(s).or_default();
                match field {
                    "id" => entry.0.id = value.clone(),
                    "body" => entry.0.body = value.clone(),
                    decision => {
                        let Some((d, part)) =
                            decision.strip_prefix('d').and_then(|r| r.split_once('.'))
                        else {
                            continue;
                        };
                        let Some(d) = d
                            .parse::<usize>()
                            .ok()
                            .filter(|d| *d < 2 * rules::MAX_DECISIONS + BLANK_DECISIONS)
                        else {
                            continue;
                        };
                        let row = entry.1.entry(d).or_default();
                        match part {
                            "id" => row.id = value.clone(),
                            "text" => row.text = value.clone(),
                            _ => {}
                        }
                    }
                }
            }
        }
    }
    let sections = sections
        .into_values()
        .map(|(mut s, decisions)| {
            s.decisions = decisions.into_values().collect();
            s
        })
        .collect();
    (MinutesInput { sections, note }, version)
}

/// The amending form; with `conflict`, the minutes changed since the form was read (409).
#[allow(clippy::too_many_arguments)]
async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    found: &Found,
    m: &Meeting,
    minutes: &Minutes,
    input: &MinutesInput,
    errors: &Errors,
    conflict: bool,
) -> AppResult {
    let status = if conflict {
        StatusCode::CONFLICT
    } else if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let sections: Vec<Value> = minutes
        .body
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let typed = input.sections.get(i);
            let mut decisions: Vec<DecisionInput> = typed
                .map(|t| {
                    t.decisions
                        .iter()
                        .filter(|d| !(d.id.trim().is_empty() && d.text.trim().is_empty()))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            decisions.extend(std::iter::repeat_n(
                DecisionInput::default(),
                BLANK_DECISIONS,
            ));
            context! {
                number => i + 1, id => s.id, title => s.title,
                body => typed.map(|t| t.body.clone()).unwrap_or_default(),
                decisions => decisions.iter().map(|d| context! { id => d.id, text => d.text }).collect::<Vec<_>>(),
            }
        })
        .collect();
    let page = render(
        state,
        viewer,
        "tables/minutes_form.html",
        context! {
            table => context! { id => found.table.id, name => found.table.name },
            meeting => context! { id => m.id, title => m.title, when => viewer.locale.date(local(m.starts_at).0) },
            minutes => context! { status => minutes.status.code(), revision => minutes.revision, version => minutes.version },
            sections, note => input.note, conflict,
            base => base(found.table.id, m.id),
            errors => field_errors(state, viewer, errors),
        },
    )?;
    with_status(status, Ok(page))
}

pub(super) async fn edit(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let (found, m, minutes) = read_managed(&state, &viewer, id, meeting).await?;
    if let Err(message) = rules::may_amend(minutes.status) {
        let refusal = refused("amend", "minutes", message);
        return minutes_page(&state, &viewer, &found, &m, &minutes, Some(refusal)).await;
    }
    let input = MinutesInput::from_body(&minutes.body, 0);
    form_page(
        &state,
        &viewer,
        &found,
        &m,
        &minutes,
        &input,
        &Errors::default(),
        false,
    )
    .await
}

pub(super) async fn amend(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let (found, m, minutes) = read_managed(&state, &viewer, id, meeting).await?;
    if let Err(message) = rules::may_amend(minutes.status) {
        let refusal = refused("amend", "minutes", message);
        return minutes_page(&state, &viewer, &found, &m, &minutes, Some(refusal)).await;
    }
    let (input, version) = minutes_input(&pairs);
    let Some(version) = version else {
        return Err(AppError::BadRequest("error-bad-form"));
    };
    if version != minutes.version {
        let mut errors = Errors::default();
        errors.add("minutes", "error-minutes-changed");
        return form_page(&state, &viewer, &found, &m, &minutes, &input, &errors, true).await;
    }
    let (body, note) = match input.check(&minutes.body, db::new_id) {
        Ok(checked) => checked,
        Err(errors) => {
            return form_page(
                &state, &viewer, &found, &m, &minutes, &input, &errors, false,
            )
            .await
        }
    };
    if body == minutes.body {
        // Nothing changed: no new version.
        return Ok(see_other(&base(id, meeting)));
    }
    match db::tables::amend_minutes(&state.db, &minutes, &body, &note, viewer.user_id()).await {
        Ok(()) => Ok(see_other(&base(id, meeting))),
        Err(db::DbError::Conflict) => {
            let mut errors = Errors::default();
            errors.add("minutes", "error-minutes-changed");
            form_page(&state, &viewer, &found, &m, &minutes, &input, &errors, true).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The emails that circulate the minutes: one to every current representative of the table,
/// with or without an account, in their language (contacts in Italian), with the deadline, the
/// link and the text itself (a contact without an account cannot open the link). Every language
/// is worked out before any email is made.
async fn circulation_emails(
    state: &AppState,
    table: &db::tables::Table,
    m: &Meeting,
    minutes: &Minutes,
    deadline: DateTime<Utc>,
) -> AppResult<Vec<Outgoing>> {
    let members = db::tables::members(&state.db, table.id).await?;
    let representatives: Vec<db::tables::Representative> =
        db::tables::representatives(&state.db, table.id)
            .await?
            .into_iter()
            .filter(|r| {
                members
                    .iter()
                    .any(|mb| mb.organisation_id == r.organisation_id && mb.left_on.is_none())
            })
            .collect();
    let link = format!("{}{}", state.config.base_url, base(table.id, m.id));
    let mut out: Vec<Outgoing> = Vec::with_capacity(representatives.len());
    for r in representatives {
        if out.iter().any(|o| o.key.eq_ignore_ascii_case(&r.email)) {
            continue;
        }
        let locale = match r.user_id {
            Some(user) => crate::mail::locale_of(&state.db, user).await?,
            None => Locale::default(),
        };
        let args = [
            ("name", r.name.clone().into()),
            ("table", table.name.clone().into()),
            ("title", m.title.clone().into()),
            ("date", locale.date(local(m.starts_at).0).into()),
            ("deadline", locale.date(local(deadline).0).into()),
            ("link", link.clone().into()),
            (
                "account",
                if r.user_id.is_some() { "yes" } else { "no" }.into(),
            ),
            (
                "text",
                minutes
                    .body
                    .markdown(&state.i18n.t(locale, "minutes-decision"))
                    .into(),
            ),
        ];
        let subject = state.i18n.message(locale, "mail-minutes-subject", &args);
        let body = state.i18n.message(locale, "mail-minutes-body", &args);
        let email = crate::mail::Email {
            to: r.email.clone(),
            subject,
            body,
            calendar: None,
        };
        out.push(Outgoing {
            kind: crate::mail::KIND,
            key: r.email.clone(),
            payload: Some(serde_json::to_value(&email).unwrap_or_default()),
            recipient: Notified {
                email: r.email,
                name: r.name,
                user_id: r.user_id,
            },
        });
    }
    Ok(out)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct CirculateForm {
    deadline: String,
}

pub(super) async fn circulate(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
    Form(f): Form<CirculateForm>,
) -> AppResult {
    let (found, m, minutes) = read_managed(&state, &viewer, id, meeting).await?;
    let deadline = match rules::circulation_deadline(minutes.status, &f.deadline, state.db.now()) {
        Ok(d) => d,
        Err(errors) => {
            let refusal = Refused {
                form: "circulate",
                status: minutes.status.approved().then_some(StatusCode::CONFLICT),
                errors,
                typed: BTreeMap::from([("deadline", f.deadline.clone())]),
            };
            return minutes_page(&state, &viewer, &found, &m, &minutes, Some(refusal)).await;
        }
    };
    let outgoing = circulation_emails(&state, &found.table, &m, &minutes, deadline).await?;
    match db::tables::circulate_minutes(&state.db, &minutes, deadline, &outgoing, viewer.user_id())
        .await
    {
        Ok(()) => Ok(see_other(&base(id, meeting))),
        Err(db::DbError::Conflict) => {
            let refusal = refused("circulate", "deadline", "error-minutes-changed");
            minutes_page(&state, &viewer, &found, &m, &minutes, Some(refusal)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct CommentForm {
    section: String,
    comment: String,
}

pub(super) async fn comment(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
    Form(f): Form<CommentForm>,
) -> AppResult {
    let (found, m, minutes) = read(&state, &viewer, id, meeting).await?;
    // Someone the table does not involve learns nothing, not even that the minutes exist.
    if found.access(&viewer) < Access::Read {
        return Err(AppError::NotFound);
    }
    let Some(user) = viewer.user_id() else {
        return Err(AppError::Forbidden);
    };
    let typed = BTreeMap::from([
        ("comment", f.comment.clone()),
        ("section", f.section.clone()),
    ]);
    if !found.involved.representatives.contains(&user) {
        let refusal = Refused {
            typed,
            status: Some(StatusCode::FORBIDDEN),
            ..refused("comment", "comment", "error-minutes-not-representative")
        };
        return minutes_page(&state, &viewer, &found, &m, &minutes, Some(refusal)).await;
    }
    let now = state.db.now();
    if let Err(message) = rules::may_comment(minutes.status, minutes.comment_deadline, now) {
        let refusal = Refused {
            typed,
            ..refused("comment", "comment", message)
        };
        return minutes_page(&state, &viewer, &found, &m, &minutes, Some(refusal)).await;
    }
    let (section, text) = match rules::check_comment(&minutes.body, &f.section, &f.comment) {
        Ok(checked) => checked,
        Err(errors) => {
            let refusal = Refused {
                form: "comment",
                errors,
                typed,
                status: None,
            };
            return minutes_page(&state, &viewer, &found, &m, &minutes, Some(refusal)).await;
        }
    };
    let comment = db::new_id();
    match db::tables::comment_on_minutes(
        &state.db,
        minutes.id,
        comment,
        section,
        minutes.revision,
        &text,
        user,
    )
    .await
    {
        Ok(()) => Ok(see_other(&format!(
            "{}#section-{section}",
            base(id, meeting)
        ))),
        Err(db::DbError::Conflict) => {
            // Approved or closed meanwhile: read again to say which.
            let (found, m, minutes) = read(&state, &viewer, id, meeting).await?;
            let message = rules::may_comment(minutes.status, minutes.comment_deadline, now)
                .err()
                .unwrap_or("error-minutes-changed");
            let refusal = Refused {
                typed,
                ..refused("comment", "comment", message)
            };
            minutes_page(&state, &viewer, &found, &m, &minutes, Some(refusal)).await
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn approve(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let (found, m, minutes) = read_managed(&state, &viewer, id, meeting).await?;
    if let Err(message) = rules::may_approve(minutes.status) {
        let refusal = refused("approve", "minutes", message);
        return minutes_page(&state, &viewer, &found, &m, &minutes, Some(refusal)).await;
    }
    match db::tables::approve_minutes(&state.db, &minutes, viewer.user_id()).await {
        Ok(()) => Ok(see_other(&base(id, meeting))),
        Err(db::DbError::Conflict) => {
            let (found, m, minutes) = read(&state, &viewer, id, meeting).await?;
            let message = rules::may_approve(minutes.status)
                .err()
                .unwrap_or("error-minutes-changed");
            let refusal = refused("approve", "minutes", message);
            minutes_page(&state, &viewer, &found, &m, &minutes, Some(refusal)).await
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn publish(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let (found, m, minutes) = read_managed(&state, &viewer, id, meeting).await?;
    if let Err(message) = rules::may_publish(minutes.status) {
        let refusal = refused("publish", "minutes", message);
        return minutes_page(&state, &viewer, &found, &m, &minutes, Some(refusal)).await;
    }
    match db::tables::publish_minutes(&state.db, &minutes, viewer.user_id()).await {
        Ok(()) => Ok(see_other(&base(id, meeting))),
        Err(db::DbError::Conflict) => {
            let refusal = refused("publish", "minutes", "error-minutes-already-published");
            minutes_page(&state, &viewer, &found, &m, &minutes, Some(refusal)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct CompareQuery {
    a: String,
    b: String,
}

/// Two revisions of the minutes compared line by line, as products' versions are.
pub(super) async fn compare(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
    Query(q): Query<CompareQuery>,
) -> AppResult {
    let (found, m, minutes) = read(&state, &viewer, id, meeting).await?;
    if found.access(&viewer) < Access::Read {
        return Err(AppError::NotFound);
    }
    let revisions = db::tables::minutes_revisions(&state.db, minutes.id).await?;
    let pick = |typed: &str, default: i64| -> AppResult<i64> {
        match typed.trim() {
            "" => Ok(default),
            t => t
                .parse::<i64>()
                .ok()
                .filter(|n| revisions.iter().any(|r| r.number == *n))
                .ok_or(AppError::NotFound),
        }
    };
    let b = pick(&q.b, minutes.revision)?;
    let a = pick(&q.a, (b - 1).max(1))?;
    let text = |n: i64| {
        revisions
            .iter()
            .find(|r| r.number == n)
            .map(|r| {
                r.body
                    .markdown(&state.i18n.t(viewer.locale, "minutes-decision"))
            })
            .unwrap_or_default()
    };
    let lines = diff::lines(&text(a), &text(b));
    let changed = lines
        .iter()
        .filter(|l| l.change != diff::Change::Same)
        .count();
    render(
        &state,
        &viewer,
        "tables/minutes_compare.html",
        context! {
            table => context! { id => found.table.id, name => found.table.name },
            meeting => context! { id => m.id, title => m.title },
            a, b, lines, changed,
            revisions => revisions.iter().map(|r| r.number).collect::<Vec<_>>(),
            base => base(id, meeting),
        },
    )
}

/// The minutes laid out for export: the meeting, those present, each section with its
/// decisions, and who approved them when. For a reader of the public page only (`public`), the
/// organisations present without the people's names, and the approval's date without its author.
async fn document(
    state: &AppState,
    locale: Locale,
    found: &Found,
    m: &Meeting,
    minutes: &Minutes,
    public: bool,
) -> AppResult<export::product::Doc> {
    let t = |k: &str| state.i18n.t(locale, k);
    let mut blocks = Vec::new();
    let mut facts = format!("{}: {}", t("meeting-when"), stamp(locale, m.starts_at));
    if !m.place.is_empty() {
        facts.push_str(&format!("\n{}: {}", t("meeting-place"), m.place));
    }
    blocks.push(Block::Paragraph(facts));
    let attendance = db::tables::attendance(&state.db, m.id).await?;
    if !attendance.is_empty() {
        blocks.push(Block::Heading(1, t("meeting-attendance")));
        let mut head = vec![t("table-member-organisation"), t("meeting-presence")];
        if !public {
            head.push(t("meeting-person"));
        }
        let mut rows = vec![head];
        for a in &attendance {
            let mut row = vec![
                a.organisation.clone(),
                t(&format!("meeting-presence-{}", a.presence.code())),
            ];
            if !public {
                row.push(if a.delegate.is_empty() {
                    a.person.clone()
                } else {
                    a.delegate.clone()
                });
            }
            rows.push(row);
        }
        blocks.push(Block::Table(rows));
    }
    let decision = t("minutes-decision");
    for (i, s) in minutes.body.sections.iter().enumerate() {
        blocks.push(Block::Heading(1, format!("{}. {}", i + 1, s.title)));
        // Headings inside a section sit below the section's own.
        blocks.extend(
            domain::products::text::blocks(&s.body)
                .into_iter()
                .map(|b| match b {
                    Block::Heading(level, text) => {
                        Block::Heading(level.saturating_add(1).min(3), text)
                    }
                    other => other,
                }),
        );
        for d in &s.decisions {
            blocks.push(Block::Item(format!("{decision}: {}", d.text)));
        }
    }
    let approved = match (minutes.approved_at, &minutes.approved_by_name) {
        (Some(at), _) if public => state.i18n.message(
            locale,
            "minutes-approved-on",
            &[("when", stamp(locale, at).into())],
        ),
        (Some(at), Some(by)) => state.i18n.message(
            locale,
            "minutes-approved-by",
            &[
                ("name", by.clone().into()),
                ("when", stamp(locale, at).into()),
            ],
        ),
        _ => String::new(),
    };
    Ok(export::product::Doc {
        title: format!("{} — {}", t("minutes-title"), m.title),
        subtitle: format!(
            "{}\n{} · {}",
            found.table.name,
            state.i18n.message(
                locale,
                "minutes-revision",
                &[("number", minutes.revision.into())]
            ),
            approved
        ),
        lang: locale.code().to_string(),
        landscape: false,
        blocks,
        date: local(minutes.approved_at.unwrap_or(m.starts_at)).0,
    })
}

/// Approved minutes as DOCX or PDF/A: for whoever reads the table, and for everyone once they
/// are published on a public table. Minutes not approved have no file.
async fn export(state: AppState, viewer: Viewer, id: Uuid, meeting: Uuid, pdf: bool) -> AppResult {
    let found = find(&state, &viewer, id).await?;
    let m = db::tables::meeting(&state.db, id, meeting).await?;
    let minutes = db::tables::minutes_of(&state.db, id, meeting)
        .await?
        .ok_or(AppError::NotFound)?;
    if !minutes.status.approved() || !rules::visible(minutes.status, found.access(&viewer)) {
        return Err(AppError::NotFound);
    }
    let public = found.access(&viewer) < Access::Read;
    let doc = document(&state, viewer.locale, &found, &m, &minutes, public).await?;
    let (bytes, mime, extension) = if pdf {
        let bytes = tokio::task::spawn_blocking(move || export::product::pdf(&doc))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
            .map_err(|e| AppError::Internal(e.to_string()))?;
        (bytes, "application/pdf", "pdf")
    } else {
        let bytes = export::product::docx(&doc).map_err(|e| AppError::Internal(e.to_string()))?;
        (
            bytes,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        )
    };
    let stem = format!(
        "{}-{}",
        state.i18n.t(viewer.locale, "minutes-file"),
        local(m.starts_at).0.format("%Y-%m-%d")
    );
    Ok((
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                crate::http::attachment(&format!("{stem}.{extension}")),
            ),
        ],
        bytes,
    )
        .into_response())
}

pub(super) async fn docx(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    export(state, viewer, id, meeting, false).await
}

pub(super) async fn pdf(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    export(state, viewer, id, meeting, true).await
}

/// The state of each meeting's minutes that the viewer may see, by meeting (for the meeting
/// page and the table page).
pub(super) async fn states(
    state: &AppState,
    table: Uuid,
    access: Access,
) -> AppResult<BTreeMap<Uuid, &'static str>> {
    Ok(db::tables::table_minutes(&state.db, table)
        .await?
        .into_iter()
        .filter(|m| rules::visible(m.status, access))
        .map(|m| (m.meeting_id, m.status.code()))
        .collect())
}

/// The published minutes of a table, for its public page: each with its meeting and sections.
pub(super) async fn published(
    state: &AppState,
    table: Uuid,
    locale: Locale,
) -> AppResult<Vec<Value>> {
    let meetings = db::tables::meetings(&state.db, table).await?;
    let now = state.db.now();
    let mut out = Vec::new();
    for minutes in db::tables::table_minutes(&state.db, table)
        .await?
        .iter()
        .rev()
    {
        if minutes.status != MinutesStatus::Published {
            continue;
        }
        let Some(m) = meetings.iter().find(|m| m.id == minutes.meeting_id) else {
            continue;
        };
        out.push(context! {
            meeting => context! { id => m.id, title => m.title, when => locale.date(local(m.starts_at).0) },
            minutes => minutes_view(locale, minutes, &[], now, true),
            base => base(table, m.id),
        });
    }
    Ok(out)
}
