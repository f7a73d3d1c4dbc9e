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

/// Records `$change`, made at `$at` (the application's clock), on the executor `$tx` (a
/// transaction of either backend).
#[macro_export]
macro_rules! record_in {
    ($tx:expr, $change:expr, $at:expr) => {{
        let c: &$crate::audit::Change = $change;
        let at: chrono::DateTime<chrono::Utc> = $at;
        sqlx::query($crate::audit::INSERT)
            .bind($crate::new_id())
            .bind(at)
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
    pub actor_name: Option<String>,
}

/// A page of the log, newest first, optionally for one action.
pub async fn page(
    db: &Db,
    action: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Entry>, i64)> {
    let filter = Filter {
        action,
        ..Default::default()
    };
    search(db, &filter, limit, offset).await
}

/// What the log is narrowed to; every part is optional.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter<'a> {
    pub action: Option<&'a str>,
    /// The person who made the change.
    pub actor: Option<Uuid>,
    /// Changes at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Changes before this instant.
    pub until: Option<DateTime<Utc>>,
    /// The record changed, by its identifier.
    pub entity_id: Option<&'a str>,
}

const WHERE: &str = "WHERE ($1 IS NULL OR a.action = $1) AND ($2 IS NULL OR a.actor_id = $2)
     AND ($3 IS NULL OR a.at >= $3) AND ($4 IS NULL OR a.at < $4) AND ($5 IS NULL OR a.entity_id = $5)";

/// A page of the log matching `filter`, newest first, with the number of matching entries.
pub async fn search(
    db: &Db,
    filter: &Filter<'_>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Entry>, i64)> {
    let list = format!(
        "SELECT a.at, u.email, a.action, a.entity, a.entity_id, a.before_json, a.after_json, u.name
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id {WHERE}
         ORDER BY a.at DESC, a.id DESC LIMIT $6 OFFSET $7"
    );
    let count = format!("SELECT COUNT(*) FROM audit_log a {WHERE}");
    let (entries, total) = run!(db, |pool| {
        let rows = sqlx::query(&list)
            .bind(filter.action)
            .bind(filter.actor)
            .bind(filter.from)
            .bind(filter.until)
            .bind(filter.entity_id)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await?;
        let total: i64 = sqlx::query_scalar(&count)
            .bind(filter.action)
            .bind(filter.actor)
            .bind(filter.from)
            .bind(filter.until)
            .bind(filter.entity_id)
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
                    actor_name: r.try_get(7)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?;
        (entries, total)
    });
    Ok((entries, total))
}

/// The people who appear in the log as having made a change, by name (Unicode collation), for
/// the filter.
pub async fn actors(db: &Db) -> Result<Vec<(Uuid, String)>> {
    let mut people = run!(db, |pool| {
        sqlx::query_as::<_, (Uuid, String)>(
            "SELECT u.id, u.name FROM users u WHERE u.id IN (SELECT DISTINCT actor_id FROM audit_log)",
        )
        .fetch_all(pool)
        .await?
    });
    domain::locale::sort_by_name(&mut people, |(_, name)| name.as_str());
    Ok(people)
}

/// The distinct actions present in the log, for the filter.
pub async fn actions(db: &Db) -> Result<Vec<String>> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar("SELECT DISTINCT action FROM audit_log ORDER BY action")
            .fetch_all(pool)
            .await?
    }))
}

#[cfg(test)]
mod tests {
    /// Every action the data layer writes is one the audit log knows (and therefore has a
    /// sentence in each language): a string literal of the sources shaped like an action
    /// (`family.verb`, with the family of a known action) must be listed in
    /// `domain::audit::ACTIONS`.
    #[test]
    fn every_action_written_is_known() {
        let known = domain::audit::ACTIONS;
        let families: Vec<&str> = known.iter().filter_map(|a| a.split('.').next()).collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut unknown = Vec::new();
        let mut seen = 0;
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("db sources") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("source");
                // Job kinds are named like actions (`notifications.send`) but are not audited:
                // their constants (`…_JOB: &str = "…"`) are left out of the scan.
                let text: String = text
                    .lines()
                    .filter(|l| !l.contains("_JOB: &str = \""))
                    .collect::<Vec<_>>()
                    .join("\n");
                // A quote, a known family, a dot, lower-case letters and underscores, a quote.
                for (at, _) in text.match_indices('"') {
                    let rest = &text[at + 1..];
                    let Some(end) = rest.find('"') else { continue };
                    let literal = &rest[..end];
                    let Some((family, verb)) = literal.split_once('.') else {
                        continue;
                    };
                    let shaped = !verb.is_empty()
                        && verb.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        && families.contains(&family);
                    if !shaped {
                        continue;
                    }
                    seen += 1;
                    if !known.contains(&literal) {
                        unknown.push(format!("{}: {literal}", path.display()));
                    }
                }
            }
        }
        assert!(seen > 40, "the scan found only {seen} actions");
        assert!(
            unknown.is_empty(),
            "actions missing from domain::audit::ACTIONS: {unknown:?}"
        );
    }
}
