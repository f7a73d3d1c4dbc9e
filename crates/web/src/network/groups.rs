//! Interregional groups: the list, forming a group (staff, or the coordinator of a founding
//! administration; its administrations must come from at least two regions), the group's page
//! with its members and their contact people, the relations they pool into it (seen by the
//! group's people) and its initiatives on a timeline, and the small forms that add and remove
//! members and pool relations.

use super::records::{
    countries, country, country_choices, euro, network_viewer, theme_choices, themes,
};
use crate::http::{see_other, with_status, AppError, AppResult, Form, Id, PathIds};
use crate::session::{field_errors, render, Viewer};
use crate::shared::library::Names;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use db::network::{Group, Member};
use domain::network::groups::{self as rules, Contact, ContactInput, GroupInput};
use domain::validation::Errors;
use minijinja::{context, Value};
use serde::Deserialize;
use uuid::Uuid;

/// How many founding administrations the form offers rows for.
const FOUNDER_ROWS: usize = 6;
/// The fields of each founding row, by row.
const ROW_FIELDS: [[&str; 3]; FOUNDER_ROWS] = [
    ["member_1", "contact_name_1", "contact_email_1"],
    ["member_2", "contact_name_2", "contact_email_2"],
    ["member_3", "contact_name_3", "contact_email_3"],
    ["member_4", "contact_name_4", "contact_email_4"],
    ["member_5", "contact_name_5", "contact_email_5"],
    ["member_6", "contact_name_6", "contact_email_6"],
];

pub(super) async fn list(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let groups = db::network::groups(&state.db).await?;
    let members = db::network::members(&state.db, &[]).await?;
    let initiatives = db::network::initiatives(&state.db, None).await?;
    let rows: Vec<Value> = groups
        .iter()
        .map(|g| {
            let of: Vec<&str> = members
                .iter()
                .filter(|m| m.group_id == g.id)
                .map(|m| m.name.as_str())
                .collect();
            context! {
                id => g.id, name => g.name, status => g.status,
                countries => countries(&g.countries, viewer.locale),
                members => of,
                initiatives => initiatives.iter().filter(|i| i.group_id == g.id).count(),
            }
        })
        .collect();
    render(
        &state,
        &viewer,
        "network/groups.html",
        context! { rows, may_form => viewer.may("network.group_new", None) },
    )
}

/// The group `id` with its members.
async fn read(state: &AppState, id: Uuid) -> AppResult<(Group, Vec<Member>)> {
    let g = db::network::group(&state.db, id).await?;
    let members = db::network::members(&state.db, &[id]).await?;
    Ok((g, members))
}

fn member_ids(members: &[Member]) -> Vec<Uuid> {
    members.iter().map(|m| m.organisation_id).collect()
}

