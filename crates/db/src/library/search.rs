//! The search index of stemmed text (FTS5 on SQLite, tsvector on PostgreSQL, side by side below)
//! and faceted search over the documents a scope may see.

use super::*;
use domain::library::query::Query;
use domain::library::text::index_text;

/// The most indexed text per document (stemmed terms), the same on both databases.
const MAX_INDEX: usize = 200 * 1024;
/// How much of a document's text is read for a result's snippet.
pub(super) const SNIPPET_SOURCE: i64 = 6_000;

/// A document's row in the search index.
pub(crate) fn search_id(id: Uuid) -> i64 {
    (id.as_u128() & 0x7FFF_FFFF_FFFF_FFFF) as i64
}

/// `s` cut to the most text indexed per document.
fn cap(s: String) -> String {
    if s.len() <= MAX_INDEX {
        return s;
    }
    let mut end = MAX_INDEX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    // Cut at a word boundary so that no half term is indexed.
    let end = s[..end].rfind(' ').unwrap_or(end);
    s[..end].to_string()
}

/// The indexed (stemmed) title and body of a document.
pub(super) fn indexed(
    title: &str,
    summary: &str,
    practice: Option<&Practice>,
    body: &str,
    language: &str,
) -> (String, String) {
    let mut text = String::with_capacity(summary.len() + body.len() + 1);
    text.push_str(summary);
    text.push('\n');
    if let Some(p) = practice {
        text.push_str(&p.text());
        text.push('\n');
    }
    text.push_str(body);
    (
        index_text(title, language),
        cap(index_text(&text, language)),
    )
}

/// The row of `generations` that holds the version of the terms the stored index was written
/// with (`domain::library::text::INDEX_VERSION`).
const INDEX_MARK: &str = "library-index";
/// Documents re-indexed per transaction when the index is rebuilt.
const REINDEX_BATCH: usize = 200;

/// Rebuilds the search index when it was written by another version of the indexing rules
/// (normalisation, folding, stemming); called once the migrations ran. Returns how many
/// documents were re-indexed.
pub async fn refresh_index(db: &Db) -> Result<usize> {
    use domain::library::text::INDEX_VERSION;
    let stored: Option<i64> = run!(db, |pool| {
        sqlx::query_scalar("SELECT value FROM generations WHERE part = $1")
            .bind(INDEX_MARK)
            .fetch_optional(pool)
            .await?
    });
    if stored == Some(INDEX_VERSION) {
        return Ok(0);
    }
    let ids: Vec<Uuid> = run!(db, |pool| {
        sqlx::query_scalar("SELECT id FROM library_documents ORDER BY id")
            .fetch_all(pool)
            .await?
    });
    let batches: Vec<&[Uuid]> = ids.chunks(REINDEX_BATCH).collect();
    let last = batches.len().saturating_sub(1);
    for i in 0..batches.len().max(1) {
        let batch = batches.get(i).copied().unwrap_or(&[]);
        let mut rows = Vec::with_capacity(batch.len());
        for id in batch {
            let Some(doc) = document(db, *id).await? else {
                continue;
            };
            let text = body(db, *id).await?;
            let practice = practice(db, *id).await?;
            let (title, body) = indexed(
                &doc.title,
                &doc.summary,
                practice.as_ref(),
                &text,
                &doc.language,
            );
            rows.push((search_id(*id), title, body));
        }
        let mark = i == last;
        crate::change!(
            db,
            [Part::Library],
            |tx| {
                for (rowid, title, body) in &rows {
                    // Naming the search row logs the document as changed (the trigger of
                    // migration 0015), so that kept matches of clauses are checked again. The
                    // document is locked before its search row, as every change of it does.
                    sqlx::query(
                        "UPDATE library_documents SET search_id = search_id WHERE search_id = $1",
                    )
                    .bind(*rowid)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query("UPDATE library_search SET title = $1, body = $2 WHERE rowid = $3")
                        .bind(title)
                        .bind(body)
                        .bind(*rowid)
                        .execute(&mut *tx)
                        .await?;
                }
                if mark {
                    sqlx::query(
                        "INSERT INTO generations (part, value) VALUES ($1, $2) ON CONFLICT (part) DO UPDATE SET value = excluded.value",
                    )
                    .bind(INDEX_MARK)
                    .bind(INDEX_VERSION)
                    .execute(&mut *tx)
                    .await?;
                }
                Ok(())
            },
            |_| crate::Audit::none("the search index is derived from the documents")
        )?;
    }
    Ok(ids.len())
}

