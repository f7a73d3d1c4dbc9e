//! The interregional network: administrations' relations with foreign partners (`relations`),
//! their past experience (`experience`), interregional groups with their members and pooled
//! relations (`groups`), and the groups' joint initiatives with the moves of their state
//! (`initiatives`). Who sees which record is `domain::network::Viewer`; lists apply it in their
//! query.

pub mod atlas;
mod experience;
mod groups;
mod initiatives;
mod relations;

pub use experience::*;
pub use groups::*;
pub use initiatives::*;
pub use relations::*;

use crate::audit::Change;
use crate::{new_id, placeholders, run, Db, DbError, Part, Result};
use domain::network::Viewer;
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

/// Records per page of a list.
pub const PAGE_SIZE: i64 = 50;

/// The query of one page (`page` from 0) of `select` under `conditions`, in `order`: one row more
/// than a page, so that `split_page` tells whether a next page exists.
fn page_sql(select: &str, conditions: &[String], order: &str, page: i64) -> String {
    let offset = page.max(0).saturating_mul(PAGE_SIZE);
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conditions.join(" AND "))
    };
    format!(
        "{select}{filter} ORDER BY {order} LIMIT {} OFFSET {offset}",
        PAGE_SIZE + 1
    )
}

/// The rows of one page read with `page_sql`, and whether there is a next page.
fn split_page<T>(mut rows: Vec<T>) -> (Vec<T>, bool) {
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    (rows, more)
}

fn json_list(items: &[String]) -> String {
    serde_json::Value::from(items.to_vec()).to_string()
}

fn read_list(table: &str, id: Uuid, column: &str, text: &str) -> Result<Vec<String>> {
    serde_json::from_str(text).map_err(|_| DbError::Unreadable {
        record: format!("{table}/{id}/{column}"),
        value: text.to_string(),
    })
}

/// The groups whose pooled relations the people of `administrations` see: those the
/// administrations are members of.
pub async fn groups_of(db: &Db, administrations: &[Uuid]) -> Result<Vec<Uuid>> {
    if administrations.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT DISTINCT group_id FROM network_group_members WHERE organisation_id IN ({})",
        placeholders(1, administrations.len())
    );
    run!(db, |pool| {
        let mut q = sqlx::query_scalar(&sql);
        for a in administrations {
            q = q.bind(*a);
        }
        Ok(q.fetch_all(pool).await?)
    })
}

/// The viewer `who` is, with the groups of their administrations read from the database.
pub async fn viewer(db: &Db, who: Option<&domain::roles::Principal>) -> Result<Viewer> {
    let base = Viewer::of(who, Vec::new());
    let groups = groups_of(db, &base.administrations).await?;
    Ok(Viewer { groups, ..base })
}

/// The condition (starting at placeholder `$first`) that keeps the records of a table aliased
/// `r` (with `organisation_id`, `sharing`, and, when `pooled`, relations pooled into groups)
/// which `viewer` sees, and the values to bind, in order: `None` when the viewer sees everything.
fn visible(viewer: &Viewer, first: usize, pooled: bool) -> Option<(String, Vec<Bind>)> {
    if viewer.everything {
        return None;
    }
    let mut binds: Vec<Bind> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    let levels = viewer.levels();
    parts.push(format!(
        "r.sharing IN ({})",
        placeholders(first, levels.len())
    ));
    binds.extend(levels.iter().map(|l| Bind::Text(l.code())));
    if !viewer.administrations.is_empty() {
        parts.push(format!(
            "r.organisation_id IN ({})",
            placeholders(first + binds.len(), viewer.administrations.len())
        ));
        binds.extend(viewer.administrations.iter().map(|a| Bind::Id(*a)));
    }
    if pooled && !viewer.groups.is_empty() {
        parts.push(format!(
            "r.id IN (SELECT relation_id FROM network_group_relations WHERE group_id IN ({}))",
            placeholders(first + binds.len(), viewer.groups.len())
        ));
        binds.extend(viewer.groups.iter().map(|g| Bind::Id(*g)));
    }
    Some((format!("({})", parts.join(" OR ")), binds))
}

/// A value bound to a query built at run time.
#[derive(Debug, Clone)]
enum Bind {
    Text(&'static str),
    Owned(String),
    Id(Uuid),
}

macro_rules! bind_all {
    ($q:expr, $binds:expr) => {{
        let mut q = $q;
        for b in $binds {
            q = match b {
                Bind::Text(t) => q.bind(*t),
                Bind::Owned(t) => q.bind(t.clone()),
                Bind::Id(id) => q.bind(*id),
            };
        }
        q
    }};
}
use bind_all;

/// An administration as the network's forms offer it: an Italian public administration with
/// its region.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Administration {
    pub id: Uuid,
    pub name: String,
    pub region_code: Option<String>,
}

/// Every Italian public administration, by name.
pub async fn administrations(db: &Db) -> Result<Vec<Administration>> {
    let mut out: Vec<Administration> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT id, name, region_code FROM organisations WHERE category = 'italian_pa'",
        )
        .fetch_all(pool)
        .await?
    });
    domain::locale::sort_by_name(&mut out, |a| a.name.as_str());
    Ok(out)
}

/// An organisation as the two-regions rule and the partner checks see it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct OrganisationFacts {
    pub id: Uuid,
    pub name: String,
    pub category: String,
    pub region_code: Option<String>,
    pub country: String,
    pub partner_type: Option<String>,
}

impl OrganisationFacts {
    /// As the two-regions rule sees it.
    pub fn founder(&self) -> domain::network::groups::Founder {
        domain::network::groups::Founder {
            id: self.id,
            italian_pa: self.category == "italian_pa",
            region: self.region_code.clone(),
        }
    }
}

/// What the registry says of these organisations (those that exist).
pub async fn organisations(db: &Db, ids: &[Uuid]) -> Result<Vec<OrganisationFacts>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT id, name, category, region_code, country, partner_type FROM organisations WHERE id IN ({})",
        placeholders(1, ids.len())
    );
    run!(db, |pool| {
        let mut q = sqlx::query_as(&sql);
        for id in ids {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(pool).await?)
    })
}

/// The registry's foreign partners, by name (for the relation and initiative forms).
pub async fn foreign_partners(db: &Db) -> Result<Vec<OrganisationFacts>> {
    let mut out: Vec<OrganisationFacts> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT id, name, category, region_code, country, partner_type FROM organisations WHERE category = 'foreign_partner'",
        )
        .fetch_all(pool)
        .await?
    });
    domain::locale::sort_by_name(&mut out, |a| a.name.as_str());
    Ok(out)
}
