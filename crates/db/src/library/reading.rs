//! Reading lists: documents suggested for a module or a session, in order.

use super::*;

/// What a reading list belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadingFor {
    Module(Uuid),
    Session(Uuid),
}

/// One document of a reading list, with what the page needs to decide whether to show it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
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
    #[serde(skip)]
    pub table_id: Option<Uuid>,
    #[serde(skip)]
    pub network_group_id: Option<Uuid>,
}

impl Reading {
    /// Whether `scope` may see this document.
    pub fn seen_by(&self, scope: &Scope) -> bool {
        domain::library::Visibility::parse(&self.visibility).is_some_and(|v| {
            scope.sees(
                v,
                domain::library::Owner {
                    organisation: self.organisation_id,
                    group: self.cohort_id,
                    table: self.table_id,
                    network_group: self.network_group_id,
                },
            )
        })
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
        .bind(db.now())
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
            let module: Option<Uuid> = row.try_get("module_id")?;
            let session: Option<Uuid> = row.try_get("session_id")?;
            let document: Uuid = row.try_get("document_id")?;
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
        "SELECT r.id, d.id AS document_id, d.title, d.kind, d.language, d.year, r.note, d.visibility, d.organisation_id, d.cohort_id, d.table_id, d.network_group_id
         FROM reading_list_items r JOIN library_documents d ON d.id = r.document_id
         WHERE r.{column} = $1 ORDER BY r.position"
    );
    run!(db, |pool| {
        Ok(sqlx::query_as::<_, Reading>(&sql)
            .bind(id)
            .fetch_all(pool)
            .await?)
    })
}
