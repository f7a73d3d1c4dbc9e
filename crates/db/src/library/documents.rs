//! Creating, changing and deleting documents (with their tags, search index entry and, for a good
//! practice, its record); a file whose text must be extracted queues the job.

use super::practices::{bind_practice, PRACTICE_INSERT};
use super::search::{indexed, search_id};
use super::*;

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

/// Creates a document with its tags and index entry; queues text extraction for a file that
/// needs it. Returns the new id.
pub async fn create(
    db: &Db,
    draft: &Draft,
    file: Option<&StoredFile>,
    links: &Links,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    create_with(db, draft, None, file, links, actor, None).await
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
    create_with(db, draft, Some(practice), file, links, actor, None).await
}

/// Creates a document, with a practice's record when given. It stays right after
/// `create_practice` (and `update_with` after `update_practice`): the walk of writing functions in
/// ponte's tests reads a private function's change as that of the public function before it.
/// With `published` (a network experience and its version), the same transaction links the
/// experience to the new document, and nothing is kept (`Conflict`) when the experience was
/// published meanwhile or changed since that version.
pub(crate) async fn create_with(
    db: &Db,
    draft: &Draft,
    practice: Option<&Practice>,
    file: Option<&StoredFile>,
    links: &Links,
    actor: Option<Uuid>,
    published: Option<(Uuid, i64)>,
) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
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
            "table": draft.table, "file_name": file.map(|f| f.name.clone()), "url": draft.url,
        })),
    };
    let mut audit = vec![change];
    if let Some((experience, _)) = published {
        audit.push(Change {
            actor,
            action: "network.experience_publish",
            entity: "network_experience",
            entity_id: experience.to_string(),
            before: None,
            after: Some(json!({ "practice": id })),
        });
    }
    // A publication changes the network's record too (the library's generation raised twice
    // otherwise, which is harmless).
    let network = published.map_or(Part::Library, |_| Part::Network);
    crate::change!(
        db,
        [Part::Library, network],
        |tx| {
            sqlx::query(
            "INSERT INTO library_documents (id, title, summary, kind, language, year, source, licence, url, storage_key, file_name, content_type, size, visibility, organisation_id, cohort_id, strand_id, module_id, session_id, extraction, created_by, created_at, updated_at, search_id, facets, table_id, network_group_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22, $23, $24, $25, $26)",
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
        .bind(draft.table)
        .bind(draft.network_group)
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
            if let Some((experience, version)) = published {
                let done = sqlx::query(
                    "UPDATE network_experiences SET practice_id = $1, version = version + 1
                     WHERE id = $2 AND version = $3 AND practice_id IS NULL",
                )
                .bind(id)
                .bind(experience)
                .bind(version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if done == 0 {
                    return Err(DbError::Conflict);
                }
            }
            Ok(())
        },
        |_| audit.clone()
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

/// Saves a document over version `expected`, with a practice's record when given.
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
            json!({ "title": before.title, "kind": before.kind, "visibility": before.visibility, "table": before.table_id, "network_group": before.network_group_id, "themes": before.themes, "places": before.places }),
        ),
        after: Some(
            json!({ "title": draft.title, "kind": draft.kind, "visibility": draft.visibility.code(), "table": draft.table, "network_group": draft.network_group, "themes": draft.themes, "places": places }),
        ),
    };
    crate::change!(
        db,
        [Part::Library],
        |tx| {
            let done = sqlx::query(
            "UPDATE library_documents SET title = $1, summary = $2, kind = $3, language = $4, year = $5, source = $6, licence = $7, url = $8, visibility = $9, organisation_id = $10, cohort_id = $11, strand_id = $12, module_id = $13, session_id = $14, updated_at = $15, facets = $18, table_id = $19, network_group_id = $20, version = version + 1
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
        .bind(db.now())
        .bind(id)
        .bind(expected)
        .bind(domain::library::facet_key(
            draft.kind,
            draft.year,
            draft.language,
            &draft.themes,
            &places,
        ))
        .bind(draft.table)
        .bind(draft.network_group)
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
            // The document's row is locked first, as every other change of a document does
            // (then the change log, then the search row): on PostgreSQL the other order lets a
            // delete and an edit or an extraction of the same document deadlock.
            sqlx::query("UPDATE library_documents SET version = version + 1 WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            // A table's memorandum of understanding stays: deleting it would leave a constituted
            // table without the document it was constituted on.
            let memorandum: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM territorial_tables WHERE memorandum_id = $1",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            if memorandum > 0 {
                return Err(DbError::InUse("error-library-memorandum"));
            }
            for sql in [
                "DELETE FROM library_document_themes WHERE document_id = $1",
                "DELETE FROM library_document_places WHERE document_id = $1",
                "DELETE FROM good_practices WHERE document_id = $1",
                "DELETE FROM reading_list_items WHERE document_id = $1",
                "DELETE FROM library_texts WHERE document_id = $1",
                "DELETE FROM community_post_documents WHERE document_id = $1",
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
