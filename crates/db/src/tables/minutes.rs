//! The minutes of a table's held meetings: the record (state, comment deadline, who approved and
//! published them, when), every revision's content, the decisions with their stable ids (kept
//! when an amendment withdraws them, for what points at them) and the representatives' comments.
//! Each move checks, in its statement, the state it starts from: a stale or refused move changes
//! nothing.

use super::*;
use chrono::DateTime;
use domain::tables::minutes::{MinutesBody, MinutesStatus};

/// A meeting's minutes with their current content.
#[derive(Debug, Clone, Serialize)]
pub struct Minutes {
    pub id: Uuid,
    pub table_id: Uuid,
    pub meeting_id: Uuid,
    pub status: MinutesStatus,
    /// The number of the current revision (1 for the first draft).
    pub revision: i64,
    pub body: MinutesBody,
    pub comment_deadline: Option<DateTime<Utc>>,
    pub circulated_at: Option<DateTime<Utc>>,
    pub approved_at: Option<DateTime<Utc>>,
    pub approved_by: Option<Uuid>,
    /// The name of who approved them.
    pub approved_by_name: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct MinutesRow {
    id: Uuid,
    table_id: Uuid,
    meeting_id: Uuid,
    #[sqlx(try_from = "String")]
    status: MinutesStatus,
    revision: i64,
    body: String,
    comment_deadline: Option<DateTime<Utc>>,
    circulated_at: Option<DateTime<Utc>>,
    approved_at: Option<DateTime<Utc>>,
    approved_by: Option<Uuid>,
    approved_by_name: Option<String>,
    published_at: Option<DateTime<Utc>>,
    version: i64,
}

fn body_of(minutes: Uuid, number: i64, text: &str) -> Result<MinutesBody> {
    serde_json::from_str(text).map_err(|_| DbError::Unreadable {
        record: format!("table_minutes_revisions/{minutes}/{number}"),
        value: text.chars().take(200).collect(),
    })
}

impl MinutesRow {
    fn into_minutes(self) -> Result<Minutes> {
        let body = body_of(self.id, self.revision, &self.body)?;
        Ok(Minutes {
            id: self.id,
            table_id: self.table_id,
            meeting_id: self.meeting_id,
            status: self.status,
            revision: self.revision,
            body,
            comment_deadline: self.comment_deadline,
            circulated_at: self.circulated_at,
            approved_at: self.approved_at,
            approved_by: self.approved_by,
            approved_by_name: self.approved_by_name,
            published_at: self.published_at,
            version: self.version,
        })
    }
}

const MINUTES: &str = "SELECT m.id, m.table_id, m.meeting_id, m.status, m.revision, r.body,
       m.comment_deadline, m.circulated_at, m.approved_at, m.approved_by,
       u.name AS approved_by_name, m.published_at, m.version
     FROM table_minutes m
     JOIN table_minutes_revisions r ON r.minutes_id = m.id AND r.number = m.revision
     LEFT JOIN users u ON u.id = m.approved_by";

/// The minutes of meeting `meeting` of `table`, if drafted.
pub async fn minutes_of(db: &Db, table: Uuid, meeting: Uuid) -> Result<Option<Minutes>> {
    let row: Option<MinutesRow> = run!(db, |pool| {
        sqlx::query_as(&format!(
            "{MINUTES} WHERE m.meeting_id = $1 AND m.table_id = $2"
        ))
        .bind(meeting)
        .bind(table)
        .fetch_optional(pool)
        .await?
    });
    row.map(MinutesRow::into_minutes).transpose()
}

/// The minutes of every meeting of `table` (with their current content), by meeting.
pub async fn table_minutes(db: &Db, table: Uuid) -> Result<Vec<Minutes>> {
    let rows: Vec<MinutesRow> = run!(db, |pool| {
        sqlx::query_as(&format!(
            "{MINUTES} JOIN table_meetings t ON t.id = m.meeting_id
             WHERE m.table_id = $1 ORDER BY t.starts_at, m.id"
        ))
        .bind(table)
        .fetch_all(pool)
        .await?
    });
    rows.into_iter().map(MinutesRow::into_minutes).collect()
}

/// One revision of the minutes: its content, what changed, who wrote it and when.
#[derive(Debug, Clone, Serialize)]
pub struct MinutesRevision {
    pub number: i64,
    pub body: MinutesBody,
    pub note: String,
    pub author: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct RevisionRow {
    number: i64,
    body: String,
    note: String,
    author: Option<String>,
    created_at: DateTime<Utc>,
}

/// Every revision of minutes `minutes`, oldest first.
pub async fn minutes_revisions(db: &Db, minutes: Uuid) -> Result<Vec<MinutesRevision>> {
    let rows: Vec<RevisionRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT r.number, r.body, r.note, u.name AS author, r.created_at
             FROM table_minutes_revisions r LEFT JOIN users u ON u.id = r.author
             WHERE r.minutes_id = $1 ORDER BY r.number",
        )
        .bind(minutes)
        .fetch_all(pool)
        .await?
    });
    rows.into_iter()
        .map(|r| {
            Ok(MinutesRevision {
                body: body_of(minutes, r.number, &r.body)?,
                number: r.number,
                note: r.note,
                author: r.author,
                created_at: r.created_at,
            })
        })
        .collect()
}

