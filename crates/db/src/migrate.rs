//! Embedded migrations, one list per backend, applied in order at start-up and recorded in
//! `ponte_migrations`.

use crate::{run, Db, DbError, Result};

const SQLITE: &[(&str, &str)] = &[
    (
        "0001_foundation",
        include_str!("../migrations/sqlite/0001_foundation.sql"),
    ),
    (
        "0002_labs",
        include_str!("../migrations/sqlite/0002_labs.sql"),
    ),
    (
        "0003_structure_editing",
        include_str!("../migrations/sqlite/0003_structure_editing.sql"),
    ),
    (
        "0004_library",
        include_str!("../migrations/sqlite/0004_library.sql"),
    ),
    (
        "0005_good_practices",
        include_str!("../migrations/sqlite/0005_good_practices.sql"),
    ),
    (
        "0006_reading_lists",
        include_str!("../migrations/sqlite/0006_reading_lists.sql"),
    ),
    (
        "0007_products",
        include_str!("../migrations/sqlite/0007_products.sql"),
    ),
    (
        "0008_performance",
        include_str!("../migrations/sqlite/0008_performance.sql"),
    ),
    (
        "0009_read_paths",
        include_str!("../migrations/sqlite/0009_read_paths.sql"),
    ),
    (
        "0010_generations",
        include_str!("../migrations/sqlite/0010_generations.sql"),
    ),
    (
        "0011_products_generation",
        include_str!("../migrations/sqlite/0011_products_generation.sql"),
    ),
    (
        "0012_generations_table",
        include_str!("../migrations/sqlite/0012_generations_table.sql"),
    ),
    (
        "0013_certificate_seasons",
        include_str!("../migrations/sqlite/0013_certificate_seasons.sql"),
    ),
    (
        "0014_tables",
        include_str!("../migrations/sqlite/0014_tables.sql"),
    ),
    (
        "0015_library_changes",
        include_str!("../migrations/sqlite/0015_library_changes.sql"),
    ),
    (
        "0016_table_meetings",
        include_str!("../migrations/sqlite/0016_table_meetings.sql"),
    ),
    (
        "0017_library_text_changes",
        include_str!("../migrations/sqlite/0017_library_text_changes.sql"),
    ),
    (
        "0018_meeting_notices",
        include_str!("../migrations/sqlite/0018_meeting_notices.sql"),
    ),
    (
        "0019_community",
        include_str!("../migrations/sqlite/0019_community.sql"),
    ),
    (
        "0024_calls",
        include_str!("../migrations/sqlite/0024_calls.sql"),
    ),
    (
        "0025_notifications",
        include_str!("../migrations/sqlite/0025_notifications.sql"),
    ),
    (
        "0020_table_minutes",
        include_str!("../migrations/sqlite/0020_table_minutes.sql"),
    ),
    (
        "0021_table_commitments",
        include_str!("../migrations/sqlite/0021_table_commitments.sql"),
    ),
    (
        "0022_network",
        include_str!("../migrations/sqlite/0022_network.sql"),
    ),
    (
        "0026_table_links",
        include_str!("../migrations/sqlite/0026_table_links.sql"),
    ),
    (
        "0027_directory",
        include_str!("../migrations/sqlite/0027_directory.sql"),
    ),
    (
        "0028_news",
        include_str!("../migrations/sqlite/0028_news.sql"),
    ),
    (
        "0029_group_labs",
        include_str!("../migrations/sqlite/0029_group_labs.sql"),
    ),
    (
        "0030_group_documents",
        include_str!("../migrations/sqlite/0030_group_documents.sql"),
    ),
    (
        "0031_community_search",
        include_str!("../migrations/sqlite/0031_community_search.sql"),
    ),
    (
        "0032_directory_generation",
        include_str!("../migrations/sqlite/0032_directory_generation.sql"),
    ),
];

