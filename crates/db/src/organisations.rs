//! The organisations registry and the ISTAT list of municipalities.

use crate::audit::Change;
use crate::{new_id, run, Audit, Db, DbError, Part, Result};
use domain::organisations::istat::Municipality;
use domain::organisations::Organisation;
use serde_json::json;
use sqlx::Row;
use uuid::Uuid;

/// A stored organisation.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Stored {
    pub id: Uuid,
    #[serde(flatten)]
    pub data: Organisation,
    pub version: i64,
}

const COLUMNS: &str = "id, category, name, pa_kind, istat_code, ipa_code, tax_code, region_code, country, partner_type, actor_sector, actor_public, website, version, province_code";

macro_rules! stored_from_row {
    ($r:expr) => {{
        let r = $r;
        let category: String = r.try_get(1)?;
        let pa_kind: Option<String> = r.try_get(3)?;
        let id: Uuid = r.try_get(0)?;
        let category = domain::organisations::Category::parse(&category).ok_or_else(|| {
            crate::unknown_code(
                "organisation category",
                format!("organisations/{id}/category"),
                &category,
            )
        })?;
        Stored {
            id,
            data: Organisation {
                category,
                name: r.try_get(2)?,
                pa_kind: pa_kind
                    .as_deref()
                    .and_then(domain::organisations::PaKind::parse),
                istat_code: r.try_get(4)?,
                ipa_code: r.try_get(5)?,
                tax_code: r.try_get(6)?,
                region_code: r.try_get(7)?,
                country: r.try_get(8)?,
                partner_type: r.try_get(9)?,
                actor_sector: r.try_get(10)?,
                actor_public: r.try_get(11)?,
                website: r.try_get(12)?,
                province_code: r.try_get(14)?,
            },
            version: r.try_get(13)?,
        }
    }};
}

/// Reads a municipality from a row whose columns are `MUNICIPALITY_COLUMNS`, in order.
macro_rules! municipality_from_row {
    ($r:expr) => {{
        let r = $r;
        Municipality {
            istat_code: r.try_get(0)?,
            name: r.try_get(1)?,
            region_code: r.try_get(2)?,
            region_name: r.try_get(3)?,
            supra_code: r.try_get(4)?,
            supra_name: r.try_get(5)?,
            car_plate: r.try_get(6)?,
            cadastral_code: r.try_get(7)?,
            is_capital: r.try_get(8)?,
        }
    }};
}

/// The stored fields of an organisation, in the order `bind_fields!` binds them as `$1`…`$13`.
pub(crate) const FIELDS: &str = "category, name, pa_kind, istat_code, ipa_code, tax_code, region_code, country, partner_type, actor_sector, actor_public, website, province_code";

/// Binds an organisation's fields, in the order of `FIELDS`, to a query.
macro_rules! bind_fields {
    ($query:expr, $org:expr) => {{
        let org: &domain::organisations::Organisation = $org;
        $query
            .bind(org.category.code())
            .bind(&org.name)
            .bind(org.pa_kind.map(|k| k.code()))
            .bind(&org.istat_code)
            .bind(&org.ipa_code)
            .bind(&org.tax_code)
            .bind(&org.region_code)
            .bind(&org.country)
            .bind(&org.partner_type)
            .bind(&org.actor_sector)
            .bind(org.actor_public)
            .bind(&org.website)
            .bind(&org.province_code)
    }};
}

pub(crate) use bind_fields;

/// Inserts organisation `$org` with id `$id` at `$now` on `$tx` inside a change (see `change!`):
/// how another feature registers an organisation as part of a change of its own. `Duplicate` when
/// its codice fiscale or IPA code is already registered.
macro_rules! insert_organisation {
    ($tx:expr, $id:expr, $org:expr, $now:expr) => {{
        let sql = format!(
            "INSERT INTO organisations ({}, id, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)",
            $crate::organisations::FIELDS
        );
        $crate::organisations::bind_fields!(sqlx::query(&sql), $org)
            .bind($id)
            .bind($now)
            .execute($tx)
            .await
            .map_err($crate::DbError::from_write)
    }};
}
pub(crate) use insert_organisation;

