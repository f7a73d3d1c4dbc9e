//! The library's queries: documents with their themes and places, the search index of stemmed
//! text (FTS5 on SQLite, tsvector on PostgreSQL, side by side below), faceted search, the DAC
//! sector list and the programme's macro-areas.

use crate::audit::Change;
use crate::{new_id, run, Db, DbError, Part, Result};
use chrono::{DateTime, Utc};
use domain::library::practices::Practice;
use domain::library::query::Query;
use domain::library::text::index_text;
use domain::library::{Draft, Scope};
use serde::Serialize;
use serde_json::json;
use sqlx::Row;
use uuid::Uuid;

/// The job kind that extracts a document's text.
pub const EXTRACT_JOB: &str = "library.extract";
/// The most indexed text per document (stemmed terms), the same on both databases.
const MAX_INDEX: usize = 200 * 1024;
/// How much of a document's text is read for a result's snippet.
const SNIPPET_SOURCE: i64 = 6_000;

/// A programme macro-area (a theme the administrations choose their logframes in).
#[derive(Debug, Clone, Serialize)]
pub struct MacroArea {
    pub code: String,
    pub name_it: String,
    pub name_en: String,
    pub name_fr: String,
    pub position: i64,
    pub version: i64,
}

/// An OECD DAC sector.
#[derive(Debug, Clone, Serialize)]
pub struct Sector {
    pub code: String,
    pub category: String,
    pub active: bool,
    pub name_en: String,
    pub name_fr: Option<String>,
}

/// A stored document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub id: Uuid,
    pub title: String,
    pub summary: String,
    pub kind: String,
    pub language: String,
    pub year: Option<i32>,
    pub source: Option<String>,
    pub licence: Option<String>,
    pub url: Option<String>,
    pub storage_key: Option<Uuid>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size: Option<i64>,
    pub visibility: String,
    pub organisation_id: Option<Uuid>,
    pub cohort_id: Option<Uuid>,
    pub strand_id: Option<Uuid>,
    pub module_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
    pub extraction: String,
    pub extraction_error: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
    pub themes: Vec<String>,
    pub places: Vec<String>,
}

impl Document {
    /// The visibility as a domain value (stored codes are always valid).
    pub fn visibility(&self) -> domain::library::Visibility {
        domain::library::Visibility::parse(&self.visibility)
            .unwrap_or(domain::library::Visibility::Organisation)
    }
}

/// An uploaded file of a new document.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub key: Uuid,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    /// Whether text can be extracted from it (a job is queued).
    pub extractable: bool,
    /// Text already known (plain text is indexed at once).
    pub text: Option<String>,
}

/// Links of a document to the programme.
#[derive(Debug, Clone, Default)]
pub struct Links {
    pub strand: Option<Uuid>,
    pub module: Option<Uuid>,
    pub session: Option<Uuid>,
}

fn search_id(id: Uuid) -> i64 {
    (id.as_u128() & 0x7FFF_FFFF_FFFF_FFFF) as i64
}

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
fn indexed(
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

const DOCUMENT_COLUMNS: &str = "d.id, d.title, d.summary, d.kind, d.language, d.year, d.source, d.licence, d.url, d.storage_key, d.file_name, d.content_type, d.size, d.visibility, d.organisation_id, d.cohort_id, d.strand_id, d.module_id, d.session_id, d.extraction, d.extraction_error, d.created_by, d.created_at, d.updated_at, d.version";

fn document_from<R: Row>(r: &R) -> std::result::Result<Document, sqlx::Error>
where
    usize: sqlx::ColumnIndex<R>,
    for<'a> Uuid: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<Uuid>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<String>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<i32>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<i64>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> i64: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> DateTime<Utc>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    Ok(Document {
        id: r.try_get(0)?,
        title: r.try_get(1)?,
        summary: r.try_get(2)?,
        kind: r.try_get(3)?,
        language: r.try_get(4)?,
        year: r.try_get(5)?,
        source: r.try_get(6)?,
        licence: r.try_get(7)?,
        url: r.try_get(8)?,
        storage_key: r.try_get(9)?,
        file_name: r.try_get(10)?,
        content_type: r.try_get(11)?,
        size: r.try_get(12)?,
        visibility: r.try_get(13)?,
        organisation_id: r.try_get(14)?,
        cohort_id: r.try_get(15)?,
        strand_id: r.try_get(16)?,
        module_id: r.try_get(17)?,
        session_id: r.try_get(18)?,
        extraction: r.try_get(19)?,
        extraction_error: r.try_get(20)?,
        created_by: r.try_get(21)?,
        created_at: r.try_get(22)?,
        updated_at: r.try_get(23)?,
        version: r.try_get(24)?,
        themes: Vec::new(),
        places: Vec::new(),
    })
}

