//! The search index of stemmed text (FTS5 on SQLite, tsvector on PostgreSQL, side by side below)
//! and faceted search over the documents a scope may see.

use super::*;
use domain::library::query::Query;
use domain::library::text::index_text;

/// The most indexed text per document (stemmed terms), the same on both databases.
const MAX_INDEX: usize = 200 * 1024;
/// How much of a document's text is read for a result's snippet.
const SNIPPET_SOURCE: i64 = 6_000;

/// A document's row in the search index.
pub(super) fn search_id(id: Uuid) -> i64 {
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
}

/// Values of one facet with their counts, most frequent first.
pub type Facet = Vec<(String, i64)>;

/// A page of results with the total and the facets.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub total: i64,
    pub hits: Vec<Hit>,
    pub kinds: Facet,
    pub themes: Facet,
    pub places: Facet,
    pub years: Facet,
    pub languages: Facet,
}

#[derive(Debug, Clone)]
enum Arg {
    Text(String),
    Uuid(Uuid),
    Int(i64),
}

/// A WHERE clause being written, with its arguments.
#[derive(Debug, Clone, Default)]
struct Where {
    parts: Vec<String>,
    args: Vec<Arg>,
}

impl Where {
    fn arg(&mut self, a: Arg) -> String {
        self.args.push(a);
        format!("${}", self.args.len())
    }

    fn sql(&self) -> String {
        if self.parts.is_empty() {
            "TRUE".into()
        } else {
            self.parts.join(" AND ")
        }
    }
}

/// The conditions of a search for `d`: visibility, the text match and, with `filters`, the
/// facet filters (the facet pass applies them itself, facet by facet).
fn conditions(db: &Db, s: &Search, scope: &Scope, filters: bool) -> Where {
    let mut w = Where::default();
    if !scope.everything {
        let mut any = vec!["d.visibility = 'public'".to_string()];
        if scope.signed_in {
            any.push("d.visibility = 'programme'".into());
        }
        if !scope.organisations.is_empty() {
            let list: Vec<String> = scope
                .organisations
                .iter()
                .map(|o| w.arg(Arg::Uuid(*o)))
                .collect();
            any.push(format!(
                "(d.visibility = 'organisation' AND d.organisation_id IN ({}))",
                list.join(", ")
            ));
        }
        if !scope.groups.is_empty() {
            let list: Vec<String> = scope.groups.iter().map(|g| w.arg(Arg::Uuid(*g))).collect();
            any.push(format!(
                "(d.visibility = 'group' AND d.cohort_id IN ({}))",
                list.join(", ")
            ));
        }
        w.parts.push(format!("({})", any.join(" OR ")));
    }
    if !s.query.is_empty() {
        let p = match db {
            Db::Sqlite(_) => w.arg(Arg::Text(s.query.fts5())),
            Db::Postgres(_) => w.arg(Arg::Text(s.query.tsquery())),
        };
        w.parts.push(match db {
            Db::Sqlite(_) => format!(
                "d.search_id IN (SELECT rowid FROM library_search WHERE library_search MATCH {p})"
            ),
            Db::Postgres(_) => format!(
                "d.search_id IN (SELECT rowid FROM library_search WHERE search @@ to_tsquery('simple', {p}))"
            ),
        });
    }
    if let (Some(k), true) = (&s.kind, filters) {
        let p = w.arg(Arg::Text(k.clone()));
        w.parts.push(format!("d.kind = {p}"));
    }
    if let (Some(l), true) = (&s.language, filters) {
        let p = w.arg(Arg::Text(l.clone()));
        w.parts.push(format!("d.language = {p}"));
    }
    if let (Some(y), true) = (s.year, filters) {
        let p = w.arg(Arg::Int(y.into()));
        w.parts.push(format!("d.year = {p}"));
    }
    if let (Some(t), true) = (&s.theme, filters) {
        let p = w.arg(Arg::Text(t.clone()));
        w.parts.push(format!(
            "EXISTS (SELECT 1 FROM library_document_themes t0 WHERE t0.document_id = d.id AND t0.theme = {p})"
        ));
    }
    if let (Some(pl), true) = (&s.place, filters) {
        let p = w.arg(Arg::Text(pl.clone()));
        w.parts.push(format!(
            "EXISTS (SELECT 1 FROM library_document_places p0 WHERE p0.document_id = d.id AND p0.place = {p})"
        ));
    }
    w
}

macro_rules! bind_all {
    ($q:expr, $args:expr) => {{
        let mut q = $q;
        for a in $args {
            q = match a {
                Arg::Text(t) => q.bind(t.clone()),
                Arg::Uuid(u) => q.bind(*u),
                Arg::Int(i) => q.bind(*i),
            };
        }
        q
    }};
}

