//! A table's meetings and their attendance. Each change that people are told of (convened,
//! changed, cancelled) queues its emails in the same transaction: the meeting and its
//! convocation are stored both or neither, and a change refused as stale sends nothing.

use super::*;
use chrono::DateTime;
use domain::tables::meetings::{AgendaItem, Attendance, MeetingDraft, MeetingStatus, Presence};

/// A meeting as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    pub id: Uuid,
    pub table_id: Uuid,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub online_url: String,
    pub agenda: Vec<AgendaItem>,
    pub documents: Vec<Uuid>,
    pub status: MeetingStatus,
    pub cancel_reason: String,
    /// The SEQUENCE of its last invitation.
    pub sequence: i64,
    pub version: i64,
}

impl Meeting {
    /// The meeting's fields as a draft, to fill the form that changes it.
    pub fn draft(&self) -> MeetingDraft {
        MeetingDraft {
            title: self.title.clone(),
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            place: self.place.clone(),
            online_url: self.online_url.clone(),
            agenda: self.agenda.clone(),
            documents: self.documents.clone(),
        }
    }
}

#[derive(sqlx::FromRow)]
struct MeetingRow {
    id: Uuid,
    table_id: Uuid,
    title: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    place: String,
    online_url: String,
    agenda: String,
    documents: String,
    #[sqlx(try_from = "String")]
    status: MeetingStatus,
    cancel_reason: String,
    sequence: i64,
    version: i64,
}

impl MeetingRow {
    fn into_meeting(self) -> Result<Meeting> {
        let unreadable = |column: &str, value: &str| DbError::Unreadable {
            record: format!("table_meetings/{}/{column}", self.id),
            value: value.to_string(),
        };
        let agenda =
            serde_json::from_str(&self.agenda).map_err(|_| unreadable("agenda", &self.agenda))?;
        let documents = serde_json::from_str(&self.documents)
            .map_err(|_| unreadable("documents", &self.documents))?;
        Ok(Meeting {
            id: self.id,
            table_id: self.table_id,
            title: self.title,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            place: self.place,
            online_url: self.online_url,
            agenda,
            documents,
            status: self.status,
            cancel_reason: self.cancel_reason,
            sequence: self.sequence,
            version: self.version,
        })
    }
}

const MEETING: &str = "SELECT id, table_id, title, starts_at, ends_at, place, online_url, agenda,
       documents, status, cancel_reason, sequence, version FROM table_meetings";

/// The table's meetings, by start.
pub async fn meetings(db: &Db, table: Uuid) -> Result<Vec<Meeting>> {
    let rows: Vec<MeetingRow> = run!(db, |pool| {
        sqlx::query_as(&format!(
            "{MEETING} WHERE table_id = $1 ORDER BY starts_at, id"
        ))
        .bind(table)
        .fetch_all(pool)
        .await?
    });
    rows.into_iter().map(MeetingRow::into_meeting).collect()
}

/// One meeting of `table`; `NotFound` when it is not one of its meetings.
pub async fn meeting(db: &Db, table: Uuid, id: Uuid) -> Result<Meeting> {
    let row: Option<MeetingRow> = run!(db, |pool| {
        sqlx::query_as(&format!("{MEETING} WHERE id = $1 AND table_id = $2"))
            .bind(id)
            .bind(table)
            .fetch_optional(pool)
            .await?
    });
    row.ok_or(DbError::NotFound)?.into_meeting()
}

/// An email queued with a change: its job kind, its key (the recipient's address) and its
/// payload, with the recipient (recorded among those told of the meeting). No payload when the
/// recipient chose to get no such email: they are still recorded as told (the meeting is shown to
/// them in the app), so that later changes reach them as they then prefer.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub kind: &'static str,
    pub key: String,
    pub payload: Option<serde_json::Value>,
    pub recipient: Notified,
}

/// Someone told of a meeting: the address written to, the name and the account if any.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Notified {
    pub email: String,
    pub name: String,
    pub user_id: Option<Uuid>,
}

