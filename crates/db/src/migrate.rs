//! Embedded migrations, one list per backend, applied in order at start-up and recorded in
//! `ponte_migrations`.

use crate::{run, Db, DbError, Result};

const SQLITE: &[(&str, &str)] = &[(
    "0001_foundation",
    include_str!("../migrations/sqlite/0001_foundation.sql"),
)];

const POSTGRES: &[(&str, &str)] = &[(
    "0001_foundation",
    include_str!("../migrations/postgres/0001_foundation.sql"),
)];

/// Applies every migration not yet recorded, each in its own transaction.
pub(crate) async fn run(db: &Db) -> Result<()> {
    let list = match db {
        Db::Sqlite(_) => SQLITE,
        Db::Postgres(_) => POSTGRES,
    };
    run!(db, |pool| {
        sqlx::raw_sql(
            "CREATE TABLE IF NOT EXISTS ponte_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
        )
        .execute(pool)
        .await?;
        for (name, sql) in list {
            let mut tx = pool.begin().await?;
            let done: Option<(String,)> =
                sqlx::query_as("SELECT name FROM ponte_migrations WHERE name = $1")
                    .bind(*name)
                    .fetch_optional(&mut *tx)
                    .await?;
            if done.is_some() {
                continue;
            }
            sqlx::raw_sql(sql)
                .execute(&mut *tx)
                .await
                .map_err(|e| DbError::Migration(name.to_string(), e.to_string()))?;
            sqlx::query("INSERT INTO ponte_migrations (name, applied_at) VALUES ($1, $2)")
                .bind(*name)
                .bind(chrono::Utc::now().to_rfc3339())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            tracing::info!(migration = name, "applied");
        }
    });
    Ok(())
}
