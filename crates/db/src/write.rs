//! The one way to change data: `change!` opens the transaction, runs the change, records its audit
//! entry, raises the generations of the parts of the data it names, and commits; a change that
//! fails rolls all of it back. Nothing else in `db` begins a transaction (a test reads the sources
//! to hold that), so a kept value that depends on a part (see `Part`) cannot miss a change to it.

use crate::audit::Change;
use crate::{placeholders, run, Db, DbError, Result};
use std::future::Future;

/// The parts of the data that values kept between requests depend on. Each has a generation in the
/// `generations` table, raised in the transaction of every change that names it; a kept value is
/// served only while the generations of the parts it names are those it was computed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// Strands, dimensions, modules, phases, cohorts and their members.
    Programme,
    /// The library's documents: metadata, files, extracted text, visibility, reading lists.
    Library,
    /// The names the library sorts documents by: macro-areas and the DAC sector list.
    Themes,
    /// Lab sessions, registrations, attendance and feedback.
    Labs,
    /// Names of people and organisations, and who belongs to which organisation.
    People,
    /// Products, their versions, comments, review states and models.
    Products,
    /// Territorial tables, their members, representatives, secretariat and memorandum.
    Tables,
    /// The community's discussions: threads, messages, their revisions and reports.
    Community,
    /// The interregional network: relations, experience, groups and joint initiatives.
    Network,
    /// The directory's choices: who is listed and how far each field is seen.
    Directory,
}

impl Part {
    /// Every part, in the order of the enum.
    pub const ALL: [Part; 10] = [
        Part::Programme,
        Part::Library,
        Part::Themes,
        Part::Labs,
        Part::People,
        Part::Products,
        Part::Tables,
        Part::Community,
        Part::Network,
        Part::Directory,
    ];

    /// The part's key in the `generations` table.
    pub const fn code(self) -> &'static str {
        match self {
            Part::Programme => "programme",
            Part::Library => "library",
            Part::Themes => "themes",
            Part::Labs => "labs",
            Part::People => "people",
            Part::Products => "products",
            Part::Tables => "tables",
            Part::Community => "community",
            Part::Network => "network",
            Part::Directory => "directory",
        }
    }
}

/// What a change writes to the audit log: its entries, or why it has none (a sign-in session, a
/// throttling record, a job's progress: bookkeeping that is not a change anyone made to the data).
#[derive(Debug, Clone)]
pub enum Audit {
    Entries(Vec<Change>),
    Unaudited(&'static str),
    /// The change found nothing to do (a seat already taken, a record changed meanwhile): what
    /// it wrote is rolled back and no generation is raised.
    Nothing,
}

impl Audit {
    /// A change that is bookkeeping, with the reason it is not audited.
    pub fn none(why: &'static str) -> Audit {
        Audit::Unaudited(why)
    }

    /// The entries to record.
    pub fn entries(&self) -> &[Change] {
        match self {
            Audit::Entries(e) => e,
            Audit::Unaudited(_) | Audit::Nothing => &[],
        }
    }

    /// Whether the change found nothing to do.
    pub fn is_nothing(&self) -> bool {
        matches!(self, Audit::Nothing)
    }

