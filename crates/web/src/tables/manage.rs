//! The secretariat's forms on the table page: the table's state, its memorandum and signatories,
//! members joining and leaving, representatives and the secretariat itself. A refused form
//! shows the table page again with the message beside the field (422) and changes nothing.

use super::pages::{table_page, Failed};
use super::*;
use crate::http::{see_other, Form, Id, PathIds};
use axum::extract::State;
use domain::tables::members::{self, MemberInput, RepresentativeInput};
use domain::tables::{SignatoryInput, Status};
use domain::validation::Errors;
use serde::Deserialize;
use std::collections::BTreeMap;

fn back(id: Uuid, anchor: &str) -> AppResult {
    Ok(see_other(&format!("/tables/{id}#{anchor}")))
}

/// The table page again, with `errors` shown beside the fields of `form` and what was typed.
async fn refused(
    state: &AppState,
    viewer: &Viewer,
    found: &Found,
    form: &'static str,
    errors: Errors,
    typed: BTreeMap<&'static str, String>,
) -> AppResult {
    table_page(
        state,
        viewer,
        found,
        Some(Failed {
            form,
            errors,
            typed,
        }),
    )
    .await
}

/// The organisations at the table now (members that have not left).
async fn current_organisations(state: &AppState, table: Uuid) -> AppResult<Vec<Uuid>> {
    Ok(db::tables::members(&state.db, table)
        .await?
        .iter()
        .filter(|m| m.left_on.is_none())
        .map(|m| m.organisation_id)
        .collect())
}

