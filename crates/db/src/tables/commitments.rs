//! A table's commitments: created and edited by the secretariat, updated by the owing
//! organisation's representatives, each change kept in the commitment's history. A commitment's
//! reminder job is queued in the change that sets its due date; reminders and weekly digests are
//! recorded when their email is queued, in the same transaction, so that each goes out once.
//! Also the counts per administration that the results dashboard shows.

use super::*;
use crate::Audit;
use chrono::DateTime;
use domain::tables::commitments::{
    diff, evidence_text, CommitmentDraft, Evidence, FieldChange, Fields, Progress, Status,
};
use domain::tables::meetings::MeetingStatus;

/// The job kind of a commitment's reminder before its due date.
pub const COMMITMENT_REMINDER_JOB: &str = "tables.commitment_reminder";
/// The job kind of the weekly digest of overdue commitments.
pub const COMMITMENT_DIGEST_JOB: &str = "tables.commitment_digest";

/// A commitment as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct Commitment {
    pub id: Uuid,
    pub table_id: Uuid,
    pub table_name: String,
    pub meeting_id: Uuid,
    pub meeting_title: String,
    pub meeting_starts_at: DateTime<Utc>,
    /// The decision of the meeting's minutes that created it, when there is one.
    pub decision_id: Option<Uuid>,
    pub what: String,
    pub organisation_id: Uuid,
    pub organisation: String,
    pub representative_id: Uuid,
    pub representative: String,
    pub representative_email: String,
    pub representative_user: Option<Uuid>,
    pub due_on: NaiveDate,
    pub status: Status,
    pub drop_reason: String,
    pub evidence: Option<Evidence>,
    /// The title of the library document given as evidence.
    pub evidence_title: Option<String>,
    /// Who may see that document, read with it (pages decide from it whether to link it).
    pub evidence_visibility: Option<domain::library::Visibility>,
    /// The day it was done or dropped.
    pub closed_on: Option<NaiveDate>,
    pub version: i64,
}

