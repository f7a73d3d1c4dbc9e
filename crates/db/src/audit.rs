//! The audit log: every state-changing action with who, what, when, and the state before and
//! after. Entries are written in the same transaction as the change they describe.

use crate::{run, Db, Result};
use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::Row;
use uuid::Uuid;

/// One change to record.
#[derive(Debug, Clone)]
pub struct Change {
    pub actor: Option<Uuid>,
    pub action: &'static str,
    pub entity: &'static str,
    pub entity_id: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// The SQL that records a change; bound by `record_in!`.
pub const INSERT: &str = "INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id, before_json, after_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

/// Records `$change` on the executor `$tx` (a transaction of either backend).
#[macro_export]
macro_rules! record_in {
    ($tx:expr, $change:expr) => {{
        let c: &$crate::audit::Change = $change;
        sqlx::query($crate::audit::INSERT)
            .bind($crate::new_id())
            .bind(chrono::Utc::now())
            .bind(c.actor)
            .bind(c.action)
            .bind(c.entity)
            .bind(&c.entity_id)
            .bind(c.before.as_ref().map(|v| v.to_string()))
            .bind(c.after.as_ref().map(|v| v.to_string()))
            .execute($tx)
            .await
    }};
}

/// Records a change on its own (for actions whose effect is outside the database).
pub async fn record(db: &Db, change: &Change) -> Result<()> {
    crate::change!(db, [], |_tx| { Ok(()) }, |_| change)
}

/// One entry of the log as shown to administrators.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Entry {
    pub at: DateTime<Utc>,
    pub actor_email: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A page of the log, newest first, optionally for one action.
pub async fn page(
    db: &Db,
    action: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Entry>, i64)> {
    let (entries, total) = run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT a.at, u.email, a.action, a.entity, a.entity_id, a.before_json, a.after_json
             FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
             WHERE ($1 IS NULL OR a.action = $1)
             ORDER BY a.at DESC, a.id DESC LIMIT $2 OFFSET $3",
        )
        .bind(action)
        .bind(limit)
        .bind(offset)
        .fetch_all(pool)
        .await?;
        let total: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE ($1 IS NULL OR action = $1)")
                .bind(action)
                .fetch_one(pool)
                .await?;
        let entries = rows
            .iter()
            .map(|r| {
                Ok(Entry {
                    at: r.try_get(0)?,
                    actor_email: r.try_get(1)?,
                    action: r.try_get(2)?,
                    entity: r.try_get(3)?,
                    entity_id: r.try_get(4)?,
                    before: r.try_get(5)?,
                    after: r.try_get(6)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?;
        (entries, total)
    });
    Ok((entries, total))
}

/// The distinct actions present in the log, for the filter.
pub async fn actions(db: &Db) -> Result<Vec<String>> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar("SELECT DISTINCT action FROM audit_log ORDER BY action")
            .fetch_all(pool)
            .await?
    }))
}
