//! Good practices: the structured record a practice document carries besides its metadata.

use super::*;

/// Inserts a practice's record: bind its fields with `bind_practice!`.
pub(super) const PRACTICE_INSERT: &str = "INSERT INTO good_practices (document_id, administration, context, problem, approach, partners, results, resources, contacts, transferability) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

/// Binds the document id and a practice's fields to `PRACTICE_INSERT`.
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
pub(super) use bind_practice;

/// The structured record of a good practice.
pub async fn practice(db: &Db, id: Uuid) -> Result<Option<Practice>> {
    run!(db, |pool| {
        let row = sqlx::query("SELECT administration, context, problem, approach, partners, results, resources, contacts, transferability FROM good_practices WHERE document_id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
        Ok(match row {
            Some(r) => Some(Practice {
                administration: r.try_get("administration")?,
                context: r.try_get("context")?,
                problem: r.try_get("problem")?,
                approach: r.try_get("approach")?,
                partners: r.try_get("partners")?,
                results: r.try_get("results")?,
                resources: r.try_get("resources")?,
                contacts: r.try_get("contacts")?,
                transferability: r.try_get("transferability")?,
            }),
            None => None,
        })
    })
}