impl Commitment {
    /// Its fields as the history compares them.
    pub fn fields(&self) -> Fields {
        Fields {
            what: self.what.clone(),
            organisation: self.organisation_id.to_string(),
            representative: self.representative_id.to_string(),
            due_on: self.due_on.to_string(),
            status: self.status.code().to_string(),
            evidence: evidence_text(self.evidence.as_ref()),
            reason: self.drop_reason.clone(),
            decision: self.decision_id.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    table_id: Uuid,
    table_name: String,
    meeting_id: Uuid,
    meeting_title: String,
    meeting_starts_at: DateTime<Utc>,
    decision_id: Option<Uuid>,
    what: String,
    organisation_id: Uuid,
    organisation: String,
    representative_id: Uuid,
    representative: String,
    representative_email: String,
    representative_user: Option<Uuid>,
    due_on: NaiveDate,
    #[sqlx(try_from = "String")]
    status: Status,
    drop_reason: String,
    evidence_document: Option<Uuid>,
    evidence_title: Option<String>,
    evidence_visibility: Option<String>,
    evidence_url: String,
    closed_on: Option<NaiveDate>,
    version: i64,
}

impl From<Row> for Commitment {
    fn from(r: Row) -> Commitment {
        let evidence = match (r.evidence_document, r.evidence_url.is_empty()) {
            (Some(id), _) => Some(Evidence::Document(id)),
            (None, false) => Some(Evidence::Link(r.evidence_url)),
            (None, true) => None,
        };
        Commitment {
            id: r.id,
            table_id: r.table_id,
            table_name: r.table_name,
            meeting_id: r.meeting_id,
            meeting_title: r.meeting_title,
            meeting_starts_at: r.meeting_starts_at,
            decision_id: r.decision_id,
            what: r.what,
            organisation_id: r.organisation_id,
            organisation: r.organisation,
            representative_id: r.representative_id,
            representative: r.representative,
            representative_email: r.representative_email,
            representative_user: r.representative_user,
            due_on: r.due_on,
            status: r.status,
            drop_reason: r.drop_reason,
            evidence,
            evidence_title: r.evidence_title,
            evidence_visibility: r
                .evidence_visibility
                .and_then(|v| domain::library::Visibility::try_from(v).ok()),
            closed_on: r.closed_on,
            version: r.version,
        }
    }
}

const COMMITMENT: &str = "SELECT c.id, c.table_id, t.name AS table_name, c.meeting_id,
       m.title AS meeting_title, m.starts_at AS meeting_starts_at, c.decision_id, c.what,
       c.organisation_id, o.name AS organisation, c.representative_id, r.name AS representative,
       r.email AS representative_email, r.user_id AS representative_user, c.due_on, c.status,
       c.drop_reason, c.evidence_document, d.title AS evidence_title,
       d.visibility AS evidence_visibility, c.evidence_url, c.closed_on,
       c.version
     FROM table_commitments c
     JOIN territorial_tables t ON t.id = c.table_id
     JOIN table_meetings m ON m.id = c.meeting_id
     JOIN organisations o ON o.id = c.organisation_id
     JOIN table_representatives r ON r.id = c.representative_id
     LEFT JOIN library_documents d ON d.id = c.evidence_document";

/// The table's commitments, by due date.
pub async fn commitments(db: &Db, table: Uuid) -> Result<Vec<Commitment>> {
    let rows: Vec<Row> = run!(db, |pool| {
        sqlx::query_as(&format!(
            "{COMMITMENT} WHERE c.table_id = $1 ORDER BY c.due_on, c.created_at, c.id"
        ))
        .bind(table)
        .fetch_all(pool)
        .await?
    });
    Ok(rows.into_iter().map(Commitment::from).collect())
}

/// One commitment of `table`; `NotFound` when it is not one of its commitments.
pub async fn commitment(db: &Db, table: Uuid, id: Uuid) -> Result<Commitment> {
    let row: Option<Row> = run!(db, |pool| {
        sqlx::query_as(&format!("{COMMITMENT} WHERE c.id = $1 AND c.table_id = $2"))
            .bind(id)
            .bind(table)
            .fetch_optional(pool)
            .await?
    });
    row.map(Commitment::from).ok_or(DbError::NotFound)
}

/// One commitment, of whichever table (for the reminder job).
pub async fn commitment_by_id(db: &Db, id: Uuid) -> Result<Option<Commitment>> {
    let row: Option<Row> = run!(db, |pool| {
        sqlx::query_as(&format!("{COMMITMENT} WHERE c.id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?
    });
    Ok(row.map(Commitment::from))
}

/// Every commitment still pending and due before `today`, of every table, by owner's address
/// (ignoring case, so that one person's rows are together however each table spelt it) and due
/// date (for the weekly digest).
pub async fn overdue_commitments(db: &Db, today: NaiveDate) -> Result<Vec<Commitment>> {
    let rows: Vec<Row> = run!(db, |pool| {
        sqlx::query_as(&format!(
            "{COMMITMENT} WHERE c.status IN ($1, $2) AND c.due_on < $3
             ORDER BY LOWER(r.email), c.due_on, c.id"
        ))
        .bind(Status::Open.code())
        .bind(Status::InProgress.code())
        .bind(today)
        .fetch_all(pool)
        .await?
    });
    Ok(rows.into_iter().map(Commitment::from).collect())
}

/// One entry of a commitment's history.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentUpdate {
    pub at: DateTime<Utc>,
    /// Who made it (none: the demo or a change without an account).
    pub actor: Option<String>,
    pub changes: Vec<FieldChange>,
    pub note: String,
}

#[derive(sqlx::FromRow)]
struct UpdateRow {
    at: DateTime<Utc>,
    actor: Option<String>,
    changes: String,
    note: String,
}

/// A commitment's history, oldest first.
pub async fn commitment_history(db: &Db, id: Uuid) -> Result<Vec<CommitmentUpdate>> {
    let rows: Vec<UpdateRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT h.at, u.name AS actor, h.changes, h.note FROM table_commitment_updates h
             LEFT JOIN users u ON u.id = h.actor_id
             WHERE h.commitment_id = $1 ORDER BY h.at, h.id",
        )
        .bind(id)
        .fetch_all(pool)
        .await?
    });
    rows.into_iter()
        .map(|r| {
            let changes = serde_json::from_str(&r.changes).map_err(|_| DbError::Unreadable {
                record: format!("table_commitment_updates/{id}/changes"),
                value: r.changes.clone(),
            })?;
            Ok(CommitmentUpdate {
                at: r.at,
                actor: r.actor,
                changes,
                note: r.note,
            })
        })
        .collect()
}

fn evidence_columns(evidence: Option<&Evidence>) -> (Option<Uuid>, String) {
    match evidence {
        Some(Evidence::Document(id)) => (Some(*id), String::new()),
        Some(Evidence::Link(url)) => (None, url.clone()),
        None => (None, String::new()),
    }
}

