//! A table's commitments: the secretariat records one from a meeting (what, the member that owes
//! it, its representative, the due date, evidence) and edits it; the owing organisation's
//! representatives and the secretariat move it on (in progress, done, dropped with a reason),
//! add evidence and notes; the commitment page shows its history. The table page and the public
//! page list commitments with their state (overdue ones marked), and the form that convenes the
//! next meeting proposes reviewing those still pending. A refused form shows its page again
//! with the messages (422) and changes nothing; a stale one shows what was saved meanwhile (409).

use super::*;
use crate::http::{see_other, with_status, Form, PathIds};
use crate::session::{field_errors, render};
use axum::extract::State;
use axum::http::StatusCode;
use db::tables::{Commitment, Meeting};
use domain::labs::schedule::local;
use domain::library::Visibility;
use domain::locale::Locale;
use domain::tables::commitments::{
    self, check, check_progress, may_update, shown, CommitmentInput, Evidence, ProgressInput,
    Shown, Status,
};
use domain::tables::meetings::{AgendaInput, MeetingStatus};
use domain::validation::Errors;
use minijinja::{context, Value};
use serde::Deserialize;

/// The library documents among `ids` that a table's members may read (public, or for the whole
/// programme), with their visibility.
async fn readable(state: &AppState, ids: &[Uuid]) -> AppResult<Vec<(Uuid, Visibility)>> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(doc) = db::library::document(&state.db, *id).await? {
            if matches!(doc.visibility(), Visibility::Public | Visibility::Programme) {
                out.push((doc.id, doc.visibility()));
            }
        }
    }
    Ok(out)
}

/// The document named in an evidence field, if any.
fn evidence_document(text: &str) -> Vec<Uuid> {
    match commitments::parse_evidence(text) {
        Ok(Some(Evidence::Document(id))) => vec![id],
        _ => Vec::new(),
    }
}

/// Evidence as pages show it: a link, or a document with its title and link when the reader
/// may open it (`link_document`), else named only as a document of the library.
fn evidence_view(c: &Commitment, link_document: bool) -> Option<Value> {
    match &c.evidence {
        Some(Evidence::Document(id)) => Some(context! {
            document => id,
            title => if link_document { c.evidence_title.clone() } else { None },
            linked => link_document,
        }),
        Some(Evidence::Link(url)) => Some(context! { url }),
        None => None,
    }
}

/// One commitment as lists show it; `public` leaves the person out.
fn row(c: &Commitment, locale: Locale, today: chrono::NaiveDate, public: bool) -> Value {
    let state = shown(c.status, c.due_on, today);
    context! {
        id => c.id, what => c.what, organisation => c.organisation,
        person => if public { None } else { Some(c.representative.clone()) },
        due_on => locale.date(c.due_on), state => state.code(),
        overdue => state == Shown::Overdue,
        closed_on => c.closed_on.map(|d| locale.date(d)),
        reason => c.drop_reason,
        meeting => context! { id => c.meeting_id, title => c.meeting_title },
    }
}

/// The table's commitments as the table page lists them (by due date), and how many are in each
/// shown state.
pub(super) async fn listed(
    state: &AppState,
    table: Uuid,
    locale: Locale,
    public: bool,
) -> AppResult<Value> {
    let today = today(state);
    let all = db::tables::commitments(&state.db, table).await?;
    let mut rows = Vec::with_capacity(all.len());
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for c in &all {
        let s = shown(c.status, c.due_on, today);
        *counts.entry(s.code()).or_default() += 1;
        let r = row(c, locale, today, public);
        let linked = document_seen(c, public);
        rows.push(context! { evidence => evidence_view(c, linked), ..r });
    }
    Ok(context! { rows, counts })
}

/// Whether the document given as a commitment's evidence may be opened by those who read the
/// table (`public`: by anyone): a document for the whole programme or a public one, as when it
/// was given; one whose visibility was narrowed since is named, not shown. Its visibility is read
/// with the commitment.
fn document_seen(c: &Commitment, public: bool) -> bool {
    matches!(c.evidence, Some(Evidence::Document(_)))
        && match c.evidence_visibility {
            Some(Visibility::Public) => true,
            Some(Visibility::Programme) => !public,
            _ => false,
        }
}