const POSTGRES: &[(&str, &str)] = &[
    (
        "0001_foundation",
        include_str!("../migrations/postgres/0001_foundation.sql"),
    ),
    (
        "0002_labs",
        include_str!("../migrations/postgres/0002_labs.sql"),
    ),
    (
        "0003_structure_editing",
        include_str!("../migrations/postgres/0003_structure_editing.sql"),
    ),
    (
        "0004_library",
        include_str!("../migrations/postgres/0004_library.sql"),
    ),
    (
        "0005_good_practices",
        include_str!("../migrations/postgres/0005_good_practices.sql"),
    ),
    (
        "0006_reading_lists",
        include_str!("../migrations/postgres/0006_reading_lists.sql"),
    ),
    (
        "0007_products",
        include_str!("../migrations/postgres/0007_products.sql"),
    ),
    (
        "0008_performance",
        include_str!("../migrations/postgres/0008_performance.sql"),
    ),
    (
        "0009_read_paths",
        include_str!("../migrations/postgres/0009_read_paths.sql"),
    ),
    (
        "0010_generations",
        include_str!("../migrations/postgres/0010_generations.sql"),
    ),
    (
        "0011_products_generation",
        include_str!("../migrations/postgres/0011_products_generation.sql"),
    ),
    (
        "0012_generations_table",
        include_str!("../migrations/postgres/0012_generations_table.sql"),
    ),
    (
        "0013_certificate_seasons",
        include_str!("../migrations/postgres/0013_certificate_seasons.sql"),
    ),
    (
        "0014_tables",
        include_str!("../migrations/postgres/0014_tables.sql"),
    ),
    (
        "0015_library_changes",
        include_str!("../migrations/postgres/0015_library_changes.sql"),
    ),
    (
        "0016_table_meetings",
        include_str!("../migrations/postgres/0016_table_meetings.sql"),
    ),
    (
        "0017_library_text_changes",
        include_str!("../migrations/postgres/0017_library_text_changes.sql"),
    ),
    (
        "0018_meeting_notices",
        include_str!("../migrations/postgres/0018_meeting_notices.sql"),
    ),
    (
        "0019_community",
        include_str!("../migrations/postgres/0019_community.sql"),
    ),
    (
        "0024_calls",
        include_str!("../migrations/postgres/0024_calls.sql"),
    ),
    (
        "0025_notifications",
        include_str!("../migrations/postgres/0025_notifications.sql"),
    ),
    (
        "0020_table_minutes",
        include_str!("../migrations/postgres/0020_table_minutes.sql"),
    ),
    (
        "0021_table_commitments",
        include_str!("../migrations/postgres/0021_table_commitments.sql"),
    ),
    (
        "0022_network",
        include_str!("../migrations/postgres/0022_network.sql"),
    ),
    (
        "0026_table_links",
        include_str!("../migrations/postgres/0026_table_links.sql"),
    ),
    (
        "0027_directory",
        include_str!("../migrations/postgres/0027_directory.sql"),
    ),
    (
        "0028_news",
        include_str!("../migrations/postgres/0028_news.sql"),
    ),
    (
        "0029_group_labs",
        include_str!("../migrations/postgres/0029_group_labs.sql"),
    ),
    (
        "0030_group_documents",
        include_str!("../migrations/postgres/0030_group_documents.sql"),
    ),
    (
        "0031_community_search",
        include_str!("../migrations/postgres/0031_community_search.sql"),
    ),
    (
        "0032_directory_generation",
        include_str!("../migrations/postgres/0032_directory_generation.sql"),
    ),
];

/// An arbitrary key for the PostgreSQL advisory lock that serialises migrations.
const LOCK_KEY: i64 = 7_270_001;

/// Applies every migration not yet recorded, each in its own transaction. Instances starting at
/// the same time take turns: SQLite serialises writers; on PostgreSQL an advisory lock does.
pub(crate) async fn run(db: &Db) -> Result<()> {
    let list = match db.pool() {
        crate::Pool::Sqlite(_) => SQLITE,
        crate::Pool::Postgres(_) => POSTGRES,
    };
    let postgres = matches!(db.pool(), crate::Pool::Postgres(_));
    run!(db, |pool| {
        let mut conn = pool.acquire().await?;
        if postgres {
            sqlx::query("SELECT pg_advisory_lock($1)")
                .bind(LOCK_KEY)
                .execute(&mut *conn)
                .await?;
        }
        let result = async {
            sqlx::raw_sql(
                "CREATE TABLE IF NOT EXISTS ponte_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
            )
            .execute(&mut *conn)
            .await?;
            for (name, sql) in list {
                // Recording the migration comes first: it takes the write lock at once, and if
                // the migration was applied meanwhile the unique name says so.
                let mut tx = sqlx::Connection::begin(&mut *conn).await?;
                let recorded = sqlx::query("INSERT INTO ponte_migrations (name, applied_at) VALUES ($1, $2)")
                    .bind(*name)
                    .bind(chrono::Utc::now().to_rfc3339())
                    .execute(&mut *tx)
                    .await;
                match recorded {
                    Ok(_) => {}
                    Err(sqlx::Error::Database(e)) if e.is_unique_violation() => continue,
                    Err(e) => return Err(DbError::from(e)),
                }
                sqlx::raw_sql(sql)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| DbError::Migration(name.to_string(), e.to_string()))?;
                tx.commit().await?;
                tracing::info!(migration = name, "applied");
            }
            Ok(())
        }
        .await;
        if postgres {
            sqlx::query("SELECT pg_advisory_unlock($1)")
                .bind(LOCK_KEY)
                .execute(&mut *conn)
                .await?;
        }
        result
    })
}
