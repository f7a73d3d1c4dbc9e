//! The network as matchmaking, the country pages, the map and the open data read it: every
//! relation, earlier project, group and initiative with the names they point at, each list in
//! one query. What a viewer may see of them is decided by the caller with
//! `domain::network::Viewer`; the open data keeps only what is public.

use crate::{run, Db, Result};
use chrono::NaiveDate;
use domain::network::Sharing;
use std::collections::HashMap;
use uuid::Uuid;

/// A relation with its administration's and partner's names. No contact person: nothing read
/// here names a person.
#[derive(Debug, Clone)]
pub struct RelationFact {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation: String,
    pub region: Option<String>,
    pub partner_id: Uuid,
    pub partner: String,
    pub kind: String,
    pub country: String,
    pub start_year: i32,
    pub end_year: Option<i32>,
    pub themes: Vec<String>,
    pub funding_programme: String,
    pub project_role: Option<String>,
    pub amount_cents: Option<i64>,
    pub sharing: Sharing,
    /// The groups it is pooled into.
    pub pooled: Vec<Uuid>,
}

#[derive(sqlx::FromRow)]
struct RelationRow {
    id: Uuid,
    organisation_id: Uuid,
    organisation: String,
    region: Option<String>,
    partner_id: Uuid,
    partner: String,
    kind: String,
    country: String,
    start_year: i32,
    end_year: Option<i32>,
    themes: String,
    funding_programme: String,
    project_role: Option<String>,
    amount_cents: Option<i64>,
    #[sqlx(try_from = "String")]
    sharing: Sharing,
}

fn list(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}

/// Every relation, by administration name, country, start year and partner.
pub async fn relations(db: &Db) -> Result<Vec<RelationFact>> {
    let rows: Vec<RelationRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT r.id, r.organisation_id, o.name AS organisation, o.region_code AS region,
                    r.partner_id, p.name AS partner, r.kind, r.country, r.start_year, r.end_year,
                    r.themes, r.funding_programme, r.project_role, r.amount_cents, r.sharing
             FROM network_relations r
             JOIN organisations o ON o.id = r.organisation_id
             JOIN organisations p ON p.id = r.partner_id
             ORDER BY o.name, r.organisation_id, r.country, r.start_year, p.name, r.id",
        )
        .fetch_all(pool)
        .await?
    });
    let pooled: Vec<(Uuid, Uuid)> = run!(db, |pool| {
        sqlx::query_as("SELECT relation_id, group_id FROM network_group_relations")
            .fetch_all(pool)
            .await?
    });
    let mut groups_of: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (relation, group) in pooled {
        groups_of.entry(relation).or_default().push(group);
    }
    Ok(rows
        .into_iter()
        .map(|r| RelationFact {
            pooled: groups_of.remove(&r.id).unwrap_or_default(),
            id: r.id,
            organisation_id: r.organisation_id,
            organisation: r.organisation,
            region: r.region,
            partner_id: r.partner_id,
            partner: r.partner,
            kind: r.kind,
            country: r.country,
            start_year: r.start_year,
            end_year: r.end_year,
            themes: list(&r.themes),
            funding_programme: r.funding_programme,
            project_role: r.project_role,
            amount_cents: r.amount_cents,
            sharing: r.sharing,
        })
        .collect())
}

/// An earlier project, as matchmaking uses it.
#[derive(Debug, Clone)]
pub struct ExperienceFact {
    pub organisation_id: Uuid,
    pub title: String,
    pub countries: Vec<String>,
    pub themes: Vec<String>,
    pub sharing: Sharing,
}

#[derive(sqlx::FromRow)]
struct ExperienceRow {
    organisation_id: Uuid,
    title: String,
    countries: String,
    themes: String,
    #[sqlx(try_from = "String")]
    sharing: Sharing,
}

/// Every earlier project, by title.
pub async fn experiences(db: &Db) -> Result<Vec<ExperienceFact>> {
    let rows: Vec<ExperienceRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT organisation_id, title, countries, themes, sharing FROM network_experiences
             ORDER BY title, id",
        )
        .fetch_all(pool)
        .await?
    });
    Ok(rows
        .into_iter()
        .map(|r| ExperienceFact {
            organisation_id: r.organisation_id,
            title: r.title,
            countries: list(&r.countries),
            themes: list(&r.themes),
            sharing: r.sharing,
        })
        .collect())
}

/// An administration of a group or an initiative, by name.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Named {
    pub id: Uuid,
    pub name: String,
    /// The ISTAT region code of an Italian administration.
    pub region: Option<String>,
    /// The organisation's country (ISO 3166-1 alpha-2).
    pub country: String,
}

/// A group with its member administrations (their contact people are not read).
#[derive(Debug, Clone)]
pub struct GroupFact {
    pub id: Uuid,
    pub name: String,
    pub purpose: String,
    pub countries: Vec<String>,
    pub themes: Vec<String>,
    pub status: String,
    pub formed_on: NaiveDate,
    pub members: Vec<Named>,
}

#[derive(sqlx::FromRow)]
struct GroupRow {
    id: Uuid,
    name: String,
    purpose: String,
    countries: String,
    themes: String,
    status: String,
    formed_on: NaiveDate,
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    owner: Uuid,
    id: Uuid,
    name: String,
    region: Option<String>,
    country: String,
}

