//! Backups and integrity checks.

use crate::{Audit, Db, DbError, Result};
use chrono::Duration;
use std::path::Path;

/// What a clean-up removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cleanup {
    pub sessions: u64,
    pub attempts: u64,
    pub resets: u64,
    pub jobs: u64,
}

/// Removes what has no use any more: expired sessions, sign-in attempts older than a day (the
/// throttle looks back 15 minutes), reset links expired for a week, and jobs done more than 30 days
/// ago. Invitations and the audit log are kept: they are the record of who was let in.
pub async fn clean_up(db: &Db) -> Result<Cleanup> {
    let now = db.now();
    let mut done = Cleanup::default();
    crate::change!(
        db,
        [],
        |tx| {
            done.sessions = sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            done.attempts = sqlx::query("DELETE FROM login_attempts WHERE at < $1")
                .bind(now - Duration::days(1))
                .execute(&mut *tx)
                .await?
                .rows_affected();
            done.resets = sqlx::query("DELETE FROM password_resets WHERE expires_at < $1")
                .bind(now - Duration::days(7))
                .execute(&mut *tx)
                .await?
                .rows_affected();
            done.jobs = sqlx::query("DELETE FROM jobs WHERE done_at IS NOT NULL AND done_at < $1")
                .bind(now - Duration::days(30))
                .execute(&mut *tx)
                .await?
                .rows_affected();
            Ok(())
        },
        |_| Audit::none("removing what expired is bookkeeping")
    )?;
    Ok(done)
}

/// Writes a consistent copy of a live SQLite database to `target` (which must not exist), while
/// other connections keep reading and writing.
pub async fn backup(db: &Db, target: &Path) -> Result<()> {
    match db.pool() {
        crate::Pool::Sqlite(pool) => {
            if target.exists() {
                return Err(DbError::Duplicate);
            }
            let path = target.to_string_lossy().to_string();
            sqlx::query("VACUUM INTO $1")
                .bind(path)
                .execute(pool)
                .await?;
            Ok(())
        }
        crate::Pool::Postgres(_) => Err(DbError::Unsupported(
            "ponte backup copies SQLite databases; back up PostgreSQL with pg_dump",
        )),
    }
}

/// Runs the backend's integrity check; `Ok(true)` when the database is sound.
pub async fn integrity_ok(db: &Db) -> Result<bool> {
    match db.pool() {
        crate::Pool::Sqlite(pool) => {
            let result: String = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_one(pool)
                .await?;
            Ok(result == "ok")
        }
        crate::Pool::Postgres(pool) => {
            sqlx::query("SELECT COUNT(*) FROM ponte_migrations")
                .execute(pool)
                .await?;
            // Where the amcheck extension is installed, verify every B-tree index of Ponte's
            // tables against its heap; a corrupt index raises an error.
            let amcheck: bool = sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'amcheck')",
            )
            .fetch_one(pool)
            .await?;
            if amcheck {
                let checked = sqlx::query(
                    "SELECT bt_index_check(index => c.oid, heapallindexed => true)
                     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
                     JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE am.amname = 'btree' AND n.nspname = current_schema() AND c.relpersistence <> 't'",
                )
                .execute(pool)
                .await;
                if checked.is_err() {
                    return Ok(false);
                }
            }
            Ok(true)
        }
    }
}
