//! What staff do with sessions: schedule and edit them (overlaps with the same cohort are flagged
//! and need a deliberate confirmation), change their status (registered people are told by email),
//! record outcomes, build the agenda, attach materials and invite people.

use super::{find, session_view, MAX_MATERIAL_BYTES};
use crate::http::{see_other, with_status, AppError, AppResult, Form, Id, PathIds};
use crate::session::{field_errors, render, Viewer};
use crate::state::AppState;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use chrono::{NaiveTime, Utc};
use db::labs::Session;
use domain::labs::schedule::{instant, local};
use domain::labs::{Choices, SessionDraft, SessionForm, Status};
use domain::validation::{optional_line, optional_text, required_line, Errors};
use minijinja::{context, Value};
use serde::Deserialize;
use uuid::Uuid;

struct Page<'a> {
    form: &'a SessionForm,
    errors: &'a Errors,
    editing: Option<(&'a Session, i64)>,
    overlaps: Vec<Value>,
    conflict: bool,
}

async fn form_page(state: &AppState, viewer: &Viewer, page: Page<'_>) -> AppResult {
    let structure = crate::shared::structure::structure(state)
        .await?
        .unwrap_or_default();
    let modules: Vec<Value> = structure
        .modules
        .iter()
        .map(|m| {
            let strand = structure
                .strands
                .iter()
                .find(|s| s.id == m.strand_id)
                .map(|s| s.code.clone());
            context! { id => m.id, title => m.title, strand }
        })
        .collect();
    let cohorts: Vec<Value> = structure
        .cohorts
        .iter()
        .map(|c| context! { id => c.id, name => c.name })
        .collect();
    let tables: Vec<Value> = db::tables::list(&state.db)
        .await?
        .iter()
        .map(|t| context! { id => t.id, name => t.name })
        .collect();
    let groups: Vec<Value> = db::network::groups(&state.db)
        .await?
        .iter()
        .map(|g| context! { id => g.id, name => g.name })
        .collect();
    render(
        state,
        viewer,
        "labs/form.html",
        context! {
            form => page.form, errors => field_errors(state, viewer, page.errors), modules, cohorts, tables, groups,
            table_strand => domain::tables::STRAND, group_strand => domain::network::STRAND,
            editing => page.editing.map(|(s, _)| session_view(s, viewer, state.db.now())),
            version => page.editing.map(|(_, v)| v), overlaps => page.overlaps, conflict => page.conflict,
        },
    )
}

/// The ids a session form chooses among.
struct Ids {
    modules: Vec<Uuid>,
    cohorts: Vec<Uuid>,
    tables: Vec<Uuid>,
    /// The modules of the strand whose labs are for territorial tables.
    table_modules: Vec<Uuid>,
    groups: Vec<Uuid>,
    /// The modules of the strand whose labs are for interregional groups.
    group_modules: Vec<Uuid>,
}

async fn ids(state: &AppState) -> AppResult<Ids> {
    let s = crate::shared::structure::structure(state)
        .await?
        .unwrap_or_default();
    let strand_of = |code: &str| s.strand_by_code(code).map(|strand| strand.id);
    let modules_of = |strand: Option<Uuid>| -> Vec<Uuid> {
        s.modules
            .iter()
            .filter(|m| Some(m.strand_id) == strand)
            .map(|m| m.id)
            .collect()
    };
    Ok(Ids {
        modules: s.modules.iter().map(|m| m.id).collect(),
        cohorts: s.cohorts.iter().map(|c| c.id).collect(),
        tables: db::tables::list(&state.db)
            .await?
            .iter()
            .map(|t| t.id)
            .collect(),
        table_modules: modules_of(strand_of(domain::tables::STRAND)),
        groups: db::network::groups(&state.db)
            .await?
            .iter()
            .map(|g| g.id)
            .collect(),
        group_modules: modules_of(strand_of(domain::network::STRAND)),
    })
}

/// The subject and text of the email that invites someone to session `id`, in `locale`.
fn invitation_text(
    state: &AppState,
    locale: domain::locale::Locale,
    id: Uuid,
    title: &str,
    (starts_at, ends_at): (chrono::DateTime<Utc>, chrono::DateTime<Utc>),
) -> (String, String) {
    let subject = state.i18n.message(
        locale,
        "mail-session-invitation-subject",
        &[("title", title.to_string().into())],
    );
    let (date, _) = local(starts_at);
    let body = state.i18n.message(
        locale,
        "mail-session-invitation-body",
        &[
            ("title", title.to_string().into()),
            (
                "when",
                format!(
                    "{} {}–{}",
                    locale.date(date),
                    super::clock(starts_at),
                    super::clock(ends_at)
                )
                .into(),
            ),
            (
                "link",
                format!("{}/labs/sessions/{id}", state.config.base_url).into(),
            ),
        ],
    );
    (subject, body)
}

