//! Comments on products: threads anchored in a version's content, replies, resolving and
//! reopening, and the open threads reviewers work through.

use super::notifications::insert_notification;
use super::review::insert_event;
use super::*;

/// A comment on a product.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
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

/// Recounts a product's open threads (`products.open_threads`, read by every list of products);
/// run in the transaction of every change to its comments.
pub(crate) const RECOUNT_OPEN_THREADS: &str = "UPDATE products SET open_threads = (
    SELECT COUNT(*) FROM product_comments c WHERE c.product_id = products.id AND c.parent_id IS NULL AND c.resolved_at IS NULL
) WHERE id = $1";

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
    let now = db.now();
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
                    let row = sqlx::query("SELECT COALESCE(parent_id, id) AS root, anchor FROM product_comments WHERE id = $1 AND product_id = $2")
                    .bind(p)
                    .bind(c.product)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(DbError::NotFound)?;
                    let root: Uuid = row.try_get("root")?;
                    let anchor: String = row.try_get("anchor")?;
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

const COMMENT: &str = "SELECT c.id, c.product_id, c.parent_id, c.version_number, c.anchor, c.body, c.author_id, a.name AS author_name, c.created_at, c.resolved_at, r.name AS resolved_by_name
    FROM product_comments c LEFT JOIN users a ON a.id = c.author_id LEFT JOIN users r ON r.id = c.resolved_by";

/// Every comment of a product, oldest first.
pub async fn comments(db: &Db, id: Uuid) -> Result<Vec<Comment>> {
    let sql = format!("{COMMENT} WHERE c.product_id = $1 ORDER BY c.created_at, c.id");
    run!(db, |pool| {
        Ok(sqlx::query_as::<_, Comment>(&sql)
            .bind(id)
            .fetch_all(pool)
            .await?)
    })
}

/// An open thread with the title and organisation of its product.
#[derive(sqlx::FromRow)]
struct OpenThread {
    #[sqlx(flatten)]
    comment: Comment,
    product_title: String,
    organisation_id: Uuid,
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
        "SELECT c.id, c.product_id, c.parent_id, c.version_number, c.anchor, c.body, c.author_id, a.name AS author_name, c.created_at, c.resolved_at, NULL AS resolved_by_name, p.title AS product_title, p.organisation_id
         FROM product_comments c JOIN products p ON p.id = c.product_id LEFT JOIN users a ON a.id = c.author_id
         WHERE c.id IN (SELECT c.id FROM products p JOIN product_comments c ON c.product_id = p.id
                        WHERE c.parent_id IS NULL AND c.resolved_at IS NULL{filter}
                        ORDER BY c.created_at LIMIT $1)
         ORDER BY c.created_at, c.id"
    );
    run!(db, |pool| {
        let mut q = sqlx::query_as::<_, OpenThread>(&sql).bind(limit);
        for id in organisations.unwrap_or_default() {
            q = q.bind(*id);
        }
        let rows = q.fetch_all(pool).await?;
        Ok(rows
            .into_iter()
            .map(|t| (t.comment, t.product_title, t.organisation_id))
            .collect())
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
    let now = db.now();
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