/// The review of commitments the agenda of a table's next meeting proposes: the item (when
/// some are pending) and the commitments still pending, overdue ones first.
pub(super) async fn review(
    state: &AppState,
    table: Uuid,
    locale: Locale,
) -> AppResult<(Option<AgendaInput>, Vec<Value>)> {
    let today = today(state);
    let mut pending: Vec<Commitment> = db::tables::commitments(&state.db, table)
        .await?
        .into_iter()
        .filter(|c| c.status.is_pending())
        .collect();
    pending.sort_by_key(|c| (c.due_on >= today, c.due_on));
    let overdue = pending.iter().filter(|c| c.due_on < today).count();
    let rows: Vec<Value> = pending
        .iter()
        .map(|c| row(c, locale, today, false))
        .collect();
    if pending.is_empty() {
        return Ok((None, rows));
    }
    let args = [
        ("open", (pending.len() as i64).into()),
        ("overdue", (overdue as i64).into()),
    ];
    let item = AgendaInput {
        title: state.i18n.message(locale, "commitments-review-item", &args),
        representative: String::new(),
        presenter: state
            .i18n
            .message(locale, "commitments-review-presenter", &[]),
    };
    Ok((Some(item), rows))
}

/// The proposed review item put among the agenda rows of a meeting form, unless an item with its
/// title (whatever its counts) is already there.
pub(super) fn propose(
    agenda: &mut Vec<AgendaInput>,
    item: Option<AgendaInput>,
    state: &AppState,
    locale: Locale,
) {
    let Some(item) = item else {
        return;
    };
    let stem = state.i18n.message(locale, "commitments-review-stem", &[]);
    if agenda
        .iter()
        .any(|a| a.title.trim().starts_with(stem.trim()))
    {
        return;
    }
    match agenda.iter_mut().find(|a| {
        a.title.trim().is_empty() && a.representative.is_empty() && a.presenter.is_empty()
    }) {
        Some(blank) => *blank = item,
        None => agenda.push(item),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct CommitmentForm {
    what: String,
    organisation: String,
    representative: String,
    due_on: String,
    evidence: String,
    decision: String,
    note: String,
    version: String,
}

impl CommitmentForm {
    fn input(&self) -> CommitmentInput {
        CommitmentInput {
            what: self.what.clone(),
            organisation: self.organisation.clone(),
            representative: self.representative.clone(),
            due_on: self.due_on.clone(),
            evidence: self.evidence.clone(),
            decision: self.decision.clone(),
        }
    }

    fn of(c: &Commitment) -> CommitmentForm {
        CommitmentForm {
            what: c.what.clone(),
            organisation: c.organisation_id.to_string(),
            representative: c.representative_id.to_string(),
            due_on: c.due_on.to_string(),
            evidence: commitments::evidence_text(c.evidence.as_ref()),
            decision: c.decision_id.map(|d| d.to_string()).unwrap_or_default(),
            note: String::new(),
            version: c.version.to_string(),
        }
    }
}

/// The organisations a commitment may be owed by (current members, and the one that owes it
/// when editing) and the representatives of each, for the form and its check.
async fn owners(
    state: &AppState,
    table: Uuid,
    owing: Option<Uuid>,
) -> AppResult<(Vec<db::tables::Member>, Vec<db::tables::Representative>)> {
    let members: Vec<db::tables::Member> = db::tables::members(&state.db, table)
        .await?
        .into_iter()
        .filter(|m| m.left_on.is_none() || Some(m.organisation_id) == owing)
        .collect();
    let reps = db::tables::representatives(&state.db, table)
        .await?
        .into_iter()
        .filter(|r| {
            members
                .iter()
                .any(|m| m.organisation_id == r.organisation_id)
        })
        .collect();
    Ok((members, reps))
}

/// The form that records or edits a commitment; `conflict` shows the saved commitment beside
/// what was typed.
#[allow(clippy::too_many_arguments)]
async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    found: &Found,
    meeting: &Meeting,
    form: &CommitmentForm,
    errors: &Errors,
    editing: Option<&Commitment>,
    conflict: bool,
) -> AppResult {
    let (members, reps) = owners(state, found.table.id, editing.map(|c| c.organisation_id)).await?;
    let mut seen = std::collections::BTreeSet::new();
    let organisations: Vec<Value> = members
        .iter()
        .filter(|m| seen.insert(m.organisation_id))
        .map(|m| {
            let people: Vec<Value> = reps
                .iter()
                .filter(|r| r.organisation_id == m.organisation_id)
                .map(|r| context! { id => r.id, name => r.name })
                .collect();
            context! { id => m.organisation_id, name => m.organisation, people }
        })
        .collect();
    let status = if conflict {
        StatusCode::CONFLICT
    } else if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let saved = match editing {
        Some(c) if conflict => Some(context! {
            what => c.what, organisation => c.organisation, person => c.representative,
            due_on => viewer.locale.date(c.due_on),
            evidence => commitments::evidence_text(c.evidence.as_ref()),
        }),
        _ => None,
    };
    let page = render(
        state,
        viewer,
        "tables/commitment_form.html",
        context! {
            table => context! { id => found.table.id, name => found.table.name },
            meeting => context! { id => meeting.id, title => meeting.title, day => local(meeting.starts_at).0.to_string() },
            editing => editing.map(|c| context! { id => c.id, what => c.what }),
            form => context! {
                what => form.what, organisation => form.organisation,
                representative => form.representative, due_on => form.due_on,
                evidence => form.evidence, note => form.note, version => form.version,
                decision => form.decision,
            },
            decisions => decisions(state, meeting.id, editing.and_then(|c| c.decision_id)).await?
                .into_iter()
                .map(|(id, text)| context! { id, text })
                .collect::<Vec<_>>(),
            organisations, conflict, saved,
            errors => field_errors(state, viewer, errors),
        },
    )?;
    with_status(status, Ok(page))
}

/// The decisions of the meeting's minutes a commitment may come from: the current ones, and the
/// one it already names (`keep`, even if an amendment withdrew it).
async fn decisions(
    state: &AppState,
    meeting: Uuid,
    keep: Option<Uuid>,
) -> AppResult<Vec<(Uuid, String)>> {
    Ok(db::tables::meeting_decisions(&state.db, meeting)
        .await?
        .into_iter()
        .filter(|d| d.current || Some(d.id) == keep)
        .map(|d| (d.id, d.text))
        .collect())
}

/// Checks a posted commitment against the meeting's day and decisions, the table's members and
/// representatives and the library.
async fn checked(
    state: &AppState,
    table: Uuid,
    meeting: &Meeting,
    form: &CommitmentForm,
    editing: Option<&Commitment>,
) -> AppResult<Result<commitments::CommitmentDraft, Errors>> {
    let owing = editing.map(|c| c.organisation_id);
    let decided: Vec<Uuid> = decisions(state, meeting.id, editing.and_then(|c| c.decision_id))
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let (members, reps) = owners(state, table, owing).await?;
    let members: Vec<Uuid> = members.iter().map(|m| m.organisation_id).collect();
    let reps: Vec<(Uuid, Uuid)> = reps.iter().map(|r| (r.id, r.organisation_id)).collect();
    let readable: Vec<Uuid> = readable(state, &evidence_document(&form.evidence))
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    Ok(check(
        &form.input(),
        local(meeting.starts_at).0,
        &members,
        &reps,
        &decided,
        |id| readable.contains(&id),
    ))
}

/// A meeting of the table from which commitments can be recorded (not a cancelled one).
async fn deciding_meeting(state: &AppState, table: Uuid, meeting: Uuid) -> AppResult<Meeting> {
    let m = db::tables::meeting(&state.db, table, meeting).await?;
    if m.status == MeetingStatus::Cancelled {
        return Err(AppError::BadRequest("error-meeting-cancelled"));
    }
    Ok(m)
}

pub(super) async fn new(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let m = deciding_meeting(&state, id, meeting).await?;
    let form = CommitmentForm::default();
    form_page(
        &state,
        &viewer,
        &found,
        &m,
        &form,
        &Errors::default(),
        None,
        false,
    )
    .await
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, meeting)): PathIds<(Uuid, Uuid)>,
    Form(form): Form<CommitmentForm>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let m = deciding_meeting(&state, id, meeting).await?;
    let draft = match checked(&state, id, &m, &form, None).await? {
        Ok(d) => d,
        Err(e) => return form_page(&state, &viewer, &found, &m, &form, &e, None, false).await,
    };
    let commitment = db::new_id();
    let at = super::reminders::reminder_time(&state.db, draft.due_on);
    db::tables::create_commitment(
        &state.db,
        id,
        m.id,
        commitment,
        &draft,
        at,
        viewer.user_id(),
    )
    .await?;
    super::reminders::ensure_digest(&state.db).await?;
    Ok(see_other(&format!("/tables/{id}/commitments/{commitment}")))
}