/// The job payload of an email about labs to `person`, as they prefer (see
/// `notifications::emails::signed`): `None` when they chose to get none.
async fn lab_email(
    state: &AppState,
    person: Uuid,
    locale: domain::locale::Locale,
    to: &str,
    subject: &str,
    body: &str,
) -> AppResult<Option<serde_json::Value>> {
    let base = &state.config.base_url;
    let kind = domain::notifications::Kind::Lab;
    let Some(signed) =
        crate::notifications::emails::signed(&state.db, base, person, kind, locale).await?
    else {
        return Ok(None);
    };
    Ok(Some(signed.payload(&crate::mail::Email {
        to: to.into(),
        subject: subject.into(),
        body: signed.body(body),
        calendar: None,
    })))
}

/// The people a session for a territorial table or an interregional group invites, in their
/// language: the active accounts of the representatives of the table's current members, or of
/// the contact people of the group's administrations. Nobody is invited to a session that has
/// begun.
async fn invitations(
    state: &AppState,
    id: Uuid,
    d: &SessionDraft,
) -> AppResult<Vec<db::labs::Invitation>> {
    if d.starts_at <= state.db.now() {
        return Ok(Vec::new());
    }
    let mut people: Vec<(Uuid, String)> = Vec::new();
    if let Some(table) = d.table_id {
        let current: Vec<Uuid> = db::tables::members(&state.db, table)
            .await?
            .into_iter()
            .filter(|m| m.left_on.is_none())
            .map(|m| m.organisation_id)
            .collect();
        for r in db::tables::representatives(&state.db, table).await? {
            if let Some(user) = r.user_id.filter(|_| current.contains(&r.organisation_id)) {
                if db::accounts::user(&state.db, user).await?.active {
                    people.push((user, r.email));
                }
            }
        }
    }
    if let Some(group) = d.group_id {
        for m in db::network::members(&state.db, &[group]).await? {
            let email = m.contact_email.trim().to_lowercase();
            if let Some(person) = db::accounts::credentials(&state.db, &email).await? {
                if person.active {
                    people.push((person.id, email));
                }
            }
        }
    }
    let mut out: Vec<db::labs::Invitation> = Vec::new();
    for (user, email) in people {
        if out.iter().any(|i| i.user == user) {
            continue;
        }
        let locale = crate::mail::locale_of(&state.db, user).await?;
        let (subject, body) =
            invitation_text(state, locale, id, &d.title, (d.starts_at, d.ends_at));
        let payload = lab_email(state, user, locale, &email, &subject, &body).await?;
        out.push(db::labs::Invitation {
            user,
            kind: crate::mail::KIND,
            payload,
            key: email,
        });
    }
    Ok(out)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct NewQuery {
    module: String,
    cohort: String,
    table: String,
    group: String,
}

pub(super) async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    crate::http::Query(q): crate::http::Query<NewQuery>,
) -> AppResult {
    let form = SessionForm {
        module_id: q.module,
        cohort_id: q.cohort,
        table_id: q.table,
        group_id: q.group,
        start: "09:30".into(),
        end: "13:30".into(),
        capacity: "30".into(),
        ..Default::default()
    };
    form_page(
        &state,
        &viewer,
        Page {
            form: &form,
            errors: &Errors::default(),
            editing: None,
            overlaps: Vec::new(),
            conflict: false,
        },
    )
    .await
}