/// The working groups (cohorts) of these organisations.
pub async fn groups_of(db: &Db, organisations: &[Uuid]) -> Result<Vec<Uuid>> {
    if organisations.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT DISTINCT cohort_id FROM cohort_members WHERE organisation_id IN ({})",
        crate::placeholders(1, organisations.len())
    );
    run!(db, |pool| {
        let mut q = sqlx::query_scalar::<_, Uuid>(&sql);
        for o in organisations {
            q = q.bind(*o);
        }
        Ok(q.fetch_all(pool).await?)
    })
}

/// What a person reaches beyond their organisations, for the library's scope: the working
/// groups of their organisations, the territorial tables whose documents they see and those they
/// manage, and the interregional groups they work in (each list sorted, without repeats).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    pub groups: Vec<Uuid>,
    pub tables: Vec<Uuid>,
    pub managed_tables: Vec<Uuid>,
    /// The interregional groups the person works in: one of the groups' administrations holds
    /// them as coordinator or member (`domain::network::groups::works_in`).
    pub network_groups: Vec<Uuid>,
}

/// The groups of `organisations` and the tables `user` sees and manages, read in one query. A
/// table is seen and managed by its secretariat (while a member or coordinator of the lead
/// administration) and the lead's coordinator, seen by the representatives with an account of
/// members that have not left (while they hold a role in the organisation represented): the
/// rules of `domain::tables::access`, as `db::tables::involved` reads them.
pub async fn reach(db: &Db, user: Uuid, organisations: &[Uuid]) -> Result<Reach> {
    let groups = if organisations.is_empty() {
        String::new()
    } else {
        format!(
            "SELECT 'g' AS kind, cohort_id AS id FROM cohort_members WHERE organisation_id IN ({}) UNION ALL ",
            crate::placeholders(5, organisations.len())
        )
    };
    let sql = format!(
        "{groups}SELECT 'm' AS kind, s.table_id AS id FROM table_secretariat s
           JOIN territorial_tables t ON t.id = s.table_id
           WHERE s.user_id = $1 AND EXISTS (SELECT 1 FROM grants g WHERE g.user_id = s.user_id
             AND g.space_kind = 'organisation' AND g.space_id = t.lead_id AND g.role IN ($2, $3))
         UNION ALL
         SELECT 'm' AS kind, t.id AS id FROM territorial_tables t
           JOIN grants g ON g.space_id = t.lead_id AND g.space_kind = 'organisation'
           WHERE g.user_id = $1 AND g.role = $3
         UNION ALL
         SELECT 't' AS kind, r.table_id AS id FROM table_representatives r
           JOIN table_members m ON m.table_id = r.table_id
             AND m.organisation_id = r.organisation_id AND m.left_on IS NULL
           WHERE r.user_id = $1 AND EXISTS (SELECT 1 FROM grants g WHERE g.user_id = r.user_id
             AND g.space_kind = 'organisation' AND g.space_id = r.organisation_id
             AND g.role IN ($2, $3, $4))
         UNION ALL
         SELECT 'n' AS kind, n.group_id AS id FROM network_group_members n
           JOIN grants g ON g.space_kind = 'organisation' AND g.space_id = n.organisation_id
           WHERE g.user_id = $1 AND g.role IN ($2, $3)"
    );
    use domain::roles::Role;
    let rows: Vec<(String, Uuid)> = run!(db, |pool| {
        let mut q = sqlx::query_as::<_, (String, Uuid)>(&sql)
            .bind(user)
            .bind(Role::Member.code())
            .bind(Role::Coordinator.code())
            .bind(Role::Actor.code());
        for o in organisations {
            q = q.bind(*o);
        }
        q.fetch_all(pool).await?
    });
    let mut reach = Reach::default();
    for (kind, id) in rows {
        match kind.as_str() {
            "g" => reach.groups.push(id),
            "m" => {
                reach.managed_tables.push(id);
                reach.tables.push(id);
            }
            "n" => reach.network_groups.push(id),
            _ => reach.tables.push(id),
        }
    }
    for list in [
        &mut reach.groups,
        &mut reach.tables,
        &mut reach.managed_tables,
        &mut reach.network_groups,
    ] {
        list.sort();
        list.dedup();
    }
    Ok(reach)
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Date,
}

/// A search: the query, one optional value per facet, order and page.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: Query,
    pub kind: Option<String>,
    pub theme: Option<String>,
    pub place: Option<String>,
    pub year: Option<i32>,
    pub language: Option<String>,
    pub sort: Sort,
    /// From 1.
    pub page: i64,
    pub per_page: i64,
}

