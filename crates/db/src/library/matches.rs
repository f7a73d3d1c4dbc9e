//! The rows of the full-text index that match each clause of a query, kept between searches.
//!
//! Matching a clause against the index is most of a text search's time (6–14 ms for a common
//! word over 20,000 documents on SQLite), and any upload used to make every search pay it again.
//! A clause's matches are kept with the number of the library's last change they reflect
//! (`library_changes`, migrations 0015 and 0017: the database's triggers log every change of a
//! document's entry, text or good-practice record, in the transaction that makes it). When the
//! library has changed since, only the documents the log names are matched again, and the kept
//! rows are corrected for them: the result is what matching the whole index would give.

use super::*;
use moka::sync::Cache;
use std::sync::Arc;

/// Past this many changed documents, a clause is matched against the whole index again.
const MAX_RECHECK: usize = 1_000;
/// Documents matched again per query.
const RECHECK_BATCH: usize = 250;

/// How one clause is asked of the index.
#[derive(Debug, Clone, Hash, PartialEq, Eq)]
pub(super) enum Ask {
    /// SQLite: an FTS5 expression; with `relevance`, matched in the title and in the body apart.
    Fts5 { clause: String, relevance: bool },
    /// PostgreSQL: the tsqueries over the whole text, the title (weight A) and the body (B).
    Ts {
        any: String,
        title: String,
        body: String,
        relevance: bool,
    },
}

impl Ask {
    /// The clauses of `query` as `db` asks them.
    pub(super) fn of(db: &Db, query: &domain::library::query::Query, relevance: bool) -> Vec<Ask> {
        match db.pool() {
            crate::Pool::Sqlite(_) => query
                .fts5_clauses()
                .into_iter()
                .map(|clause| Ask::Fts5 { clause, relevance })
                .collect(),
            crate::Pool::Postgres(_) => {
                let titles = query.tsquery_clauses(Some('A'));
                let bodies = query.tsquery_clauses(Some('B'));
                query
                    .tsquery_clauses(None)
                    .into_iter()
                    .enumerate()
                    .map(|(i, any)| Ask::Ts {
                        title: titles[i].clone(),
                        body: bodies[i].clone(),
                        any,
                        relevance,
                    })
                    .collect()
            }
        }
    }

    fn weight(&self) -> usize {
        match self {
            Ask::Fts5 { clause, .. } => clause.len(),
            Ask::Ts {
                any, title, body, ..
            } => any.len() + title.len() + body.len(),
        }
    }
}

/// One clause's matches: the search rows (sorted) whose text matches it, and with relevance those
/// whose title and whose body do, as of the library's change number `seen`.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Matched {
    pub seen: i64,
    pub any: Vec<i64>,
    pub title: Vec<i64>,
    pub body: Vec<i64>,
}

impl Matched {
    fn weight(&self) -> usize {
        (self.any.len() + self.title.len() + self.body.len()) * 8 + 64
    }

    /// These matches with the rows of `changed` matched again (`found`, over those rows only).
    fn corrected(&self, changed: &[i64], found: Matched) -> Matched {
        let mut gone = changed.to_vec();
        gone.sort_unstable();
        let fix = |old: &[i64], new: Vec<i64>| {
            let mut rows: Vec<i64> = old
                .iter()
                .copied()
                .filter(|r| gone.binary_search(r).is_err())
                .chain(new)
                .collect();
            rows.sort_unstable();
            rows.dedup();
            rows
        };
        Matched {
            seen: found.seen,
            any: fix(&self.any, found.any),
            title: fix(&self.title, found.title),
            body: fix(&self.body, found.body),
        }
    }
}

/// The kept matches of one database, bounded in bytes (least used first out).
#[derive(Debug, Clone)]
pub(super) struct Matches {
    kept: Cache<Ask, Arc<Matched>>,
}

impl Matches {
    pub(super) fn new(bytes: u64) -> Matches {
        Matches {
            kept: Cache::builder()
                .max_capacity(bytes)
                .weigher(|k: &Ask, v: &Arc<Matched>| {
                    u32::try_from(k.weight() + v.weight()).unwrap_or(u32::MAX)
                })
                .build(),
        }
    }

    /// The matches of each of `asks` as of change `seen` or later: kept ones as they are, kept
    /// ones older than `seen` corrected for the documents changed since, the others matched
    /// whole. `seen` must be a change number already committed when this is called.
    pub(super) async fn of(&self, db: &Db, asks: &[Ask], seen: i64) -> Result<Vec<Arc<Matched>>> {
        let mut out: Vec<Option<Arc<Matched>>> = Vec::with_capacity(asks.len());
        let mut older: Vec<Option<Arc<Matched>>> = Vec::with_capacity(asks.len());
        for a in asks {
            match self.kept.get(a) {
                Some(m) if m.seen >= seen => {
                    out.push(Some(m));
                    older.push(None);
                }
                other => {
                    out.push(None);
                    older.push(other);
                }
            }
        }
        if out.iter().all(Option::is_some) {
            return Ok(out.into_iter().flatten().collect());
        }
        // The log is read before the index: every change it numbers up to `latest` is committed
        // and shows in what the index answers next.
        let since = older.iter().flatten().map(|m| m.seen).min();
        let changes: Vec<(Uuid, i64)> = match since {
            Some(since) => run!(db, |pool| {
                sqlx::query_as("SELECT document_id, seq FROM library_changes WHERE seq > $1")
                    .bind(since)
                    .fetch_all(pool)
                    .await?
            }),
            None => Vec::new(),
        };
        let latest = changes
            .iter()
            .map(|(_, s)| *s)
            .max()
            .unwrap_or(seen)
            .max(seen);
        let mut done = Vec::with_capacity(asks.len());
        for ((a, kept), old) in asks.iter().zip(out).zip(older) {
            if let Some(m) = kept {
                done.push(m);
                continue;
            }
            let fresh = match old {
                Some(old) => {
                    let changed: Vec<i64> = changes
                        .iter()
                        .filter(|(_, s)| *s > old.seen)
                        .map(|(id, _)| super::search::search_id(*id))
                        .collect();
                    if changed.len() > MAX_RECHECK {
                        matched(db, a, None, latest).await?
                    } else {
                        let mut found = Matched {
                            seen: latest,
                            ..Matched::default()
                        };
                        for chunk in changed.chunks(RECHECK_BATCH) {
                            let part = matched(db, a, Some(chunk), latest).await?;
                            found.any.extend(part.any);
                            found.title.extend(part.title);
                            found.body.extend(part.body);
                        }
                        old.corrected(&changed, found)
                    }
                }
                None => matched(db, a, None, latest).await?,
            };
            // Weighed by length: no spare capacity is held beyond it.
            let mut fresh = fresh;
            for rows in [&mut fresh.any, &mut fresh.title, &mut fresh.body] {
                rows.shrink_to_fit();
            }
            let fresh = Arc::new(fresh);
            self.kept.insert(a.clone(), fresh.clone());
            done.push(fresh);
        }
        Ok(done)
    }