/// The group page; `failed` names the small form whose `errors` it shows (with what was typed).
async fn page(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
    failed: Option<&str>,
    errors: &Errors,
    typed: Value,
) -> AppResult {
    let (g, members) = read(state, id).await?;
    let ids = member_ids(&members);
    let names = Names::load(state, viewer.locale).await?;
    let p = viewer.principal.as_ref();
    let manages = p.is_some_and(|p| rules::manages(p, &ids));
    let works_in = p.is_some_and(|p| rules::works_in(p, &ids));
    let v = network_viewer(state, viewer).await?;
    // The pooled relations: seen by the group's people, staff and tutors.
    let pooled: Vec<Value> = if works_in || v.everything {
        let filter = db::network::RelationFilter {
            group: Some(id),
            ..Default::default()
        };
        let everyone = domain::network::Viewer {
            everything: true,
            ..Default::default()
        };
        let (rows, _) = db::network::relations(&state.db, &everyone, &filter, 0).await?;
        rows.iter()
            .map(|r| {
                let removable = p.is_some_and(|p| {
                    domain::network::may_edit(p, r.organisation_id) || rules::manages(p, &ids)
                });
                context! {
                    id => r.id, organisation => r.organisation_name, partner => r.partner_name,
                    kind => r.kind.code(), country => country(&r.country, viewer.locale),
                    start_year => r.start_year, end_year => r.end_year, removable,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    // The viewer's own relations that could be pooled: of a member administration, not pooled.
    let mut poolable: Vec<Value> = Vec::new();
    if let Some(p) = p {
        let own: Vec<Uuid> = ids
            .iter()
            .copied()
            .filter(|m| domain::network::may_edit(p, *m))
            .collect();
        for o in own {
            let filter = db::network::RelationFilter {
                organisation: Some(o),
                ..Default::default()
            };
            let (rows, _) = db::network::relations(&state.db, &v, &filter, 0).await?;
            let already = db::network::RelationFilter {
                group: Some(id),
                organisation: Some(o),
                ..Default::default()
            };
            let (inside, _) = db::network::relations(&state.db, &v, &already, 0).await?;
            for r in rows.iter().filter(|r| !inside.iter().any(|x| x.id == r.id)) {
                let label = format!(
                    "{} — {} ({}, {})",
                    r.organisation_name,
                    r.partner_name,
                    country(&r.country, viewer.locale),
                    r.start_year
                );
                poolable.push(context! { id => r.id, label });
            }
        }
    }
    let initiatives = db::network::initiatives(&state.db, Some(id)).await?;
    let initiative_ids: Vec<Uuid> = initiatives.iter().map(|i| i.id).collect();
    let events = db::network::events(&state.db, &initiative_ids).await?;
    let title_of = |i: Uuid| {
        initiatives
            .iter()
            .find(|x| x.id == i)
            .map(|x| x.title.clone())
            .unwrap_or_default()
    };
    // The timeline: every move of every initiative and the calls' deadlines, by date.
    let mut timeline: Vec<(chrono::NaiveDate, Value)> = events
        .iter()
        .map(|e| {
            (
                e.on_date,
                context! {
                    date => viewer.locale.date(e.on_date), iso => e.on_date.to_string(), initiative => e.initiative_id,
                    title => title_of(e.initiative_id), to => e.to_state, from => e.from_state,
                    reason => e.reason, deadline => false,
                },
            )
        })
        .collect();
    for i in &initiatives {
        if let Some(d) = i.call_deadline {
            timeline.push((
                d,
                context! {
                    date => viewer.locale.date(d), iso => d.to_string(), initiative => i.id, title => i.title,
                    call => i.call_name, deadline => true, from => (), to => "", reason => "",
                },
            ));
        }
    }
    timeline.sort_by_key(|(d, _)| *d);
    // The strand C labs scheduled for the group, the coming ones first.
    let filter = db::labs::Filter {
        group: Some(id),
        ..Default::default()
    };
    let labs = crate::shared::sessions::listed(state, viewer, &filter).await?;
    let may_schedule = viewer.may("labs.session_new", None);
    // The group's document space: the library's documents scoped to the group, as far as the
    // viewer's library scope sees them (the group's people, tutors and staff).
    let scope = crate::shared::library::scope(state, viewer).await?;
    let documents: Vec<Value> = db::library::of_network_group(&state.db, id)
        .await?
        .into_iter()
        .filter(|d| scope.sees(d.visibility(), d.owner()))
        .map(|d| {
            let added = d
                .created_at
                .with_timezone(&domain::locale::TIME_ZONE)
                .date_naive();
            context! {
                id => d.id, title => d.title, kind => d.kind, year => d.year,
                added => viewer.locale.date(added),
            }
        })
        .collect();
    let may_add_document = domain::library::publish::may_publish_for_network_group(&scope, id);
    let sees_documents =
        scope.everything || scope.every_network_group || scope.network_groups.contains(&id);
    let administrations: Vec<Value> = db::network::administrations(&state.db)
        .await?
        .into_iter()
        .filter(|a| a.region_code.is_some() && !ids.contains(&a.id))
        .map(|a| context! { id => a.id, name => a.name })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else if errors
        .0
        .iter()
        .any(|e| e.message == "error-network-group-one-region")
    {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = render(
        state,
        viewer,
        "network/group.html",
        context! {
            g => context! {
                id => g.id, name => g.name, purpose => g.purpose, status => g.status,
                formed_on => viewer.locale.date(g.formed_on), version => g.version,
                countries => countries(&g.countries, viewer.locale), themes => themes(&names, &g.themes),
            },
            members => members.iter().map(|m| context! {
                id => m.organisation_id, name => m.name,
                region => m.region_code.as_deref().and_then(|r| domain::organisations::REGIONS.iter().find(|(c, _)| *c == r)).map(|(_, n)| *n),
                contact_name => m.contact_name, contact_email => m.contact_email, joined_on => viewer.locale.date(m.joined_on),
            }).collect::<Vec<_>>(),
            initiatives => initiatives.iter().map(|i| context! {
                id => i.id, title => i.title, state => i.state, lead => i.lead_name,
                deadline => i.call_deadline.map(|d| viewer.locale.date(d)), budget => euro(i.budget_cents, viewer.locale),
            }).collect::<Vec<_>>(),
            timeline => timeline.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
            pooled, poolable, administrations, manages, works_in, labs, may_schedule,
            documents, may_add_document, sees_documents,
            sees_pooled => works_in || v.everything,
            discussion => crate::community::discussion(viewer, domain::community::spaces::Kind::Group, g.id, &domain::community::spaces::Members::Group(ids.clone())),
            failed, typed,
            errors => field_errors(state, viewer, errors),
        },
    );
    with_status(status, page)
}

/// What was typed in the group page's small forms, shown again with their errors.
fn typed(organisation: &str, contact_name: &str, contact_email: &str, relation: &str) -> Value {
    context! { organisation, contact_name, contact_email, relation }
}

pub(super) async fn show(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    page(
        &state,
        &viewer,
        id,
        None,
        &Errors::default(),
        typed("", "", "", ""),
    )
    .await
}

fn input_of(pairs: &[(String, String)]) -> (GroupInput, Vec<ContactInput>) {
    let mut i = GroupInput::default();
    let mut rows: Vec<ContactInput> = vec![ContactInput::default(); FOUNDER_ROWS];
    for (key, value) in pairs {
        match key.as_str() {
            "name" => i.name = value.clone(),
            "purpose" => i.purpose = value.clone(),
            "countries" if i.countries.len() < 200 => i.countries.push(value.clone()),
            "themes" | "sectors" if i.themes.len() < 200 => i.themes.push(value.clone()),
            other => {
                let Some((field, n)) = other.rsplit_once('_') else {
                    continue;
                };
                let Some(row) = n
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=FOUNDER_ROWS).contains(n))
                    .map(|n| &mut rows[n - 1])
                else {
                    continue;
                };
                match field {
                    "member" => row.organisation = value.clone(),
                    "contact_name" => row.contact_name = value.clone(),
                    "contact_email" => row.contact_email = value.clone(),
                    _ => {}
                }
            }
        }
    }
    i.members = rows.iter().map(|r| r.organisation.clone()).collect();
    (i, rows)
}

async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    input: &GroupInput,
    rows: &[ContactInput],
    errors: &Errors,
) -> AppResult {
    let (macro_areas, sectors, countries) = choices(state, viewer, input).await?;
    let administrations: Vec<Value> = db::network::administrations(&state.db)
        .await?
        .into_iter()
        .filter(|a| a.region_code.is_some())
        .map(|a| {
            let region = a
                .region_code
                .as_deref()
                .and_then(|r| domain::organisations::REGIONS.iter().find(|(c, _)| *c == r))
                .map(|(_, n)| *n)
                .unwrap_or_default();
            context! { id => a.id, name => format!("{} ({region})", a.name) }
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = render(
        state,
        viewer,
        "network/group_form.html",
        context! {
            form => context! { name => input.name, purpose => input.purpose },
            rows => rows.iter().enumerate().map(|(n, r)| context! {
                n => n + 1, member => r.organisation, contact_name => r.contact_name, contact_email => r.contact_email,
            }).collect::<Vec<_>>(),
            administrations, macro_areas, sectors,
            countries,
            errors => field_errors(state, viewer, errors),
        },
    );
    with_status(status, page)
}

/// The themes (macro-areas, DAC sectors) and countries a group's form offers, those typed
/// ticked.
async fn choices(
    state: &AppState,
    viewer: &Viewer,
    input: &GroupInput,
) -> AppResult<(Vec<Value>, Vec<Value>, Vec<Value>)> {
    let names = Names::load(state, viewer.locale).await?;
    let (macro_areas, sectors) = theme_choices(&names, &input.themes);
    let chosen: Vec<String> = input
        .countries
        .iter()
        .map(|c| c.trim().to_ascii_uppercase())
        .collect();
    Ok((
        macro_areas,
        sectors,
        country_choices(&chosen, viewer.locale),
    ))
}

/// The group `id` when the viewer manages it (staff, or a coordinator of one of its
/// administrations), with its members.
async fn managed(state: &AppState, viewer: &Viewer, id: Uuid) -> AppResult<(Group, Vec<Member>)> {
    let (g, members) = read(state, id).await?;
    let ids = member_ids(&members);
    if !viewer
        .principal
        .as_ref()
        .is_some_and(|p| rules::manages(p, &ids))
    {
        return Err(AppError::Forbidden);
    }
    Ok((g, members))
}

/// The form that edits a group's name, purpose, countries, themes and status, with the group as
/// saved beside it when someone else saved it meanwhile.
async fn edit_page(
    state: &AppState,
    viewer: &Viewer,
    g: &Group,
    input: &GroupInput,
    version: i64,
    errors: &Errors,
) -> AppResult {
    let (macro_areas, sectors, countries) = choices(state, viewer, input).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else if errors
        .0
        .iter()
        .any(|e| e.message == "error-network-conflict")
    {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = render(
        state,
        viewer,
        "network/group_edit.html",
        context! {
            g => context! { id => g.id, name => g.name },
            form => context! { name => input.name, purpose => input.purpose, status => input.status },
            version, statuses => rules::Status::ALL.map(rules::Status::code),
            macro_areas, sectors,
            countries,
            errors => field_errors(state, viewer, errors),
        },
    );
    with_status(status, page)
}

pub(super) async fn edit(State(state): State<AppState>, viewer: Viewer, Id(id): Id) -> AppResult {
    let (g, _) = managed(&state, &viewer, id).await?;
    let input = GroupInput {
        name: g.name.clone(),
        purpose: g.purpose.clone(),
        countries: g.countries.clone(),
        themes: g.themes.clone(),
        status: g.status.code().to_string(),
        members: Vec::new(),
    };
    edit_page(&state, &viewer, &g, &input, g.version, &Errors::default()).await
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let (g, _) = managed(&state, &viewer, id).await?;
    let (mut input, _) = input_of(&pairs);
    input.members = Vec::new();
    input.status = pairs
        .iter()
        .find(|(k, _)| k == "status")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let sent = pairs.iter().find(|(k, _)| k == "version");
    let version = crate::http::version_of(sent.map_or("", |(_, v)| v.as_str()))?;
    // A group's status is chosen, never left to its default.
    let mut e = Errors::default();
    if input.status.trim().is_empty() {
        e.add("status", "error-required");
    }
    let known = db::library::theme_codes(&state.db).await?;
    let draft = match rules::check(&input, |t| known.contains(t), false) {
        Ok(d) if e.is_empty() => d,
        Ok(_) => return edit_page(&state, &viewer, &g, &input, version, &e).await,
        Err(mut errors) => {
            errors.0.extend(e.0);
            return edit_page(&state, &viewer, &g, &input, version, &errors).await;
        }
    };
    match db::network::update_group(&state.db, id, version, &draft, viewer.user_id()).await {
        Ok(()) => Ok(see_other(&format!("/network/groups/{id}"))),
        Err(db::DbError::Conflict) => {
            // Saved by someone else meanwhile: the form keeps what was typed, at the version
            // now saved, and says so.
            let latest = db::network::group(&state.db, id).await?;
            let mut e = Errors::default();
            e.add("form", "error-network-conflict");
            edit_page(&state, &viewer, &latest, &input, latest.version, &e).await
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn new(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let rows = vec![ContactInput::default(); FOUNDER_ROWS];
    form_page(
        &state,
        &viewer,
        &GroupInput::default(),
        &rows,
        &Errors::default(),
    )
    .await
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult {
    let (mut input, rows) = input_of(&pairs);
    let known = db::library::theme_codes(&state.db).await?;
    let mut e = Errors::default();
    // Each founding row: an administration with its contact person, each problem by its field.
    let mut founders: Vec<Contact> = Vec::new();
    for (n, r) in rows.iter().enumerate() {
        let [member, name, email] = ROW_FIELDS[n];
        let empty = r.organisation.trim().is_empty()
            && r.contact_name.trim().is_empty()
            && r.contact_email.trim().is_empty();
        if empty {
            continue;
        }
        match rules::check_contact(r) {
            Ok(c) if !founders.iter().any(|f| f.organisation == c.organisation) => founders.push(c),
            Ok(_) => e.add(member, "error-network-group-member-twice"),
            Err(errors) => {
                for fe in errors.0 {
                    let field = match fe.field {
                        "organisation" => member,
                        "contact_name" => name,
                        _ => email,
                    };
                    let message = if fe.field == "organisation" && !r.organisation.trim().is_empty()
                    {
                        "error-unknown-choice"
                    } else {
                        fe.message
                    };
                    e.add(field, message);
                }
            }
        }
    }
    input.members = founders
        .iter()
        .map(|f| f.organisation.to_string())
        .collect();
    let draft = rules::check(&input, |t| known.contains(t), true);
    let draft = match draft {
        Ok(d) if e.is_empty() => d,
        Ok(_) => return form_page(&state, &viewer, &input, &rows, &e).await,
        Err(mut errors) => {
            errors.0.extend(e.0);
            return form_page(&state, &viewer, &input, &rows, &errors).await;
        }
    };
    let facts = db::network::organisations(&state.db, &draft.members).await?;
    if facts.len() != draft.members.len() {
        e.add("members", "error-network-group-not-administration");
        return form_page(&state, &viewer, &input, &rows, &e).await;
    }
    let founders_rule: Vec<_> = facts.iter().map(|o| o.founder()).collect();
    if let Err(message) = rules::check_regions(&founders_rule) {
        e.add("members", message);
        return form_page(&state, &viewer, &input, &rows, &e).await;
    }
    let may = viewer
        .principal
        .as_ref()
        .is_some_and(|p| rules::may_form(p, &draft.members));
    if !may {
        e.add("members", "error-network-group-founder");
        return form_page(&state, &viewer, &input, &rows, &e).await;
    }
    let today = crate::tables::today(&state);
    let id =
        db::network::create_group(&state.db, &draft, &founders, today, viewer.user_id()).await?;
    Ok(see_other(&format!("/network/groups/{id}")))
}

/// The form that adds a member with its contact person.
#[derive(Deserialize)]
pub(super) struct MemberForm {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    contact_name: String,
    #[serde(default)]
    contact_email: String,
}

/// The form that pools a relation.
#[derive(Deserialize)]
pub(super) struct PoolForm {
    #[serde(default)]
    relation: String,
}

pub(super) async fn member_add(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<MemberForm>,
) -> AppResult {
    let (_, members) = read(&state, id).await?;
    let ids = member_ids(&members);
    if !viewer
        .principal
        .as_ref()
        .is_some_and(|p| rules::manages(p, &ids))
    {
        return Err(AppError::Forbidden);
    }
    let input = ContactInput {
        organisation: form.organisation,
        contact_name: form.contact_name,
        contact_email: form.contact_email,
    };
    let typed = typed(
        &input.organisation,
        &input.contact_name,
        &input.contact_email,
        "",
    );
    let contact = match rules::check_contact(&input) {
        Ok(c) => c,
        Err(e) => return page(&state, &viewer, id, Some("member"), &e, typed).await,
    };
    let mut e = Errors::default();
    if ids.contains(&contact.organisation) {
        e.add("organisation", "error-network-group-member-twice");
        return page(&state, &viewer, id, Some("member"), &e, typed).await;
    }
    let facts = db::network::organisations(&state.db, &[contact.organisation]).await?;
    let fits = facts
        .first()
        .map(|o| o.founder())
        .is_some_and(|f| f.italian_pa && f.region.is_some());
    if !fits {
        e.add("organisation", "error-network-group-not-administration");
        return page(&state, &viewer, id, Some("member"), &e, typed).await;
    }
    let today = crate::tables::today(&state);
    match db::network::add_member(&state.db, id, &contact, today, viewer.user_id()).await {
        Ok(()) => Ok(see_other(&format!("/network/groups/{id}#members"))),
        Err(db::DbError::Duplicate) => {
            e.add("organisation", "error-network-group-member-twice");
            page(&state, &viewer, id, Some("member"), &e, typed).await
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn member_remove(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, organisation)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let (_, members) = read(&state, id).await?;
    let ids = member_ids(&members);
    if !viewer
        .principal
        .as_ref()
        .is_some_and(|p| rules::manages(p, &ids))
    {
        return Err(AppError::Forbidden);
    }
    if !ids.contains(&organisation) {
        return Err(AppError::NotFound);
    }
    let left: Vec<Uuid> = ids.iter().copied().filter(|m| *m != organisation).collect();
    let facts = db::network::organisations(&state.db, &left).await?;
    let founders: Vec<_> = facts.iter().map(|o| o.founder()).collect();
    if let Err(message) = rules::check_regions(&founders) {
        let mut e = Errors::default();
        e.add("member", message);
        return page(
            &state,
            &viewer,
            id,
            Some("remove"),
            &e,
            typed("", "", "", ""),
        )
        .await;
    }
    db::network::remove_member(&state.db, id, organisation, viewer.user_id()).await?;
    Ok(see_other(&format!("/network/groups/{id}#members")))
}

pub(super) async fn pool(
    State(state): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    Form(form): Form<PoolForm>,
) -> AppResult {
    let (_, members) = read(&state, id).await?;
    let ids = member_ids(&members);
    let typed = typed("", "", "", &form.relation);
    let mut e = Errors::default();
    let Some(relation) = Uuid::parse_str(form.relation.trim()).ok() else {
        e.add(
            "relation",
            if form.relation.trim().is_empty() {
                "error-required"
            } else {
                "error-unknown-choice"
            },
        );
        return page(&state, &viewer, id, Some("pool"), &e, typed).await;
    };
    let r = match db::network::relation(&state.db, relation).await {
        Ok(r) => r,
        Err(db::DbError::NotFound) => {
            e.add("relation", "error-unknown-choice");
            return page(&state, &viewer, id, Some("pool"), &e, typed).await;
        }
        Err(other) => return Err(other.into()),
    };
    let may = viewer
        .principal
        .as_ref()
        .is_some_and(|p| domain::network::may_edit(p, r.organisation_id));
    if !may {
        return Err(AppError::Forbidden);
    }
    if !ids.contains(&r.organisation_id) {
        e.add("relation", "error-network-pool-member");
        return page(&state, &viewer, id, Some("pool"), &e, typed).await;
    }
    match db::network::pool_relation(&state.db, id, relation, viewer.user_id()).await {
        Ok(()) => Ok(see_other(&format!("/network/groups/{id}#pooled"))),
        Err(db::DbError::Duplicate) => {
            e.add("relation", "error-network-pool-twice");
            page(&state, &viewer, id, Some("pool"), &e, typed).await
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn unpool(
    State(state): State<AppState>,
    viewer: Viewer,
    PathIds((id, relation)): PathIds<(Uuid, Uuid)>,
) -> AppResult {
    let (_, members) = read(&state, id).await?;
    let ids = member_ids(&members);
    let r = db::network::relation(&state.db, relation).await?;
    let may = viewer.principal.as_ref().is_some_and(|p| {
        domain::network::may_edit(p, r.organisation_id) || rules::manages(p, &ids)
    });
    if !may {
        return Err(AppError::Forbidden);
    }
    db::network::unpool_relation(&state.db, id, relation, viewer.user_id()).await?;
    Ok(see_other(&format!("/network/groups/{id}#pooled")))
}
