//! Interregional groups: formed with their founding members, edited, joined and left, and the
//! relations their members pool into them.

use super::*;
use chrono::NaiveDate;
use domain::network::groups::{Contact, GroupDraft, Status};

/// A group as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub id: Uuid,
    pub name: String,
    pub purpose: String,
    pub countries: Vec<String>,
    pub themes: Vec<String>,
    pub status: Status,
    pub formed_on: NaiveDate,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    name: String,
    purpose: String,
    countries: String,
    themes: String,
    #[sqlx(try_from = "String")]
    status: Status,
    formed_on: NaiveDate,
    version: i64,
}

impl Row {
    fn into_group(self) -> Result<Group> {
        Ok(Group {
            countries: read_list("network_groups", self.id, "countries", &self.countries)?,
            themes: read_list("network_groups", self.id, "themes", &self.themes)?,
            id: self.id,
            name: self.name,
            purpose: self.purpose,
            status: self.status,
            formed_on: self.formed_on,
            version: self.version,
        })
    }
}

const SELECT: &str =
    "SELECT id, name, purpose, countries, themes, status, formed_on, version FROM network_groups";

/// A member administration of a group, with its contact person.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Member {
    pub group_id: Uuid,
    pub organisation_id: Uuid,
    pub name: String,
    pub region_code: Option<String>,
    pub contact_name: String,
    pub contact_email: String,
    pub joined_on: NaiveDate,
}

/// Every group, by name (a programme has a handful: filtered after one read).
pub async fn groups(db: &Db) -> Result<Vec<Group>> {
    let rows: Vec<Row> = run!(db, |pool| { sqlx::query_as(SELECT).fetch_all(pool).await? });
    let mut out = rows
        .into_iter()
        .map(Row::into_group)
        .collect::<Result<Vec<_>>>()?;
    domain::locale::sort_by_name(&mut out, |g| g.name.as_str());
    Ok(out)
}

