//! Database access for Ponte: one `Db` handle over SQLite or PostgreSQL, picked from the URL at
//! start, with embedded migrations and one repository module per feature. Queries are written
//! once in portable SQL and run on either pool through the `run!` macro.

pub mod accounts;
pub mod audit;
pub mod calls;
mod clock;
pub mod community;
pub mod directory;
pub mod jobs;
pub mod labs;
pub mod library;
pub mod maintenance;
mod migrate;
pub mod network;
pub mod news;
pub mod notifications;
pub mod organisations;
pub mod products;
pub mod programme;
pub mod tables;
#[cfg(feature = "test-support")]
pub mod testing;
pub mod write;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

pub use clock::Clock;
pub use write::{generations, Audit, Part};

/// A handle on the database, SQLite or PostgreSQL, with the application's clock. Cheap to clone;
/// clones share the pool and the clock.
#[derive(Clone, Debug)]
pub struct Db {
    pool: Pool,
    clock: Clock,
}

/// The connection pool of either backend.
#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Errors of the database layer.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Sql(sqlx::Error),
    #[error("the record was changed by someone else")]
    Conflict,
    #[error("not found")]
    NotFound,
    #[error("already exists")]
    Duplicate,
    /// The record is still needed by another (the message key says by what); nothing changed.
    #[error("still in use: {0}")]
    InUse(&'static str),
    #[error("unsupported database URL: {0}")]
    Url(String),
    #[error("{0}")]
    Unsupported(&'static str),
    /// A stored value the code cannot read (a state or kind it does not know): names the record.
    #[error("unreadable value {value:?} in {record}")]
    Unreadable { record: String, value: String },
    #[error("migration {0} failed: {1}")]
    Migration(String, String),
}

impl From<sqlx::Error> for DbError {
    /// A column holding a code this version does not know becomes `Unreadable`.
    fn from(e: sqlx::Error) -> DbError {
        if let sqlx::Error::ColumnDecode { index, source } = &e {
            if let Some(u) = source.downcast_ref::<domain::codes::UnknownCode>() {
                return DbError::Unreadable {
                    record: index.clone(),
                    value: u.code.clone(),
                };
            }
        }
        DbError::Sql(e)
    }
}

impl DbError {
    /// Names the record an unreadable value was read from.
    pub fn of_record(self, record: impl std::fmt::Display) -> DbError {
        match self {
            DbError::Unreadable { record: r, value } => DbError::Unreadable {
                record: format!("{record}, {r}"),
                value,
            },
            other => other,
        }
    }

    /// Maps unique-constraint violations to `Duplicate`.
    pub(crate) fn from_write(e: sqlx::Error) -> DbError {
        if let sqlx::Error::Database(d) = &e {
            if d.is_unique_violation() {
                return DbError::Duplicate;
            }
        }
        DbError::Sql(e)
    }
}

pub type Result<T> = std::result::Result<T, DbError>;

/// Runs the same code on whichever pool the handle holds. The body is compiled once per
/// backend, so the same query text and row mapping serve both.
#[macro_export]
macro_rules! run {
    ($db:expr, |$pool:ident| $body:expr) => {
        match ($db).pool() {
            $crate::Pool::Sqlite($pool) => $body,
            $crate::Pool::Postgres($pool) => $body,
        }
    };
}

impl Db {
    /// A handle on `pool` with the system clock.
    pub fn new(pool: Pool) -> Db {
        Db {
            pool,
            clock: Clock::system(),
        }
    }

    /// The connection pool.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// The current time by the application's clock: what every rule about time (expiries,
    /// past and coming sessions, due dates, time stamps of records) reads instead of the system
    /// clock.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// The application's clock, shared by this handle's clones.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// This handle reading `clock`: a second handle on the same database (opened by `connect`)
    /// that must share the time of the first.
    #[cfg(feature = "test-support")]
    pub fn with_clock(self, clock: Clock) -> Db {
        Db { clock, ..self }
    }

    /// Connects to `url` (`sqlite://path` or `postgres://...`) and runs pending migrations.
    pub async fn connect(url: &str) -> Result<Db> {
        let db = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Db::new(Pool::Postgres(pool))
        } else if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // Chosen on purpose (README, "Durability on SQLite"): in WAL mode NORMAL keeps
                // every commit across a crash of the process without an fsync per commit; after
                // a power loss the commits made since the log was last synced (at a checkpoint)
                // may be lost, the database staying intact. FULL would sync on every commit.
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                // A connection's thread hands rows over through a bounded channel; at sqlx's
                // default of 50 it stops and waits for the page's task every 50 rows (each a
                // wake-up of both threads), which cost reports and lists of a few hundred rows
                // most of their time. Rows are collected whole anyway.
                .row_buffer_size(4096);
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                // A SQLite connection cannot drop like a network one: pinging it on every
                // acquire would double the hand-offs to its worker thread for each query.
                .test_before_acquire(false)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Db::new(Pool::Sqlite(pool))
        } else {
            return Err(DbError::Url(redact(url)));
        };
        migrate::run(&db).await?;
        library::refresh_index(&db).await?;
        community::refresh_index(&db).await?;
        Ok(db)
    }

    /// The backend's name, for logs and the health endpoint.
    pub fn backend(&self) -> &'static str {
        match self.pool {
            Pool::Sqlite(_) => "sqlite",
            Pool::Postgres(_) => "postgres",
        }
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<()> {
        run!(self, |pool| {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    /// Closes every connection, waiting for queries in flight.
    pub async fn close(&self) {
        run!(self, |pool| pool.close().await)
    }
}

/// A URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***{}", &url[..scheme], &url[at..])
        }
        _ => url.to_string(),
    }
}

