//! Backups and integrity checks.

use crate::{Db, DbError, Result};
use std::path::Path;

/// Writes a consistent copy of a live SQLite database to `target` (which must not exist), while
/// other connections keep reading and writing.
pub async fn backup(db: &Db, target: &Path) -> Result<()> {
    match db {
        Db::Sqlite(pool) => {
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
        Db::Postgres(_) => Err(DbError::Unsupported(
            "ponte backup copies SQLite databases; back up PostgreSQL with pg_dump",
        )),
    }
}

/// Runs the backend's integrity check; `Ok(true)` when the database is sound.
pub async fn integrity_ok(db: &Db) -> Result<bool> {
    match db {
        Db::Sqlite(pool) => {
            let result: String = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_one(pool)
                .await?;
            Ok(result == "ok")
        }
        Db::Postgres(pool) => {
            sqlx::query("SELECT COUNT(*) FROM ponte_migrations")
                .execute(pool)
                .await?;
            Ok(true)
        }
    }
}
