//! Territorial tables: the table's record (created, edited, moved through its states, its
//! memorandum and signatories) here; members, representatives and the secretariat in `members`;
//! meetings and their attendance in `meetings`; their minutes in `minutes`; the commitments
//! decided at meetings, their history, reminders and digests in `commitments`.

mod commitments;
mod feeds;
mod meetings;
mod members;
mod minutes;

pub use commitments::*;
pub use feeds::*;
pub use meetings::*;
pub use members::*;
pub use minutes::*;

use crate::audit::Change;
use crate::{new_id, run, Db, DbError, Part, Result};
use chrono::{NaiveDate, Utc};
use domain::tables::{Dates, Place, Signatory, Status, TableDraft};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

/// A table as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub id: Uuid,
    pub name: String,
    pub lead_id: Uuid,
    pub lead_name: String,
    pub region_code: String,
    pub territory: Vec<Place>,
    pub purpose: String,
    pub themes: Vec<String>,
    pub countries: Vec<String>,
    pub rules: String,
    pub public: bool,
    pub status: Status,
    pub dates: Dates,
    pub memorandum_id: Option<Uuid>,
    pub memorandum_title: Option<String>,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    name: String,
    lead_id: Uuid,
    lead_name: String,
    region_code: String,
    territory: String,
    purpose: String,
    themes: String,
    countries: String,
    rules: String,
    public: bool,
    #[sqlx(try_from = "String")]
    status: Status,
    formed_on: NaiveDate,
    constituted_on: Option<NaiveDate>,
    active_since: Option<NaiveDate>,
    dormant_since: Option<NaiveDate>,
    memorandum_id: Option<Uuid>,
    memorandum_title: Option<String>,
    version: i64,
}

impl Row {
    fn into_table(self) -> Result<Table> {
        let list = |column: &str, text: &str| -> Result<Vec<String>> {
            serde_json::from_str(text).map_err(|_| DbError::Unreadable {
                record: format!("territorial_tables/{}/{column}", self.id),
                value: text.to_string(),
            })
        };
        let themes = list("themes", &self.themes)?;
        let countries = list("countries", &self.countries)?;
        let territory: Vec<Place> =
            serde_json::from_str(&self.territory).map_err(|_| DbError::Unreadable {
                record: format!("territorial_tables/{}/territory", self.id),
                value: self.territory.clone(),
            })?;
        Ok(Table {
            id: self.id,
            name: self.name,
            lead_id: self.lead_id,
            lead_name: self.lead_name,
            region_code: self.region_code,
            territory,
            purpose: self.purpose,
            themes,
            countries,
            rules: self.rules,
            public: self.public,
            status: self.status,
            dates: Dates {
                formed_on: Some(self.formed_on),
                constituted_on: self.constituted_on,
                active_since: self.active_since,
                dormant_since: self.dormant_since,
            },
            memorandum_id: self.memorandum_id,
            memorandum_title: self.memorandum_title,
            version: self.version,
        })
    }
}

const SELECT: &str = "SELECT t.id, t.name, t.lead_id, o.name AS lead_name, t.region_code, t.territory,
        t.purpose, t.themes, t.countries, t.rules, t.public, t.status, t.formed_on, t.constituted_on,
        t.active_since, t.dormant_since, t.memorandum_id, d.title AS memorandum_title, t.version
     FROM territorial_tables t JOIN organisations o ON o.id = t.lead_id
     LEFT JOIN library_documents d ON d.id = t.memorandum_id";