/// Everyone told of meeting `id` so far, by address.
pub async fn notified(db: &Db, id: Uuid) -> Result<Vec<Notified>> {
    Ok(run!(db, |pool| {
        sqlx::query_as(
            "SELECT email, name, user_id FROM table_meeting_notices WHERE meeting_id = $1 ORDER BY email",
        )
        .bind(id)
        .fetch_all(pool)
        .await?
    }))
}

/// Inserts the jobs of `outgoing` on the transaction `$tx` (the queue's own insert, see
/// `crate::jobs::enqueue_at`, inside the change that they tell of).
macro_rules! queue_in {
    ($tx:expr, $meeting:expr, $outgoing:expr, $now:expr) => {{
        for o in $outgoing {
            sqlx::query(
                "INSERT INTO table_meeting_notices (meeting_id, email, name, user_id)
                 VALUES ($1, $2, $3, $4) ON CONFLICT (meeting_id, email) DO NOTHING",
            )
            .bind($meeting)
            .bind(&o.recipient.email)
            .bind(&o.recipient.name)
            .bind(o.recipient.user_id)
            .execute(&mut *$tx)
            .await?;
            if let Some(payload) = &o.payload {
                sqlx::query(
                    "INSERT INTO jobs (id, kind, key, payload, created_at, run_at)
                     VALUES ($1, $2, $3, $4, $5, $5)",
                )
                .bind(new_id())
                .bind(o.kind)
                .bind(&o.key)
                .bind(payload.to_string())
                .bind($now)
                .execute(&mut *$tx)
                .await?;
            }
        }
    }};
}

fn json_agenda(agenda: &[AgendaItem]) -> String {
    json!(agenda).to_string()
}

fn json_ids(ids: &[Uuid]) -> String {
    json!(ids).to_string()
}

/// Convenes a meeting `id` of `table` and queues its convocations `outgoing`.
pub async fn convene(
    db: &Db,
    table: Uuid,
    id: Uuid,
    draft: &MeetingDraft,
    outgoing: &[Outgoing],
    actor: Option<Uuid>,
) -> Result<()> {
    let now = db.now();
    let change = Change {
        actor,
        action: "tables.meeting_convene",
        entity: "table_meeting",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "table": table, "meeting": draft, "invited": outgoing.len() })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            sqlx::query(
                "INSERT INTO table_meetings (id, table_id, title, starts_at, ends_at, place,
                   online_url, agenda, documents, status, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
            )
            .bind(id)
            .bind(table)
            .bind(&draft.title)
            .bind(draft.starts_at)
            .bind(draft.ends_at)
            .bind(&draft.place)
            .bind(&draft.online_url)
            .bind(json_agenda(&draft.agenda))
            .bind(json_ids(&draft.documents))
            .bind(MeetingStatus::Convened.code())
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_write)?;
            queue_in!(tx, id, outgoing, now);
            Ok(())
        },
        |_| &change
    )
}

/// Changes a convened meeting read at `before`, raising its invitation's SEQUENCE, and queues
/// the change's emails; `Conflict` when it changed meanwhile or is no longer convened.
pub async fn update_meeting(
    db: &Db,
    before: &Meeting,
    draft: &MeetingDraft,
    outgoing: &[Outgoing],
    actor: Option<Uuid>,
) -> Result<()> {
    let now = db.now();
    let change = Change {
        actor,
        action: "tables.meeting_update",
        entity: "table_meeting",
        entity_id: before.id.to_string(),
        before: Some(json!(before.draft())),
        after: Some(json!({ "meeting": draft, "sequence": before.sequence + 1 })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE table_meetings SET title = $1, starts_at = $2, ends_at = $3, place = $4,
                   online_url = $5, agenda = $6, documents = $7, sequence = sequence + 1,
                   updated_at = $8, version = version + 1
                 WHERE id = $9 AND version = $10 AND status = $11",
            )
            .bind(&draft.title)
            .bind(draft.starts_at)
            .bind(draft.ends_at)
            .bind(&draft.place)
            .bind(&draft.online_url)
            .bind(json_agenda(&draft.agenda))
            .bind(json_ids(&draft.documents))
            .bind(now)
            .bind(before.id)
            .bind(before.version)
            .bind(MeetingStatus::Convened.code())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            queue_in!(tx, before.id, outgoing, now);
            Ok(())
        },
        |_| &change
    )
}