/// A decision of a meeting's minutes, with its stable id: what commitments are created from.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct MinutesDecision {
    pub id: Uuid,
    pub minutes_id: Uuid,
    pub meeting_id: Uuid,
    pub table_id: Uuid,
    /// The section (agenda item) it was taken on.
    pub section_id: Uuid,
    /// Its place among the minutes' decisions.
    pub position: i64,
    pub text: String,
    /// False when an amendment withdrew it (it is kept for what points at it).
    pub current: bool,
    /// Whether the minutes that hold it are approved (or published).
    #[sqlx(skip)]
    pub approved: bool,
}

#[derive(sqlx::FromRow)]
struct DecisionRow {
    #[sqlx(flatten)]
    decision: MinutesDecision,
    #[sqlx(try_from = "String")]
    status: MinutesStatus,
}

const DECISION: &str = "SELECT d.id, d.minutes_id, d.meeting_id, d.table_id, d.section_id,
       d.position, d.text, d.current, m.status
     FROM table_minutes_decisions d JOIN table_minutes m ON m.id = d.minutes_id";

fn decisions_from(rows: Vec<DecisionRow>) -> Vec<MinutesDecision> {
    rows.into_iter()
        .map(|r| MinutesDecision {
            approved: r.status.approved(),
            ..r.decision
        })
        .collect()
}

/// The decisions of the minutes of meeting `meeting` (the current ones, then the withdrawn), in
/// their order.
pub async fn meeting_decisions(db: &Db, meeting: Uuid) -> Result<Vec<MinutesDecision>> {
    let rows: Vec<DecisionRow> = run!(db, |pool| {
        sqlx::query_as(&format!(
            "{DECISION} WHERE d.meeting_id = $1 ORDER BY d.current DESC, d.position, d.id"
        ))
        .bind(meeting)
        .fetch_all(pool)
        .await?
    });
    Ok(decisions_from(rows))
}

/// The current decisions of every meeting of `table`, by meeting and order.
pub async fn table_decisions(db: &Db, table: Uuid) -> Result<Vec<MinutesDecision>> {
    let rows: Vec<DecisionRow> = run!(db, |pool| {
        sqlx::query_as(&format!(
            "{DECISION} JOIN table_meetings t ON t.id = d.meeting_id
             WHERE d.table_id = $1 AND d.current = $2 ORDER BY t.starts_at, d.position, d.id"
        ))
        .bind(table)
        .bind(true)
        .fetch_all(pool)
        .await?
    });
    Ok(decisions_from(rows))
}

/// One decision by its id, if it is a decision of `table`.
pub async fn decision(db: &Db, table: Uuid, id: Uuid) -> Result<Option<MinutesDecision>> {
    let row: Option<DecisionRow> = run!(db, |pool| {
        sqlx::query_as(&format!("{DECISION} WHERE d.id = $1 AND d.table_id = $2"))
            .bind(id)
            .bind(table)
            .fetch_optional(pool)
            .await?
    });
    Ok(decisions_from(row.into_iter().collect()).pop())
}

/// A representative's comment on a section of the minutes.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct MinutesComment {
    pub id: Uuid,
    pub section_id: Uuid,
    /// The revision it was made on.
    pub revision: i64,
    pub author_id: Uuid,
    pub author: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// The comments on minutes `minutes`, oldest first.
pub async fn minutes_comments(db: &Db, minutes: Uuid) -> Result<Vec<MinutesComment>> {
    Ok(run!(db, |pool| {
        sqlx::query_as(
            "SELECT c.id, c.section_id, c.revision, c.author AS author_id, u.name AS author,
                    c.body, c.created_at
             FROM table_minutes_comments c JOIN users u ON u.id = c.author
             WHERE c.minutes_id = $1 ORDER BY c.created_at, c.id",
        )
        .bind(minutes)
        .fetch_all(pool)
        .await?
    }))
}

