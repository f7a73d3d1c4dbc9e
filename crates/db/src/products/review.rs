//! The review of products: state transitions (with the version a submission freezes) and the
//! events every change leaves, read back as an activity feed and a product's history.

use super::notifications::insert_notification;
use super::versions::insert_version;
use super::*;

/// Something that happened to a product, for the activity feed and the review history.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Event {
    pub product_id: Uuid,
    pub product_title: String,
    pub kind: String,
    pub actor_name: Option<String>,
    pub at: DateTime<Utc>,
    pub detail: String,
}

/// Records an event of a product on the transaction `$tx`.
macro_rules! insert_event {
    ($tx:expr, $product:expr, $organisation:expr, $kind:expr, $actor:expr, $at:expr, $detail:expr) => {
        sqlx::query(
            "INSERT INTO product_events (id, product_id, organisation_id, kind, actor_id, at, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind($crate::new_id())
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
pub(super) use insert_event;

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
    let now = db.now();
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
            let organisation: Uuid = row.try_get("organisation_id")?;
            let title: String = row.try_get("title")?;
            let content: String = row.try_get("content")?;
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

const EVENT: &str =
    "SELECT e.product_id, p.title AS product_title, e.kind, u.name AS actor_name, e.at, e.detail FROM product_events e
    JOIN products p ON p.id = e.product_id LEFT JOIN users u ON u.id = e.actor_id";

/// The latest events of an administration's products.
pub async fn feed(db: &Db, organisation: Uuid, limit: i64) -> Result<Vec<Event>> {
    let sql = format!("{EVENT} WHERE e.organisation_id = $1 ORDER BY e.at DESC LIMIT $2");
    run!(db, |pool| {
        Ok(sqlx::query_as::<_, Event>(&sql)
            .bind(organisation)
            .bind(limit)
            .fetch_all(pool)
            .await?)
    })
}

/// A product's history, oldest first.
pub async fn history(db: &Db, id: Uuid) -> Result<Vec<Event>> {
    let sql = format!("{EVENT} WHERE e.product_id = $1 ORDER BY e.at, e.id");
    run!(db, |pool| {
        Ok(sqlx::query_as::<_, Event>(&sql)
            .bind(id)
            .fetch_all(pool)
            .await?)
    })
}
