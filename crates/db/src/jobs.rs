//! The job queue: work done after the request that asked for it (email today; reminders, text
//! extraction and large exports later). Jobs live in the database, so any instance may run them
//! and none is lost on restart; a job is leased before it runs, so two workers never run it both.

use crate::{new_id, run, Audit, Db, Result};
use chrono::{DateTime, Duration, Utc};
use serde_json::Value;
use sqlx::Row;
use uuid::Uuid;

/// How many times a job is tried before it is left aside with its last error.
pub const MAX_ATTEMPTS: i64 = 10;
/// How long a claimed job is reserved for the worker that claimed it.
const LEASE: Duration = Duration::minutes(2);

/// A job to run.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: Uuid,
    pub kind: String,
    pub payload: Value,
    /// Attempts before this one.
    pub attempts: i64,
}

/// Queues a job of `kind` to run now; `key` groups jobs for limits (see `count_recent`).
pub async fn enqueue(db: &Db, kind: &str, key: Option<&str>, payload: &Value) -> Result<Uuid> {
    enqueue_at(db, kind, key, payload, db.now()).await
}

/// Queues a job of `kind` to run at `run_at` (reminders, deadlines).
pub async fn enqueue_at(
    db: &Db,
    kind: &str,
    key: Option<&str>,
    payload: &Value,
    run_at: DateTime<Utc>,
) -> Result<Uuid> {
    let id = new_id();
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query("INSERT INTO jobs (id, kind, key, payload, created_at, run_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id)
            .bind(kind)
            .bind(key)
            .bind(payload.to_string())
            .bind(db.now())
            .bind(run_at)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| Audit::none("the job queue is bookkeeping")
    )?;
    Ok(id)
}

/// How many jobs of `kind` with `key` were queued since `since`.
pub async fn count_recent(db: &Db, kind: &str, key: &str, since: DateTime<Utc>) -> Result<i64> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM jobs WHERE kind = $1 AND key = $2 AND created_at > $3",
        )
        .bind(kind)
        .bind(key)
        .bind(since)
        .fetch_one(pool)
        .await?
    }))
}

/// Claims the oldest due job of one of `kinds`, leasing it so that no other worker takes it
/// meanwhile. `None` when nothing is due. One statement picks and leases the job, so that on
/// SQLite it takes the write lock at once and on PostgreSQL concurrent workers skip each other.
pub async fn claim(db: &Db, kinds: &[&str]) -> Result<Option<Job>> {
    if kinds.is_empty() {
        return Ok(None);
    }
    let now = db.now();
    let lock = if matches!(db.pool(), crate::Pool::Postgres(_)) {
        " FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let sql = format!(
        "UPDATE jobs SET run_at = $1, attempts = attempts + 1
         WHERE id = (SELECT id FROM jobs
                     WHERE done_at IS NULL AND run_at <= $2 AND attempts < $3 AND kind IN ({})
                     ORDER BY run_at LIMIT 1{lock})
         RETURNING id, kind, payload, attempts",
        crate::placeholders(4, kinds.len())
    );
    crate::change!(
        db,
        [],
        |tx| {
            Ok({
                let mut query = sqlx::query(&sql)
                    .bind(now + LEASE)
                    .bind(now)
                    .bind(MAX_ATTEMPTS);
                for kind in kinds {
                    query = query.bind(*kind);
                }
                match query.fetch_optional(&mut *tx).await? {
                    None => None,
                    Some(r) => {
                        let payload: String = r.try_get(2)?;
                        let attempts: i64 = r.try_get(3)?;
                        Some(Job {
                            id: r.try_get(0)?,
                            kind: r.try_get(1)?,
                            payload: serde_json::from_str(&payload).unwrap_or(Value::Null),
                            attempts: attempts - 1,
                        })
                    }
                }
            })
        },
        |_| Audit::none("the job queue is bookkeeping")
    )
}

/// Marks a job done.
pub async fn complete(db: &Db, id: Uuid) -> Result<()> {
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query("UPDATE jobs SET done_at = $1, last_error = NULL WHERE id = $2")
                .bind(db.now())
                .bind(id)
                .execute(&mut *tx)
                .await?;
            Ok(())
        },
        |_| Audit::none("the job queue is bookkeeping")
    )?;
    Ok(())
}

/// Records a failure and when to try again, later after each attempt.
pub async fn fail(db: &Db, job: &Job, error: &str) -> Result<()> {
    let retry = db.now() + Duration::seconds(30 * (job.attempts + 1).pow(2));
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query("UPDATE jobs SET run_at = $1, last_error = $2 WHERE id = $3")
                .bind(retry)
                .bind(error)
                .bind(job.id)
                .execute(&mut *tx)
                .await?;
            Ok(())
        },
        |_| Audit::none("the job queue is bookkeeping")
    )?;
    Ok(())
}