/// Writes the decisions of revision `number` of `body`: those kept or added become current with
/// their text and place, the others of the minutes are marked withdrawn.
macro_rules! write_decisions {
    ($tx:expr, $minutes:expr, $meeting:expr, $table:expr, $body:expr, $number:expr) => {{
        sqlx::query("UPDATE table_minutes_decisions SET current = $1 WHERE minutes_id = $2")
            .bind(false)
            .bind($minutes)
            .execute(&mut *$tx)
            .await?;
        for (position, (section, d)) in $body.decisions().enumerate() {
            sqlx::query(
                "INSERT INTO table_minutes_decisions (id, minutes_id, meeting_id, table_id,
                   section_id, position, text, current, first_revision, last_revision)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
                 ON CONFLICT (id) DO UPDATE SET section_id = excluded.section_id,
                   position = excluded.position, text = excluded.text, current = excluded.current,
                   last_revision = excluded.last_revision
                 WHERE table_minutes_decisions.minutes_id = excluded.minutes_id",
            )
            .bind(d.id)
            .bind($minutes)
            .bind($meeting)
            .bind($table)
            .bind(section.id)
            .bind(position as i64)
            .bind(&d.text)
            .bind(true)
            .bind($number)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

/// Starts the minutes `id` of a held meeting with their first draft `body`; `Conflict` when the
/// meeting already has minutes or is not held.
pub async fn draft_minutes(
    db: &Db,
    table: Uuid,
    meeting: Uuid,
    id: Uuid,
    body: &MinutesBody,
    actor: Option<Uuid>,
) -> Result<()> {
    let now = db.now();
    let change = Change {
        actor,
        action: "tables.minutes_draft",
        entity: "table_minutes",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "table": table, "meeting": meeting, "minutes": body })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "INSERT INTO table_minutes (id, table_id, meeting_id, status, revision,
                   created_at, updated_at)
                 SELECT $1, $2, $3, $4, 1, $5, $5 WHERE EXISTS (
                   SELECT 1 FROM table_meetings WHERE id = $3 AND table_id = $2 AND status = $6)
                 ON CONFLICT (meeting_id) DO NOTHING",
            )
            .bind(id)
            .bind(table)
            .bind(meeting)
            .bind(MinutesStatus::Draft.code())
            .bind(now)
            .bind(domain::tables::meetings::MeetingStatus::Held.code())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            sqlx::query(
                "INSERT INTO table_minutes_revisions (minutes_id, number, body, note, author,
                   created_at) VALUES ($1, 1, $2, '', $3, $4)",
            )
            .bind(id)
            .bind(json!(body).to_string())
            .bind(actor)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            write_decisions!(tx, id, meeting, table, body, 1i64);
            Ok(())
        },
        |_| &change
    )
}

/// Amends minutes read at `before` with `body` (a new revision, with `note`); `Conflict` when
/// they changed meanwhile or were approved.
pub async fn amend_minutes(
    db: &Db,
    before: &Minutes,
    body: &MinutesBody,
    note: &str,
    actor: Option<Uuid>,
) -> Result<()> {
    let now = db.now();
    let number = before.revision + 1;
    let change = Change {
        actor,
        action: "tables.minutes_amend",
        entity: "table_minutes",
        entity_id: before.id.to_string(),
        before: Some(json!({ "revision": before.revision, "minutes": before.body })),
        after: Some(json!({ "revision": number, "minutes": body, "note": note })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE table_minutes SET revision = $1, updated_at = $2, version = version + 1
                 WHERE id = $3 AND version = $4 AND status IN ($5, $6)",
            )
            .bind(number)
            .bind(now)
            .bind(before.id)
            .bind(before.version)
            .bind(MinutesStatus::Draft.code())
            .bind(MinutesStatus::Circulated.code())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            sqlx::query(
                "INSERT INTO table_minutes_revisions (minutes_id, number, body, note, author,
                   created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(before.id)
            .bind(number)
            .bind(json!(body).to_string())
            .bind(note)
            .bind(actor)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            write_decisions!(
                tx,
                before.id,
                before.meeting_id,
                before.table_id,
                body,
                number
            );
            Ok(())
        },
        |_| &change
    )
}

