//! Products, their immutable versions, review events, anchored comments and notifications.

use crate::audit::Change;
use crate::{new_id, run, Audit, Db, DbError, Part, Result};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::json;
use sqlx::Row;
use uuid::Uuid;

/// A product with its current draft.
#[derive(Debug, Clone, Serialize)]
pub struct Product {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub kind: String,
    pub title: String,
    pub state: String,
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
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation: String,
    pub kind: String,
    pub title: String,
    pub state: String,
    pub due_on: Option<NaiveDate>,
    pub updated_at: DateTime<Utc>,
    pub versions: i64,
    pub open_comments: i64,
}

/// A marked version.
#[derive(Debug, Clone, Serialize)]
pub struct Version {
    pub number: i64,
    pub title: String,
    pub content: String,
    pub label: String,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Something that happened to a product, for the activity feed and the review history.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub product_id: Uuid,
    pub product_title: String,
    pub kind: String,
    pub actor_name: Option<String>,
    pub at: DateTime<Utc>,
    pub detail: String,
}

/// A comment on a product.
#[derive(Debug, Clone, Serialize)]
pub struct Comment {
    pub id: Uuid,
    pub product_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub version_number: i64,
    pub anchor: String,
    pub body: String,
    pub author_id: Option<Uuid>,
    pub author_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolved_by_name: Option<String>,
}

/// An in-app notification.
#[derive(Debug, Clone, Serialize)]
pub struct Notification {
    pub id: Uuid,
    pub kind: String,
    pub title: String,
    pub link: String,
    pub actor_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

/// A notification to deliver in the app (email is queued by the caller).
#[derive(Debug, Clone)]
pub struct Notice {
    pub to: Vec<Uuid>,
    pub kind: &'static str,
    pub title: String,
    pub link: String,
}

/// Records an event of a product on the transaction `$tx`.
macro_rules! insert_event {
    ($tx:expr, $product:expr, $organisation:expr, $kind:expr, $actor:expr, $at:expr, $detail:expr) => {
        sqlx::query(
            "INSERT INTO product_events (id, product_id, organisation_id, kind, actor_id, at, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind($product)
        .bind($organisation)
        .bind($kind)
        .bind($actor)
        .bind($at)
        .bind($detail)
        .execute($tx)
        .await
    };
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
        .bind(new_id())
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

/// Delivers `$notice` to `$user` on the transaction `$tx`.
macro_rules! insert_notification {
    ($tx:expr, $user:expr, $notice:expr, $actor:expr, $now:expr) => {
        sqlx::query(
            "INSERT INTO notifications (id, user_id, kind, title, link, actor_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind($user)
        .bind($notice.kind)
        .bind($notice.title.as_str())
        .bind($notice.link.as_str())
        .bind($actor)
        .bind($now)
        .execute($tx)
        .await
    };
}

/// Recounts a product's open threads (`products.open_threads`, read by every list of products);
/// run in the transaction of every change to its comments.
pub(crate) const RECOUNT_OPEN_THREADS: &str = "UPDATE products SET open_threads = (
    SELECT COUNT(*) FROM product_comments c WHERE c.product_id = products.id AND c.parent_id IS NULL AND c.resolved_at IS NULL
) WHERE id = $1";

const PRODUCT_COLUMNS: &str = "p.id, p.organisation_id, p.kind, p.title, p.state, p.content, p.version, p.due_on, p.created_by, p.updated_at, u.name, p.state_at, s.name, p.session_id, p.model";

fn product_from<R: Row>(r: &R) -> std::result::Result<Product, sqlx::Error>
where
    usize: sqlx::ColumnIndex<R>,
    for<'a> Uuid: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> i64: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> NaiveDate: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> DateTime<Utc>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> bool: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    Ok(Product {
        id: r.try_get(0)?,
        organisation_id: r.try_get(1)?,
        kind: r.try_get(2)?,
        title: r.try_get(3)?,
        state: r.try_get(4)?,
        content: r.try_get(5)?,
        version: r.try_get(6)?,
        due_on: r.try_get(7)?,
        created_by: r.try_get(8)?,
        updated_at: r.try_get(9)?,
        updated_by_name: r.try_get(10)?,
        state_at: r.try_get(11)?,
        state_by_name: r.try_get(12)?,
        session_id: r.try_get(13)?,
        model: r.try_get(14)?,
    })
}

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
    let now = Utc::now();
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
        let row = sqlx::query(&sql).bind(id).fetch_optional(pool).await?;
        Ok(row.map(|r| product_from(&r)).transpose()?)
    })
}