fn by_owner(rows: Vec<MemberRow>) -> HashMap<Uuid, Vec<Named>> {
    let mut out: HashMap<Uuid, Vec<Named>> = HashMap::new();
    for m in rows {
        out.entry(m.owner).or_default().push(Named {
            id: m.id,
            name: m.name,
            region: m.region,
            country: m.country,
        });
    }
    out
}

/// Every group with its members, by name.
pub async fn groups(db: &Db) -> Result<Vec<GroupFact>> {
    let rows: Vec<GroupRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT id, name, purpose, countries, themes, status, formed_on FROM network_groups
             ORDER BY name, id",
        )
        .fetch_all(pool)
        .await?
    });
    let members: Vec<MemberRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT m.group_id AS owner, o.id, o.name, o.region_code AS region, o.country
             FROM network_group_members m JOIN organisations o ON o.id = m.organisation_id
             ORDER BY o.name, o.id",
        )
        .fetch_all(pool)
        .await?
    });
    let mut members = by_owner(members);
    Ok(rows
        .into_iter()
        .map(|g| GroupFact {
            members: members.remove(&g.id).unwrap_or_default(),
            id: g.id,
            name: g.name,
            purpose: g.purpose,
            countries: list(&g.countries),
            themes: list(&g.themes),
            status: g.status,
            formed_on: g.formed_on,
        })
        .collect())
}

/// A joint initiative with its lead and partners.
#[derive(Debug, Clone)]
pub struct InitiativeFact {
    pub id: Uuid,
    pub group_id: Uuid,
    pub title: String,
    pub summary: String,
    pub state: String,
    pub state_on: NaiveDate,
    pub lead: Named,
    pub countries: Vec<String>,
    pub call_name: String,
    pub call_deadline: Option<NaiveDate>,
    pub budget_cents: Option<i64>,
    pub partners: Vec<Named>,
}

#[derive(sqlx::FromRow)]
struct InitiativeRow {
    id: Uuid,
    group_id: Uuid,
    title: String,
    summary: String,
    state: String,
    state_on: NaiveDate,
    lead_id: Uuid,
    lead_name: String,
    lead_region: Option<String>,
    lead_country: String,
    countries: String,
    call_name: String,
    call_deadline: Option<NaiveDate>,
    budget_cents: Option<i64>,
}

/// Every initiative with its lead and partners, by group, then title.
pub async fn initiatives(db: &Db) -> Result<Vec<InitiativeFact>> {
    let rows: Vec<InitiativeRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT i.id, i.group_id, i.title, i.summary, i.state, i.state_on, i.lead_id,
                    o.name AS lead_name, o.region_code AS lead_region, o.country AS lead_country,
                    i.countries, i.call_name, i.call_deadline, i.budget_cents
             FROM network_initiatives i JOIN organisations o ON o.id = i.lead_id
             ORDER BY i.group_id, i.title, i.id",
        )
        .fetch_all(pool)
        .await?
    });
    let partners: Vec<MemberRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT p.initiative_id AS owner, o.id, o.name, o.region_code AS region, o.country
             FROM network_initiative_partners p JOIN organisations o ON o.id = p.organisation_id
             ORDER BY o.name, o.id",
        )
        .fetch_all(pool)
        .await?
    });
    let mut partners = by_owner(partners);
    Ok(rows
        .into_iter()
        .map(|i| InitiativeFact {
            partners: partners.remove(&i.id).unwrap_or_default(),
            id: i.id,
            group_id: i.group_id,
            title: i.title,
            summary: i.summary,
            state: i.state,
            state_on: i.state_on,
            lead: Named {
                id: i.lead_id,
                name: i.lead_name,
                region: i.lead_region,
                country: i.lead_country,
            },
            countries: list(&i.countries),
            call_name: i.call_name,
            call_deadline: i.call_deadline,
            budget_cents: i.budget_cents,
        })
        .collect())
}

/// The Italian public administrations, by name: those matchmaking can rank.
pub async fn administrations(db: &Db) -> Result<Vec<Named>> {
    let rows: Vec<MemberRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT id AS owner, id, name, region_code AS region, country FROM organisations
             WHERE category = 'italian_pa' ORDER BY name, id",
        )
        .fetch_all(pool)
        .await?
    });
    Ok(rows
        .into_iter()
        .map(|m| Named {
            id: m.id,
            name: m.name,
            region: m.region,
            country: m.country,
        })
        .collect())
}

/// The strategic plans of these administrations (their stored content), most recently changed
/// first: where an administration says which countries and macro-areas it aims at.
pub async fn strategic_plans(db: &Db, administrations: &[Uuid]) -> Result<Vec<(Uuid, String)>> {
    if administrations.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(Uuid, String)> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT organisation_id, content FROM products WHERE kind = 'strategic_plan'
             ORDER BY updated_at DESC, id",
        )
        .fetch_all(pool)
        .await?
    });
    Ok(rows
        .into_iter()
        .filter(|(o, _)| administrations.contains(o))
        .collect())
}