/// Circulates minutes read at `before` with comments open until `deadline`, and queues the
/// emails `outgoing`; `Conflict` when they changed meanwhile or were approved.
pub async fn circulate_minutes(
    db: &Db,
    before: &Minutes,
    deadline: DateTime<Utc>,
    outgoing: &[Outgoing],
    actor: Option<Uuid>,
) -> Result<()> {
    let now = db.now();
    let change = Change {
        actor,
        action: "tables.minutes_circulate",
        entity: "table_minutes",
        entity_id: before.id.to_string(),
        before: Some(json!({ "status": before.status, "deadline": before.comment_deadline })),
        after: Some(json!({
            "status": MinutesStatus::Circulated, "deadline": deadline,
            "revision": before.revision, "sent": outgoing.len(),
        })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE table_minutes SET status = $1, comment_deadline = $2, circulated_at = $3,
                   circulated_by = $4, updated_at = $3, version = version + 1
                 WHERE id = $5 AND version = $6 AND status IN ($7, $1)",
            )
            .bind(MinutesStatus::Circulated.code())
            .bind(deadline)
            .bind(now)
            .bind(actor)
            .bind(before.id)
            .bind(before.version)
            .bind(MinutesStatus::Draft.code())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            for o in outgoing {
                let Some(payload) = &o.payload else {
                    continue;
                };
                sqlx::query(
                    "INSERT INTO jobs (id, kind, key, payload, created_at, run_at)
                     VALUES ($1, $2, $3, $4, $5, $5)",
                )
                .bind(new_id())
                .bind(o.kind)
                .bind(&o.key)
                .bind(payload.to_string())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            Ok(())
        },
        |_| &change
    )
}

/// Records a comment `id` by `author` on section `section` of minutes `minutes` at revision
/// `revision`; `Conflict` when, by the time it is written, the minutes are no longer circulated
/// or their deadline has passed.
pub async fn comment_on_minutes(
    db: &Db,
    minutes: Uuid,
    id: Uuid,
    section: Uuid,
    revision: i64,
    text: &str,
    author: Uuid,
) -> Result<()> {
    let now = db.now();
    let change = Change {
        actor: Some(author),
        action: "tables.minutes_comment",
        entity: "table_minutes",
        entity_id: minutes.to_string(),
        before: None,
        after: Some(
            json!({ "comment": id, "section": section, "revision": revision, "text": text }),
        ),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "INSERT INTO table_minutes_comments (id, minutes_id, section_id, revision, author,
                   body, created_at)
                 SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (
                   SELECT 1 FROM table_minutes WHERE id = $2 AND status = $8
                     AND comment_deadline >= $7)",
            )
            .bind(id)
            .bind(minutes)
            .bind(section)
            .bind(revision)
            .bind(author)
            .bind(text)
            .bind(now)
            .bind(MinutesStatus::Circulated.code())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )
}

/// Approves circulated minutes read at `before`, recording who and when; `Conflict` when they
/// changed meanwhile or are not circulated (already approved, say).
pub async fn approve_minutes(db: &Db, before: &Minutes, actor: Option<Uuid>) -> Result<()> {
    let now = db.now();
    let change = Change {
        actor,
        action: "tables.minutes_approve",
        entity: "table_minutes",
        entity_id: before.id.to_string(),
        before: Some(json!({ "status": before.status })),
        after: Some(json!({ "status": MinutesStatus::Approved, "revision": before.revision })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE table_minutes SET status = $1, approved_at = $2, approved_by = $3,
                   updated_at = $2, version = version + 1
                 WHERE id = $4 AND version = $5 AND status = $6",
            )
            .bind(MinutesStatus::Approved.code())
            .bind(now)
            .bind(actor)
            .bind(before.id)
            .bind(before.version)
            .bind(MinutesStatus::Circulated.code())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )
}

/// Publishes approved minutes read at `before`; `Conflict` when they are not (or no longer)
/// approved and unpublished.
pub async fn publish_minutes(db: &Db, before: &Minutes, actor: Option<Uuid>) -> Result<()> {
    let now = db.now();
    let change = Change {
        actor,
        action: "tables.minutes_publish",
        entity: "table_minutes",
        entity_id: before.id.to_string(),
        before: Some(json!({ "status": before.status })),
        after: Some(json!({ "status": MinutesStatus::Published })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE table_minutes SET status = $1, published_at = $2, published_by = $3,
                   updated_at = $2, version = version + 1
                 WHERE id = $4 AND status = $5",
            )
            .bind(MinutesStatus::Published.code())
            .bind(now)
            .bind(actor)
            .bind(before.id)
            .bind(MinutesStatus::Approved.code())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )
}