    pub(super) fn forget(&self) {
        self.kept.invalidate_all();
    }

    /// Clauses kept (for tests and measurements).
    pub(super) fn len(&self) -> u64 {
        self.kept.run_pending_tasks();
        self.kept.entry_count()
    }
}

/// The rows matching `ask` in the whole index, or among the rows `only`, stamped `seen`.
async fn matched(db: &Db, ask: &Ask, only: Option<&[i64]>, seen: i64) -> Result<Matched> {
    let mut m = match (db.pool(), ask) {
        (crate::Pool::Sqlite(pool), Ask::Fts5 { clause, relevance }) => {
            let restrict = match only {
                Some(rows) => format!(" AND rowid IN ({})", crate::placeholders(2, rows.len())),
                None => String::new(),
            };
            let sql = format!(
                "SELECT group_concat(rowid) FROM library_search WHERE library_search MATCH $1{restrict}"
            );
            // A row matches a clause (alternatives of words, phrases or a prefix) when one of its
            // columns does: the rows matching it are those whose title or body matches it.
            let rows = |expression: String| {
                let sql = &sql;
                async move {
                    let mut q = sqlx::query_scalar::<_, Option<String>>(sql).bind(expression);
                    for r in only.unwrap_or(&[]) {
                        q = q.bind(*r);
                    }
                    let list = q.fetch_one(pool).await?;
                    Ok::<_, DbError>(numbers(list.as_deref().unwrap_or("")))
                }
            };
            if *relevance {
                let title = rows(format!("{{title}} : {clause}")).await?;
                let body = rows(format!("{{body}} : {clause}")).await?;
                let any = [title.as_slice(), body.as_slice()].concat();
                Matched {
                    seen,
                    any,
                    title,
                    body,
                }
            } else {
                Matched {
                    seen,
                    any: rows(clause.clone()).await?,
                    ..Matched::default()
                }
            }
        }
        (
            crate::Pool::Postgres(pool),
            Ask::Ts {
                any,
                title,
                body,
                relevance,
            },
        ) => {
            // A phrase may run from the title into the body in one tsvector: the rows matching a
            // clause are read on their own, with those matching it in the title and in the body
            // in the same pass (each row's tsvector read once).
            let (title, body) = if *relevance {
                (title, body)
            } else {
                // Not asked for ($4): any valid query will do.
                (any, any)
            };
            let restrict = if only.is_some() {
                " AND rowid = ANY($5)"
            } else {
                ""
            };
            let sql = format!(
                "SELECT COALESCE(array_agg(rowid), '{{}}'), \
                 COALESCE(array_agg(rowid) FILTER (WHERE $4 AND search @@ to_tsquery('simple', $2)), '{{}}'), \
                 COALESCE(array_agg(rowid) FILTER (WHERE $4 AND search @@ to_tsquery('simple', $3)), '{{}}') \
                 FROM library_search WHERE search @@ to_tsquery('simple', $1){restrict}"
            );
            let mut q = sqlx::query_as::<_, (Vec<i64>, Vec<i64>, Vec<i64>)>(&sql)
                .bind(any)
                .bind(title)
                .bind(body)
                .bind(*relevance);
            if let Some(rows) = only {
                q = q.bind(rows.to_vec());
            }
            let (any, title, body) = q.fetch_one(pool).await?;
            Matched {
                seen,
                any,
                title,
                body,
            }
        }
        // The asks of one database are made for it (`Ask::of`).
        _ => return Err(DbError::Unsupported("a clause asked of the other database")),
    };
    for rows in [&mut m.any, &mut m.title, &mut m.body] {
        rows.sort_unstable();
        rows.dedup();
    }
    Ok(m)
}

/// The numbers of a comma-separated list.
fn numbers(list: &str) -> Vec<i64> {
    list.split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrected_rows_drop_the_changed_and_add_what_matches_now() {
        let old = Matched {
            seen: 3,
            any: vec![1, 2, 5, 9],
            title: vec![2, 9],
            body: vec![1, 5],
        };
        // 2 and 5 changed: 2 no longer matches, 5 now matches in its title, 7 is new.
        let found = Matched {
            seen: 6,
            any: vec![5, 7],
            title: vec![5],
            body: vec![7],
        };
        assert_eq!(
            old.corrected(&[7, 5, 2], found),
            Matched {
                seen: 6,
                any: vec![1, 5, 7, 9],
                title: vec![5, 9],
                body: vec![1, 7],
            }
        );
    }
}