/// One group.
pub async fn group(db: &Db, id: Uuid) -> Result<Group> {
    let row: Option<Row> = run!(db, |pool| {
        sqlx::query_as(&format!("{SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?
    });
    row.ok_or(DbError::NotFound)?.into_group()
}

/// The members of `groups` (every group when empty), by group then name.
pub async fn members(db: &Db, groups: &[Uuid]) -> Result<Vec<Member>> {
    let base = "SELECT m.group_id, m.organisation_id, o.name, o.region_code, m.contact_name,
            m.contact_email, m.joined_on
         FROM network_group_members m JOIN organisations o ON o.id = m.organisation_id";
    let sql = if groups.is_empty() {
        base.to_string()
    } else {
        format!(
            "{base} WHERE m.group_id IN ({})",
            placeholders(1, groups.len())
        )
    };
    let mut out: Vec<Member> = run!(db, |pool| {
        let mut q = sqlx::query_as(&sql);
        for g in groups {
            q = q.bind(*g);
        }
        q.fetch_all(pool).await?
    });
    domain::locale::sort_by_name(&mut out, |m| m.name.as_str());
    out.sort_by_key(|m| m.group_id);
    Ok(out)
}

/// Forms a group with its founding members (each with its contact person), on `formed_on`.
/// Returns the new id.
pub async fn create_group(
    db: &Db,
    draft: &GroupDraft,
    founders: &[Contact],
    formed_on: NaiveDate,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let change = Change {
        actor,
        action: "network.group_create",
        entity: "network_group",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "group": draft, "members": founders })),
    };
    crate::change!(
        db,
        [Part::Network],
        |tx| {
            sqlx::query(
                "INSERT INTO network_groups (id, name, purpose, countries, themes, status,
                   formed_by, formed_on, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
            )
            .bind(id)
            .bind(&draft.name)
            .bind(&draft.purpose)
            .bind(json_list(&draft.countries))
            .bind(json_list(&draft.themes))
            .bind(draft.status.code())
            .bind(actor)
            .bind(formed_on)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            for f in founders {
                sqlx::query(
                    "INSERT INTO network_group_members (group_id, organisation_id, contact_name,
                       contact_email, joined_on) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(f.organisation)
                .bind(&f.contact_name)
                .bind(&f.contact_email)
                .bind(formed_on)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_write)?;
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Saves a group's details if nobody changed it since `version` (`Conflict` otherwise).
pub async fn update_group(
    db: &Db,
    id: Uuid,
    version: i64,
    draft: &GroupDraft,
    actor: Option<Uuid>,
) -> Result<()> {
    let before = group(db, id).await?;
    let change = Change {
        actor,
        action: "network.group_update",
        entity: "network_group",
        entity_id: id.to_string(),
        before: Some(json!(before)),
        after: Some(json!(draft)),
    };
    let now = db.now();
    crate::change!(
        db,
        [Part::Network],
        |tx| {
            let done = sqlx::query(
                "UPDATE network_groups SET name = $1, purpose = $2, countries = $3, themes = $4,
                   status = $5, updated_at = $6, version = version + 1
                 WHERE id = $7 AND version = $8",
            )
            .bind(&draft.name)
            .bind(&draft.purpose)
            .bind(json_list(&draft.countries))
            .bind(json_list(&draft.themes))
            .bind(draft.status.code())
            .bind(now)
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Adds a member with its contact person (`Duplicate` when it is a member already).
pub async fn add_member(
    db: &Db,
    group: Uuid,
    member: &Contact,
    joined_on: NaiveDate,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "network.member_add",
        entity: "network_group",
        entity_id: group.to_string(),
        before: None,
        after: Some(json!({ "member": member, "joined_on": joined_on })),
    };
    crate::change!(
        db,
        [Part::Network],
        |tx| {
            sqlx::query(
                "INSERT INTO network_group_members (group_id, organisation_id, contact_name,
                   contact_email, joined_on) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(group)
            .bind(member.organisation)
            .bind(&member.contact_name)
            .bind(&member.contact_email)
            .bind(joined_on)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_write)?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Removes a member and the relations it pooled into the group; `NotFound` when it is not a
/// member, `Conflict` (nothing removed) when the members left would not span two regions. The
/// caller checks that too, to explain the refusal; this check in the transaction is the one that
/// holds against concurrent removals.
pub async fn remove_member(
    db: &Db,
    group: Uuid,
    organisation: Uuid,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "network.member_remove",
        entity: "network_group",
        entity_id: group.to_string(),
        before: Some(json!({ "member": organisation })),
        after: None,
    };
    crate::change!(
        db,
        [Part::Network],
        |tx| {
            let done = sqlx::query(
                "DELETE FROM network_group_members WHERE group_id = $1 AND organisation_id = $2",
            )
            .bind(group)
            .bind(organisation)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(DbError::NotFound);
            }
            // The members left must still span two regions, counted in this transaction: a
            // check made on members read before it could miss a removal made meanwhile.
            let regions: i64 = sqlx::query_scalar(
                "SELECT COUNT(DISTINCT o.region_code) FROM network_group_members m
                 JOIN organisations o ON o.id = m.organisation_id WHERE m.group_id = $1",
            )
            .bind(group)
            .fetch_one(&mut *tx)
            .await?;
            if regions < 2 {
                return Err(DbError::Conflict);
            }
            sqlx::query(
                "DELETE FROM network_group_relations WHERE group_id = $1 AND relation_id IN
                   (SELECT id FROM network_relations WHERE organisation_id = $2)",
            )
            .bind(group)
            .bind(organisation)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Pools a relation into a group (`Duplicate` when it is pooled already). The caller checks
/// that the relation's administration is a member and the person may edit its relations.
pub async fn pool_relation(
    db: &Db,
    group: Uuid,
    relation: Uuid,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "network.relation_pool",
        entity: "network_group",
        entity_id: group.to_string(),
        before: None,
        after: Some(json!({ "relation": relation })),
    };
    let now = db.now();
    crate::change!(
        db,
        [Part::Network],
        |tx| {
            sqlx::query(
                "INSERT INTO network_group_relations (group_id, relation_id, pooled_by, pooled_at)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(group)
            .bind(relation)
            .bind(actor)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_write)?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Takes a relation out of a group (`NotFound` when it was not pooled there).
pub async fn unpool_relation(
    db: &Db,
    group: Uuid,
    relation: Uuid,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "network.relation_unpool",
        entity: "network_group",
        entity_id: group.to_string(),
        before: Some(json!({ "relation": relation })),
        after: None,
    };
    crate::change!(
        db,
        [Part::Network],
        |tx| {
            let done = sqlx::query(
                "DELETE FROM network_group_relations WHERE group_id = $1 AND relation_id = $2",
            )
            .bind(group)
            .bind(relation)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(DbError::NotFound);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}
