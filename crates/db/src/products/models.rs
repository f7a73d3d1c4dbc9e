//! Models: approved products published for other administrations to start from.

use super::*;

/// Publishes (or withdraws) an approved product as a model others may start from; `NotFound`
/// when it is not approved.
pub async fn set_model(db: &Db, id: Uuid, model: bool, actor: Option<Uuid>) -> Result<()> {
    let change = Change {
        actor,
        action: "products.publish_model",
        entity: "product",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "model": model })),
    };
    crate::change!(
        db,
        [Part::Products],
        |tx| {
            let done =
                sqlx::query("UPDATE products SET model = $1 WHERE id = $2 AND state = 'approved'")
                    .bind(model)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            if done == 0 {
                return Err(DbError::NotFound);
            }
            Ok(())
        },
        |_| &change
    )
}

/// Every published model, by kind and title.
pub async fn models(db: &Db) -> Result<Vec<Summary>> {
    let sql = format!("{SUMMARY} WHERE p.model = $1 ORDER BY p.kind, p.title");
    run!(db, |pool| {
        Ok(sqlx::query_as::<_, Summary>(&sql)
            .bind(true)
            .fetch_all(pool)
            .await?)
    })
}