/// `$first, $first+1, …` for `count` values, to write `IN (…)` lists.
pub(crate) fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The error for a stored code this version does not know (`what` it should name), read from
/// `record` (table, id and column): it becomes `DbError::Unreadable`, never a default.
pub(crate) fn unknown_code(what: &'static str, record: String, code: &str) -> sqlx::Error {
    sqlx::Error::ColumnDecode {
        index: record,
        source: Box::new(domain::codes::UnknownCode {
            what,
            code: code.to_string(),
        }),
    }
}

/// A new time-ordered id.
pub fn new_id() -> uuid::Uuid {
    uuid::Uuid::now_v7()
}

/// A random token for links and sessions, and the hash that is stored in its place.
pub fn new_token() -> (String, String) {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let hash = token_hash(&token);
    (token, hash)
}

/// The stored form of a token: its SHA-256, so that a leaked table opens no account.
pub fn token_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_placeholders() {
        assert_eq!(placeholders(4, 3), "$4, $5, $6");
        assert_eq!(placeholders(1, 1), "$1");
    }

    #[test]
    fn redacts_passwords() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://***@h/db");
        assert_eq!(redact("sqlite://data/ponte.db"), "sqlite://data/ponte.db");
    }

    /// Clones share the clock; a handle opened apart has its own until it is given another's.
    #[cfg(feature = "test-support")]
    #[tokio::test]
    async fn handles_share_a_clock_when_told() {
        use chrono::Duration;
        let backend = testing::sqlite().await;
        let clone = backend.db.clone();
        let apart = Db::connect(&backend.url).await.unwrap();
        backend.db.clock().advance(Duration::days(2));
        assert!(clone.now() - chrono::Utc::now() > Duration::days(2) - Duration::minutes(1));
        assert!(apart.now() <= chrono::Utc::now());
        let apart = apart.with_clock(clone.clock().clone());
        apart.clock().advance(Duration::days(1));
        let ahead = backend.db.now() - chrono::Utc::now();
        assert!(ahead > Duration::days(3) - Duration::minutes(1) && ahead <= Duration::days(3));
        apart.close().await;
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, ha) = new_token();
        let (b, _) = new_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a), ha);
        assert_ne!(a, ha);
    }
}