    /// `change` when the change did something, `Nothing` otherwise.
    pub fn when(done: bool, change: &Change) -> Audit {
        if done {
            change.into()
        } else {
            Audit::Nothing
        }
    }
}

impl From<Change> for Audit {
    fn from(c: Change) -> Audit {
        Audit::Entries(vec![c])
    }
}

impl From<&Change> for Audit {
    fn from(c: &Change) -> Audit {
        Audit::Entries(vec![c.clone()])
    }
}

impl From<Vec<Change>> for Audit {
    fn from(c: Vec<Change>) -> Audit {
        Audit::Entries(c)
    }
}

/// The statement that raises one part's generation.
pub const RAISE: &str = "UPDATE generations SET value = value + 1 WHERE part = $1";

/// Awaits a change's body; its only purpose is to give the body's `async` block the result type
/// that `?` converts into.
#[doc(hidden)]
pub async fn body<T, F: Future<Output = Result<T>>>(f: F) -> Result<T> {
    f.await
}

/// Changes data: `change!(db, [Part::Labs], |tx| { …; Ok(value) }, |value| change)`.
///
/// The body runs inside the transaction on `tx` (a connection of either backend: write queries
/// as `.execute(&mut *tx)`) and returns `Result<T>`; `return Err(…)` and `?` leave it, and then
/// nothing is kept. Once it succeeded, the audit closure is given `&T` and returns the entries to
/// record (`Change`, `Vec<Change>` or `Audit::none(why)`), the named parts' generations are raised
/// and the transaction commits. On SQLite the transaction takes the write lock when it begins, so
/// that a body which reads before it writes is never refused halfway; on PostgreSQL the
/// generations are raised last, so their rows are locked only for the time of the commit.
#[macro_export]
macro_rules! change {
    ($db:expr, [$($part:expr),* $(,)?], |$tx:ident| $body:block, $audit:expr) => {{
        let db: &$crate::Db = &$db;
        $crate::run!(db, |pool| {
            async {
                let mut transaction = $crate::write::begin(pool).await?;
                let outcome = {
                    let $tx = &mut *transaction;
                    $crate::write::body(async { $body }).await
                };
                let value = match outcome {
                    Ok(value) => value,
                    Err(e) => {
                        // Dropping it would roll back too; saying so frees the connection at once.
                        let _ = transaction.rollback().await;
                        return Err(e);
                    }
                };
                let audit: $crate::write::Audit = ($audit)(&value).into();
                if audit.is_nothing() {
                    transaction.rollback().await?;
                    return Ok(value);
                }
                let at = db.now();
                for change in audit.entries() {
                    $crate::record_in!(&mut *transaction, change, at)?;
                }
                for part in [$($part),*] {
                    let part: $crate::Part = part;
                    sqlx::query($crate::write::RAISE)
                        .bind(part.code())
                        .execute(&mut *transaction)
                        .await?;
                }
                transaction.commit().await?;
                Ok::<_, $crate::DbError>(value)
            }
            .await
        })
    }};
}

/// Begins a transaction: the only place in `db` where one begins.
#[doc(hidden)]
pub trait Begin {
    type Database: sqlx::Database;
    fn begin_write(
        &self,
    ) -> impl Future<Output = Result<sqlx::Transaction<'static, Self::Database>>> + Send;
}

impl Begin for sqlx::SqlitePool {
    type Database = sqlx::Sqlite;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.begin_with("BEGIN IMMEDIATE").await?)
    }
}

impl Begin for sqlx::PgPool {
    type Database = sqlx::Postgres;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>> {
        Ok(self.begin().await?)
    }
}

/// Begins the transaction of a change (see `change!`).
#[doc(hidden)]
pub async fn begin<P: Begin>(pool: &P) -> Result<sqlx::Transaction<'static, P::Database>> {
    pool.begin_write().await
}

/// The generations of `parts`, in their order, read in one query.
pub async fn generations(db: &Db, parts: &[Part]) -> Result<Vec<i64>> {
    if parts.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT part, value FROM generations WHERE part IN ({})",
        placeholders(1, parts.len())
    );
    let rows: Vec<(String, i64)> = run!(db, |pool| {
        let mut q = sqlx::query_as(&sql);
        for p in parts {
            q = q.bind(p.code());
        }
        q.fetch_all(pool).await?
    });
    parts
        .iter()
        .map(|p| {
            rows.iter()
                .find(|(code, _)| code == p.code())
                .map(|(_, v)| *v)
                .ok_or(DbError::Unreadable {
                    record: format!("generations/{}", p.code()),
                    value: "missing".into(),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_have_distinct_codes() {
        let mut codes: Vec<_> = Part::ALL.iter().map(|p| p.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Part::ALL.len());
    }

    /// Every transaction begins in `change!`: the sources of `db` (outside this file, the
    /// migrations' runner, which changes the schema and not the data, and the test helpers) never
    /// begin one, so no change can skip the audit entry or the generations of its parts.
    #[test]
    fn no_transaction_begins_outside_the_write_path() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut offenders = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("db sources") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let rel = path
                    .strip_prefix(&root)
                    .expect("relative")
                    .to_string_lossy()
                    .to_string();
                if ["write.rs", "migrate.rs", "testing.rs"].contains(&rel.as_str()) {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("source");
                for (n, line) in text.lines().enumerate() {
                    let code = line.split("//").next().unwrap_or("");
                    let upper = code.to_ascii_uppercase();
                    if code.contains(".begin(")
                        || code.contains("begin_with(")
                        || code.contains("Connection::begin")
                        || upper.contains("\"BEGIN")
                        || upper.contains("START TRANSACTION")
                    {
                        offenders.push(format!("{rel}:{}", n + 1));
                    }
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "transactions begun outside change!: {offenders:?}"
        );
    }
}
