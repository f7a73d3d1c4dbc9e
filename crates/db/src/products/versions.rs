//! A product's draft and its immutable versions: saving the draft over an edit number, marking a
//! version, reading the versions.

use super::review::insert_event;
use super::*;

/// A marked version.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Version {
    pub number: i64,
    pub title: String,
    /// Empty in lists of versions, which do not read it.
    #[sqlx(default)]
    pub content: String,
    pub label: String,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Inserts the next version of a product on the transaction `$tx`; evaluates to its number.
macro_rules! insert_version {
    ($tx:expr, $id:expr, $title:expr, $content:expr, $label:expr, $actor:expr, $now:expr) => {{
        let number: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM product_versions WHERE product_id = $1",
        )
        .bind($id)
        .fetch_one(&mut *$tx)
        .await?;
        sqlx::query(
            "INSERT INTO product_versions (id, product_id, number, title, content, label, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind($crate::new_id())
        .bind($id)
        .bind(number)
        .bind($title)
        .bind($content)
        .bind($label)
        .bind($actor)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
        number
    }};
}
pub(super) use insert_version;

/// What a save changes.
#[derive(Debug, Clone)]
pub struct Save<'a> {
    pub title: &'a str,
    pub content: &'a str,
    pub due_on: Option<NaiveDate>,
    /// Marks this save as a version with this label.
    pub version_label: Option<&'a str>,
}

/// Saves the draft over edit `expected`; `Conflict` when someone saved meanwhile, `NotFound`
/// when the product is gone. Returns the new edit number and, when marked, the version number.
pub async fn save(
    db: &Db,
    id: Uuid,
    expected: i64,
    save: &Save<'_>,
    actor: Option<Uuid>,
) -> Result<(i64, Option<i64>)> {
    let now = db.now();
    crate::change!(
        db,
        [Part::Products],
        |tx| {
            let done = sqlx::query(
            "UPDATE products SET title = $1, content = $2, due_on = $3, updated_by = $4, updated_at = $5, version = version + 1
             WHERE id = $6 AND version = $7 AND state IN ('draft', 'changes_requested')",
        )
        .bind(save.title)
        .bind(save.content)
        .bind(save.due_on)
        .bind(actor)
        .bind(now)
        .bind(id)
        .bind(expected)
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if done == 0 {
                let exists: Option<i64> =
                    sqlx::query_scalar("SELECT version FROM products WHERE id = $1")
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await?;
                return Err(if exists.is_some() {
                    DbError::Conflict
                } else {
                    DbError::NotFound
                });
            }
            let organisation: Uuid =
                sqlx::query_scalar("SELECT organisation_id FROM products WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
            if let Some(a) = actor {
                sqlx::query("INSERT INTO product_contributors (product_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id)
                .bind(a)
                .execute(&mut *tx)
                .await?;
            }
            let number = match save.version_label {
                Some(label) => {
                    let n = insert_version!(tx, id, save.title, save.content, label, actor, now);
                    insert_event!(
                        &mut *tx,
                        id,
                        organisation,
                        "version",
                        actor,
                        now,
                        &n.to_string()
                    )?;
                    Some(n)
                }
                None => None,
            };
            Ok((expected + 1, number))
        },
        |(edit, number): &(i64, Option<i64>)| Change {
            actor,
            action: "products.save",
            entity: "product",
            entity_id: id.to_string(),
            before: Some(json!({ "edit": expected })),
            after: Some(json!({ "edit": edit, "title": save.title, "version": number })),
        }
    )
}

/// A product's versions, newest first, without their content.
pub async fn versions(db: &Db, id: Uuid) -> Result<Vec<Version>> {
    run!(db, |pool| {
        Ok(sqlx::query_as::<_, Version>(
            "SELECT v.number, v.title, v.label, u.name AS created_by_name, v.created_at FROM product_versions v LEFT JOIN users u ON u.id = v.created_by
             WHERE v.product_id = $1 ORDER BY v.number DESC",
        )
        .bind(id)
        .fetch_all(pool)
        .await?)
    })
}

/// One version with its content.
pub async fn version(db: &Db, id: Uuid, number: i64) -> Result<Option<Version>> {
    run!(db, |pool| {
        Ok(sqlx::query_as::<_, Version>(
            "SELECT v.number, v.title, v.label, u.name AS created_by_name, v.created_at, v.content FROM product_versions v LEFT JOIN users u ON u.id = v.created_by
             WHERE v.product_id = $1 AND v.number = $2",
        )
        .bind(id)
        .bind(number)
        .fetch_optional(pool)
        .await?)
    })
}

/// The latest version number (0 when none).
pub async fn latest_version(db: &Db, id: Uuid) -> Result<i64> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar(
            "SELECT COALESCE(MAX(number), 0) FROM product_versions WHERE product_id = $1",
        )
        .bind(id)
        .fetch_one(pool)
        .await?
    }))
}
