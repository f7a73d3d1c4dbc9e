//! The library: documents with their themes and places, read here; creating and changing them,
//! their search index and faceted search, themes (macro-areas and DAC sectors), good practices,
//! reading lists and text extraction are in their own files.

mod catalogue;
mod documents;
mod extraction;
mod matches;
mod practices;
mod reading;
mod search;
#[cfg(feature = "test-support")]
pub mod search_sql;
mod themes;

pub use catalogue::Catalogue;
pub use documents::*;
pub use extraction::*;
pub use practices::*;
pub use reading::*;
pub use search::*;
pub use themes::*;

use crate::audit::Change;
use crate::{new_id, run, Db, DbError, Part, Result};
use chrono::{DateTime, Utc};
use domain::library::practices::Practice;
use domain::library::{Draft, Scope};
use serde::Serialize;
use serde_json::json;
use sqlx::Row;
use uuid::Uuid;

/// A stored document.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
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
    #[sqlx(try_from = "String")]
    pub visibility: domain::library::Visibility,
    pub organisation_id: Option<Uuid>,
    pub cohort_id: Option<Uuid>,
    /// The territorial table of a table's document.
    pub table_id: Option<Uuid>,
    /// The interregional group whose document space holds the document.
    pub network_group_id: Option<Uuid>,
    pub strand_id: Option<Uuid>,
    pub module_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
    pub extraction: String,
    pub extraction_error: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
    /// Read by a query of their own.
    #[sqlx(skip)]
    pub themes: Vec<String>,
    /// Read by a query of their own.
    #[sqlx(skip)]
    pub places: Vec<String>,
}

impl Document {
    /// Who may see the document.
    pub fn visibility(&self) -> domain::library::Visibility {
        self.visibility
    }

    /// Whom the document belongs to, for its visibility.
    pub fn owner(&self) -> domain::library::Owner {
        domain::library::Owner {
            organisation: self.organisation_id,
            group: self.cohort_id,
            table: self.table_id,
            network_group: self.network_group_id,
        }
    }
}

const DOCUMENT_COLUMNS: &str = "d.id, d.title, d.summary, d.kind, d.language, d.year, d.source, d.licence, d.url, d.storage_key, d.file_name, d.content_type, d.size, d.visibility, d.organisation_id, d.cohort_id, d.table_id, d.network_group_id, d.strand_id, d.module_id, d.session_id, d.extraction, d.extraction_error, d.created_by, d.created_at, d.updated_at, d.version";

/// A document with its themes and places.
pub async fn document(db: &Db, id: Uuid) -> Result<Option<Document>> {
    run!(db, |pool| {
        let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM library_documents d WHERE d.id = $1");
        let Some(mut doc) = sqlx::query_as::<_, Document>(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await?
        else {
            return Ok(None);
        };
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

/// The documents among `ids` that exist, in one query, without their themes and places (for
/// deciding who sees them and naming them).
pub async fn documents(db: &Db, ids: &[Uuid]) -> Result<Vec<Document>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {DOCUMENT_COLUMNS} FROM library_documents d WHERE d.id IN ({}) ORDER BY d.title",
        crate::placeholders(1, ids.len())
    );
    run!(db, |pool| {
        let mut q = sqlx::query_as::<_, Document>(&sql);
        for id in ids {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(pool).await?)
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

/// Documents matching `condition` (on `d`, with `$1` its one parameter), most recent first, at
/// most `limit`, without their themes and places.
async fn documents_where(db: &Db, condition: &str, id: Uuid, limit: i64) -> Result<Vec<Document>> {
    run!(db, |pool| {
        let sql = format!(
            "SELECT {DOCUMENT_COLUMNS} FROM library_documents d WHERE {condition}
             ORDER BY d.created_at DESC, d.id DESC LIMIT $2"
        );
        Ok(sqlx::query_as::<_, Document>(&sql)
            .bind(id)
            .bind(limit)
            .fetch_all(pool)
            .await?)
    })
}

/// The latest `limit` documents of an organisation (any visibility): what a relation of the
/// organisation may attach, each checked against the viewer's scope by the caller.
pub async fn of_organisation(db: &Db, organisation: Uuid, limit: i64) -> Result<Vec<Document>> {
    documents_where(db, "d.organisation_id = $1", organisation, limit).await
}

/// The documents `user` published, most recent first, at most `limit`: the discussions' forms
/// offer them to attach, each checked against the writer's scope.
pub async fn of_author(db: &Db, user: Uuid, limit: i64) -> Result<Vec<Document>> {
    documents_where(db, "d.created_by = $1", user, limit).await
}

/// The documents of an interregional group's space (visibility `network_group`), most recent
/// first: the group page lists them, each checked against the viewer's scope.
pub async fn of_network_group(db: &Db, group: Uuid) -> Result<Vec<Document>> {
    let condition = "d.network_group_id = $1 AND d.visibility = 'network_group'";
    documents_where(db, condition, group, i64::MAX).await
}

/// The documents of a territorial table (visibility `table`), most recent first: the table page
/// lists them, each checked against the viewer's scope.
pub async fn of_table(db: &Db, table: Uuid) -> Result<Vec<Document>> {
    let condition = "d.table_id = $1 AND d.visibility = 'table'";
    documents_where(db, condition, table, i64::MAX).await
}