fn one(field: &'static str, message: &'static str) -> Errors {
    let mut e = Errors::default();
    e.add(field, message);
    e
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct StatusForm {
    status: String,
    on: String,
}

pub(super) async fn status(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<StatusForm>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let typed = BTreeMap::from([("status", f.status.clone()), ("on", f.on.clone())]);
    let Some(to) = Status::parse(f.status.trim()) else {
        let e = one("status", "error-unknown-choice");
        return refused(&state, &viewer, &found, "status", e, typed).await;
    };
    let mut e = Errors::default();
    let on = if f.on.trim().is_empty() {
        Some(today(&state))
    } else {
        domain::validation::optional_date(&mut e, "on", &f.on)
    };
    let Some(on) = on else {
        return refused(&state, &viewer, &found, "status", e, typed).await;
    };
    let t = &found.table;
    let dates = match domain::tables::transition(
        t.status,
        t.dates,
        to,
        on,
        today(&state),
        t.memorandum_id.is_some(),
    ) {
        Ok(d) => d,
        Err(message) => {
            let e = one("status", message);
            return refused(&state, &viewer, &found, "status", e, typed).await;
        }
    };
    db::tables::set_status(&state.db, id, t.status, to, &dates, viewer.user_id()).await?;
    back(id, "state")
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct MemorandumForm {
    document: String,
}

pub(super) async fn memorandum(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<MemorandumForm>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let documents = db::tables::lead_documents(&state.db, found.table.lead_id).await?;
    let chosen = uuid::Uuid::parse_str(f.document.trim())
        .ok()
        .filter(|d| documents.iter().any(|(id, _)| id == d));
    let Some(document) = chosen else {
        let e = one("document", "error-table-memorandum-document");
        let typed = BTreeMap::from([("document", f.document)]);
        return refused(&state, &viewer, &found, "memorandum", e, typed).await;
    };
    db::tables::set_memorandum(&state.db, id, document, viewer.user_id()).await?;
    back(id, "memorandum")
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct SignatoryForm {
    organisation: String,
    name: String,
    signed_on: String,
}

pub(super) async fn signatory(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<SignatoryForm>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let typed = BTreeMap::from([
        ("organisation", f.organisation.clone()),
        ("name", f.name.clone()),
        ("signed_on", f.signed_on.clone()),
    ]);
    if found.table.memorandum_id.is_none() {
        let e = one("organisation", "error-table-no-memorandum");
        return refused(&state, &viewer, &found, "signatory", e, typed).await;
    }
    let current = current_organisations(&state, id).await?;
    let signed: Vec<Uuid> = db::tables::signatories(&state.db, id)
        .await?
        .iter()
        .map(|s| s.organisation_id)
        .collect();
    let input = SignatoryInput {
        organisation: f.organisation,
        name: f.name,
        signed_on: f.signed_on,
    };
    let s = match domain::tables::check_signatory(&input, &current, &signed, today(&state)) {
        Ok(s) => s,
        Err(e) => return refused(&state, &viewer, &found, "signatory", e, typed).await,
    };
    match db::tables::add_signatory(&state.db, id, &s, viewer.user_id()).await {
        Ok(()) => back(id, "memorandum"),
        Err(db::DbError::Duplicate) => {
            let e = one("organisation", "error-table-signed-twice");
            refused(&state, &viewer, &found, "signatory", e, typed).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct MemberForm {
    organisation: String,
    role: String,
    joined_on: String,
}

pub(super) async fn member(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<MemberForm>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let typed = BTreeMap::from([
        ("organisation", f.organisation.clone()),
        ("role", f.role.clone()),
        ("joined_on", f.joined_on.clone()),
    ]);
    let current = current_organisations(&state, id).await?;
    let input = MemberInput {
        organisation: f.organisation,
        role: f.role,
        joined_on: f.joined_on,
    };
    let mut m = match members::check_member(&input, &current, today(&state)) {
        Ok(m) => m,
        Err(e) => return refused(&state, &viewer, &found, "member", e, typed).await,
    };
    // An organisation of the registry that is not a foreign partner (Italian administrations
    // and local actors sit at a table).
    match db::organisations::get(&state.db, m.organisation).await {
        Ok(o) if o.data.category != domain::organisations::Category::ForeignPartner => {}
        Ok(_) | Err(db::DbError::NotFound) => {
            let e = one("organisation", "error-unknown-choice");
            return refused(&state, &viewer, &found, "member", e, typed).await;
        }
        Err(other) => return Err(other.into()),
    }
    if found.table.dates.formed_on.is_some_and(|f| m.joined_on < f) {
        // A member cannot join before the table began forming: it joins on that day.
        m.joined_on = found.table.dates.formed_on.unwrap_or(m.joined_on);
    }
    match db::tables::add_member(&state.db, id, &m, viewer.user_id()).await {
        Ok(_) => back(id, "members"),
        Err(db::DbError::Duplicate) => {
            let e = one("organisation", "error-table-member-twice");
            refused(&state, &viewer, &found, "member", e, typed).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct LeaveForm {
    left_on: String,
}

pub(super) async fn leave(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, member)): PathIds<(Uuid, Uuid)>,
    Form(f): Form<LeaveForm>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let members = db::tables::members(&state.db, id).await?;
    let Some(m) = members
        .iter()
        .find(|m| m.id == member && m.left_on.is_none())
    else {
        return Err(AppError::NotFound);
    };
    if m.organisation_id == found.table.lead_id {
        let e = one("left_on", "error-table-lead-leaves");
        let typed = BTreeMap::from([("left_on", f.left_on)]);
        return refused(&state, &viewer, &found, "leave", e, typed).await;
    }
    let left_on = match members::check_leave(&f.left_on, m.joined_on, today(&state)) {
        Ok(d) => d,
        Err(e) => {
            let typed = BTreeMap::from([("left_on", f.left_on)]);
            return refused(&state, &viewer, &found, "leave", e, typed).await;
        }
    };
    db::tables::leave(&state.db, id, member, left_on, viewer.user_id()).await?;
    back(id, "members")
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct RepresentativeForm {
    organisation: String,
    name: String,
    email: String,
}

pub(super) async fn representative(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<RepresentativeForm>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let typed = BTreeMap::from([
        ("organisation", f.organisation.clone()),
        ("name", f.name.clone()),
        ("email", f.email.clone()),
    ]);
    let current = current_organisations(&state, id).await?;
    let emails: Vec<String> = db::tables::representatives(&state.db, id)
        .await?
        .into_iter()
        .map(|r| r.email)
        .collect();
    let input = RepresentativeInput {
        organisation: f.organisation,
        name: f.name,
        email: f.email,
    };
    let r = match members::check_representative(&input, &current, &emails) {
        Ok(r) => r,
        Err(e) => return refused(&state, &viewer, &found, "representative", e, typed).await,
    };
    // Someone with an account represents only an organisation whose person they are.
    let account = match db::accounts::credentials(&state.db, &r.email).await? {
        Some(c) => {
            let p = db::accounts::principal(&state.db, c.id).await?;
            if !members::may_represent(&p.grants, r.organisation) {
                let e = one("email", "error-table-account-elsewhere");
                return refused(&state, &viewer, &found, "representative", e, typed).await;
            }
            Some(c.id)
        }
        None => None,
    };
    // Meetings convened before they joined reach them too, with the calendar invitation.
    let person = db::tables::Notified {
        email: r.email.clone(),
        name: r.name.clone(),
        user_id: account,
    };
    let convocations =
        super::meetings::late_convocations(&state, &viewer, &found.table, &person).await?;
    match db::tables::add_representative_convened(
        &state.db,
        id,
        &r,
        account,
        &convocations,
        viewer.user_id(),
    )
    .await
    {
        Ok(_) => back(id, "members"),
        Err(db::DbError::Duplicate) => {
            let e = one("email", "error-table-email-twice");
            refused(&state, &viewer, &found, "representative", e, typed).await
        }
        Err(db::DbError::NotFound) => {
            let e = one("organisation", "error-table-not-member");
            refused(&state, &viewer, &found, "representative", e, typed).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct SecretaryForm {
    user: String,
}

pub(super) async fn secretary(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<SecretaryForm>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    if !access::names_secretariat(viewer.principal.as_ref(), &found.involved) {
        return Err(AppError::Forbidden);
    }
    let typed = BTreeMap::from([("user", f.user.clone())]);
    let people = db::accounts::organisation_people(&state.db, found.table.lead_id).await?;
    let chosen = Uuid::parse_str(f.user.trim()).ok().filter(|u| {
        people
            .iter()
            .any(|p| p.user_id == *u && p.role == domain::roles::Role::Member.code())
    });
    let Some(user) = chosen else {
        let e = one("user", "error-table-secretary");
        return refused(&state, &viewer, &found, "secretary", e, typed).await;
    };
    match db::tables::add_secretary(&state.db, id, user, viewer.user_id()).await {
        Ok(()) => back(id, "secretariat"),
        Err(db::DbError::Duplicate) => {
            let e = one("user", "error-table-secretary-twice");
            refused(&state, &viewer, &found, "secretary", e, typed).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ActorForm {
    name: String,
    sector: String,
    public: String,
    role: String,
    joined_on: String,
}

/// A local actor the registry does not know yet, registered from the table and added to it.
pub(super) async fn new_actor(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(f): Form<ActorForm>,
) -> AppResult {
    let found = managed(&state, &viewer, id).await?;
    let typed = BTreeMap::from([
        ("actor_name", f.name.clone()),
        ("sector", f.sector.clone()),
        ("public", f.public.clone()),
        ("role", f.role.clone()),
        ("joined_on", f.joined_on.clone()),
    ]);
    let form = domain::organisations::OrganisationForm {
        category: domain::organisations::Category::LocalActor.code().into(),
        name: f.name,
        region_code: found.table.region_code.clone(),
        country: "IT".into(),
        actor_sector: f.sector,
        actor_public: f.public,
        ..Default::default()
    };
    let mut errors = Errors::default();
    let org = match domain::organisations::check(&form) {
        Ok(o) => Some(o),
        Err(e) => {
            // The registry's field names, as this form calls them.
            for fe in e.0 {
                let field = match fe.field {
                    "name" => "actor_name",
                    "actor_sector" => "sector",
                    "actor_public" => "public",
                    other => other,
                };
                errors.add(field, fe.message);
            }
            None
        }
    };
    // The role and the date are checked as for any member (the organisation is new, so it is
    // on the table neither way).
    let membership = MemberInput {
        organisation: Uuid::nil().to_string(),
        role: f.role,
        joined_on: f.joined_on,
    };
    let member = match members::check_member(&membership, &[], today(&state)) {
        Ok(m) => Some(m),
        Err(e) => {
            errors.0.extend(e.0);
            None
        }
    };
    let (Some(org), Some(member)) = (org, member) else {
        return refused(&state, &viewer, &found, "actor", errors, typed).await;
    };
    let joined_on = found
        .table
        .dates
        .formed_on
        .map_or(member.joined_on, |f| member.joined_on.max(f));
    match db::tables::add_new_actor(
        &state.db,
        id,
        &org,
        member.role,
        joined_on,
        viewer.user_id(),
    )
    .await
    {
        Ok(_) => back(id, "members"),
        Err(db::DbError::Duplicate) => {
            let e = one("actor_name", "error-organisation-exists");
            refused(&state, &viewer, &found, "actor", e, typed).await
        }
        Err(other) => Err(other.into()),
    }
}
