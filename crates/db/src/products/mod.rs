//! Products: the product itself (created, read, listed), with its versions, review, comments,
//! notifications, tutoring and published models in their own files.

mod comments;
mod models;
mod notifications;
mod review;
mod tutoring;
mod versions;

pub use comments::*;
pub use models::*;
pub use notifications::*;
pub use review::*;
pub use tutoring::*;
pub use versions::*;

use crate::audit::Change;
use crate::{new_id, run, Audit, Db, DbError, Part, Result};
use chrono::{DateTime, NaiveDate, Utc};
use domain::products::review::State;
use review::insert_event;
use serde::Serialize;
use serde_json::json;
use sqlx::Row;
use uuid::Uuid;

/// A product with its current draft.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Product {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub kind: String,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub state: State,
    pub content: String,
    pub version: i64,
    pub due_on: Option<NaiveDate>,
    pub created_by: Option<Uuid>,
    pub updated_at: DateTime<Utc>,
    pub updated_by_name: Option<String>,
    pub state_at: Option<DateTime<Utc>>,
    pub state_by_name: Option<String>,
    pub session_id: Option<Uuid>,
    /// Published as a model for other administrations.
    pub model: bool,
}

/// A line of an administration's product list.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Summary {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation: String,
    pub kind: String,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub state: State,
    pub due_on: Option<NaiveDate>,
    pub updated_at: DateTime<Utc>,
    /// When the product entered its present state (a submission, for the tutor's inbox).
    pub state_at: Option<DateTime<Utc>>,
    pub versions: i64,
    pub open_comments: i64,
}

const PRODUCT_COLUMNS: &str = "p.id, p.organisation_id, p.kind, p.title, p.state, p.content, p.version, p.due_on, p.created_by, p.updated_at, u.name AS updated_by_name, p.state_at, s.name AS state_by_name, p.session_id, p.model";

/// What a new product starts as.
#[derive(Debug, Clone)]
pub struct NewProduct<'a> {
    pub organisation: Uuid,
    pub kind: &'a str,
    pub title: &'a str,
    pub content: &'a str,
    pub due_on: Option<NaiveDate>,
    /// The model this product starts from, when it is a copy.
    pub model_of: Option<Uuid>,
    /// The lab session the product is due for.
    pub session: Option<Uuid>,
}

/// Creates a product in the draft state.
pub async fn create(db: &Db, new: &NewProduct<'_>, actor: Option<Uuid>) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let change = Change {
        actor,
        action: "products.create",
        entity: "product",
        entity_id: id.to_string(),
        before: None,
        after: Some(
            json!({ "title": new.title, "kind": new.kind, "organisation": new.organisation }),
        ),
    };
    crate::change!(
        db,
        [Part::Products],
        |tx| {
            sqlx::query(
            "INSERT INTO products (id, organisation_id, kind, title, state, content, version, due_on, created_by, created_at, updated_by, updated_at, model_of, session_id)
             VALUES ($1, $2, $3, $4, 'draft', $5, 1, $6, $7, $8, $7, $8, $9, $10)",
        )
        .bind(id)
        .bind(new.organisation)
        .bind(new.kind)
        .bind(new.title)
        .bind(new.content)
        .bind(new.due_on)
        .bind(actor)
        .bind(now)
        .bind(new.model_of)
        .bind(new.session)
        .execute(&mut *tx)
        .await?;
            if let Some(a) = actor {
                sqlx::query(
                    "INSERT INTO product_contributors (product_id, user_id) VALUES ($1, $2)",
                )
                .bind(id)
                .bind(a)
                .execute(&mut *tx)
                .await?;
            }
            insert_event!(&mut *tx, id, new.organisation, "created", actor, now, "")?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// One product with its draft.
pub async fn get(db: &Db, id: Uuid) -> Result<Option<Product>> {
    let sql = format!(
        "SELECT {PRODUCT_COLUMNS} FROM products p LEFT JOIN users u ON u.id = p.updated_by LEFT JOIN users s ON s.id = p.state_by WHERE p.id = $1"
    );
    run!(db, |pool| {
        sqlx::query_as::<_, Product>(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await
            .map_err(|e| DbError::from(e).of_record(format!("products/{id}")))
    })
}

// Versions are numbered from 1 and never deleted, so their count is the highest number: one
// step down the (product, number) index instead of a count of every version. Open threads are
// counted on write (`RECOUNT_OPEN_THREADS`).
const SUMMARY: &str =
    "SELECT p.id, p.organisation_id, o.name AS organisation, p.kind, p.title, p.state, p.due_on, p.updated_at, p.state_at,
    (SELECT COALESCE(MAX(v.number), 0) FROM product_versions v WHERE v.product_id = p.id) AS versions,
    p.open_threads AS open_comments
    FROM products p JOIN organisations o ON o.id = p.organisation_id";

/// An administration's products, most recently changed first.
pub async fn list(db: &Db, organisation: Uuid) -> Result<Vec<Summary>> {
    let sql = format!("{SUMMARY} WHERE p.organisation_id = $1 ORDER BY p.updated_at DESC");
    run!(db, |pool| {
        Ok(sqlx::query_as::<_, Summary>(&sql)
            .bind(organisation)
            .fetch_all(pool)
            .await?)
    })
}

/// The contents of an administration's products of one kind, most recently changed first.
pub async fn contents_of_kind(db: &Db, organisation: Uuid, kind: &str) -> Result<Vec<String>> {
    run!(db, |pool| {
        Ok(sqlx::query_scalar(
            "SELECT content FROM products WHERE organisation_id = $1 AND kind = $2 ORDER BY updated_at DESC",
        )
        .bind(organisation)
        .bind(kind)
        .fetch_all(pool)
        .await?)
    })
}

/// Products waiting for a reviewer, in these administrations (every one when `None`), the one
/// waiting longest first.
pub async fn awaiting_review(db: &Db, organisations: Option<&[Uuid]>) -> Result<Vec<Summary>> {
    let filter = match organisations {
        Some([]) => return Ok(vec![]),
        Some(ids) => format!(
            " AND p.organisation_id IN ({})",
            crate::placeholders(1, ids.len())
        ),
        None => String::new(),
    };
    let sql = format!(
        "{SUMMARY} WHERE p.state IN ('submitted', 'resubmitted'){filter} ORDER BY p.state_at"
    );
    run!(db, |pool| {
        let mut q = sqlx::query_as::<_, Summary>(&sql);
        for id in organisations.unwrap_or_default() {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(pool).await?)
    })
}

/// Who has written any of a product's content.
pub async fn contributors(db: &Db, id: Uuid) -> Result<Vec<Uuid>> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar("SELECT user_id FROM product_contributors WHERE product_id = $1")
            .bind(id)
            .fetch_all(pool)
            .await?
    }))
}

/// An administration's most recently changed products, without counts (for the workspace page):
/// (id, title, state, due date).
pub async fn recent(
    db: &Db,
    organisation: Uuid,
    limit: i64,
) -> Result<Vec<(Uuid, String, String, Option<NaiveDate>)>> {
    run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT id, title, state, due_on FROM products WHERE organisation_id = $1 ORDER BY updated_at DESC LIMIT $2",
        )
        .bind(organisation)
        .bind(limit)
        .fetch_all(pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                Ok((
                    r.try_get("id")?,
                    r.try_get("title")?,
                    r.try_get("state")?,
                    r.try_get("due_on")?,
                ))
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}