/// Adds an organisation; `Duplicate` when its codice fiscale or IPA code is already registered.
pub async fn create(db: &Db, org: &Organisation, actor: Option<Uuid>) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let change = Change {
        actor,
        action: "organisation.create",
        entity: "organisation",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!(org)),
    };
    crate::change!(
        db,
        [Part::People],
        |tx| {
            insert_organisation!(&mut *tx, id, org, now)?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Saves changes if nobody changed the organisation since `version` was read: `Conflict`
/// otherwise, `Duplicate` when a code is taken by another organisation.
pub async fn update(
    db: &Db,
    id: Uuid,
    version: i64,
    org: &Organisation,
    actor: Option<Uuid>,
) -> Result<()> {
    let before = get(db, id).await?;
    if before.version != version {
        return Err(DbError::Conflict);
    }
    let change = Change {
        actor,
        action: "organisation.update",
        entity: "organisation",
        entity_id: id.to_string(),
        before: Some(json!(before.data)),
        after: Some(json!(org)),
    };
    crate::change!(
        db,
        [Part::People],
        |tx| {
            let assignments: Vec<String> = FIELDS
                .split(", ")
                .enumerate()
                .map(|(n, field)| format!("{field} = ${}", n + 1))
                .collect();
            let sql = format!(
            "UPDATE organisations SET {}, updated_at = $14, version = version + 1 WHERE id = $15 AND version = $16",
            assignments.join(", ")
        );
            let done = bind_fields!(sqlx::query(&sql), org)
                .bind(db.now())
                .bind(id)
                .bind(version)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_write)?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// One organisation.
pub async fn get(db: &Db, id: Uuid) -> Result<Stored> {
    run!(db, |pool| {
        let r = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM organisations WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or(DbError::NotFound)?;
        Ok(stored_from_row!(&r))
    })
}

/// Several organisations by id, by name.
pub async fn by_ids(db: &Db, ids: &[Uuid]) -> Result<Vec<Stored>> {
    // A handful of ids at most (a person's organisations, a cohort): one query each way is fine,
    // but keep it to one round trip by listing them.
    let mut out = Vec::new();
    if ids.is_empty() {
        return Ok(out);
    }
    run!(db, |pool| {
        let sql = format!(
            "SELECT {COLUMNS} FROM organisations WHERE id IN ({})",
            crate::placeholders(1, ids.len())
        );
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(*id);
        }
        for r in q.fetch_all(pool).await? {
            out.push(stored_from_row!(&r));
        }
    });
    domain::locale::sort_by_name(&mut out, |o| o.data.name.as_str());
    Ok(out)
}

/// A filtered page of the registry, by name (Unicode collation: the databases would put `Zeta`
/// before `alfa` and `Éco`), with the total count. The matching rows are sorted here, then cut.
pub async fn search(
    db: &Db,
    category: Option<&str>,
    text: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Stored>, i64)> {
    let pattern = text.map(|t| format!("%{}%", t.to_lowercase().replace(['%', '_'], "")));
    let mut all: Vec<Stored> = run!(db, |pool| {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM organisations
             WHERE ($1 IS NULL OR category = $1) AND ($2 IS NULL OR LOWER(name) LIKE $2)"
        ))
        .bind(category)
        .bind(&pattern)
        .fetch_all(pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push(stored_from_row!(r));
        }
        out
    });
    let total = all.len() as i64;
    domain::locale::sort_by_name(&mut all, |o| o.data.name.as_str());
    let page = all
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(0))
        .take(usize::try_from(limit).unwrap_or(0))
        .collect();
    Ok((page, total))
}

/// The search key of a name: lower case, accents folded, so that "citta" finds "Città".
pub fn name_key(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            other => other,
        })
        .collect()
}