/// Checks a submitted form; on success also the overlaps with the same cohort's sessions.
async fn check(
    state: &AppState,
    viewer: &Viewer,
    form: &SessionForm,
    except: Option<Uuid>,
) -> AppResult<Result<SessionDraft, (Errors, Vec<Value>)>> {
    let ids = ids(state).await?;
    let draft = match form.check_with(&Choices {
        modules: &ids.modules,
        cohorts: &ids.cohorts,
        tables: &ids.tables,
        table_modules: &ids.table_modules,
        groups: &ids.groups,
        group_modules: &ids.group_modules,
    }) {
        Ok(d) => d,
        Err(e) => return Ok(Err((e, Vec::new()))),
    };
    let clashes = db::labs::overlapping(
        &state.db,
        draft.cohort_id,
        draft.starts_at,
        draft.ends_at,
        except,
    )
    .await?;
    if !clashes.is_empty() && form.overlap_confirmed.is_none() {
        let mut errors = Errors::default();
        errors.add("date", "error-session-overlap");
        let views = clashes
            .iter()
            .map(|s| session_view(s, viewer, state.db.now()))
            .collect();
        return Ok(Err((errors, views)));
    }
    Ok(Ok(draft))
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<SessionForm>,
) -> AppResult {
    match check(&state, &viewer, &form, None).await? {
        Ok(draft) => {
            let id = db::new_id();
            let invitations = invitations(&state, id, &draft).await?;
            db::labs::create_inviting(&state.db, id, &draft, &invitations, viewer.user_id())
                .await?;
            Ok(see_other(&format!("/labs/sessions/{id}")))
        }
        Err((errors, overlaps)) => with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            form_page(
                &state,
                &viewer,
                Page {
                    form: &form,
                    errors: &errors,
                    editing: None,
                    overlaps,
                    conflict: false,
                },
            )
            .await,
        ),
    }
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> AppResult {
    let s = find(&state, id).await?;
    let form = SessionForm::from_draft(&s.draft());
    form_page(
        &state,
        &viewer,
        Page {
            form: &form,
            errors: &Errors::default(),
            editing: Some((&s, s.version)),
            overlaps: Vec::new(),
            conflict: false,
        },
    )
    .await
}