/// One table.
pub async fn get(db: &Db, id: Uuid) -> Result<Table> {
    let row: Option<Row> = run!(db, |pool| {
        sqlx::query_as(&format!("{SELECT} WHERE t.id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?
    });
    row.ok_or(DbError::NotFound)?.into_table()
}

/// Every table, by name (Unicode collation). A programme has tens of them: the list's filters
/// and each person's access are applied to this one read.
pub async fn list(db: &Db) -> Result<Vec<Table>> {
    let rows: Vec<Row> = run!(db, |pool| { sqlx::query_as(SELECT).fetch_all(pool).await? });
    let mut out = rows
        .into_iter()
        .map(Row::into_table)
        .collect::<Result<Vec<_>>>()?;
    domain::locale::sort_by_name(&mut out, |t| t.name.as_str());
    Ok(out)
}

/// The places of the ISTAT list (or, for a list not imported yet, of the registry's provinces,
/// metropolitan cities and municipalities) with these codes: provinces by their 3-digit code,
/// municipalities by their 6-digit one.
pub async fn places(db: &Db, codes: &[String]) -> Result<Vec<Place>> {
    let mut out: Vec<Place> = Vec::new();
    for code in codes {
        let from_list = if code.len() == 3 {
            "SELECT supra_name, region_code FROM municipalities WHERE supra_code = $1 LIMIT 1"
        } else {
            "SELECT name, region_code FROM municipalities WHERE istat_code = $1"
        };
        let kinds: &[&str] = if code.len() == 3 {
            &["provincia", "citta_metropolitana"]
        } else {
            &["comune"]
        };
        let found: Option<(String, String)> = run!(db, |pool| {
            match sqlx::query_as(from_list)
                .bind(code)
                .fetch_optional(pool)
                .await?
            {
                Some(found) => Some(found),
                None => {
                    sqlx::query_as(
                        "SELECT name, region_code FROM organisations
                     WHERE istat_code = $1 AND region_code IS NOT NULL AND pa_kind IN ($2, $3)
                     ORDER BY name LIMIT 1",
                    )
                    .bind(code)
                    .bind(kinds[0])
                    .bind(kinds.get(1).copied().unwrap_or(kinds[0]))
                    .fetch_optional(pool)
                    .await?
                }
            }
        });
        if let Some((name, region)) = found {
            out.push(Place {
                code: code.clone(),
                name,
                region,
            });
        }
    }
    Ok(out)
}

fn json_list(items: &[String]) -> String {
    serde_json::Value::from(items.to_vec()).to_string()
}

fn json_places(places: &[Place]) -> String {
    json!(places).to_string()
}

/// Creates a table led by `draft.lead` in `region`, covering `territory`; the lead
/// administration joins it as its promoter on the day it began forming. Returns the new id.
pub async fn create(
    db: &Db,
    draft: &TableDraft,
    region: &str,
    territory: &[Place],
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let change = Change {
        actor,
        action: "tables.create",
        entity: "table",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "table": draft, "territory": territory })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            sqlx::query(
                "INSERT INTO territorial_tables (id, name, lead_id, region_code, territory, purpose,
                   themes, countries, rules, public, status, formed_on, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)",
            )
            .bind(id)
            .bind(&draft.name)
            .bind(draft.lead)
            .bind(region)
            .bind(json_places(territory))
            .bind(&draft.purpose)
            .bind(json_list(&draft.themes))
            .bind(json_list(&draft.countries))
            .bind(&draft.rules)
            .bind(draft.public)
            .bind(Status::Forming.code())
            .bind(draft.formed_on)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO table_members (id, table_id, organisation_id, role, joined_on)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(new_id())
            .bind(id)
            .bind(draft.lead)
            .bind(domain::tables::members::MemberRole::Promoter.code())
            .bind(draft.formed_on)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Saves a table's fields if nobody changed it since `version` was read (`Conflict`
/// otherwise). The lead administration and the state are not changed here.
pub async fn update(
    db: &Db,
    id: Uuid,
    version: i64,
    draft: &TableDraft,
    territory: &[Place],
    actor: Option<Uuid>,
) -> Result<()> {
    let before = get(db, id).await?;
    if before.version != version {
        return Err(DbError::Conflict);
    }
    let change = Change {
        actor,
        action: "tables.update",
        entity: "table",
        entity_id: id.to_string(),
        before: Some(
            json!({ "name": before.name, "purpose": before.purpose, "themes": before.themes,
            "countries": before.countries, "territory": before.territory, "public": before.public }),
        ),
        after: Some(json!({ "table": draft, "territory": territory })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE territorial_tables SET name = $1, territory = $2, purpose = $3, themes = $4,
                   countries = $5, rules = $6, public = $7, formed_on = $8, updated_at = $9,
                   version = version + 1
                 WHERE id = $10 AND version = $11",
            )
            .bind(&draft.name)
            .bind(json_places(territory))
            .bind(&draft.purpose)
            .bind(json_list(&draft.themes))
            .bind(json_list(&draft.countries))
            .bind(&draft.rules)
            .bind(draft.public)
            .bind(draft.formed_on)
            .bind(db.now())
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )
}

/// Moves a table from state `from` to `to` with its new dates (checked by
/// `domain::tables::transition`); `Conflict` when the table is no longer in `from`.
pub async fn set_status(
    db: &Db,
    id: Uuid,
    from: Status,
    to: Status,
    dates: &Dates,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "tables.status",
        entity: "table",
        entity_id: id.to_string(),
        before: Some(json!({ "status": from })),
        after: Some(json!({ "status": to, "dates": dates })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE territorial_tables SET status = $1, constituted_on = $2, active_since = $3,
                   dormant_since = $4, updated_at = $5, version = version + 1
                 WHERE id = $6 AND status = $7",
            )
            .bind(to.code())
            .bind(dates.constituted_on)
            .bind(dates.active_since)
            .bind(dates.dormant_since)
            .bind(db.now())
            .bind(id)
            .bind(from.code())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )
}