// Versions are numbered from 1 and never deleted, so their count is the highest number: one
// step down the (product, number) index instead of a count of every version. Open threads are
// counted on write (`RECOUNT_OPEN_THREADS`).
const SUMMARY: &str =
    "SELECT p.id, p.organisation_id, o.name, p.kind, p.title, p.state, p.due_on, p.updated_at,
    (SELECT COALESCE(MAX(v.number), 0) FROM product_versions v WHERE v.product_id = p.id),
    p.open_threads
    FROM products p JOIN organisations o ON o.id = p.organisation_id";

fn summary_from<R: Row>(r: &R) -> std::result::Result<Summary, sqlx::Error>
where
    usize: sqlx::ColumnIndex<R>,
    for<'a> Uuid: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> i64: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> NaiveDate: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> DateTime<Utc>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    Ok(Summary {
        id: r.try_get(0)?,
        organisation_id: r.try_get(1)?,
        organisation: r.try_get(2)?,
        kind: r.try_get(3)?,
        title: r.try_get(4)?,
        state: r.try_get(5)?,
        due_on: r.try_get(6)?,
        updated_at: r.try_get(7)?,
        versions: r.try_get(8)?,
        open_comments: r.try_get(9)?,
    })
}

/// An administration's products, most recently changed first.
pub async fn list(db: &Db, organisation: Uuid) -> Result<Vec<Summary>> {
    let sql = format!("{SUMMARY} WHERE p.organisation_id = $1 ORDER BY p.updated_at DESC");
    run!(db, |pool| {
        let rows = sqlx::query(&sql).bind(organisation).fetch_all(pool).await?;
        Ok(rows
            .iter()
            .map(summary_from)
            .collect::<std::result::Result<Vec<_>, _>>()?)
    })
}

/// Products waiting for a reviewer, in these administrations (every one when `None`), oldest
/// submission first.
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
        let mut q = sqlx::query(&sql);
        for id in organisations.unwrap_or_default() {
            q = q.bind(*id);
        }
        let rows = q.fetch_all(pool).await?;
        Ok(rows
            .iter()
            .map(summary_from)
            .collect::<std::result::Result<Vec<_>, _>>()?)
    })
}

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
    let now = Utc::now();
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

/// A review transition to record.
#[derive(Debug, Clone)]
pub struct Transition<'a> {
    pub from: &'a str,
    pub to: &'a str,
    /// The event kind (the action's code).
    pub action: &'a str,
    pub note: &'a str,
    /// A submission freezes what was submitted as a version (when it differs from the last).
    pub snapshot_label: Option<&'a str>,
    pub notice: Notice,
}

