//! The community's directory: a person's saved choice (whether they are listed, their role, the
//! countries and themes of their experience and how far each field is seen) and the listed
//! people with their administration and their profile's languages and competences. What a viewer
//! may see of each is decided in `domain::directory`.

use crate::audit::Change;
use crate::{run, Db, DbError, Result};
use domain::directory::{Entry, Field, Reach, Reaches};
use serde_json::json;
use sqlx::Row;
use uuid::Uuid;

/// A person's saved choice, with its version (for the form's conflict check).
#[derive(Debug, Clone)]
pub struct Saved {
    pub entry: Entry,
    pub version: i64,
}

/// A listed person as stored: what the directory may show of them once the viewer's reach is
/// applied.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: Uuid,
    pub name: String,
    /// The administration they work for (coordinator or member of its workspace), if any.
    pub administration: Option<(Uuid, String)>,
    pub languages: Vec<String>,
    pub competences: Vec<String>,
    pub entry: Entry,
}

const COLUMNS: &str = "d.listed, d.role, d.countries, d.themes, d.reach_administration, \
     d.reach_role, d.reach_languages, d.reach_competences, d.reach_countries, d.reach_themes";

fn codes(text: &str) -> Vec<String> {
    text.split(' ')
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// The entry in the row's columns from `at` on (in the order of `COLUMNS`).
fn entry_at<R: Row>(r: &R, at: usize, user: Uuid) -> std::result::Result<Entry, sqlx::Error>
where
    usize: sqlx::ColumnIndex<R>,
    for<'a> bool: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<String>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    let mut reaches = Reaches::default();
    for field in Field::ALL {
        let code: String = r.try_get(at + 4 + field as usize)?;
        reaches.0[field as usize] = Reach::parse(&code).ok_or_else(|| {
            crate::unknown_code(
                "reach",
                format!("directory_entries/{user}/{}", field.code()),
                &code,
            )
        })?;
    }
    let countries: String = r.try_get(at + 2)?;
    let themes: String = r.try_get(at + 3)?;
    Ok(Entry {
        listed: r.try_get(at)?,
        role: r.try_get(at + 1)?,
        countries: codes(&countries),
        themes: codes(&themes),
        reaches,
    })
}

/// The choice `user` saved, or `None` when they have not made one yet.
pub async fn entry(db: &Db, user: Uuid) -> Result<Option<Saved>> {
    let sql = format!("SELECT {COLUMNS}, d.version FROM directory_entries d WHERE d.user_id = $1");
    Ok(run!(db, |pool| {
        let row = sqlx::query(&sql).bind(user).fetch_optional(pool).await?;
        match row {
            None => None,
            Some(r) => Some(Saved {
                entry: entry_at(&r, 0, user)?,
                version: r.try_get(10)?,
            }),
        }
    }))
}

/// Saves `user`'s choice: a first one when `version` is `None`, else over the version the form
/// was read at (`Conflict` when it changed meanwhile, or when a first choice already exists).
pub async fn save(db: &Db, user: Uuid, version: Option<i64>, entry: &Entry) -> Result<i64> {
    let now = db.now();
    let change = Change {
        actor: Some(user),
        action: "directory.save",
        entity: "directory_entry",
        entity_id: user.to_string(),
        before: None,
        after: Some(json!(entry)),
    };
    let reach = |f: Field| entry.reaches.of(f).code();
    crate::change!(
        db,
        [crate::Part::Directory],
        |tx| {
            let done = match version {
                None => sqlx::query(
                    "INSERT INTO directory_entries (user_id, listed, role, countries, themes,
                         reach_administration, reach_role, reach_languages, reach_competences,
                         reach_countries, reach_themes, version, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12)
                     ON CONFLICT (user_id) DO NOTHING",
                ),
                Some(_) => sqlx::query(
                    "UPDATE directory_entries SET listed = $2, role = $3, countries = $4,
                         themes = $5, reach_administration = $6, reach_role = $7,
                         reach_languages = $8, reach_competences = $9, reach_countries = $10,
                         reach_themes = $11, version = version + 1, updated_at = $12
                     WHERE user_id = $1 AND version = $13",
                ),
            }
            .bind(user)
            .bind(entry.listed)
            .bind(&entry.role)
            .bind(entry.countries.join(" "))
            .bind(entry.themes.join(" "))
            .bind(reach(Field::Administration))
            .bind(reach(Field::Role))
            .bind(reach(Field::Languages))
            .bind(reach(Field::Competences))
            .bind(reach(Field::Countries))
            .bind(reach(Field::Themes))
            .bind(now)
            .bind(version.unwrap_or(0))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            Ok(version.map_or(1, |v| v + 1))
        },
        |_| &change
    )
}

/// Every listed person whose account is active, with their administration, languages and
/// competences, in no particular order (two queries).
pub async fn listed(db: &Db) -> Result<Vec<Person>> {
    let sql = format!(
        "SELECT u.id, u.name, u.languages, u.competences, {COLUMNS}
         FROM directory_entries d JOIN users u ON u.id = d.user_id
         WHERE d.listed = $1 AND u.active = $1"
    );
    let mut people: Vec<Person> = run!(db, |pool| {
        let rows = sqlx::query(&sql).bind(true).fetch_all(pool).await?;
        rows.iter()
            .map(|r| {
                let id: Uuid = r.try_get(0)?;
                let languages: String = r.try_get(2)?;
                let competences: String = r.try_get(3)?;
                let competences: Vec<String> =
                    serde_json::from_str(&competences).map_err(|_| {
                        crate::unknown_code(
                            "competences",
                            format!("users/{id}/competences"),
                            &competences,
                        )
                    })?;
                Ok(Person {
                    id,
                    name: r.try_get(1)?,
                    administration: None,
                    languages: languages
                        .split(',')
                        .filter(|l| !l.is_empty())
                        .map(str::to_string)
                        .collect(),
                    competences,
                    entry: entry_at(r, 4, id)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?
    });
    let administrations: Vec<(Uuid, Uuid, String)> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT g.user_id, o.id, o.name FROM grants g
             JOIN directory_entries d ON d.user_id = g.user_id
             JOIN organisations o ON o.id = g.space_id
             WHERE d.listed = $1 AND g.space_kind = 'organisation'
               AND g.role IN ('coordinator', 'member')",
        )
        .bind(true)
        .fetch_all(pool)
        .await?
    });
    // As `Principal::administration`: the lowest id of the workspaces they work in.
    let mut first: std::collections::HashMap<Uuid, (Uuid, String)> =
        std::collections::HashMap::new();
    for (user, org, name) in administrations {
        match first.get(&user) {
            Some((o, _)) if *o <= org => {}
            _ => {
                first.insert(user, (org, name));
            }
        }
    }
    for p in &mut people {
        p.administration = first.remove(&p.id);
    }
    Ok(people)
}