/// Records the library document that holds the table's memorandum of understanding.
pub async fn set_memorandum(db: &Db, id: Uuid, document: Uuid, actor: Option<Uuid>) -> Result<()> {
    let change = Change {
        actor,
        action: "tables.memorandum",
        entity: "table",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "document": document })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE territorial_tables SET memorandum_id = $1, updated_at = $2, version = version + 1
                 WHERE id = $3",
            )
            .bind(document)
            .bind(db.now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::NotFound);
            }
            Ok(())
        },
        |_| &change
    )
}

/// A signatory of a table's memorandum, with the name of the organisation they signed for.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct SignatoryRow {
    pub organisation_id: Uuid,
    pub organisation: String,
    pub name: String,
    pub signed_on: NaiveDate,
}

/// Records who signed the memorandum for one organisation; `Duplicate` when it already signed.
pub async fn add_signatory(db: &Db, table: Uuid, s: &Signatory, actor: Option<Uuid>) -> Result<()> {
    let change = Change {
        actor,
        action: "tables.signatory_add",
        entity: "table",
        entity_id: table.to_string(),
        before: None,
        after: Some(json!(s)),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            sqlx::query(
                "INSERT INTO table_signatories (table_id, organisation_id, name, signed_on)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(table)
            .bind(s.organisation)
            .bind(&s.name)
            .bind(s.signed_on)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_write)?;
            Ok(())
        },
        |_| &change
    )
}

/// The memorandum's signatories, by date of signature.
pub async fn signatories(db: &Db, table: Uuid) -> Result<Vec<SignatoryRow>> {
    Ok(run!(db, |pool| {
        sqlx::query_as(
            "SELECT s.organisation_id, o.name AS organisation, s.name, s.signed_on
             FROM table_signatories s JOIN organisations o ON o.id = s.organisation_id
             WHERE s.table_id = $1 ORDER BY s.signed_on, o.name",
        )
        .bind(table)
        .fetch_all(pool)
        .await?
    }))
}

/// The library documents of the lead administration (those it owns), by title: where a table's
/// memorandum is chosen from.
pub async fn lead_documents(db: &Db, lead: Uuid) -> Result<Vec<(Uuid, String)>> {
    let mut out: Vec<(Uuid, String)> = run!(db, |pool| {
        sqlx::query_as("SELECT id, title FROM library_documents WHERE organisation_id = $1")
            .bind(lead)
            .fetch_all(pool)
            .await?
    });
    domain::locale::sort_by_name(&mut out, |(_, t)| t.as_str());
    Ok(out)
}
