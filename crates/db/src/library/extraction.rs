//! Text extraction: the job that reads a document's text, its outcome (indexed at once), and
//! retrying it.

use super::search::{indexed, search_id};
use super::*;

/// The job kind that extracts a document's text.
pub const EXTRACT_JOB: &str = "library.extract";

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
            let now = db.now();
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