/// Moves a product from state `from` to `to`; `Conflict` when it is no longer in `from`.
pub async fn transition(db: &Db, id: Uuid, t: &Transition<'_>, actor: Option<Uuid>) -> Result<()> {
    let now = Utc::now();
    let change = Change {
        actor,
        action: "products.review",
        entity: "product",
        entity_id: id.to_string(),
        before: Some(json!({ "state": t.from })),
        after: Some(json!({ "state": t.to, "note": t.note })),
    };
    crate::change!(
        db,
        [Part::Products],
        |tx| {
            let done = sqlx::query(
            "UPDATE products SET state = $1, state_by = $2, state_at = $3 WHERE id = $4 AND state = $5",
        )
        .bind(t.to)
        .bind(actor)
        .bind(now)
        .bind(id)
        .bind(t.from)
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            let row =
                sqlx::query("SELECT organisation_id, title, content FROM products WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
            let organisation: Uuid = row.try_get(0)?;
            let title: String = row.try_get(1)?;
            let content: String = row.try_get(2)?;
            if let Some(label) = t.snapshot_label {
                let last: Option<String> = sqlx::query_scalar(
                "SELECT content FROM product_versions WHERE product_id = $1 ORDER BY number DESC LIMIT 1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
                if last.as_deref() != Some(content.as_str()) {
                    let n = insert_version!(tx, id, &title, &content, label, actor, now);
                    insert_event!(
                        &mut *tx,
                        id,
                        organisation,
                        "version",
                        actor,
                        now,
                        &n.to_string()
                    )?;
                }
            }
            insert_event!(&mut *tx, id, organisation, t.action, actor, now, t.note)?;
            for user in &t.notice.to {
                insert_notification!(&mut *tx, *user, &t.notice, actor, now)?;
            }
            Ok(())
        },
        |_| &change
    )
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

/// A product's versions, newest first, without their content.
pub async fn versions(db: &Db, id: Uuid) -> Result<Vec<Version>> {
    run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT v.number, v.title, v.label, u.name, v.created_at FROM product_versions v LEFT JOIN users u ON u.id = v.created_by
             WHERE v.product_id = $1 ORDER BY v.number DESC",
        )
        .bind(id)
        .fetch_all(pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                Ok(Version {
                    number: r.try_get(0)?,
                    title: r.try_get(1)?,
                    content: String::new(),
                    label: r.try_get(2)?,
                    created_by_name: r.try_get(3)?,
                    created_at: r.try_get(4)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}

/// One version with its content.
pub async fn version(db: &Db, id: Uuid, number: i64) -> Result<Option<Version>> {
    run!(db, |pool| {
        let row = sqlx::query(
            "SELECT v.number, v.title, v.label, u.name, v.created_at, v.content FROM product_versions v LEFT JOIN users u ON u.id = v.created_by
             WHERE v.product_id = $1 AND v.number = $2",
        )
        .bind(id)
        .bind(number)
        .fetch_optional(pool)
        .await?;
        Ok(row
            .map(|r| {
                Ok::<_, sqlx::Error>(Version {
                    number: r.try_get(0)?,
                    title: r.try_get(1)?,
                    label: r.try_get(2)?,
                    created_by_name: r.try_get(3)?,
                    created_at: r.try_get(4)?,
                    content: r.try_get(5)?,
                })
            })
            .transpose()?)
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

const EVENT: &str =
    "SELECT e.product_id, p.title, e.kind, u.name, e.at, e.detail FROM product_events e
    JOIN products p ON p.id = e.product_id LEFT JOIN users u ON u.id = e.actor_id";

fn event_from<R: Row>(r: &R) -> std::result::Result<Event, sqlx::Error>
where
    usize: sqlx::ColumnIndex<R>,
    for<'a> Uuid: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> DateTime<Utc>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    Ok(Event {
        product_id: r.try_get(0)?,
        product_title: r.try_get(1)?,
        kind: r.try_get(2)?,
        actor_name: r.try_get(3)?,
        at: r.try_get(4)?,
        detail: r.try_get(5)?,
    })
}

/// The latest events of an administration's products.
pub async fn feed(db: &Db, organisation: Uuid, limit: i64) -> Result<Vec<Event>> {
    let sql = format!("{EVENT} WHERE e.organisation_id = $1 ORDER BY e.at DESC LIMIT $2");
    run!(db, |pool| {
        let rows = sqlx::query(&sql)
            .bind(organisation)
            .bind(limit)
            .fetch_all(pool)
            .await?;
        Ok(rows
            .iter()
            .map(event_from)
            .collect::<std::result::Result<Vec<_>, _>>()?)
    })
}

/// A product's history, oldest first.
pub async fn history(db: &Db, id: Uuid) -> Result<Vec<Event>> {
    let sql = format!("{EVENT} WHERE e.product_id = $1 ORDER BY e.at, e.id");
    run!(db, |pool| {
        let rows = sqlx::query(&sql).bind(id).fetch_all(pool).await?;
        Ok(rows
            .iter()
            .map(event_from)
            .collect::<std::result::Result<Vec<_>, _>>()?)
    })
}

/// A new comment.
#[derive(Debug, Clone)]
pub struct NewComment<'a> {
    pub product: Uuid,
    pub parent: Option<Uuid>,
    pub version_number: i64,
    pub anchor: &'a str,
    pub body: &'a str,
}

/// Adds a comment (a reply takes its thread's anchor); `NotFound` when the parent is not a
/// comment of this product.
pub async fn comment(
    db: &Db,
    c: &NewComment<'_>,
    actor: Option<Uuid>,
    notice: &Notice,
) -> Result<Uuid> {
    let id = new_id();
    let now = Utc::now();
    crate::change!(
        db,
        [Part::Products],
        |tx| {
            let organisation: Uuid =
                sqlx::query_scalar("SELECT organisation_id FROM products WHERE id = $1")
                    .bind(c.product)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(DbError::NotFound)?;
            let (parent, anchor) = match c.parent {
                Some(p) => {
                    let row = sqlx::query("SELECT COALESCE(parent_id, id), anchor FROM product_comments WHERE id = $1 AND product_id = $2")
                    .bind(p)
                    .bind(c.product)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(DbError::NotFound)?;
                    let root: Uuid = row.try_get(0)?;
                    let anchor: String = row.try_get(1)?;
                    (Some(root), anchor)
                }
                None => (None, c.anchor.to_string()),
            };
            sqlx::query(
            "INSERT INTO product_comments (id, product_id, parent_id, version_number, anchor, body, author_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(c.product)
        .bind(parent)
        .bind(c.version_number)
        .bind(&anchor)
        .bind(c.body)
        .bind(actor)
        .bind(now)
        .execute(&mut *tx)
        .await?;
            if let Some(root) = parent {
                // A reply reopens a resolved thread.
                sqlx::query(
                "UPDATE product_comments SET resolved_at = NULL, resolved_by = NULL WHERE id = $1",
            )
            .bind(root)
            .execute(&mut *tx)
            .await?;
            }
            sqlx::query(RECOUNT_OPEN_THREADS)
                .bind(c.product)
                .execute(&mut *tx)
                .await?;
            insert_event!(
                &mut *tx,
                c.product,
                organisation,
                "commented",
                actor,
                now,
                ""
            )?;
            for user in notice.to.iter().filter(|u| Some(**u) != actor) {
                insert_notification!(&mut *tx, *user, notice, actor, now)?;
            }
            Ok(anchor)
        },
        |anchor: &String| Change {
            actor,
            action: "products.comment",
            entity: "product",
            entity_id: c.product.to_string(),
            before: None,
            after: Some(json!({ "comment": id, "anchor": anchor, "version": c.version_number })),
        }
    )?;
    Ok(id)
}

const COMMENT: &str = "SELECT c.id, c.product_id, c.parent_id, c.version_number, c.anchor, c.body, c.author_id, a.name, c.created_at, c.resolved_at, r.name
    FROM product_comments c LEFT JOIN users a ON a.id = c.author_id LEFT JOIN users r ON r.id = c.resolved_by";

fn comment_from<R: Row>(r: &R) -> std::result::Result<Comment, sqlx::Error>
where
    usize: sqlx::ColumnIndex<R>,
    for<'a> Uuid: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> i64: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> DateTime<Utc>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    Ok(Comment {
        id: r.try_get(0)?,
        product_id: r.try_get(1)?,
        parent_id: r.try_get(2)?,
        version_number: r.try_get(3)?,
        anchor: r.try_get(4)?,
        body: r.try_get(5)?,
        author_id: r.try_get(6)?,
        author_name: r.try_get(7)?,
        created_at: r.try_get(8)?,
        resolved_at: r.try_get(9)?,
        resolved_by_name: r.try_get(10)?,
    })
}

/// Every comment of a product, oldest first.
pub async fn comments(db: &Db, id: Uuid) -> Result<Vec<Comment>> {
    let sql = format!("{COMMENT} WHERE c.product_id = $1 ORDER BY c.created_at, c.id");
    run!(db, |pool| {
        let rows = sqlx::query(&sql).bind(id).fetch_all(pool).await?;
        Ok(rows
            .iter()
            .map(comment_from)
            .collect::<std::result::Result<Vec<_>, _>>()?)
    })
}

/// Open threads (unresolved first comments) of these administrations' products (every one when
/// `None`), oldest first, with the product's title and organisation.
pub async fn open_threads(
    db: &Db,
    organisations: Option<&[Uuid]>,
    limit: i64,
) -> Result<Vec<(Comment, String, Uuid)>> {
    let filter = match organisations {
        Some([]) => return Ok(vec![]),
        Some(ids) => format!(
            " AND p.organisation_id IN ({})",
            crate::placeholders(2, ids.len())
        ),
        None => String::new(),
    };
    // The oldest open threads are chosen on the index of open threads (which holds their time and
    // id), and only those are read whole: sorting whole rows took most of the inbox's time.
    let sql = format!(
        "SELECT c.id, c.product_id, c.parent_id, c.version_number, c.anchor, c.body, c.author_id, a.name, c.created_at, c.resolved_at, NULL, p.title, p.organisation_id
         FROM product_comments c JOIN products p ON p.id = c.product_id LEFT JOIN users a ON a.id = c.author_id
         WHERE c.id IN (SELECT c.id FROM products p JOIN product_comments c ON c.product_id = p.id
                        WHERE c.parent_id IS NULL AND c.resolved_at IS NULL{filter}
                        ORDER BY c.created_at LIMIT $1)
         ORDER BY c.created_at, c.id"
    );
    run!(db, |pool| {
        let mut q = sqlx::query(&sql).bind(limit);
        for id in organisations.unwrap_or_default() {
            q = q.bind(*id);
        }
        let rows = q.fetch_all(pool).await?;
        Ok(rows
            .iter()
            .map(|r| Ok((comment_from(r)?, r.try_get(11)?, r.try_get(12)?)))
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}

/// Resolves (or reopens) a thread of a product; `NotFound` when it is not one of its threads.
pub async fn resolve(
    db: &Db,
    product: Uuid,
    comment: Uuid,
    resolved: bool,
    actor: Option<Uuid>,
) -> Result<()> {
    let now = Utc::now();
    let change = Change {
        actor,
        action: if resolved {
            "products.resolve"
        } else {
            "products.reopen"
        },
        entity: "product",
        entity_id: product.to_string(),
        before: None,
        after: Some(json!({ "comment": comment })),
    };
    crate::change!(
        db,
        [Part::Products],
        |tx| {
            let done = sqlx::query(
            "UPDATE product_comments SET resolved_at = $1, resolved_by = $2 WHERE id = $3 AND product_id = $4 AND parent_id IS NULL",
        )
        .bind(resolved.then_some(now))
        .bind(if resolved { actor } else { None })
        .bind(comment)
        .bind(product)
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if done == 0 {
                return Err(DbError::NotFound);
            }
            sqlx::query(RECOUNT_OPEN_THREADS)
                .bind(product)
                .execute(&mut *tx)
                .await?;
            Ok(())
        },
        |_| &change
    )
}

/// Someone's latest notifications.
pub async fn notifications(db: &Db, user: Uuid, limit: i64) -> Result<Vec<Notification>> {
    run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT n.id, n.kind, n.title, n.link, u.name, n.created_at, n.read_at FROM notifications n LEFT JOIN users u ON u.id = n.actor_id
             WHERE n.user_id = $1 ORDER BY n.created_at DESC LIMIT $2",
        )
        .bind(user)
        .bind(limit)
        .fetch_all(pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                let read: Option<DateTime<Utc>> = r.try_get(6)?;
                Ok(Notification {
                    id: r.try_get(0)?,
                    kind: r.try_get(1)?,
                    title: r.try_get(2)?,
                    link: r.try_get(3)?,
                    actor_name: r.try_get(4)?,
                    created_at: r.try_get(5)?,
                    read: read.is_some(),
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}

/// Marks every notification of `user` as read.
pub async fn mark_read(db: &Db, user: Uuid) -> Result<u64> {
    crate::change!(
        db,
        [],
        |tx| {
            Ok(sqlx::query(
                "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
            )
            .bind(Utc::now())
            .bind(user)
            .execute(&mut *tx)
            .await?
            .rows_affected())
        },
        |_| Audit::none("a person's own reading of their notices")
    )
}

/// Delivers a notification in the app to each recipient.
pub async fn notify(db: &Db, notice: &Notice) -> Result<()> {
    let now = Utc::now();
    crate::change!(
        db,
        [],
        |tx| {
            for user in &notice.to {
                insert_notification!(&mut *tx, *user, notice, None::<Uuid>, now)?;
            }
            Ok(())
        },
        |_| Audit::none("a notice to people, not a change to the data")
    )
}

/// A logged tutoring session with its next steps.
#[derive(Debug, Clone, Serialize)]
pub struct TutoringSession {
    pub id: Uuid,
    pub tutor_name: Option<String>,
    pub held_on: NaiveDate,
    pub minutes: i64,
    pub participants: String,
    pub notes: String,
    pub product_id: Option<Uuid>,
    pub product_title: Option<String>,
    pub steps: Vec<domain::products::tutoring::Step>,
}

/// Records a tutoring session of `organisation` held by `tutor`.
pub async fn log_tutoring(
    db: &Db,
    organisation: Uuid,
    entry: &domain::products::tutoring::Entry,
    product: Option<Uuid>,
    tutor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let change = Change {
        actor: tutor,
        action: "tutoring.record",
        entity: "organisation",
        entity_id: organisation.to_string(),
        before: None,
        after: Some(
            json!({ "session": id, "held_on": entry.held_on, "minutes": entry.minutes, "steps": entry.steps.len() }),
        ),
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query(
            "INSERT INTO tutoring_sessions (id, organisation_id, tutor_id, held_on, minutes, participants, notes, product_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(id)
        .bind(organisation)
        .bind(tutor)
        .bind(entry.held_on)
        .bind(entry.minutes)
        .bind(&entry.participants)
        .bind(&entry.notes)
        .bind(product)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?;
            for (position, step) in entry.steps.iter().enumerate() {
                sqlx::query(
                "INSERT INTO tutoring_steps (id, session_id, position, text, owner, due_on) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(new_id())
            .bind(id)
            .bind(position as i64)
            .bind(&step.text)
            .bind(&step.owner)
            .bind(step.due_on)
            .execute(&mut *tx)
            .await?;
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// An administration's tutoring log, most recent first.
pub async fn tutoring_log(db: &Db, organisation: Uuid) -> Result<Vec<TutoringSession>> {
    run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT s.id, u.name, s.held_on, s.minutes, s.participants, s.notes, s.product_id, p.title
             FROM tutoring_sessions s LEFT JOIN users u ON u.id = s.tutor_id LEFT JOIN products p ON p.id = s.product_id
             WHERE s.organisation_id = $1 ORDER BY s.held_on DESC, s.created_at DESC",
        )
        .bind(organisation)
        .fetch_all(pool)
        .await?;
        let steps = sqlx::query(
            "SELECT t.session_id, t.text, t.owner, t.due_on FROM tutoring_steps t JOIN tutoring_sessions s ON s.id = t.session_id
             WHERE s.organisation_id = $1 ORDER BY t.position",
        )
        .bind(organisation)
        .fetch_all(pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: Uuid = r.try_get(0)?;
            let mut mine = Vec::new();
            for s in &steps {
                let session: Uuid = s.try_get(0)?;
                if session == id {
                    mine.push(domain::products::tutoring::Step {
                        text: s.try_get(1)?,
                        owner: s.try_get(2)?,
                        due_on: s.try_get(3)?,
                    });
                }
            }
            out.push(TutoringSession {
                id,
                tutor_name: r.try_get(1)?,
                held_on: r.try_get(2)?,
                minutes: r.try_get(3)?,
                participants: r.try_get(4)?,
                notes: r.try_get(5)?,
                product_id: r.try_get(6)?,
                product_title: r.try_get(7)?,
                steps: mine,
            });
        }
        Ok(out)
    })
}

/// One tutor's load, for programme staff.
#[derive(Debug, Clone, Serialize)]
pub struct Workload {
    pub tutor_id: Uuid,
    pub name: String,
    pub email: String,
    pub organisations: i64,
    pub sessions: i64,
    pub minutes: i64,
    pub last_session: Option<NaiveDate>,
    pub awaiting_review: i64,
    pub open_threads: i64,
}

/// Every tutor's load: administrations tutored, sessions logged and their time, products
/// waiting for review and open comment threads in their administrations.
pub async fn workload(db: &Db) -> Result<Vec<Workload>> {
    run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT u.id, u.name, u.email, COUNT(DISTINCT g.space_id),
                (SELECT COUNT(*) FROM tutoring_sessions s WHERE s.tutor_id = u.id),
                (SELECT CAST(COALESCE(SUM(s.minutes), 0) AS BIGINT) FROM tutoring_sessions s WHERE s.tutor_id = u.id),
                (SELECT MAX(s.held_on) FROM tutoring_sessions s WHERE s.tutor_id = u.id),
                (SELECT COUNT(*) FROM products p JOIN grants t ON t.space_id = p.organisation_id
                  WHERE t.user_id = u.id AND t.role = 'tutor' AND t.space_kind = 'organisation' AND p.state IN ('submitted', 'resubmitted')),
                (SELECT CAST(COALESCE(SUM(p.open_threads), 0) AS BIGINT) FROM products p JOIN grants t ON t.space_id = p.organisation_id
                  WHERE t.user_id = u.id AND t.role = 'tutor' AND t.space_kind = 'organisation')
             FROM users u JOIN grants g ON g.user_id = u.id
             WHERE g.role = 'tutor' AND g.space_kind = 'organisation'
             GROUP BY u.id, u.name, u.email ORDER BY u.name",
        )
        .fetch_all(pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                Ok(Workload {
                    tutor_id: r.try_get(0)?,
                    name: r.try_get(1)?,
                    email: r.try_get(2)?,
                    organisations: r.try_get(3)?,
                    sessions: r.try_get(4)?,
                    minutes: r.try_get(5)?,
                    last_session: r.try_get(6)?,
                    awaiting_review: r.try_get(7)?,
                    open_threads: r.try_get(8)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}

/// Publishes (or withdraws) an approved product as a model others may start from; `NotFound`
/// when it is not approved.
pub async fn set_model(db: &Db, id: Uuid, model: bool, actor: Option<Uuid>) -> Result<()> {
    let change = Change {
        actor,
        action: "products.publish_model",
        entity: "product",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "model": model })),
    };
    crate::change!(
        db,
        [Part::Products],
        |tx| {
            let done =
                sqlx::query("UPDATE products SET model = $1 WHERE id = $2 AND state = 'approved'")
                    .bind(model)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            if done == 0 {
                return Err(DbError::NotFound);
            }
            Ok(())
        },
        |_| &change
    )
}

/// Every published model, by kind and title.
pub async fn models(db: &Db) -> Result<Vec<Summary>> {
    let sql = format!("{SUMMARY} WHERE p.model = $1 ORDER BY p.kind, p.title");
    run!(db, |pool| {
        let rows = sqlx::query(&sql).bind(true).fetch_all(pool).await?;
        Ok(rows
            .iter()
            .map(summary_from)
            .collect::<std::result::Result<Vec<_>, _>>()?)
    })
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
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?)))
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}
