//! The email outbox: messages are stored in the same database as the change that caused them and
//! sent by a worker, so that a slow or absent mail server never blocks a page and no message is
//! lost when the server restarts. Any instance may send; a message is claimed before sending.

use crate::{new_id, run, Db, Result};
use chrono::{DateTime, Duration, Utc};
use sqlx::Row;
use uuid::Uuid;

/// A message waiting to be sent.
#[derive(Debug, Clone)]
pub struct Message {
    pub id: Uuid,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
}

/// Queues a message.
pub async fn enqueue(db: &Db, recipient: &str, subject: &str, body: &str) -> Result<Uuid> {
    let id = new_id();
    let now = Utc::now();
    run!(db, |pool| {
        sqlx::query("INSERT INTO outbox (id, recipient, subject, body, created_at, not_before) VALUES ($1, $2, $3, $4, $5, $5)")
            .bind(id)
            .bind(recipient)
            .bind(subject)
            .bind(body)
            .bind(now)
            .execute(pool)
            .await?;
    });
    Ok(id)
}

/// How many messages were queued for `recipient` since `since`.
pub async fn queued_for(db: &Db, recipient: &str, since: DateTime<Utc>) -> Result<i64> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE recipient = $1 AND created_at > $2")
            .bind(recipient)
            .bind(since)
            .fetch_one(pool)
            .await?
    }))
}

/// Claims the oldest message due, pushing its next attempt into the future so that no other
/// worker takes it meanwhile. Returns `None` when nothing is due.
pub async fn claim(db: &Db) -> Result<Option<Message>> {
    let now = Utc::now();
    let lease: DateTime<Utc> = now + Duration::minutes(2);
    Ok(run!(db, |pool| {
        let mut tx = pool.begin().await?;
        let lock = if matches!(db, Db::Postgres(_)) {
            " FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        let row = sqlx::query(&format!(
            "SELECT id, recipient, subject, body, attempts FROM outbox
             WHERE sent_at IS NULL AND not_before <= $1 AND attempts < 10
             ORDER BY created_at LIMIT 1{lock}"
        ))
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let message = match row {
            None => None,
            Some(r) => {
                let m = Message {
                    id: r.try_get(0)?,
                    recipient: r.try_get(1)?,
                    subject: r.try_get(2)?,
                    body: r.try_get(3)?,
                    attempts: r.try_get(4)?,
                };
                sqlx::query(
                    "UPDATE outbox SET not_before = $1, attempts = attempts + 1 WHERE id = $2",
                )
                .bind(lease)
                .bind(m.id)
                .execute(&mut *tx)
                .await?;
                Some(m)
            }
        };
        tx.commit().await?;
        message
    }))
}

/// Marks a message sent.
pub async fn mark_sent(db: &Db, id: Uuid) -> Result<()> {
    run!(db, |pool| {
        sqlx::query("UPDATE outbox SET sent_at = $1, last_error = NULL WHERE id = $2")
            .bind(Utc::now())
            .bind(id)
            .execute(pool)
            .await?;
    });
    Ok(())
}

/// Records a failed attempt and when to try again (backing off with the number of attempts).
pub async fn mark_failed(db: &Db, id: Uuid, attempts: i64, error: &str) -> Result<()> {
    let retry = Utc::now() + Duration::seconds(30 * (attempts + 1).pow(2));
    run!(db, |pool| {
        sqlx::query("UPDATE outbox SET not_before = $1, last_error = $2 WHERE id = $3")
            .bind(retry)
            .bind(error)
            .bind(id)
            .execute(pool)
            .await?;
    });
    Ok(())
}
