//! The library's catalogue in memory (`domain::library::catalogue`), kept in step with the
//! database: loaded whole once, then brought up to date before each search from `library_changes`,
//! the log that the database's triggers write on every change of a document's catalogue entry
//! (migration 0015). A search reads one narrow indexed query when nothing changed and the entries
//! of the changed documents otherwise, instead of every document's facets.

use super::*;
use domain::library::catalogue::{self, Entry};
use domain::library::Visibility;
use std::sync::RwLock;

/// The row of `generations` numbering the library's changes (raised by the triggers).
const CHANGES: &str = "library-changes";
/// Documents read per query when catching up.
const BATCH: usize = 500;

/// Bytes of clause matches kept by default (see [`Catalogue::with_matches`]).
pub const DEFAULT_MATCHES_BYTES: u64 = 8 * 1024 * 1024;

/// The catalogue of one database, shared by the requests of one server, with the full-text
/// matches of recent queries' clauses (`matches`), kept in step with the same log.
#[derive(Debug)]
pub struct Catalogue {
    held: RwLock<Held>,
    /// One catch-up at a time; the others wait for it and find the catalogue current.
    syncing: tokio::sync::Mutex<()>,
    pub(super) matches: super::matches::Matches,
}

impl Default for Catalogue {
    fn default() -> Catalogue {
        Catalogue::with_matches(DEFAULT_MATCHES_BYTES)
    }
}

#[derive(Debug, Default)]
struct Held {
    catalogue: catalogue::Catalogue,
    /// The number of the last change applied; `None` before the first load.
    seen: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    search_id: Option<i64>,
    visibility: String,
    organisation_id: Option<Uuid>,
    cohort_id: Option<Uuid>,
    table_id: Option<Uuid>,
    network_group_id: Option<Uuid>,
    year: Option<i32>,
    created_at: DateTime<Utc>,
    facets: String,
}

const ENTRY_COLUMNS: &str =
    "id, search_id, visibility, organisation_id, cohort_id, table_id, network_group_id, year, created_at, facets";

impl Row {
    fn entry(self) -> Result<Entry> {
        let visibility =
            Visibility::parse(&self.visibility).ok_or_else(|| DbError::Unreadable {
                record: format!("library_documents/{}/visibility", self.id),
                value: self.visibility.clone(),
            })?;
        Ok(Entry {
            id: self.id,
            search_id: self.search_id,
            visibility,
            organisation: self.organisation_id,
            group: self.cohort_id,
            table: self.table_id,
            network_group: self.network_group_id,
            year: self.year,
            created_at: self.created_at,
            facets: self.facets,
        })
    }
}

impl Catalogue {
    pub fn new() -> Catalogue {
        Catalogue::default()
    }

    /// A catalogue keeping at most `bytes` of clause matches.
    pub fn with_matches(bytes: u64) -> Catalogue {
        Catalogue {
            held: RwLock::default(),
            syncing: tokio::sync::Mutex::default(),
            matches: super::matches::Matches::new(bytes),
        }
    }

    /// The number of the last change applied (0 before the first load).
    pub fn seen(&self) -> i64 {
        self.held
            .read()
            .map(|h| h.seen)
            .unwrap_or(None)
            .unwrap_or(0)
    }

    /// Clauses whose matches are kept.
    pub fn matches_kept(&self) -> u64 {
        self.matches.len()
    }

    /// Forgets the kept matches (for measurements: the next searches match the whole index).
    pub fn forget_matches(&self) {
        self.matches.forget();
    }

    /// Brings the catalogue up to date with what is committed now.
    pub async fn sync(&self, db: &Db) -> Result<()> {
        let _one = self.syncing.lock().await;
        let seen = self.held.read().map(|h| h.seen).unwrap_or(None);
        let Some(seen) = seen else {
            return self.load(db).await;
        };
        let changed: Vec<(Uuid, i64)> = run!(db, |pool| {
            sqlx::query_as("SELECT document_id, seq FROM library_changes WHERE seq > $1")
                .bind(seen)
                .fetch_all(pool)
                .await?
        });
        if changed.is_empty() {
            return Ok(());
        }
        let last = changed.iter().map(|(_, s)| *s).max().unwrap_or(seen);
        let ids: Vec<Uuid> = changed.into_iter().map(|(id, _)| id).collect();
        let mut entries = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(BATCH) {
            entries.extend(entries_of(db, Some(chunk)).await?);
        }
        let mut held = self.held.write().unwrap_or_else(|e| e.into_inner());
        // A document changed and then removed is not among the entries: forgotten.
        for id in &ids {
            held.catalogue.remove(*id);
        }
        for e in &entries {
            held.catalogue.put(e);
        }
        held.seen = Some(last);
        Ok(())
    }

    /// Reads every document. The change number is read first: a change committed during the
    /// load is applied again by the next catch-up, which reads the document as it is then.
    async fn load(&self, db: &Db) -> Result<()> {
        let seen: i64 = run!(db, |pool| {
            sqlx::query_scalar::<_, i64>("SELECT value FROM generations WHERE part = $1")
                .bind(CHANGES)
                .fetch_optional(pool)
                .await?
                .unwrap_or(0)
        });
        let catalogue = catalogue::Catalogue::of(&entries_of(db, None).await?);
        let mut held = self.held.write().unwrap_or_else(|e| e.into_inner());
        *held = Held {
            catalogue,
            seen: Some(seen),
        };
        Ok(())
    }

    /// Runs `f` on the catalogue as it is.
    pub fn read<T>(&self, f: impl FnOnce(&catalogue::Catalogue) -> T) -> T {
        let held = self.held.read().unwrap_or_else(|e| e.into_inner());
        f(&held.catalogue)
    }

    /// Documents held.
    pub fn len(&self) -> usize {
        self.read(|c| c.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The catalogue entries of these documents (those that still exist), or of every document.
async fn entries_of(db: &Db, ids: Option<&[Uuid]>) -> Result<Vec<Entry>> {
    let sql = match ids {
        Some(ids) => format!(
            "SELECT {ENTRY_COLUMNS} FROM library_documents WHERE id IN ({})",
            crate::placeholders(1, ids.len())
        ),
        None => format!("SELECT {ENTRY_COLUMNS} FROM library_documents"),
    };
    let rows: Vec<Row> = run!(db, |pool| {
        let mut q = sqlx::query_as::<_, Row>(&sql);
        for id in ids.unwrap_or(&[]) {
            q = q.bind(*id);
        }
        q.fetch_all(pool).await?
    });
    rows.into_iter().map(Row::entry).collect()
}