/// The payload of a commitment's reminder job.
pub fn reminder_payload(commitment: Uuid, due_on: NaiveDate) -> serde_json::Value {
    json!({ "commitment": commitment, "due": due_on })
}

/// Inserts an email job on `$tx` (the queue's own insert, see `crate::jobs::enqueue_at`).
macro_rules! email_in {
    ($tx:expr, $email:expr, $payload:expr, $now:expr) => {{
        sqlx::query(
            "INSERT INTO jobs (id, kind, key, payload, created_at, run_at)
             VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(new_id())
        .bind(EMAIL_JOB)
        .bind($email)
        .bind($payload.to_string())
        .bind($now)
        .execute(&mut *$tx)
        .await?;
    }};
}

/// The job kind of an email (as the web layer's mail runner names it).
const EMAIL_JOB: &str = "email";

/// Inserts a history row and, when `reminder_at` is given, the reminder job, on `$tx`.
macro_rules! record_in {
    ($tx:expr, $id:expr, $now:expr, $actor:expr, $changes:expr, $note:expr, $due:expr, $reminder_at:expr) => {{
        sqlx::query(
            "INSERT INTO table_commitment_updates (id, commitment_id, at, actor_id, changes, note)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(new_id())
        .bind($id)
        .bind($now)
        .bind($actor)
        .bind(json!($changes).to_string())
        .bind($note)
        .execute(&mut *$tx)
        .await?;
        if let Some(at) = $reminder_at {
            sqlx::query(
                "INSERT INTO jobs (id, kind, key, payload, created_at, run_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(new_id())
            .bind(COMMITMENT_REMINDER_JOB)
            .bind($id.to_string())
            .bind(reminder_payload($id, $due).to_string())
            .bind($now)
            .bind(at)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

/// Creates commitment `id` of `table`, decided at `meeting` (by the decision of its minutes that
/// `draft` names, if any), and queues its reminder for `reminder_at`. `NotFound` when the meeting
/// is not one of the table's or was cancelled, the organisation is not a current member, the
/// representative does not represent it on this table, or the decision is not the meeting's.
pub async fn create_commitment(
    db: &Db,
    table: Uuid,
    meeting: Uuid,
    id: Uuid,
    draft: &CommitmentDraft,
    reminder_at: Option<DateTime<Utc>>,
    actor: Option<Uuid>,
) -> Result<()> {
    let now = db.now();
    let after = Fields {
        what: draft.what.clone(),
        organisation: draft.organisation.to_string(),
        representative: draft.representative.to_string(),
        due_on: draft.due_on.to_string(),
        status: Status::Open.code().to_string(),
        evidence: evidence_text(draft.evidence.as_ref()),
        reason: String::new(),
        decision: draft.decision.map(|d| d.to_string()).unwrap_or_default(),
    };
    let changes = diff(&Fields::default(), &after);
    let change = Change {
        actor,
        action: "tables.commitment_create",
        entity: "table_commitment",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "table": table, "meeting": meeting, "commitment": draft })),
    };
    let (document, url) = evidence_columns(draft.evidence.as_ref());
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "INSERT INTO table_commitments (id, table_id, meeting_id, decision_id, what,
                   organisation_id, representative_id, due_on, status, evidence_document,
                   evidence_url, created_at, updated_at)
                 SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12
                 WHERE EXISTS (SELECT 1 FROM table_meetings WHERE id = $3 AND table_id = $2
                     AND status <> $13)
                   AND EXISTS (SELECT 1 FROM table_members WHERE table_id = $2
                     AND organisation_id = $6 AND left_on IS NULL)
                   AND EXISTS (SELECT 1 FROM table_representatives WHERE id = $7
                     AND table_id = $2 AND organisation_id = $6)
                   AND ($4 IS NULL OR EXISTS (SELECT 1 FROM table_minutes_decisions
                     WHERE id = $4 AND meeting_id = $3))",
            )
            .bind(id)
            .bind(table)
            .bind(meeting)
            .bind(draft.decision)
            .bind(&draft.what)
            .bind(draft.organisation)
            .bind(draft.representative)
            .bind(draft.due_on)
            .bind(Status::Open.code())
            .bind(document)
            .bind(&url)
            .bind(now)
            .bind(MeetingStatus::Cancelled.code())
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_write)?;
            if done.rows_affected() != 1 {
                return Err(DbError::NotFound);
            }
            record_in!(tx, id, now, actor, changes, "", draft.due_on, reminder_at);
            Ok(())
        },
        |_| &change
    )
}