/// A commitment the secretariat may still edit: a pending one.
fn editable(c: &Commitment) -> Result<(), &'static str> {
    if c.status.is_pending() {
        Ok(())
    } else {
        Err("error-commitment-closed")
    }
}

pub(super) async fn edit(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, commitment)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let c = db::tables::commitment(&state.db, id, commitment).await?;
    if let Err(message) = editable(&c) {
        return page(
            &state,
            &viewer,
            &found,
            &c,
            Some(failed("status", message)),
            None,
            false,
        )
        .await;
    }
    let m = db::tables::meeting(&state.db, id, c.meeting_id).await?;
    form_page(
        &state,
        &viewer,
        &found,
        &m,
        &CommitmentForm::of(&c),
        &Errors::default(),
        Some(&c),
        false,
    )
    .await
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, commitment)): PathIds<(Uuid, Uuid)>,
    Form(mut form): Form<CommitmentForm>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let c = db::tables::commitment(&state.db, id, commitment).await?;
    let m = db::tables::meeting(&state.db, id, c.meeting_id).await?;
    let Ok(version) = form.version.trim().parse::<i64>() else {
        return Err(AppError::BadRequest("error-bad-form"));
    };
    if let Err(message) = editable(&c) {
        return page(
            &state,
            &viewer,
            &found,
            &c,
            Some(failed("status", message)),
            None,
            false,
        )
        .await;
    }
    if version != c.version {
        form.version = c.version.to_string();
        return form_page(
            &state,
            &viewer,
            &found,
            &m,
            &form,
            &Errors::default(),
            Some(&c),
            true,
        )
        .await;
    }
    let mut errors = Errors::default();
    let note =
        domain::validation::optional_text(&mut errors, "note", &form.note, commitments::MAX_NOTE)
            .unwrap_or_default();
    let draft = match checked(&state, id, &m, &form, Some(&c)).await? {
        Ok(d) if errors.is_empty() => d,
        Ok(_) => {
            return form_page(&state, &viewer, &found, &m, &form, &errors, Some(&c), false).await
        }
        Err(mut e) => {
            e.0.extend(errors.0);
            return form_page(&state, &viewer, &found, &m, &form, &e, Some(&c), false).await;
        }
    };
    let at = super::reminders::reminder_time(&state.db, draft.due_on);
    db::tables::update_commitment(&state.db, &c, &draft, &note, at, viewer.user_id()).await?;
    Ok(see_other(&format!("/tables/{id}/commitments/{commitment}")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ProgressForm {
    status: String,
    evidence: String,
    reason: String,
    note: String,
    version: String,
}

/// The organisations the viewer represents on this table with their account (while the table
/// counts them among its representatives).
async fn represented(state: &AppState, viewer: &Viewer, found: &Found) -> AppResult<Vec<Uuid>> {
    let Some(user) = viewer.user_id() else {
        return Ok(Vec::new());
    };
    if !found.involved.representatives.contains(&user) {
        return Ok(Vec::new());
    }
    Ok(db::tables::representatives(&state.db, found.table.id)
        .await?
        .into_iter()
        .filter(|r| r.user_id == Some(user))
        .map(|r| r.organisation_id)
        .collect())
}

pub(super) async fn progress(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, commitment)): PathIds<(Uuid, Uuid)>,
    Form(f): Form<ProgressForm>,
) -> AppResult {
    let found = find(&state, &viewer, id).await?;
    let c = db::tables::commitment(&state.db, id, commitment).await?;
    let represents = represented(&state, &viewer, &found).await?;
    if !may_update(found.access(&viewer), &represents, c.organisation_id) {
        return Err(AppError::Forbidden);
    }
    let Ok(version) = f.version.trim().parse::<i64>() else {
        return Err(AppError::BadRequest("error-bad-form"));
    };
    if version != c.version {
        return page(&state, &viewer, &found, &c, None, Some(&f), true).await;
    }
    let input = ProgressInput {
        status: f.status.clone(),
        evidence: f.evidence.clone(),
        reason: f.reason.clone(),
        note: f.note.clone(),
    };
    let docs: Vec<Uuid> = readable(&state, &evidence_document(&f.evidence))
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    match check_progress(c.status, c.evidence.as_ref(), &input, |d| docs.contains(&d)) {
        Ok(p) => {
            db::tables::progress_commitment(&state.db, &c, &p, viewer.user_id()).await?;
            Ok(see_other(&format!("/tables/{id}/commitments/{commitment}")))
        }
        Err(errors) => {
            let fail = super::pages::Failed {
                form: "progress",
                errors,
                typed: Default::default(),
            };
            page(&state, &viewer, &found, &c, Some(fail), Some(&f), false).await
        }
    }
}

