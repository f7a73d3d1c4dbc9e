//! Open data: the relations administrations made public, the groups and their initiatives, as
//! CSV and JSON, so that a region can publish its network. The same for everyone (signed in or
//! not, whatever they may see in the pages): only public relations, and nothing that names a
//! person (no contact people, no e-mail addresses, no free notes, no authors).

use super::atlas::region_name;
use crate::http::{AppError, AppResult};
use crate::session::{render, Viewer};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use db::network::atlas::{GroupFact, InitiativeFact, Named, RelationFact};
use domain::network::Sharing;
use minijinja::context;
use serde::Serialize;
use uuid::Uuid;

/// The files offered, by name.
pub(super) const FILES: [&str; 6] = [
    "relations.csv",
    "relations.json",
    "groups.csv",
    "groups.json",
    "initiatives.csv",
    "initiatives.json",
];

/// A public relation as published.
#[derive(Debug, Serialize)]
pub(super) struct OpenRelation {
    id: Uuid,
    administration_id: Uuid,
    administration: String,
    region_code: Option<String>,
    region: Option<String>,
    kind: String,
    partner_id: Uuid,
    partner: String,
    country: String,
    start_year: i32,
    end_year: Option<i32>,
    themes: Vec<String>,
    funding_programme: String,
    project_role: Option<String>,
    /// Euro, two decimals.
    amount_eur: Option<String>,
}

/// An administration or partner as published: its id and name.
#[derive(Debug, Serialize)]
pub(super) struct OpenOrganisation {
    id: Uuid,
    name: String,
    country: String,
    region_code: Option<String>,
}

impl From<&Named> for OpenOrganisation {
    fn from(n: &Named) -> Self {
        OpenOrganisation {
            id: n.id,
            name: n.name.clone(),
            country: n.country.clone(),
            region_code: n.region.clone(),
        }
    }
}

/// A group as published: its members without their contact people.
#[derive(Debug, Serialize)]
pub(super) struct OpenGroup {
    id: Uuid,
    name: String,
    purpose: String,
    status: String,
    formed_on: chrono::NaiveDate,
    countries: Vec<String>,
    themes: Vec<String>,
    members: Vec<OpenOrganisation>,
}

/// An initiative as published.
#[derive(Debug, Serialize)]
pub(super) struct OpenInitiative {
    id: Uuid,
    group_id: Uuid,
    group: String,
    title: String,
    summary: String,
    state: String,
    state_on: chrono::NaiveDate,
    lead: OpenOrganisation,
    partners: Vec<OpenOrganisation>,
    countries: Vec<String>,
    call: String,
    call_deadline: Option<chrono::NaiveDate>,
    budget_eur: Option<String>,
}

fn euro(cents: Option<i64>) -> Option<String> {
    cents.map(|c| {
        let sign = if c < 0 { "-" } else { "" };
        format!(
            "{sign}{}.{:02}",
            c.unsigned_abs() / 100,
            c.unsigned_abs() % 100
        )
    })
}

/// The relations marked public.
pub(super) fn relations(all: &[RelationFact]) -> Vec<OpenRelation> {
    all.iter()
        .filter(|r| r.sharing == Sharing::Public)
        .map(|r| OpenRelation {
            id: r.id,
            administration_id: r.organisation_id,
            administration: r.organisation.clone(),
            region_code: r.region.clone(),
            region: r
                .region
                .as_deref()
                .and_then(region_name)
                .map(str::to_string),
            kind: r.kind.clone(),
            partner_id: r.partner_id,
            partner: r.partner.clone(),
            country: r.country.clone(),
            start_year: r.start_year,
            end_year: r.end_year,
            themes: r.themes.clone(),
            funding_programme: r.funding_programme.clone(),
            project_role: r.project_role.clone(),
            amount_eur: euro(r.amount_cents),
        })
        .collect()
}

/// The groups.
pub(super) fn groups(all: &[GroupFact]) -> Vec<OpenGroup> {
    all.iter()
        .map(|g| OpenGroup {
            id: g.id,
            name: g.name.clone(),
            purpose: g.purpose.clone(),
            status: g.status.clone(),
            formed_on: g.formed_on,
            countries: g.countries.clone(),
            themes: g.themes.clone(),
            members: g.members.iter().map(OpenOrganisation::from).collect(),
        })
        .collect()
}

/// The initiatives.
pub(super) fn initiatives(all: &[InitiativeFact], groups: &[GroupFact]) -> Vec<OpenInitiative> {
    all.iter()
        .map(|i| OpenInitiative {
            id: i.id,
            group_id: i.group_id,
            group: groups
                .iter()
                .find(|g| g.id == i.group_id)
                .map(|g| g.name.clone())
                .unwrap_or_default(),
            title: i.title.clone(),
            summary: i.summary.clone(),
            state: i.state.clone(),
            state_on: i.state_on,
            lead: OpenOrganisation::from(&i.lead),
            partners: i.partners.iter().map(OpenOrganisation::from).collect(),
            countries: i.countries.clone(),
            call: i.call_name.clone(),
            call_deadline: i.call_deadline,
            budget_eur: euro(i.budget_cents),
        })
        .collect()
}