/// Saves the secretariat's edit of a commitment read at `before` (its fields; the state is left
/// as it is), with a note for its history, and queues a new reminder when the due date changed
/// (`reminder_at`). `Conflict` when it changed meanwhile or is no longer pending; `NotFound` when
/// the organisation or representative no longer fit the table.
pub async fn update_commitment(
    db: &Db,
    before: &Commitment,
    draft: &CommitmentDraft,
    note: &str,
    reminder_at: Option<DateTime<Utc>>,
    actor: Option<Uuid>,
) -> Result<()> {
    let now = db.now();
    let old = before.fields();
    let new = Fields {
        what: draft.what.clone(),
        organisation: draft.organisation.to_string(),
        representative: draft.representative.to_string(),
        due_on: draft.due_on.to_string(),
        evidence: evidence_text(draft.evidence.as_ref()),
        decision: draft.decision.map(|d| d.to_string()).unwrap_or_default(),
        ..old.clone()
    };
    let changes = diff(&old, &new);
    let reminder_at = if draft.due_on != before.due_on {
        reminder_at
    } else {
        None
    };
    let change = Change {
        actor,
        action: "tables.commitment_update",
        entity: "table_commitment",
        entity_id: before.id.to_string(),
        before: Some(
            json!({ "changes": changes.iter().map(|c| (&c.field, &c.before)).collect::<Vec<_>>() }),
        ),
        after: Some(json!({ "commitment": draft, "note": note })),
    };
    let (document, url) = evidence_columns(draft.evidence.as_ref());
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE table_commitments SET what = $1, organisation_id = $2,
                   representative_id = $3, due_on = $4, evidence_document = $5, evidence_url = $6,
                   updated_at = $7, decision_id = $12, version = version + 1
                 WHERE id = $8 AND version = $9 AND status IN ($10, $11)",
            )
            .bind(&draft.what)
            .bind(draft.organisation)
            .bind(draft.representative)
            .bind(draft.due_on)
            .bind(document)
            .bind(&url)
            .bind(now)
            .bind(before.id)
            .bind(before.version)
            .bind(Status::Open.code())
            .bind(Status::InProgress.code())
            .bind(draft.decision)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_write)?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            let fits: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM table_representatives r WHERE r.id = $1 AND r.table_id = $2
                   AND r.organisation_id = $3",
            )
            .bind(draft.representative)
            .bind(before.table_id)
            .bind(draft.organisation)
            .fetch_one(&mut *tx)
            .await?;
            if fits != 1 {
                return Err(DbError::NotFound);
            }
            record_in!(
                tx,
                before.id,
                now,
                actor,
                changes,
                note,
                draft.due_on,
                reminder_at
            );
            Ok(())
        },
        |_| &change
    )
}

/// Records an update of a commitment read at `before`: its state, evidence and a note.
/// `Conflict` when it changed meanwhile.
pub async fn progress_commitment(
    db: &Db,
    before: &Commitment,
    progress: &Progress,
    actor: Option<Uuid>,
) -> Result<()> {
    let now = db.now();
    let today = now.with_timezone(&domain::locale::TIME_ZONE).date_naive();
    let old = before.fields();
    let new = Fields {
        status: progress.status.code().to_string(),
        evidence: evidence_text(progress.evidence.as_ref()),
        reason: progress.reason.clone(),
        ..old.clone()
    };
    let changes = diff(&old, &new);
    let closed_on = (!progress.status.is_pending()).then_some(today);
    let change = Change {
        actor,
        action: "tables.commitment_progress",
        entity: "table_commitment",
        entity_id: before.id.to_string(),
        before: Some(json!({ "status": before.status, "evidence": before.evidence })),
        after: Some(json!(progress)),
    };
    let (document, url) = evidence_columns(progress.evidence.as_ref());
    let no_reminder: Option<DateTime<Utc>> = None;
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE table_commitments SET status = $1, drop_reason = $2,
                   evidence_document = $3, evidence_url = $4, closed_on = $5, updated_at = $6,
                   version = version + 1
                 WHERE id = $7 AND version = $8",
            )
            .bind(progress.status.code())
            .bind(&progress.reason)
            .bind(document)
            .bind(&url)
            .bind(closed_on)
            .bind(now)
            .bind(before.id)
            .bind(before.version)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_write)?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            record_in!(
                tx,
                before.id,
                now,
                actor,
                changes,
                &progress.note,
                before.due_on,
                no_reminder
            );
            Ok(())
        },
        |_| &change
    )
}