/// The relevance of a document to `query`, written the same way for both databases: for each
/// clause, 10 when the title matches it and 1 when the text does. Ties go to the most recent.
/// A portable score (rather than each engine's own BM25 or `ts_rank`) is what makes SQLite and
/// PostgreSQL return the same results in the same order.
fn score(db: &Db, query: &Query, w: &mut Where) -> String {
    let mut parts = Vec::new();
    match db {
        Db::Sqlite(_) => {
            for c in query.fts5_clauses() {
                for (column, points) in [("title", 10), ("body", 1)] {
                    let p = w.arg(Arg::Text(format!("{{{column}}} : {c}")));
                    parts.push(format!(
                        "(CASE WHEN d.search_id IN (SELECT rowid FROM library_search WHERE library_search MATCH {p}) THEN {points} ELSE 0 END)"
                    ));
                }
            }
        }
        Db::Postgres(_) => {
            let titles = query.tsquery_clauses(Some('A'));
            let bodies = query.tsquery_clauses(Some('B'));
            for (t, b) in titles.into_iter().zip(bodies) {
                for (q, points) in [(t, 10), (b, 1)] {
                    let p = w.arg(Arg::Text(q));
                    parts.push(format!(
                        "(CASE WHEN s.search @@ to_tsquery('simple', {p}) THEN {points} ELSE 0 END)"
                    ));
                }
            }
        }
    }
    if parts.is_empty() {
        "0".into()
    } else {
        parts.join(" + ")
    }
}

/// Searches the documents `scope` may see: a page of results, the total and the facets.
pub async fn search(db: &Db, s: &Search, scope: &Scope) -> Result<Results> {
    let relevance = s.sort == Sort::Relevance && !s.query.is_empty();
    let mut w = conditions(db, s, scope, true);
    let counted = conditions(db, s, scope, false);
    let per_page = s.per_page.clamp(1, 100);
    let offset = (s.page.max(1) - 1).saturating_mul(per_page);
    // The page's ids are chosen first, on narrow rows; only those rows are then read whole.
    let columns = format!(
        "d.id, d.title, d.summary, d.kind, d.language, d.year, d.source, d.file_name, d.url, d.created_at, COALESCE(substr(x.body, 1, {SNIPPET_SOURCE}), '') AS text"
    );
    let recent = "d.year DESC NULLS LAST, d.created_at DESC, d.id";
    let (inner, order) = if relevance {
        let score = score(db, &s.query, &mut w);
        let join = match db {
            Db::Sqlite(_) => "",
            Db::Postgres(_) => " JOIN library_search s ON s.rowid = d.search_id",
        };
        (
            format!(
                "SELECT d.id AS hit, {score} AS score FROM library_documents d{join} WHERE {} ORDER BY score DESC, {recent} LIMIT {per_page} OFFSET {offset}",
                w.sql()
            ),
            format!("r.score DESC, {recent}"),
        )
    } else {
        (
            format!(
                "SELECT d.id AS hit FROM library_documents d WHERE {} ORDER BY {recent} LIMIT {per_page} OFFSET {offset}",
                w.sql()
            ),
            recent.to_string(),
        )
    };
    let sql = format!(
        "SELECT {columns} FROM ({inner}) r JOIN library_documents d ON d.id = r.hit LEFT JOIN library_texts x ON x.document_id = d.id ORDER BY {order}"
    );
    // Every facet and the total in one pass over the matching documents' facet keys.
    let facet_sql = format!(
        "SELECT d.facets FROM library_documents d WHERE {}",
        counted.sql()
    );
    let (hits, keys) = run!(db, |pool| {
        let hits: Vec<Hit> = bind_all!(sqlx::query_as(&sql), &w.args)
            .fetch_all(pool)
            .await?;
        let keys: Vec<String> = bind_all!(sqlx::query_scalar(&facet_sql), &counted.args)
            .fetch_all(pool)
            .await?;
        (hits, keys)
    });
    let counts = domain::library::count_facets(
        keys.iter().map(String::as_str),
        &domain::library::FacetFilters {
            kind: s.kind.clone(),
            theme: s.theme.clone(),
            place: s.place.clone(),
            year: s.year,
            language: s.language.clone(),
        },
    );
    Ok(Results {
        total: counts.total,
        hits,
        kinds: counts.kinds,
        themes: counts.themes,
        places: counts.places,
        years: counts.years,
        languages: counts.languages,
    })
}