/// One result.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Hit {
    pub id: Uuid,
    pub title: String,
    pub summary: String,
    pub kind: String,
    pub language: String,
    pub year: Option<i32>,
    pub source: Option<String>,
    pub file_name: Option<String>,
    pub url: Option<String>,
    pub created_at: DateTime<Utc>,
    /// The start of the document's text, for the snippet.
    pub text: String,
    /// How many clauses of the query it matches.
    pub matched: i64,
}

/// Values of one facet with their counts, most frequent first.
pub type Facet = Vec<(String, i64)>;

/// A page of results with the total and the facets.
#[derive(Debug, Clone, Default)]
pub struct Results {
    /// Documents found: those matching every clause of the query, then those matching most.
    pub total: i64,
    /// Documents matching every clause.
    pub full: i64,
    /// Clauses of the query.
    pub words: i64,
    pub hits: Vec<Hit>,
    pub kinds: Facet,
    pub themes: Facet,
    pub places: Facet,
    pub years: Facet,
    pub languages: Facet,
}

/// Searches the documents `scope` may see: a page of results, the total and the facets. Documents
/// matching every clause of the query come first, then those matching most of them. Reads the
/// whole catalogue for this search alone: a server keeps one [`Catalogue`] and calls
/// [`search_in`].
pub async fn search(db: &Db, s: &Search, scope: &Scope) -> Result<Results> {
    search_in(db, &Catalogue::new(), s, scope).await
}

/// [`search`] over a catalogue kept between searches, brought up to date first.
pub async fn search_in(
    db: &Db,
    catalogue: &Catalogue,
    s: &Search,
    scope: &Scope,
) -> Result<Results> {
    use domain::library::catalogue::{ClauseRows, Request};
    catalogue.sync(db).await?;
    let relevance = s.sort == Sort::Relevance && !s.query.is_empty();
    let asks = super::matches::Ask::of(db, &s.query, relevance);
    let matched = catalogue.matches.of(db, &asks, catalogue.seen()).await?;
    let clauses = matched
        .iter()
        .enumerate()
        .map(|(i, m)| ClauseRows {
            any: &m.any,
            title: &m.title,
            body: &m.body,
            tags: s.query.tags_of(i),
        })
        .collect();
    let filters = domain::library::FacetFilters {
        kind: s.kind.clone(),
        theme: s.theme.clone(),
        place: s.place.clone(),
        year: s.year,
        language: s.language.clone(),
    };
    let per_page = s.per_page.clamp(1, 100);
    let offset = (s.page.max(1) - 1).saturating_mul(per_page);
    let request = Request {
        scope,
        filters: &filters,
        clauses,
        needed: s.query.needed(),
        relevance,
        offset: usize::try_from(offset).unwrap_or(usize::MAX),
        limit: per_page as usize,
    };
    let outcome = catalogue.read(|c| c.search(&request));
    let hits = hits_of(db, &outcome.page).await?;
    let counts = outcome.counts;
    Ok(Results {
        total: outcome.total,
        full: outcome.full,
        words: s.query.clauses.len() as i64,
        hits,
        kinds: counts.kinds,
        themes: counts.themes,
        places: counts.places,
        years: counts.years,
        languages: counts.languages,
    })
}

/// The page's documents read whole, in the page's order (a document removed since the catalogue
/// was read is left out).
async fn hits_of(db: &Db, page: &[domain::library::catalogue::Found]) -> Result<Vec<Hit>> {
    if page.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT d.id, d.title, d.summary, d.kind, d.language, d.year, d.source, d.file_name, d.url, d.created_at, COALESCE(substr(x.body, 1, {SNIPPET_SOURCE}), '') AS text, CAST(0 AS BIGINT) AS matched FROM library_documents d LEFT JOIN library_texts x ON x.document_id = d.id WHERE d.id IN ({})",
        crate::placeholders(1, page.len())
    );
    let mut rows: Vec<Hit> = run!(db, |pool| {
        let mut q = sqlx::query_as::<_, Hit>(&sql);
        for f in page {
            q = q.bind(f.id);
        }
        q.fetch_all(pool).await?
    });
    let mut hits = Vec::with_capacity(page.len());
    for f in page {
        if let Some(i) = rows.iter().position(|h| h.id == f.id) {
            let mut h = rows.swap_remove(i);
            h.matched = f.matched;
            hits.push(h);
        }
    }
    Ok(hits)
}
