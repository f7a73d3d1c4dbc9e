//! The text extraction job: reads an uploaded document from storage, extracts its text on a
//! blocking thread and indexes it. A file that cannot be read records its reason, shown to the
//! uploader; the document stays downloadable.

use db::Db;
use domain::library::extract::{extract, Format};
use uuid::Uuid;

/// Runs one extraction job. An `Err` is a transient failure (the job is retried); a file whose
/// text cannot be extracted is a completed job with the failure recorded on the document.
pub async fn run(
    db: &Db,
    storage: &storage::Storage,
    payload: &serde_json::Value,
) -> Result<(), String> {
    let id: Uuid = payload
        .get("document")
        .and_then(|v| v.as_str())
        .and_then(|s| Uuid::parse_str(s).ok())
        .ok_or("payload without a document id")?;
    let Some(doc) = db::library::document(db, id)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(());
    };
    let (Some(key), Some(content_type)) = (doc.storage_key, doc.content_type.as_deref()) else {
        return Ok(());
    };
    let Some(format) = Format::of(content_type) else {
        return db::library::set_extracted(db, id, Err("extract-unsupported"))
            .await
            .map_err(|e| e.to_string());
    };
    let bytes = match storage.get(storage::Key(key)).await {
        Ok(b) => b,
        Err(storage::StorageError::NotFound) => {
            return db::library::set_extracted(db, id, Err("extract-missing"))
                .await
                .map_err(|e| e.to_string())
        }
        Err(e) => return Err(e.to_string()),
    };
    let outcome = tokio::task::spawn_blocking(move || extract(format, &bytes))
        .await
        .map_err(|e| e.to_string())?;
    db::library::set_extracted(db, id, outcome.map_err(|e| e.message()))
        .await
        .map_err(|e| e.to_string())
}