fn failed(field: &'static str, message: &'static str) -> super::pages::Failed {
    let mut errors = Errors::default();
    errors.add(field, message);
    super::pages::Failed {
        form: "progress",
        errors,
        typed: Default::default(),
    }
}

pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, commitment)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let found = find(&state, &viewer, id).await?;
    if found.access(&viewer) < Access::Read {
        return Ok(see_other(&format!("/tables/{id}/public")));
    }
    let c = db::tables::commitment(&state.db, id, commitment).await?;
    page(&state, &viewer, &found, &c, None, None, false).await
}

/// The commitment page: its fields, history and, for those who may, the update form (`typed`:
/// the form as sent when it was refused; `conflict`: it changed since the form was read).
async fn page(
    state: &AppState,
    viewer: &Viewer,
    found: &Found,
    c: &Commitment,
    failed: Option<super::pages::Failed>,
    typed: Option<&ProgressForm>,
    conflict: bool,
) -> AppResult {
    let locale = viewer.locale;
    let today = today(state);
    let access = found.access(viewer);
    let represents = represented(state, viewer, found).await?;
    let updates = may_update(access, &represents, c.organisation_id);
    let members = db::tables::members(&state.db, found.table.id).await?;
    let reps = db::tables::representatives(&state.db, found.table.id).await?;
    let decided = db::tables::meeting_decisions(&state.db, c.meeting_id).await?;
    let name_of = |field: &str, value: &str| -> String {
        if value.is_empty() {
            return "—".into();
        }
        match field {
            "organisation" => members
                .iter()
                .find(|m| m.organisation_id.to_string() == value)
                .map(|m| m.organisation.clone()),
            "representative" => reps
                .iter()
                .find(|r| r.id.to_string() == value)
                .map(|r| r.name.clone()),
            "status" => Status::parse(value).map(|s| {
                state
                    .i18n
                    .message(locale, &format!("commitment-status-{}", s.code()), &[])
            }),
            "decision" => decided
                .iter()
                .find(|d| d.id.to_string() == value)
                .map(|d| d.text.clone()),
            "due_on" => chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
                .ok()
                .map(|d| locale.date(d)),
            _ => None,
        }
        .unwrap_or_else(|| value.to_string())
    };
    let history: Vec<Value> = db::tables::commitment_history(&state.db, c.id)
        .await?
        .iter()
        .map(|u| {
            let (date, time) = local(u.at);
            context! {
                when => format!("{} {}", locale.date(date), time.format("%H:%M")),
                actor => u.actor,
                note => u.note,
                changes => u.changes.iter().map(|ch| context! {
                    field => ch.field,
                    before => name_of(&ch.field, &ch.before),
                    after => name_of(&ch.field, &ch.after),
                }).collect::<Vec<_>>(),
            }
        })
        .collect();
    let failed = failed.unwrap_or_default();
    let status = if conflict {
        StatusCode::CONFLICT
    } else if failed.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let state_now = shown(c.status, c.due_on, today);
    let moves: Vec<&str> = std::iter::once(c.status)
        .chain(c.status.next().iter().copied())
        .filter(|s| s.is_pending() || *s != c.status)
        .map(Status::code)
        .collect();
    let form = match typed {
        Some(f) if !conflict => context! {
            status => f.status, evidence => f.evidence, reason => f.reason, note => f.note,
        },
        _ => context! {
            status => c.status.code(),
            evidence => commitments::evidence_text(c.evidence.as_ref()),
            reason => "", note => typed.map(|f| f.note.clone()).unwrap_or_default(),
        },
    };
    let page = render(
        state,
        viewer,
        "tables/commitment.html",
        context! {
            table => context! { id => found.table.id, name => found.table.name },
            commitment => context! {
                id => c.id, what => c.what, organisation => c.organisation,
                person => c.representative,
                due_on => locale.date(c.due_on), state => state_now.code(),
                overdue => state_now == Shown::Overdue, pending => c.status.is_pending(),
                closed_on => c.closed_on.map(|d| locale.date(d)), reason => c.drop_reason,
                meeting => context! { id => c.meeting_id, title => c.meeting_title },
                decision => c.decision_id.and_then(|d| decided.iter().find(|x| x.id == d)).map(|d| d.text.clone()),
                evidence => evidence_view(c, document_seen(c, false)), version => c.version,
            },
            history, moves, form, conflict,
            manages => access == Access::Manage,
            updates => updates && c.status.is_pending(),
            errors => field_errors(state, viewer, &failed.errors),
        },
    )?;
    with_status(status, Ok(page))
}