#[derive(Deserialize)]
pub(super) struct Versioned {
    #[serde(default)]
    version: i64,
    #[serde(flatten)]
    form: SessionForm,
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(submitted): Form<Versioned>,
) -> AppResult {
    let s = find(&state, id).await?;
    let form = &submitted.form;
    let draft = match check(&state, &viewer, form, Some(s.id)).await? {
        Ok(d) => d,
        Err((errors, overlaps)) => {
            return with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                form_page(
                    &state,
                    &viewer,
                    Page {
                        form,
                        errors: &errors,
                        editing: Some((&s, submitted.version)),
                        overlaps,
                        conflict: false,
                    },
                )
                .await,
            )
        }
    };
    if draft.capacity < s.registered {
        let mut errors = Errors::default();
        errors.add("capacity", "error-capacity-below-registered");
        return with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            form_page(
                &state,
                &viewer,
                Page {
                    form,
                    errors: &errors,
                    editing: Some((&s, submitted.version)),
                    overlaps: Vec::new(),
                    conflict: false,
                },
            )
            .await,
        );
    }
    // A session now for a table or a group (or for another one) invites its people; those
    // invited or registered already keep their place and get no second email.
    // A cancelled or held session invites nobody. Invitations already sent stay valid when the
    // table or group changes: whoever was told they may come is not untold silently.
    let moved_audience = draft.table_id != s.table_id || draft.group_id != s.group_id;
    let invitations = if moved_audience && s.status.is_active() {
        invitations(&state, s.id, &draft).await?
    } else {
        Vec::new()
    };
    let saved = db::labs::update_inviting(
        &state.db,
        &s,
        submitted.version,
        &draft,
        &invitations,
        viewer.user_id(),
    );
    match saved.await {
        Ok(invited) => {
            // A new time or place is news for everyone registered or invited.
            let moved = draft.starts_at != s.starts_at
                || draft.ends_at != s.ends_at
                || draft.place != s.place
                || draft.online_url != s.online_url;
            if moved {
                let changed = find(&state, id).await?;
                // Those just invited were told the new time and place in their invitation.
                tell_participants(&state, &changed, "mail-session-changed-subject", &invited)
                    .await?;
            }
            Ok(see_other(&format!("/labs/sessions/{}", s.id)))
        }
        Err(db::DbError::Conflict) => {
            // Saved by someone else meanwhile (or seats were taken): the page shows the current
            // session beside the form, which keeps what this person typed.
            let latest = find(&state, id).await?;
            with_status(
                StatusCode::CONFLICT,
                form_page(
                    &state,
                    &viewer,
                    Page {
                        form,
                        errors: &Errors::default(),
                        editing: Some((&latest, latest.version)),
                        overlaps: Vec::new(),
                        conflict: true,
                    },
                )
                .await,
            )
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub(super) struct StatusForm {
    #[serde(default)]
    status: String,
    /// Set by the confirmation page of a destructive change.
    #[serde(default)]
    confirm: String,
}

/// Tells everyone registered or invited that the session changed, each in their language, by
/// email through the job queue: its time, place and online link, its status, its page.
async fn tell_participants(
    state: &AppState,
    s: &Session,
    subject_key: &str,
    except: &[Uuid],
) -> AppResult<()> {
    let mut people = db::labs::participants(&state.db, s.id).await?;
    people.retain(|p| !except.contains(&p.user_id));
    let (date, _) = local(s.starts_at);
    let link = format!("{}/labs/sessions/{}", state.config.base_url, s.id);
    // Every recipient's language first: a database error then sends nothing, rather than some.
    let mut recipients = Vec::with_capacity(people.len());
    for p in people {
        let locale = crate::mail::locale_of(&state.db, p.user_id).await?;
        recipients.push((p, locale));
    }
    let given = |text: &str| if text.is_empty() { "no" } else { "yes" };
    // Every email is written (each as its recipient prefers) before any is queued.
    let mut letters = Vec::with_capacity(recipients.len());
    for (p, locale) in recipients {
        let when = format!(
            "{} {}–{}",
            locale.date(date),
            super::clock(s.starts_at),
            super::clock(s.ends_at)
        );
        let status = state
            .i18n
            .t(locale, &format!("session-status-{}", s.status.code()));
        let subject = state
            .i18n
            .message(locale, subject_key, &[("title", s.title.clone().into())]);
        let body = state.i18n.message(
            locale,
            "mail-session-changed-body",
            &[
                ("name", p.name.clone().into()),
                ("title", s.title.clone().into()),
                ("when", when.into()),
                ("place", s.place.clone().into()),
                ("has_place", given(&s.place).into()),
                ("online", s.online_url.clone().into()),
                ("has_online", given(&s.online_url).into()),
                ("status", status.into()),
                ("link", link.clone().into()),
            ],
        );
        if let Some(payload) =
            lab_email(state, p.user_id, locale, &p.email, &subject, &body).await?
        {
            letters.push((p.email, payload));
        }
    }
    for (to, payload) in letters {
        db::jobs::enqueue(&state.db, crate::mail::KIND, Some(&to), &payload).await?;
    }
    Ok(())
}

pub(super) async fn status(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<StatusForm>,
) -> AppResult {
    let s = find(&state, id).await?;
    let to =
        Status::parse(form.status.trim()).ok_or(AppError::BadRequest("error-unknown-choice"))?;
    if let Some(reason) =
        domain::labs::status_change_refusal(s.status, to, s.starts_at, state.db.now())
    {
        return Err(AppError::BadRequest(reason));
    }
    if to.is_destructive() && form.confirm != "1" {
        // Nothing changes yet: say what will happen and ask again.
        let told = db::labs::participants(&state.db, s.id).await?.len();
        return render(
            &state,
            &viewer,
            "labs/confirm_status.html",
            context! {
                session => session_view(&s, &viewer, state.db.now()), status => to.code(),
                told,
            },
        );
    }
    db::labs::set_status(&state.db, s.id, s.status, to, viewer.user_id()).await?;
    let changed = find(&state, id).await?;
    // Held too: the mail brings participants back to the page with the questionnaire.
    tell_participants(&state, &changed, "mail-session-changed-subject", &[]).await?;
    Ok(see_other(&format!("/labs/sessions/{}", s.id)))
}

#[derive(Deserialize)]
pub(super) struct OutcomesForm {
    #[serde(default)]
    outcomes: String,
}

pub(super) async fn outcomes(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<OutcomesForm>,
) -> AppResult {
    let s = find(&state, id).await?;
    let mut errors = Errors::default();
    let text = optional_text(&mut errors, "outcomes", &form.outcomes, 20_000).unwrap_or_default();
    if !errors.is_empty() {
        return Err(AppError::invalid(&errors));
    }
    db::labs::set_outcomes(&state.db, &s, &text, viewer.user_id()).await?;
    Ok(see_other(&format!("/labs/sessions/{}#outcomes", s.id)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct AgendaForm {
    start: String,
    end: String,
    title: String,
    speaker: String,
}

pub(super) async fn agenda_add(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<AgendaForm>,
) -> AppResult {
    let s = find(&state, id).await?;
    let mut errors = Errors::default();
    let title = required_line(&mut errors, "title", &form.title, 300);
    let speaker = optional_line(&mut errors, "speaker", &form.speaker, 200).unwrap_or_default();
    let (date, _) = local(s.starts_at);
    let time = |v: &str| {
        NaiveTime::parse_from_str(v.trim(), "%H:%M")
            .ok()
            .and_then(|t| instant(date, t).ok())
    };
    let (start, end) = (time(&form.start), time(&form.end));
    let in_session = |t: chrono::DateTime<Utc>| t >= s.starts_at && t <= s.ends_at;
    match (start, end) {
        (Some(a), Some(b)) if a < b && in_session(a) && in_session(b) => {}
        _ => errors.add("start", "error-agenda-time"),
    }
    if !errors.is_empty() {
        return Err(AppError::invalid(&errors));
    }
    let item = db::labs::AgendaItem {
        id: db::new_id(),
        starts_at: start.unwrap_or(s.starts_at),
        ends_at: end.unwrap_or(s.ends_at),
        title,
        speaker,
    };
    db::labs::add_agenda_item(&state.db, s.id, &item, viewer.user_id()).await?;
    Ok(see_other(&format!("/labs/sessions/{}#agenda", s.id)))
}

pub(super) async fn agenda_remove(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, item)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let s = find(&state, id).await?;
    db::labs::remove_agenda_item(&state.db, s.id, item, viewer.user_id()).await?;
    Ok(see_other(&format!("/labs/sessions/{}#agenda", s.id)))
}

/// The extensions a material may have.
const MATERIAL_TYPES: &[&str] = &[
    "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "md", "png", "jpg", "jpeg",
];

pub(super) async fn material_add(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> AppResult {
    let s = find(&state, id).await?;
    let limits = crate::http::UploadLimits {
        file_field: "file",
        max_file: MAX_MATERIAL_BYTES,
        too_large: "error-file-too-large",
        max_text: 16 * 1024,
    };
    let crate::http::Upload { fields, file } = crate::http::read_upload(multipart, limits).await?;
    let field = |k: &str| {
        fields
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (title, url) = (field("title"), field("url"));
    let mut errors = Errors::default();
    let title = required_line(&mut errors, "title", &title, 300);
    let url = optional_text(&mut errors, "url", &url, 1000);
    if let Some(u) = &url {
        // A link has no spaces or line breaks inside.
        if !(u.starts_with("https://") || u.starts_with("http://"))
            || u.contains(char::is_whitespace)
        {
            errors.add("url", "error-url");
        }
    }
    if url.is_some() == file.is_some() {
        errors.add("file", "error-file-or-link");
    }
    if !errors.is_empty() {
        return Err(AppError::invalid(&errors));
    }
    let mut material = db::labs::Material {
        id: db::new_id(),
        session_id: s.id,
        title,
        url,
        storage_key: None,
        file_name: None,
        content_type: None,
        size: None,
    };
    if let Some((name, bytes)) = file {
        let kind = domain::files::content_type(&name, &bytes, MATERIAL_TYPES)
            .ok_or(AppError::BadRequest("error-file-type"))?;
        let key = state
            .storage
            .put(&bytes)
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        material.storage_key = Some(key.0);
        material.file_name = Some(name);
        material.content_type = Some(kind.into());
        material.size = Some(bytes.len() as i64);
    }
    db::labs::add_material(&state.db, &material, viewer.user_id()).await?;
    Ok(see_other(&format!("/labs/sessions/{}#materials", s.id)))
}

#[derive(Deserialize)]
pub(super) struct InviteForm {
    #[serde(default)]
    email: String,
}

pub(super) async fn invite(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<InviteForm>,
) -> AppResult {
    let s = find(&state, id).await?;
    if !s.status.is_active() || state.db.now() >= s.starts_at {
        return Err(AppError::BadRequest("error-invite-closed"));
    }
    let email = form.email.trim().to_lowercase();
    // Checked before the lookup: PostgreSQL refuses text holding a NUL.
    if !domain::validation::is_email(&email) {
        return Err(AppError::BadRequest("error-email"));
    }
    let person = db::accounts::credentials(&state.db, &email)
        .await?
        .ok_or(AppError::BadRequest("error-invite-unknown"))?;
    if db::labs::invite(&state.db, s.id, person.id, viewer.user_id()).await? {
        let locale = crate::mail::locale_of(&state.db, person.id).await?;
        let (subject, body) =
            invitation_text(&state, locale, s.id, &s.title, (s.starts_at, s.ends_at));
        if let Some(payload) = lab_email(&state, person.id, locale, &email, &subject, &body).await?
        {
            db::jobs::enqueue(&state.db, crate::mail::KIND, Some(&email), &payload).await?;
        }
    }
    Ok(see_other(&format!("/labs/sessions/{}#participants", s.id)))
}
