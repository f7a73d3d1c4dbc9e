//! In-app notifications: delivering notices (on their own or within a product's change), listing
//! someone's latest and marking them read.

use super::*;

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

/// Delivers `$notice` to `$user` on the transaction `$tx`.
macro_rules! insert_notification {
    ($tx:expr, $user:expr, $notice:expr, $actor:expr, $now:expr) => {{
        let inserted = sqlx::query(
            "INSERT INTO notifications (id, user_id, kind, title, link, actor_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind($crate::new_id())
        .bind($user)
        .bind($notice.kind)
        .bind($notice.title.as_str())
        .bind($notice.link.as_str())
        .bind($actor)
        .bind($now)
        .execute(&mut *$tx)
        .await;
        match inserted {
            // The unread count on the person's account (see `crate::notifications`).
            Ok(_) => {
                sqlx::query(
                    "INSERT INTO notification_unread (user_id, unread) VALUES ($1, 1)
                     ON CONFLICT (user_id) DO UPDATE SET unread = notification_unread.unread + 1",
                )
                .bind($user)
                .execute(&mut *$tx)
                .await
            }
            Err(e) => Err(e),
        }
    }};
}
pub(super) use insert_notification;

/// Someone's latest notifications.
pub async fn notifications(db: &Db, user: Uuid, limit: i64) -> Result<Vec<Notification>> {
    run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT n.id, n.kind, n.title, n.link, u.name AS actor_name, n.created_at, n.read_at FROM notifications n LEFT JOIN users u ON u.id = n.actor_id
             WHERE n.user_id = $1 ORDER BY n.created_at DESC LIMIT $2",
        )
        .bind(user)
        .bind(limit)
        .fetch_all(pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                let read: Option<DateTime<Utc>> = r.try_get("read_at")?;
                Ok(Notification {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    title: r.try_get("title")?,
                    link: r.try_get("link")?,
                    actor_name: r.try_get("actor_name")?,
                    created_at: r.try_get("created_at")?,
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
            let read = sqlx::query(
                "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
            )
            .bind(db.now())
            .bind(user)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            crate::recount_in!(tx, user);
            Ok(read)
        },
        |_| Audit::none("a person's own reading of their notices")
    )
}

/// Delivers a notification in the app to each recipient.
pub async fn notify(db: &Db, notice: &Notice) -> Result<()> {
    let now = db.now();
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
