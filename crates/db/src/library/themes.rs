//! The names the library sorts documents by: the programme's macro-areas and the OECD DAC sector
//! list.

use super::*;

/// A programme macro-area (a theme the administrations choose their logframes in).
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct MacroArea {
    pub code: String,
    pub name_it: String,
    pub name_en: String,
    pub name_fr: String,
    pub position: i64,
    pub version: i64,
}

/// An OECD DAC sector.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Sector {
    pub code: String,
    pub category: String,
    pub active: bool,
    pub name_en: String,
    pub name_fr: Option<String>,
}

/// Replaces the sector list with `sectors` (codes missing from the new list are kept, marked
/// withdrawn, because documents may still carry them). Returns how many codes were new.
pub async fn import_sectors(
    db: &Db,
    sectors: &[domain::library::sectors::Sector],
    actor: Option<Uuid>,
) -> Result<usize> {
    let existing: Vec<String> = run!(db, |pool| {
        sqlx::query_scalar("SELECT code FROM sectors")
            .fetch_all(pool)
            .await?
    });
    let new = sectors
        .iter()
        .filter(|s| !existing.contains(&s.code))
        .count();
    let change = Change {
        actor,
        action: "library.import_sectors",
        entity: "sectors",
        entity_id: "dac".into(),
        before: Some(json!({ "count": existing.len() })),
        after: Some(json!({ "count": sectors.len(), "new": new })),
    };
    crate::change!(
        db,
        [Part::Themes],
        |tx| {
            sqlx::query("UPDATE sectors SET active = $1")
                .bind(false)
                .execute(&mut *tx)
                .await?;
            for s in sectors {
                sqlx::query(
                "INSERT INTO sectors (code, category, active, name_en, name_fr) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (code) DO UPDATE SET category = excluded.category, active = excluded.active, name_en = excluded.name_en, name_fr = excluded.name_fr",
            )
            .bind(&s.code)
            .bind(&s.category)
            .bind(s.active)
            .bind(&s.name_en)
            .bind(&s.name_fr)
            .execute(&mut *tx)
            .await?;
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(new)
}

/// Every sector, by code.
pub async fn sectors(db: &Db) -> Result<Vec<Sector>> {
    run!(db, |pool| {
        Ok(sqlx::query_as::<_, Sector>(
            "SELECT code, category, active, name_en, name_fr FROM sectors ORDER BY code",
        )
        .fetch_all(pool)
        .await?)
    })
}

/// The programme's macro-areas in their order.
pub async fn macro_areas(db: &Db) -> Result<Vec<MacroArea>> {
    run!(db, |pool| {
        Ok(sqlx::query_as::<_, MacroArea>(
            "SELECT code, name_it, name_en, name_fr, position, version FROM macro_areas ORDER BY position, code",
        )
        .fetch_all(pool)
        .await?)
    })
}

/// Adds a macro-area (`expected` is `None`) or saves one over version `expected`.
pub async fn save_macro_area(
    db: &Db,
    area: &MacroArea,
    expected: Option<i64>,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "library.macro_area_save",
        entity: "macro_area",
        entity_id: area.code.clone(),
        before: None,
        after: Some(
            json!({ "name_it": area.name_it, "name_en": area.name_en, "name_fr": area.name_fr, "position": area.position }),
        ),
    };
    crate::change!(
        db,
        [Part::Themes],
        |tx| {
            match expected {
                None => {
                    sqlx::query("INSERT INTO macro_areas (code, name_it, name_en, name_fr, position) VALUES ($1, $2, $3, $4, $5)")
                    .bind(&area.code)
                    .bind(&area.name_it)
                    .bind(&area.name_en)
                    .bind(&area.name_fr)
                    .bind(area.position)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_write)?;
                }
                Some(v) => {
                    let done = sqlx::query("UPDATE macro_areas SET name_it = $1, name_en = $2, name_fr = $3, position = $4, version = version + 1 WHERE code = $5 AND version = $6")
                    .bind(&area.name_it)
                    .bind(&area.name_en)
                    .bind(&area.name_fr)
                    .bind(area.position)
                    .bind(&area.code)
                    .bind(v)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if done == 0 {
                        return Err(DbError::Conflict);
                    }
                }
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Every theme code that exists: `m:<macro-area>` and `dac:<sector>`.
pub async fn theme_codes(db: &Db) -> Result<std::collections::HashSet<String>> {
    run!(db, |pool| {
        let areas: Vec<String> = sqlx::query_scalar("SELECT 'm:' || code FROM macro_areas")
            .fetch_all(pool)
            .await?;
        let sectors: Vec<String> = sqlx::query_scalar("SELECT 'dac:' || code FROM sectors")
            .fetch_all(pool)
            .await?;
        Ok(areas.into_iter().chain(sectors).collect())
    })
}
