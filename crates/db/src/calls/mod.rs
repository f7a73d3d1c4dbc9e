//! Funding calls: listed by deadline, read one by one, created and edited by programme staff
//! (a stale edit is refused). A call's change raises the products' generation: the products
//! that chose it are checked against it.

use crate::audit::Change;
use crate::{new_id, run, Db, DbError, Part, Result};
use chrono::NaiveDate;
use domain::calls::{Call, GroupMinimum};
use domain::products::budget::money::Decimal;
use serde_json::json;
use uuid::Uuid;

/// A stored call.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredCall {
    pub id: Uuid,
    #[serde(flatten)]
    pub call: Call,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    name: String,
    programme: String,
    pack: String,
    deadline: Option<NaiveDate>,
    countries: String,
    eu_rate_max: Option<String>,
    grant_min: Option<i64>,
    grant_max: Option<i64>,
    months_min: Option<i64>,
    months_max: Option<i64>,
    partners_min: i64,
    countries_min: i64,
    per_country_max: Option<i64>,
    group_minima: String,
    cover_targets: bool,
    source: String,
    version: i64,
}

impl Row {
    fn into_call(self) -> Result<StoredCall> {
        let id = self.id;
        let unreadable = |column: &str, value: &str| DbError::Unreadable {
            record: format!("funding_calls/{id}/{column}"),
            value: value.to_string(),
        };
        let countries: Vec<String> = serde_json::from_str(&self.countries)
            .map_err(|_| unreadable("countries", &self.countries))?;
        let minima: Vec<(String, u32)> = serde_json::from_str(&self.group_minima)
            .map_err(|_| unreadable("group_minima", &self.group_minima))?;
        let eu_rate_max = match &self.eu_rate_max {
            Some(t) => {
                Some(Decimal::try_from(t.clone()).map_err(|_| unreadable("eu_rate_max", t))?)
            }
            None => None,
        };
        let count = |column: &str, n: i64| -> Result<u32> {
            u32::try_from(n).map_err(|_| unreadable(column, &n.to_string()))
        };
        let opt = |column: &str, n: Option<i64>| -> Result<Option<u32>> {
            n.map(|n| count(column, n)).transpose()
        };
        Ok(StoredCall {
            id,
            call: Call {
                name: self.name,
                programme: self.programme,
                pack: self.pack,
                deadline: self.deadline,
                countries,
                eu_rate_max,
                grant_min: self.grant_min,
                grant_max: self.grant_max,
                months_min: opt("months_min", self.months_min)?,
                months_max: opt("months_max", self.months_max)?,
                partners_min: count("partners_min", self.partners_min)?,
                countries_min: count("countries_min", self.countries_min)?,
                per_country_max: opt("per_country_max", self.per_country_max)?,
                group_minima: minima
                    .into_iter()
                    .map(|(group, count)| GroupMinimum { group, count })
                    .collect(),
                cover_targets: self.cover_targets,
                source: self.source,
            },
            version: self.version,
        })
    }
}

const SELECT: &str =
    "SELECT id, name, programme, pack, deadline, countries, eu_rate_max, grant_min,
    grant_max, months_min, months_max, partners_min, countries_min, per_country_max, group_minima,
    cover_targets, source, version FROM funding_calls";

fn minima(call: &Call) -> String {
    let pairs: Vec<(&str, u32)> = call
        .group_minima
        .iter()
        .map(|m| (m.group.as_str(), m.count))
        .collect();
    json!(pairs).to_string()
}

/// Every call: those with a deadline by deadline, the latest first, then those without, by name.
pub async fn list(db: &Db) -> Result<Vec<StoredCall>> {
    let rows: Vec<Row> = run!(db, |pool| { sqlx::query_as(SELECT).fetch_all(pool).await? });
    let mut out = rows
        .into_iter()
        .map(Row::into_call)
        .collect::<Result<Vec<_>>>()?;
    domain::locale::sort_by_name(&mut out, |c| c.call.name.as_str());
    out.sort_by_key(|c| {
        (
            c.call.deadline.is_none(),
            std::cmp::Reverse(c.call.deadline),
        )
    });
    Ok(out)
}

/// One call; `NotFound` when there is none with `id`.
pub async fn get(db: &Db, id: Uuid) -> Result<StoredCall> {
    let row: Option<Row> = run!(db, |pool| {
        sqlx::query_as(&format!("{SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?
    });
    row.ok_or(DbError::NotFound)?.into_call()
}

fn count(n: u32) -> i64 {
    i64::from(n)
}

/// Creates a call; returns its id.
pub async fn create(db: &Db, call: &Call, actor: Option<Uuid>) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let change = Change {
        actor,
        action: "calls.create",
        entity: "funding_call",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!(call)),
    };
    crate::change!(
        db,
        [Part::Products],
        |tx| {
            sqlx::query(
                "INSERT INTO funding_calls (id, name, programme, pack, deadline, countries,
                   eu_rate_max, grant_min, grant_max, months_min, months_max, partners_min,
                   countries_min, per_country_max, group_minima, cover_targets, source,
                   created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
                   $17, $18, $18)",
            )
            .bind(id)
            .bind(&call.name)
            .bind(&call.programme)
            .bind(&call.pack)
            .bind(call.deadline)
            .bind(json!(call.countries).to_string())
            .bind(call.eu_rate_max.map(|d| d.plain()))
            .bind(call.grant_min)
            .bind(call.grant_max)
            .bind(call.months_min.map(count))
            .bind(call.months_max.map(count))
            .bind(count(call.partners_min))
            .bind(count(call.countries_min))
            .bind(call.per_country_max.map(count))
            .bind(minima(call))
            .bind(call.cover_targets)
            .bind(&call.source)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Saves a call if nobody changed it since `version` was read (`Conflict` otherwise).
pub async fn update(
    db: &Db,
    id: Uuid,
    version: i64,
    call: &Call,
    actor: Option<Uuid>,
) -> Result<()> {
    let before = get(db, id).await?;
    if before.version != version {
        return Err(DbError::Conflict);
    }
    let change = Change {
        actor,
        action: "calls.update",
        entity: "funding_call",
        entity_id: id.to_string(),
        before: Some(json!(before.call)),
        after: Some(json!(call)),
    };
    crate::change!(
        db,
        [Part::Products],
        |tx| {
            let done = sqlx::query(
                "UPDATE funding_calls SET name = $1, programme = $2, pack = $3, deadline = $4,
                   countries = $5, eu_rate_max = $6, grant_min = $7, grant_max = $8,
                   months_min = $9, months_max = $10, partners_min = $11, countries_min = $12,
                   per_country_max = $13, group_minima = $14, cover_targets = $15, source = $16,
                   updated_at = $17, version = version + 1
                 WHERE id = $18 AND version = $19",
            )
            .bind(&call.name)
            .bind(&call.programme)
            .bind(&call.pack)
            .bind(call.deadline)
            .bind(json!(call.countries).to_string())
            .bind(call.eu_rate_max.map(|d| d.plain()))
            .bind(call.grant_min)
            .bind(call.grant_max)
            .bind(call.months_min.map(count))
            .bind(call.months_max.map(count))
            .bind(count(call.partners_min))
            .bind(count(call.countries_min))
            .bind(call.per_country_max.map(count))
            .bind(minima(call))
            .bind(call.cover_targets)
            .bind(&call.source)
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