fn joined(v: &[String]) -> String {
    v.join(";")
}

fn names(v: &[OpenOrganisation]) -> String {
    v.iter()
        .map(|o| o.name.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

fn csv(header: &[&str], rows: Vec<Vec<String>>) -> Result<Vec<u8>, AppError> {
    export::csv_table(header, rows).map_err(|e| AppError::Internal(e.to_string()))
}

/// The page listing the files.
pub(super) async fn page(State(state): State<AppState>, viewer: Viewer) -> AppResult {
    let relations = db::network::atlas::relations(&state.db).await?;
    let public = relations
        .iter()
        .filter(|r| r.sharing == Sharing::Public)
        .count();
    let groups = db::network::atlas::groups(&state.db).await?;
    let initiatives = db::network::atlas::initiatives(&state.db).await?;
    let locale = viewer.locale;
    render(
        &state,
        &viewer,
        "network/open_data.html",
        context! {
            relations => locale.integer(public as i64),
            groups => locale.integer(groups.len() as i64),
            initiatives => locale.integer(initiatives.len() as i64),
        },
    )
}

/// One file of the open data.
pub(super) async fn file(State(state): State<AppState>, Path(name): Path<String>) -> AppResult {
    let Some((what, format)) = name.split_once('.') else {
        return Err(AppError::NotFound);
    };
    if !FILES.contains(&name.as_str()) {
        return Err(AppError::NotFound);
    }
    let json = format == "json";
    let body: Vec<u8> = match what {
        "relations" => {
            let rows = relations(&db::network::atlas::relations(&state.db).await?);
            if json {
                serde_json::to_vec(&rows).map_err(|e| AppError::Internal(e.to_string()))?
            } else {
                csv(
                    &[
                        "id",
                        "administration_id",
                        "administration",
                        "region_code",
                        "region",
                        "kind",
                        "partner_id",
                        "partner",
                        "country",
                        "start_year",
                        "end_year",
                        "themes",
                        "funding_programme",
                        "project_role",
                        "amount_eur",
                    ],
                    rows.into_iter()
                        .map(|r| {
                            vec![
                                r.id.to_string(),
                                r.administration_id.to_string(),
                                r.administration,
                                r.region_code.unwrap_or_default(),
                                r.region.unwrap_or_default(),
                                r.kind,
                                r.partner_id.to_string(),
                                r.partner,
                                r.country,
                                r.start_year.to_string(),
                                r.end_year.map(|y| y.to_string()).unwrap_or_default(),
                                joined(&r.themes),
                                r.funding_programme,
                                r.project_role.unwrap_or_default(),
                                r.amount_eur.unwrap_or_default(),
                            ]
                        })
                        .collect(),
                )?
            }
        }
        "groups" => {
            let rows = groups(&db::network::atlas::groups(&state.db).await?);
            if json {
                serde_json::to_vec(&rows).map_err(|e| AppError::Internal(e.to_string()))?
            } else {
                csv(
                    &[
                        "id",
                        "name",
                        "purpose",
                        "status",
                        "formed_on",
                        "countries",
                        "themes",
                        "members",
                    ],
                    rows.into_iter()
                        .map(|g| {
                            vec![
                                g.id.to_string(),
                                g.name,
                                g.purpose,
                                g.status,
                                g.formed_on.to_string(),
                                joined(&g.countries),
                                joined(&g.themes),
                                names(&g.members),
                            ]
                        })
                        .collect(),
                )?
            }
        }
        _ => {
            let all_groups = db::network::atlas::groups(&state.db).await?;
            let rows = initiatives(
                &db::network::atlas::initiatives(&state.db).await?,
                &all_groups,
            );
            if json {
                serde_json::to_vec(&rows).map_err(|e| AppError::Internal(e.to_string()))?
            } else {
                csv(
                    &[
                        "id",
                        "group_id",
                        "group",
                        "title",
                        "summary",
                        "state",
                        "state_on",
                        "lead",
                        "partners",
                        "countries",
                        "call",
                        "call_deadline",
                        "budget_eur",
                    ],
                    rows.into_iter()
                        .map(|i| {
                            vec![
                                i.id.to_string(),
                                i.group_id.to_string(),
                                i.group,
                                i.title,
                                i.summary,
                                i.state,
                                i.state_on.to_string(),
                                i.lead.name,
                                names(&i.partners),
                                joined(&i.countries),
                                i.call,
                                i.call_deadline.map(|d| d.to_string()).unwrap_or_default(),
                                i.budget_eur.unwrap_or_default(),
                            ]
                        })
                        .collect(),
                )?
            }
        }
    };
    let content_type = if json {
        "application/json"
    } else {
        "text/csv; charset=utf-8"
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"network-{name}\""),
            ),
        ],
        body,
    )
        .into_response())
}