/// Cancels a convened meeting read at `before` with `reason`, raising its invitation's SEQUENCE,
/// and queues the cancellations; `Conflict` when it changed meanwhile or is no longer convened.
pub async fn cancel_meeting(
    db: &Db,
    before: &Meeting,
    reason: &str,
    outgoing: &[Outgoing],
    actor: Option<Uuid>,
) -> Result<()> {
    let now = db.now();
    let change = Change {
        actor,
        action: "tables.meeting_cancel",
        entity: "table_meeting",
        entity_id: before.id.to_string(),
        before: Some(json!({ "status": before.status })),
        after: Some(json!({ "status": MeetingStatus::Cancelled, "reason": reason })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE table_meetings SET status = $1, cancel_reason = $2,
                   sequence = sequence + 1, updated_at = $3, version = version + 1
                 WHERE id = $4 AND version = $5 AND status = $6",
            )
            .bind(MeetingStatus::Cancelled.code())
            .bind(reason)
            .bind(now)
            .bind(before.id)
            .bind(before.version)
            .bind(MeetingStatus::Convened.code())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            queue_in!(tx, before.id, outgoing, now);
            Ok(())
        },
        |_| &change
    )
}

/// Records the attendance of a meeting (replacing what was recorded) and marks it held;
/// `Conflict` when it was cancelled meanwhile.
pub async fn record_attendance(
    db: &Db,
    table: Uuid,
    meeting: Uuid,
    rows: &[Attendance],
    actor: Option<Uuid>,
) -> Result<()> {
    let now = db.now();
    let change = Change {
        actor,
        action: "tables.meeting_attendance",
        entity: "table_meeting",
        entity_id: meeting.to_string(),
        before: None,
        after: Some(json!({ "table": table, "attendance": rows })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE table_meetings SET status = $1, updated_at = $2, version = version + 1
                 WHERE id = $3 AND table_id = $4 AND status <> $5",
            )
            .bind(MeetingStatus::Held.code())
            .bind(now)
            .bind(meeting)
            .bind(table)
            .bind(MeetingStatus::Cancelled.code())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            sqlx::query("DELETE FROM table_attendance WHERE meeting_id = $1")
                .bind(meeting)
                .execute(&mut *tx)
                .await?;
            for a in rows {
                sqlx::query(
                    "INSERT INTO table_attendance (meeting_id, organisation_id, presence, person,
                       delegate) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(meeting)
                .bind(a.organisation)
                .bind(a.presence.code())
                .bind(&a.person)
                .bind(&a.delegate)
                .execute(&mut *tx)
                .await?;
            }
            Ok(())
        },
        |_| &change
    )
}

/// One organisation's recorded attendance, with its name.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct AttendanceRow {
    pub organisation_id: Uuid,
    pub organisation: String,
    #[sqlx(try_from = "String")]
    pub presence: Presence,
    pub person: String,
    pub delegate: String,
}

/// The recorded attendance of a meeting, by organisation name.
pub async fn attendance(db: &Db, meeting: Uuid) -> Result<Vec<AttendanceRow>> {
    let mut out: Vec<AttendanceRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT a.organisation_id, o.name AS organisation, a.presence, a.person, a.delegate
             FROM table_attendance a JOIN organisations o ON o.id = a.organisation_id
             WHERE a.meeting_id = $1",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?
    });
    domain::locale::sort_by_name(&mut out, |a| a.organisation.as_str());
    Ok(out)
}
