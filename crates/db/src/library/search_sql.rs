//! The library's search written in SQL alone, as it was before the catalogue: kept for the tests
//! as an independent oracle of what a search finds, in what order, and its facet counts.

use super::search::SNIPPET_SOURCE;
use super::*;
use domain::library::query::Query;

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
        if scope.every_table {
            any.push("(d.visibility = 'table' AND d.table_id IS NOT NULL)".into());
        } else if !scope.tables.is_empty() {
            let list: Vec<String> = scope.tables.iter().map(|t| w.arg(Arg::Uuid(*t))).collect();
            any.push(format!(
                "(d.visibility = 'table' AND d.table_id IN ({}))",
                list.join(", ")
            ));
        }
        if scope.every_network_group {
            any.push("(d.visibility = 'network_group' AND d.network_group_id IS NOT NULL)".into());
        } else if !scope.network_groups.is_empty() {
            let list: Vec<String> = scope
                .network_groups
                .iter()
                .map(|g| w.arg(Arg::Uuid(*g)))
                .collect();
            any.push(format!(
                "(d.visibility = 'network_group' AND d.network_group_id IN ({}))",
                list.join(", ")
            ));
        }
        w.parts.push(format!("({})", any.join(" OR ")));
    }
    if !s.query.is_empty() {
        let matches: Vec<String> = (0..s.query.clauses.len())
            .map(|i| clause_match(db, &s.query, i, &mut w))
            .collect();
        if s.query.needed() == matches.len() {
            w.parts.extend(matches);
        } else {
            // Most clauses: one of them, and enough of them.
            w.parts.push(format!("({})", matches.join(" OR ")));
            let counted = matched(db, &s.query, &mut w);
            w.parts.push(format!("{counted} >= {}", s.query.needed()));
        }
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

/// Whether document `d` matches clause `i` of `query`: its indexed text does, or it is tagged
/// with a place or theme the clause names.
fn clause_match(db: &Db, query: &Query, i: usize, w: &mut Where) -> String {
    let text = match db.pool() {
        crate::Pool::Sqlite(_) => {
            let p = w.arg(Arg::Text(query.fts5_clauses()[i].clone()));
            format!(
                "d.search_id IN (SELECT rowid FROM library_search WHERE library_search MATCH {p})"
            )
        }
        crate::Pool::Postgres(_) => {
            let p = w.arg(Arg::Text(query.tsquery_clauses(None)[i].clone()));
            format!("d.search_id IN (SELECT rowid FROM library_search WHERE search @@ to_tsquery('simple', {p}))")
        }
    };
    match tag_match(query, i, w) {
        Some(tags) => format!("({text} OR {tags})"),
        None => text,
    }
}

/// Whether document `d` is tagged with a place or theme that clause `i` names; `None` when the
/// clause names none.
fn tag_match(query: &Query, i: usize, w: &mut Where) -> Option<String> {
    let tags = query.tags_of(i)?;
    let mut any = Vec::new();
    if !tags.places.is_empty() {
        let list: Vec<String> = tags
            .places
            .iter()
            .map(|p| w.arg(Arg::Text(p.clone())))
            .collect();
        any.push(format!(
            "d.id IN (SELECT document_id FROM library_document_places WHERE place IN ({}))",
            list.join(", ")
        ));
    }
    if !tags.themes.is_empty() {
        let list: Vec<String> = tags
            .themes
            .iter()
            .map(|t| w.arg(Arg::Text(t.clone())))
            .collect();
        any.push(format!(
            "d.id IN (SELECT document_id FROM library_document_themes WHERE theme IN ({}))",
            list.join(", ")
        ));
    }
    Some(format!("({})", any.join(" OR ")))
}

/// How many clauses of `query` document `d` matches (0 for an empty query).
fn matched(db: &Db, query: &Query, w: &mut Where) -> String {
    if query.is_empty() {
        return "CAST(0 AS BIGINT)".into();
    }
    let parts: Vec<String> = (0..query.clauses.len())
        .map(|i| {
            let m = clause_match(db, query, i, w);
            format!("(CASE WHEN {m} THEN 1 ELSE 0 END)")
        })
        .collect();
    format!("CAST({} AS BIGINT)", parts.join(" + "))
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
/// clause, 10 when the title matches it, 1 when the text does and 2 when the document is tagged
/// with a place or theme the clause names. Ties go to the most recent.
/// A portable score (rather than each engine's own BM25 or `ts_rank`) is what makes SQLite and
/// PostgreSQL return the same results in the same order.
fn score(db: &Db, query: &Query, w: &mut Where) -> String {
    let mut parts = Vec::new();
    match db.pool() {
        crate::Pool::Sqlite(_) => {
            for c in query.fts5_clauses() {
                for (column, points) in [("title", 10), ("body", 1)] {
                    let p = w.arg(Arg::Text(format!("{{{column}}} : {c}")));
                    parts.push(format!(
                        "(CASE WHEN d.search_id IN (SELECT rowid FROM library_search WHERE library_search MATCH {p}) THEN {points} ELSE 0 END)"
                    ));
                }
            }
        }
        crate::Pool::Postgres(_) => {
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
    for i in 0..query.clauses.len() {
        if let Some(tags) = tag_match(query, i, w) {
            parts.push(format!("(CASE WHEN {tags} THEN 2 ELSE 0 END)"));
        }
    }
    if parts.is_empty() {
        "0".into()
    } else {
        parts.join(" + ")
    }
}

/// Searches the documents `scope` may see: a page of results, the total and the facets. Documents
/// matching every clause of the query come first, then those matching most of them.
pub async fn search(db: &Db, s: &Search, scope: &Scope) -> Result<Results> {
    let relevance = s.sort == Sort::Relevance && !s.query.is_empty();
    let partial = s.query.needed() < s.query.clauses.len();
    let mut w = conditions(db, s, scope, true);
    let mut counted = conditions(db, s, scope, false);
    let per_page = s.per_page.clamp(1, 100);
    let offset = (s.page.max(1) - 1).saturating_mul(per_page);
    // The page's ids are chosen first, on narrow rows; only those rows are then read whole.
    let columns = format!(
        "d.id, d.title, d.summary, d.kind, d.language, d.year, d.source, d.file_name, d.url, d.created_at, COALESCE(substr(x.body, 1, {SNIPPET_SOURCE}), '') AS text, r.matched"
    );
    let recent = "d.year DESC NULLS LAST, d.created_at DESC, d.id";
    let matched_sql = if partial {
        matched(db, &s.query, &mut w)
    } else {
        format!("CAST({} AS BIGINT)", s.query.clauses.len())
    };
    let join = match db.pool() {
        crate::Pool::Postgres(_) if relevance => " JOIN library_search s ON s.rowid = d.search_id",
        _ => "",
    };
    let score = if relevance {
        score(db, &s.query, &mut w)
    } else {
        "0".into()
    };
    let by_matched = if partial { "matched DESC, " } else { "" };
    let by_score = if relevance { "score DESC, " } else { "" };
    let inner = format!(
        "SELECT d.id AS hit, {matched_sql} AS matched, {score} AS score FROM library_documents d{join} WHERE {} ORDER BY {by_matched}{by_score}{recent} LIMIT {per_page} OFFSET {offset}",
        w.sql()
    );
    let order = format!(
        "{}{}{recent}",
        by_matched.replace("matched", "r.matched"),
        by_score.replace("score", "r.score")
    );
    let sql = format!(
        "SELECT {columns} FROM ({inner}) r JOIN library_documents d ON d.id = r.hit LEFT JOIN library_texts x ON x.document_id = d.id ORDER BY {order}"
    );
    // Every facet and the total in one pass over the matching documents' facet keys (with, for
    // a query matched in part, how many clauses each document matches).
    let counted_matched = if partial {
        matched(db, &s.query, &mut counted)
    } else {
        format!("CAST({} AS BIGINT)", s.query.clauses.len())
    };
    let facet_sql = format!(
        "SELECT d.facets, {counted_matched} FROM library_documents d WHERE {}",
        counted.sql()
    );
    let (hits, keys) = run!(db, |pool| {
        let hits: Vec<Hit> = bind_all!(sqlx::query_as(&sql), &w.args)
            .fetch_all(pool)
            .await?;
        let keys: Vec<(String, i64)> = bind_all!(sqlx::query_as(&facet_sql), &counted.args)
            .fetch_all(pool)
            .await?;
        (hits, keys)
    });
    let filters = domain::library::FacetFilters {
        kind: s.kind.clone(),
        theme: s.theme.clone(),
        place: s.place.clone(),
        year: s.year,
        language: s.language.clone(),
    };
    let counts = domain::library::count_facets(keys.iter().map(|(k, _)| k.as_str()), &filters);
    let words = s.query.clauses.len() as i64;
    let full = if partial {
        domain::library::count_facets(
            keys.iter()
                .filter(|(_, m)| *m == words)
                .map(|(k, _)| k.as_str()),
            &filters,
        )
        .total
    } else {
        counts.total
    };
    Ok(Results {
        total: counts.total,
        full,
        words,
        hits,
        kinds: counts.kinds,
        themes: counts.themes,
        places: counts.places,
        years: counts.years,
        languages: counts.languages,
    })
}