/// Creates a document with its tags and index entry; queues text extraction for a file that
/// needs it. Returns the new id.
pub async fn create(
    db: &Db,
    draft: &Draft,
    file: Option<&StoredFile>,
    links: &Links,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    create_with(db, draft, None, file, links, actor).await
}

/// Creates a good practice: its document and its structured record.
pub async fn create_practice(
    db: &Db,
    draft: &Draft,
    practice: &Practice,
    file: Option<&StoredFile>,
    links: &Links,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    create_with(db, draft, Some(practice), file, links, actor).await
}

const PRACTICE_INSERT: &str = "INSERT INTO good_practices (document_id, administration, context, problem, approach, partners, results, resources, contacts, transferability) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

macro_rules! bind_practice {
    ($q:expr, $id:expr, $p:expr) => {
        $q.bind($id)
            .bind(&$p.administration)
            .bind(&$p.context)
            .bind(&$p.problem)
            .bind(&$p.approach)
            .bind(&$p.partners)
            .bind(&$p.results)
            .bind(&$p.resources)
            .bind(&$p.contacts)
            .bind(&$p.transferability)
    };
}

async fn create_with(
    db: &Db,
    draft: &Draft,
    practice: Option<&Practice>,
    file: Option<&StoredFile>,
    links: &Links,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let now = Utc::now();
    let places = domain::library::places::expand(&draft.places);
    let body = file.and_then(|f| f.text.clone()).unwrap_or_default();
    let extraction = match file {
        Some(f) if f.extractable && f.text.is_none() => "pending",
        Some(f) if f.text.is_some() => "done",
        _ => "none",
    };
    let (title_index, body_index) = indexed(
        &draft.title,
        &draft.summary,
        practice,
        &body,
        draft.language,
    );
    let facets = domain::library::facet_key(
        draft.kind,
        draft.year,
        draft.language,
        &draft.themes,
        &places,
    );
    let change = Change {
        actor,
        action: "library.create",
        entity: "document",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({
            "title": draft.title, "kind": draft.kind, "visibility": draft.visibility.code(),
            "file_name": file.map(|f| f.name.clone()), "url": draft.url,
        })),
    };
    crate::change!(
        db,
        [Part::Library],
        |tx| {
            sqlx::query(
            "INSERT INTO library_documents (id, title, summary, kind, language, year, source, licence, url, storage_key, file_name, content_type, size, visibility, organisation_id, cohort_id, strand_id, module_id, session_id, extraction, created_by, created_at, updated_at, search_id, facets)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22, $23, $24)",
        )
        .bind(id)
        .bind(&draft.title)
        .bind(&draft.summary)
        .bind(draft.kind)
        .bind(draft.language)
        .bind(draft.year)
        .bind(&draft.source)
        .bind(&draft.licence)
        .bind(&draft.url)
        .bind(file.map(|f| f.key))
        .bind(file.map(|f| f.name.as_str()))
        .bind(file.map(|f| f.content_type.as_str()))
        .bind(file.map(|f| f.size))
        .bind(draft.visibility.code())
        .bind(draft.organisation)
        .bind(draft.group)
        .bind(links.strand)
        .bind(links.module)
        .bind(links.session)
        .bind(extraction)
        .bind(actor)
        .bind(now)
        .bind(search_id(id))
        .bind(&facets)
        .execute(&mut *tx)
        .await?;
            sqlx::query("INSERT INTO library_texts (document_id, body) VALUES ($1, $2)")
                .bind(id)
                .bind(&body)
                .execute(&mut *tx)
                .await?;
            for theme in &draft.themes {
                sqlx::query(
                    "INSERT INTO library_document_themes (document_id, theme) VALUES ($1, $2)",
                )
                .bind(id)
                .bind(theme)
                .execute(&mut *tx)
                .await?;
            }
            for place in &places {
                sqlx::query(
                    "INSERT INTO library_document_places (document_id, place) VALUES ($1, $2)",
                )
                .bind(id)
                .bind(place)
                .execute(&mut *tx)
                .await?;
            }
            if let Some(p) = practice {
                bind_practice!(sqlx::query(PRACTICE_INSERT), id, p)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("INSERT INTO library_search (rowid, title, body) VALUES ($1, $2, $3)")
                .bind(search_id(id))
                .bind(&title_index)
                .bind(&body_index)
                .execute(&mut *tx)
                .await?;
            if extraction == "pending" {
                sqlx::query("INSERT INTO jobs (id, kind, key, payload, created_at, run_at) VALUES ($1, $2, $3, $4, $5, $5)")
                .bind(new_id())
                .bind(EXTRACT_JOB)
                .bind(id.to_string())
                .bind(json!({ "document": id }).to_string())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Saves new metadata over version `expected`; `Conflict` when someone saved meanwhile.
pub async fn update(
    db: &Db,
    id: Uuid,
    expected: i64,
    draft: &Draft,
    links: &Links,
    actor: Option<Uuid>,
) -> Result<()> {
    update_with(db, id, expected, draft, None, links, actor).await
}

/// Saves a good practice's document and record over version `expected`.
pub async fn update_practice(
    db: &Db,
    id: Uuid,
    expected: i64,
    draft: &Draft,
    practice: &Practice,
    links: &Links,
    actor: Option<Uuid>,
) -> Result<()> {
    update_with(db, id, expected, draft, Some(practice), links, actor).await
}

async fn update_with(
    db: &Db,
    id: Uuid,
    expected: i64,
    draft: &Draft,
    practice: Option<&Practice>,
    links: &Links,
    actor: Option<Uuid>,
) -> Result<()> {
    let before = document(db, id).await?.ok_or(DbError::NotFound)?;
    let places = domain::library::places::expand(&draft.places);
    let body = body(db, id).await?;
    // A plain document keeps the practice record it may have.
    let kept = match practice {
        Some(_) => None,
        None => self::practice(db, id).await?,
    };
    let (title_index, body_index) = indexed(
        &draft.title,
        &draft.summary,
        practice.or(kept.as_ref()),
        &body,
        draft.language,
    );
    let change = Change {
        actor,
        action: "library.update",
        entity: "document",
        entity_id: id.to_string(),
        before: Some(
            json!({ "title": before.title, "kind": before.kind, "visibility": before.visibility, "themes": before.themes, "places": before.places }),
        ),
        after: Some(
            json!({ "title": draft.title, "kind": draft.kind, "visibility": draft.visibility.code(), "themes": draft.themes, "places": places }),
        ),
    };
    crate::change!(
        db,
        [Part::Library],
        |tx| {
            let done = sqlx::query(
            "UPDATE library_documents SET title = $1, summary = $2, kind = $3, language = $4, year = $5, source = $6, licence = $7, url = $8, visibility = $9, organisation_id = $10, cohort_id = $11, strand_id = $12, module_id = $13, session_id = $14, updated_at = $15, facets = $18, version = version + 1
             WHERE id = $16 AND version = $17",
        )
        .bind(&draft.title)
        .bind(&draft.summary)
        .bind(draft.kind)
        .bind(draft.language)
        .bind(draft.year)
        .bind(&draft.source)
        .bind(&draft.licence)
        .bind(if before.storage_key.is_some() { None } else { draft.url.clone() })
        .bind(draft.visibility.code())
        .bind(draft.organisation)
        .bind(draft.group)
        .bind(links.strand)
        .bind(links.module)
        .bind(links.session)
        .bind(Utc::now())
        .bind(id)
        .bind(expected)
        .bind(domain::library::facet_key(
            draft.kind,
            draft.year,
            draft.language,
            &draft.themes,
            &places,
        ))
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            sqlx::query("DELETE FROM library_document_themes WHERE document_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM library_document_places WHERE document_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            for theme in &draft.themes {
                sqlx::query(
                    "INSERT INTO library_document_themes (document_id, theme) VALUES ($1, $2)",
                )
                .bind(id)
                .bind(theme)
                .execute(&mut *tx)
                .await?;
            }
            for place in &places {
                sqlx::query(
                    "INSERT INTO library_document_places (document_id, place) VALUES ($1, $2)",
                )
                .bind(id)
                .bind(place)
                .execute(&mut *tx)
                .await?;
            }
            if let Some(p) = practice {
                sqlx::query("DELETE FROM good_practices WHERE document_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                bind_practice!(sqlx::query(PRACTICE_INSERT), id, p)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("UPDATE library_search SET title = $1, body = $2 WHERE rowid = $3")
                .bind(&title_index)
                .bind(&body_index)
                .bind(search_id(id))
                .execute(&mut *tx)
                .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// The structured record of a good practice.
pub async fn practice(db: &Db, id: Uuid) -> Result<Option<Practice>> {
    run!(db, |pool| {
        let row = sqlx::query("SELECT administration, context, problem, approach, partners, results, resources, contacts, transferability FROM good_practices WHERE document_id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
        Ok(match row {
            Some(r) => Some(Practice {
                administration: r.try_get(0)?,
                context: r.try_get(1)?,
                problem: r.try_get(2)?,
                approach: r.try_get(3)?,
                partners: r.try_get(4)?,
                results: r.try_get(5)?,
                resources: r.try_get(6)?,
                contacts: r.try_get(7)?,
                transferability: r.try_get(8)?,
            }),
            None => None,
        })
    })
}

/// Deletes a document, its tags and index entry; returns its storage key (for the caller to
/// remove the file once the database no longer points at it).
pub async fn delete(db: &Db, id: Uuid, actor: Option<Uuid>) -> Result<Option<Uuid>> {
    let before = document(db, id).await?.ok_or(DbError::NotFound)?;
    let change = Change {
        actor,
        action: "library.delete",
        entity: "document",
        entity_id: id.to_string(),
        before: Some(json!({ "title": before.title, "file_name": before.file_name })),
        after: None,
    };
    crate::change!(
        db,
        [Part::Library],
        |tx| {
            for sql in [
                "DELETE FROM library_document_themes WHERE document_id = $1",
                "DELETE FROM library_document_places WHERE document_id = $1",
                "DELETE FROM good_practices WHERE document_id = $1",
                "DELETE FROM reading_list_items WHERE document_id = $1",
                "DELETE FROM library_texts WHERE document_id = $1",
            ] {
                sqlx::query(sql).bind(id).execute(&mut *tx).await?;
            }
            sqlx::query("DELETE FROM library_search WHERE rowid = $1")
                .bind(search_id(id))
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM library_documents WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(before.storage_key)
}

/// A document with its themes and places.
pub async fn document(db: &Db, id: Uuid) -> Result<Option<Document>> {
    run!(db, |pool| {
        let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM library_documents d WHERE d.id = $1");
        let Some(row) = sqlx::query(&sql).bind(id).fetch_optional(pool).await? else {
            return Ok(None);
        };
        let mut doc = document_from(&row)?;
        doc.themes = sqlx::query_scalar(
            "SELECT theme FROM library_document_themes WHERE document_id = $1 ORDER BY theme",
        )
        .bind(id)
        .fetch_all(pool)
        .await?;
        doc.places =
            sqlx::query_scalar("SELECT place FROM library_document_places WHERE document_id = $1")
                .bind(id)
                .fetch_all(pool)
                .await?;
        Ok(Some(doc))
    })
}

/// The extracted text of a document.
pub async fn body(db: &Db, id: Uuid) -> Result<String> {
    run!(db, |pool| {
        Ok(
            sqlx::query_scalar("SELECT body FROM library_texts WHERE document_id = $1")
                .bind(id)
                .fetch_optional(pool)
                .await?
                .unwrap_or_default(),
        )
    })
}

/// Records the outcome of text extraction: the text (indexed at once) or the message key of
/// the failure (the document stays usable, without its text in the index).
pub async fn set_extracted(
    db: &Db,
    id: Uuid,
    outcome: std::result::Result<String, &'static str>,
) -> Result<()> {
    let Some(doc) = document(db, id).await? else {
        return Ok(());
    };
    let (state, text, error) = match outcome {
        Ok(text) => ("done", text, None),
        Err(key) => ("failed", String::new(), Some(key)),
    };
    let practice = practice(db, id).await?;
    let (title_index, body_index) = indexed(
        &doc.title,
        &doc.summary,
        practice.as_ref(),
        &text,
        &doc.language,
    );
    let change = Change {
        actor: None,
        action: "library.extraction",
        entity: "document",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "extraction": state, "error": error })),
    };
    crate::change!(
        db,
        [Part::Library],
        |tx| {
            sqlx::query(
                "UPDATE library_documents SET extraction = $1, extraction_error = $2 WHERE id = $3",
            )
            .bind(state)
            .bind(error)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE library_texts SET body = $1 WHERE document_id = $2")
                .bind(&text)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE library_search SET title = $1, body = $2 WHERE rowid = $3")
                .bind(&title_index)
                .bind(&body_index)
                .bind(search_id(id))
                .execute(&mut *tx)
                .await?;
            Ok(())
        },
        |_| change
    )
}

/// Queues extraction again (after a failure, on the uploader's request).
pub async fn retry_extraction(db: &Db, id: Uuid) -> Result<()> {
    let change = Change {
        actor: None,
        action: "library.extraction_retry",
        entity: "document",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "extraction": "pending" })),
    };
    crate::change!(
        db,
        [Part::Library],
        |tx| {
            sqlx::query("UPDATE library_documents SET extraction = $1, extraction_error = NULL WHERE id = $2 AND storage_key IS NOT NULL")
            .bind("pending")
            .bind(id)
            .execute(&mut *tx)
            .await?;
            let now = Utc::now();
            sqlx::query("INSERT INTO jobs (id, kind, key, payload, created_at, run_at) VALUES ($1, $2, $3, $4, $5, $5)")
            .bind(new_id())
            .bind(EXTRACT_JOB)
            .bind(id.to_string())
            .bind(json!({ "document": id }).to_string())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| change
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
#[derive(Debug, Clone, Serialize)]
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
        "d.id, d.title, d.summary, d.kind, d.language, d.year, d.source, d.file_name, d.url, d.created_at, COALESCE(substr(x.body, 1, {SNIPPET_SOURCE}), '')"
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
        let rows = bind_all!(sqlx::query(&sql), &w.args)
            .fetch_all(pool)
            .await?;
        let hits = rows
            .iter()
            .map(|r| {
                Ok(Hit {
                    id: r.try_get(0)?,
                    title: r.try_get(1)?,
                    summary: r.try_get(2)?,
                    kind: r.try_get(3)?,
                    language: r.try_get(4)?,
                    year: r.try_get(5)?,
                    source: r.try_get(6)?,
                    file_name: r.try_get(7)?,
                    url: r.try_get(8)?,
                    created_at: r.try_get(9)?,
                    text: r.try_get(10)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?;
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

/// Replaces the sector list with `sectors` (codes missing from the new list are kept, marked
/// withdrawn, because documents may still carry them). Returns how many codes were new.
pub async fn import_sectors(
    db: &Db,
    sectors: &[domain::library::sectors::Sector],
    actor: Option<Uuid>,
) -> Result<usize> {
    let existing: Vec<String> = run!(db, |pool| {
        sqlx::query_scalar("SELECT code FROM sectors")
            .fetch_all(pool)
            .await?
    });
    let new = sectors
        .iter()
        .filter(|s| !existing.contains(&s.code))
        .count();
    let change = Change {
        actor,
        action: "library.import_sectors",
        entity: "sectors",
        entity_id: "dac".into(),
        before: Some(json!({ "count": existing.len() })),
        after: Some(json!({ "count": sectors.len(), "new": new })),
    };
    crate::change!(
        db,
        [Part::Themes],
        |tx| {
            sqlx::query("UPDATE sectors SET active = $1")
                .bind(false)
                .execute(&mut *tx)
                .await?;
            for s in sectors {
                sqlx::query(
                "INSERT INTO sectors (code, category, active, name_en, name_fr) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (code) DO UPDATE SET category = excluded.category, active = excluded.active, name_en = excluded.name_en, name_fr = excluded.name_fr",
            )
            .bind(&s.code)
            .bind(&s.category)
            .bind(s.active)
            .bind(&s.name_en)
            .bind(&s.name_fr)
            .execute(&mut *tx)
            .await?;
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(new)
}

/// Every sector, by code.
pub async fn sectors(db: &Db) -> Result<Vec<Sector>> {
    run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT code, category, active, name_en, name_fr FROM sectors ORDER BY code",
        )
        .fetch_all(pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                Ok(Sector {
                    code: r.try_get(0)?,
                    category: r.try_get(1)?,
                    active: r.try_get(2)?,
                    name_en: r.try_get(3)?,
                    name_fr: r.try_get(4)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}

/// The programme's macro-areas in their order.
pub async fn macro_areas(db: &Db) -> Result<Vec<MacroArea>> {
    run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT code, name_it, name_en, name_fr, position, version FROM macro_areas ORDER BY position, code",
        )
        .fetch_all(pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                Ok(MacroArea {
                    code: r.try_get(0)?,
                    name_it: r.try_get(1)?,
                    name_en: r.try_get(2)?,
                    name_fr: r.try_get(3)?,
                    position: r.try_get(4)?,
                    version: r.try_get(5)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}

/// Adds a macro-area (`expected` is `None`) or saves one over version `expected`.
pub async fn save_macro_area(
    db: &Db,
    area: &MacroArea,
    expected: Option<i64>,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "library.macro_area_save",
        entity: "macro_area",
        entity_id: area.code.clone(),
        before: None,
        after: Some(
            json!({ "name_it": area.name_it, "name_en": area.name_en, "name_fr": area.name_fr, "position": area.position }),
        ),
    };
    crate::change!(
        db,
        [Part::Themes],
        |tx| {
            match expected {
                None => {
                    sqlx::query("INSERT INTO macro_areas (code, name_it, name_en, name_fr, position) VALUES ($1, $2, $3, $4, $5)")
                    .bind(&area.code)
                    .bind(&area.name_it)
                    .bind(&area.name_en)
                    .bind(&area.name_fr)
                    .bind(area.position)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_write)?;
                }
                Some(v) => {
                    let done = sqlx::query("UPDATE macro_areas SET name_it = $1, name_en = $2, name_fr = $3, position = $4, version = version + 1 WHERE code = $5 AND version = $6")
                    .bind(&area.name_it)
                    .bind(&area.name_en)
                    .bind(&area.name_fr)
                    .bind(area.position)
                    .bind(&area.code)
                    .bind(v)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if done == 0 {
                        return Err(DbError::Conflict);
                    }
                }
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Every theme code that exists: `m:<macro-area>` and `dac:<sector>`.
pub async fn theme_codes(db: &Db) -> Result<std::collections::HashSet<String>> {
    run!(db, |pool| {
        let areas: Vec<String> = sqlx::query_scalar("SELECT 'm:' || code FROM macro_areas")
            .fetch_all(pool)
            .await?;
        let sectors: Vec<String> = sqlx::query_scalar("SELECT 'dac:' || code FROM sectors")
            .fetch_all(pool)
            .await?;
        Ok(areas.into_iter().chain(sectors).collect())
    })
}

/// What a reading list belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadingFor {
    Module(Uuid),
    Session(Uuid),
}

/// One document of a reading list, with what the page needs to decide whether to show it.
#[derive(Debug, Clone, Serialize)]
pub struct Reading {
    pub id: Uuid,
    pub document_id: Uuid,
    pub title: String,
    pub kind: String,
    pub language: String,
    pub year: Option<i32>,
    pub note: String,
    #[serde(skip)]
    pub visibility: String,
    #[serde(skip)]
    pub organisation_id: Option<Uuid>,
    #[serde(skip)]
    pub cohort_id: Option<Uuid>,
}

impl Reading {
    /// Whether `scope` may see this document.
    pub fn seen_by(&self, scope: &Scope) -> bool {
        domain::library::Visibility::parse(&self.visibility)
            .is_some_and(|v| scope.sees(v, self.organisation_id, self.cohort_id))
    }
}

/// Adds a document to a reading list (at the end); `Duplicate` when it is already there.
pub async fn add_reading(
    db: &Db,
    target: ReadingFor,
    document: Uuid,
    note: &str,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let (module, session, entity, entity_id) = match target {
        ReadingFor::Module(m) => (Some(m), None, "module", m),
        ReadingFor::Session(s) => (None, Some(s), "session", s),
    };
    let change = Change {
        actor,
        action: "library.reading_add",
        entity,
        entity_id: entity_id.to_string(),
        before: None,
        after: Some(json!({ "document": document, "note": note })),
    };
    crate::change!(
        db,
        [],
        |tx| {
            let position: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM reading_list_items WHERE module_id = $1 OR session_id = $2",
        )
        .bind(module)
        .bind(session)
        .fetch_one(&mut *tx)
        .await?;
            sqlx::query(
            "INSERT INTO reading_list_items (id, module_id, session_id, document_id, note, position, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(module)
        .bind(session)
        .bind(document)
        .bind(note)
        .bind(position)
        .bind(actor)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await
        .map_err(DbError::from_write)?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Removes one item of a reading list; returns what it belonged to.
pub async fn remove_reading(db: &Db, item: Uuid, actor: Option<Uuid>) -> Result<ReadingFor> {
    crate::change!(
        db,
        [],
        |tx| {
            let row = sqlx::query(
                "SELECT module_id, session_id, document_id FROM reading_list_items WHERE id = $1",
            )
            .bind(item)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(DbError::NotFound)?;
            let module: Option<Uuid> = row.try_get(0)?;
            let session: Option<Uuid> = row.try_get(1)?;
            let document: Uuid = row.try_get(2)?;
            let target = match (module, session) {
                (Some(m), _) => ReadingFor::Module(m),
                (None, Some(s)) => ReadingFor::Session(s),
                (None, None) => return Err(DbError::NotFound),
            };
            sqlx::query("DELETE FROM reading_list_items WHERE id = $1")
                .bind(item)
                .execute(&mut *tx)
                .await?;
            Ok((target, document))
        },
        |(target, document): &(ReadingFor, Uuid)| {
            let (entity, entity_id) = match target {
                ReadingFor::Module(m) => ("module", m),
                ReadingFor::Session(s) => ("session", s),
            };
            Change {
                actor,
                action: "library.reading_remove",
                entity,
                entity_id: entity_id.to_string(),
                before: Some(json!({ "document": document })),
                after: None,
            }
        }
    )
    .map(|(target, _)| target)
}

/// A reading list in order (every document; the caller keeps those the viewer may see).
pub async fn reading_list(db: &Db, target: ReadingFor) -> Result<Vec<Reading>> {
    let (column, id) = match target {
        ReadingFor::Module(m) => ("module_id", m),
        ReadingFor::Session(s) => ("session_id", s),
    };
    let sql = format!(
        "SELECT r.id, d.id, d.title, d.kind, d.language, d.year, r.note, d.visibility, d.organisation_id, d.cohort_id
         FROM reading_list_items r JOIN library_documents d ON d.id = r.document_id
         WHERE r.{column} = $1 ORDER BY r.position"
    );
    run!(db, |pool| {
        let rows = sqlx::query(&sql).bind(id).fetch_all(pool).await?;
        Ok(rows
            .iter()
            .map(|r| {
                Ok(Reading {
                    id: r.try_get(0)?,
                    document_id: r.try_get(1)?,
                    title: r.try_get(2)?,
                    kind: r.try_get(3)?,
                    language: r.try_get(4)?,
                    year: r.try_get(5)?,
                    note: r.try_get(6)?,
                    visibility: r.try_get(7)?,
                    organisation_id: r.try_get(8)?,
                    cohort_id: r.try_get(9)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}