/// Queues the reminder email of commitment `id` due on `due_on` to `email`, recording that it
/// went out; `false` (and nothing queued) when a reminder for that due date was queued before.
pub async fn queue_commitment_reminder(
    db: &Db,
    id: Uuid,
    due_on: NaiveDate,
    email: &str,
    payload: &serde_json::Value,
) -> Result<bool> {
    let now = db.now();
    crate::change!(
        db,
        [],
        |tx| {
            let marked = sqlx::query(
                "INSERT INTO table_commitment_reminders (commitment_id, due_on, email, sent_at)
                 VALUES ($1, $2, $3, $4) ON CONFLICT (commitment_id, due_on) DO NOTHING",
            )
            .bind(id)
            .bind(due_on)
            .bind(email)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if marked.rows_affected() != 1 {
                return Ok(false);
            }
            email_in!(tx, email, payload, now);
            Ok(true)
        },
        |sent: &bool| if *sent {
            Audit::none("a reminder is recorded by its email job")
        } else {
            Audit::Nothing
        }
    )
}

/// Queues the weekly digest email of the week of `week_of` to `email`, recording that it went
/// out; `false` (and nothing queued) when that week's digest was queued before.
pub async fn queue_commitment_digest(
    db: &Db,
    email: &str,
    week_of: NaiveDate,
    payload: &serde_json::Value,
) -> Result<bool> {
    let now = db.now();
    crate::change!(
        db,
        [],
        |tx| {
            let marked = sqlx::query(
                "INSERT INTO table_commitment_digests (email, week_of, sent_at)
                 VALUES ($1, $2, $3) ON CONFLICT (email, week_of) DO NOTHING",
            )
            .bind(email)
            .bind(week_of)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if marked.rows_affected() != 1 {
                return Ok(false);
            }
            email_in!(tx, email, payload, now);
            Ok(true)
        },
        |sent: &bool| if *sent {
            Audit::none("a digest is recorded by its email job")
        } else {
            Audit::Nothing
        }
    )
}

/// Queues the weekly digest job for `at` unless one for that moment is queued already (any
/// instance may ask; the job's key is the moment). Returns whether it was queued now.
pub async fn schedule_commitment_digest(db: &Db, at: DateTime<Utc>) -> Result<bool> {
    let now = db.now();
    let key = at.to_rfc3339();
    crate::change!(
        db,
        [],
        |tx| {
            let done = sqlx::query(
                "INSERT INTO jobs (id, kind, key, payload, created_at, run_at)
                 SELECT $1, $2, $3, $4, $5, $6
                 WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE kind = $2 AND key = $3)",
            )
            .bind(new_id())
            .bind(COMMITMENT_DIGEST_JOB)
            .bind(&key)
            .bind(json!({ "at": at }).to_string())
            .bind(now)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            Ok(done.rows_affected() == 1)
        },
        |queued: &bool| if *queued {
            Audit::none("the job queue is bookkeeping")
        } else {
            Audit::Nothing
        }
    )
}

/// What one administration's tables achieved, for the results dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct TableResults {
    pub organisation_id: Uuid,
    pub organisation: String,
    /// Tables it leads that were constituted (whatever their state since).
    pub tables_constituted: i64,
    /// Meetings of those tables that were held.
    pub meetings_held: i64,
    /// Commitments of those tables done.
    pub commitments_done: i64,
}

/// The results of every administration that leads a table, by name.
pub async fn results_by_administration(db: &Db) -> Result<Vec<TableResults>> {
    let mut out: Vec<TableResults> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT o.id AS organisation_id, o.name AS organisation,
               (SELECT COUNT(*) FROM territorial_tables t
                 WHERE t.lead_id = o.id AND t.constituted_on IS NOT NULL) AS tables_constituted,
               (SELECT COUNT(*) FROM table_meetings m JOIN territorial_tables t ON t.id = m.table_id
                 WHERE t.lead_id = o.id AND m.status = $1) AS meetings_held,
               (SELECT COUNT(*) FROM table_commitments c
                 JOIN territorial_tables t ON t.id = c.table_id
                 WHERE t.lead_id = o.id AND c.status = $2) AS commitments_done
             FROM organisations o
             WHERE EXISTS (SELECT 1 FROM territorial_tables t WHERE t.lead_id = o.id)",
        )
        .bind(MeetingStatus::Held.code())
        .bind(Status::Done.code())
        .fetch_all(pool)
        .await?
    });
    domain::locale::sort_by_name(&mut out, |r| r.organisation.as_str());
    Ok(out)
}