/// What an import changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportReport {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// Stores the ISTAT list in one transaction: new municipalities are added, changed ones updated,
/// identical ones left alone, so importing the same file twice changes nothing.
pub async fn import_municipalities(
    db: &Db,
    list: &[Municipality],
    actor: Option<Uuid>,
) -> Result<ImportReport> {
    let mut report = ImportReport {
        inserted: 0,
        updated: 0,
        unchanged: 0,
    };
    crate::change!(
        db,
        [],
        |tx| {
            let existing = sqlx::query(
            "SELECT istat_code, name, region_code, region_name, supra_code, supra_name, car_plate, cadastral_code, is_capital FROM municipalities",
        )
        .fetch_all(&mut *tx)
        .await?;
            let mut known = std::collections::HashMap::new();
            for r in &existing {
                let m = municipality_from_row!(r);
                known.insert(m.istat_code.clone(), m);
            }
            for m in list {
                match known.get(&m.istat_code) {
                    Some(old) if old == m => {
                        report.unchanged += 1;
                        continue;
                    }
                    Some(_) => report.updated += 1,
                    None => report.inserted += 1,
                }
                sqlx::query(
                "INSERT INTO municipalities (istat_code, name, region_code, region_name, supra_code, supra_name, car_plate, cadastral_code, is_capital, name_key)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                 ON CONFLICT (istat_code) DO UPDATE SET name = excluded.name, region_code = excluded.region_code,
                   region_name = excluded.region_name, supra_code = excluded.supra_code, supra_name = excluded.supra_name,
                   car_plate = excluded.car_plate, cadastral_code = excluded.cadastral_code, is_capital = excluded.is_capital,
                   name_key = excluded.name_key",
            )
            .bind(&m.istat_code)
            .bind(&m.name)
            .bind(&m.region_code)
            .bind(&m.region_name)
            .bind(&m.supra_code)
            .bind(&m.supra_name)
            .bind(&m.car_plate)
            .bind(&m.cadastral_code)
            .bind(m.is_capital)
            .bind(name_key(&m.name))
            .execute(&mut *tx)
            .await?;
            }
            Ok(known.len())
        },
        |known: &usize| {
            if report.inserted + report.updated == 0 {
                return Audit::none("an import that changed nothing");
            }
            Audit::from(Change {
                actor,
                action: "municipalities.import",
                entity: "municipalities",
                entity_id: "istat".into(),
                before: Some(json!({"count": known})),
                after: Some(
                    json!({"inserted": report.inserted, "updated": report.updated, "unchanged": report.unchanged}),
                ),
            })
        }
    )?;
    Ok(report)
}

/// Municipalities whose name starts with `prefix` (accents ignored), at most `limit`.
pub async fn find_municipalities(db: &Db, prefix: &str, limit: i64) -> Result<Vec<Municipality>> {
    let pattern = format!("{}%", name_key(prefix).replace(['%', '_'], ""));
    Ok(run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT istat_code, name, region_code, region_name, supra_code, supra_name, car_plate, cadastral_code, is_capital
             FROM municipalities WHERE name_key LIKE $1 ORDER BY name_key LIMIT $2",
        )
        .bind(&pattern)
        .bind(limit)
        .fetch_all(pool)
        .await?;
        rows.iter()
            .map(|r| Ok(municipality_from_row!(r)))
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?
    }))
}

/// What the ISTAT list says of a municipality code (6 digits) or a province code (3 digits).
pub async fn istat_place(db: &Db, code: &str) -> Result<Option<domain::organisations::IstatPlace>> {
    let sql = if code.len() == 6 {
        "SELECT region_code, car_plate FROM municipalities WHERE istat_code = $1"
    } else {
        "SELECT region_code, car_plate FROM municipalities WHERE supra_code = $1 LIMIT 1"
    };
    Ok(run!(db, |pool| {
        match sqlx::query(sql).bind(code).fetch_optional(pool).await? {
            None => None,
            Some(r) => Some(domain::organisations::IstatPlace {
                region_code: r.try_get(0)?,
                car_plate: r.try_get(1)?,
            }),
        }
    }))
}

/// Number of municipalities stored.
pub async fn count_municipalities(db: &Db) -> Result<i64> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar("SELECT COUNT(*) FROM municipalities")
            .fetch_one(pool)
            .await?
    }))
}
