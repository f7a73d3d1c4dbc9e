//! Lab sessions and everything attached to them: agenda, materials, registrations (seats taken
//! atomically), attendance by half-day, feedback, calendar feed tokens.

use crate::audit::Change;
use crate::{new_id, run, Audit, Db, DbError, Part, Result};
use chrono::{DateTime, NaiveDate, Utc};
use domain::labs::{SessionDraft, Status};
use serde::Serialize;
use serde_json::json;
use sqlx::Row;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// A session with the names it is shown with.
#[derive(Debug, Clone, Serialize)]
pub struct Session {
    pub id: Uuid,
    pub module_id: Uuid,
    pub cohort_id: Uuid,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub online_url: String,
    pub capacity: i64,
    pub registered: i64,
    pub status: Status,
    pub check_in_code: String,
    pub outcomes: String,
    pub version: i64,
    pub module_title: String,
    pub cohort_name: String,
    pub strand_id: Uuid,
    pub strand_code: String,
}

impl Session {
    /// The session as its form edits it.
    pub fn draft(&self) -> SessionDraft {
        SessionDraft {
            module_id: self.module_id,
            cohort_id: self.cohort_id,
            title: self.title.clone(),
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            place: self.place.clone(),
            online_url: self.online_url.clone(),
            capacity: self.capacity,
        }
    }
}

const SELECT: &str = "SELECT s.id, s.module_id, s.cohort_id, s.title, s.starts_at, s.ends_at, s.place, s.online_url, s.capacity, s.registered, s.status, s.check_in_code, s.outcomes, s.version, m.title, c.name, st.id, st.code
     FROM lab_sessions s JOIN modules m ON m.id = s.module_id JOIN cohorts c ON c.id = s.cohort_id JOIN strands st ON st.id = m.strand_id";

fn session<R: Row>(r: &R) -> std::result::Result<Session, sqlx::Error>
where
    usize: sqlx::ColumnIndex<R>,
    Uuid: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    String: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    i64: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    DateTime<Utc>: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    let status: String = r.try_get(10)?;
    Ok(Session {
        id: r.try_get(0)?,
        module_id: r.try_get(1)?,
        cohort_id: r.try_get(2)?,
        title: r.try_get(3)?,
        starts_at: r.try_get(4)?,
        ends_at: r.try_get(5)?,
        place: r.try_get(6)?,
        online_url: r.try_get(7)?,
        capacity: r.try_get(8)?,
        registered: r.try_get(9)?,
        status: Status::parse(&status).unwrap_or(Status::Planned),
        check_in_code: r.try_get(11)?,
        outcomes: r.try_get(12)?,
        version: r.try_get(13)?,
        module_title: r.try_get(14)?,
        cohort_name: r.try_get(15)?,
        strand_id: r.try_get(16)?,
        strand_code: r.try_get(17)?,
    })
}

fn new_code() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 6];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    domain::labs::check_in_code(&bytes)
}

/// One session by id.
pub async fn get(db: &Db, id: Uuid) -> Result<Option<Session>> {
    run!(db, |pool| {
        let row = sqlx::query(&format!("{SELECT} WHERE s.id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?;
        Ok(row.as_ref().map(session).transpose()?)
    })
}

/// Which sessions a list shows; every part is optional.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub strand: Option<Uuid>,
    pub cohort: Option<Uuid>,
    pub module: Option<Uuid>,
    /// Sessions of cohorts this organisation belongs to.
    pub organisation: Option<Uuid>,
    /// Sessions this person is registered or invited to, or that their organisations' cohorts hold.
    pub person: Option<Uuid>,
    pub limit: Option<i64>,
}

/// Sessions matching `filter`, in time order.
pub async fn list(db: &Db, filter: &Filter) -> Result<Vec<Session>> {
    let sql = format!(
        "{SELECT} WHERE ($1 IS NULL OR s.ends_at >= $1) AND ($2 IS NULL OR s.starts_at < $2)
           AND ($3 IS NULL OR m.strand_id = $3) AND ($4 IS NULL OR s.cohort_id = $4) AND ($5 IS NULL OR s.module_id = $5)
           AND ($6 IS NULL OR s.cohort_id IN (SELECT cohort_id FROM cohort_members WHERE organisation_id = $6))
           AND ($7 IS NULL OR s.id IN (SELECT session_id FROM registrations WHERE user_id = $7)
                OR s.cohort_id IN (SELECT cm.cohort_id FROM cohort_members cm JOIN grants g ON g.space_id = cm.organisation_id
                                   WHERE g.user_id = $7 AND g.space_kind = 'organisation'))
         ORDER BY s.starts_at, s.id LIMIT $8"
    );
    run!(db, |pool| {
        let rows = sqlx::query(&sql)
            .bind(filter.from)
            .bind(filter.until)
            .bind(filter.strand)
            .bind(filter.cohort)
            .bind(filter.module)
            .bind(filter.organisation)
            .bind(filter.person)
            .bind(filter.limit.unwrap_or(1000))
            .fetch_all(pool)
            .await?;
        Ok(rows
            .iter()
            .map(session)
            .collect::<std::result::Result<Vec<_>, _>>()?)
    })
}

/// Active sessions of `cohort` overlapping the period, other than `except`.
pub async fn overlapping(
    db: &Db,
    cohort: Uuid,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    except: Option<Uuid>,
) -> Result<Vec<Session>> {
    let sql = format!(
        "{SELECT} WHERE s.cohort_id = $1 AND s.starts_at < $3 AND s.ends_at > $2 AND s.status <> 'cancelled'
           AND ($4 IS NULL OR s.id <> $4) ORDER BY s.starts_at"
    );
    run!(db, |pool| {
        let rows = sqlx::query(&sql)
            .bind(cohort)
            .bind(starts_at)
            .bind(ends_at)
            .bind(except)
            .fetch_all(pool)
            .await?;
        Ok(rows
            .iter()
            .map(session)
            .collect::<std::result::Result<Vec<_>, _>>()?)
    })
}

/// Creates a planned session.
pub async fn create(db: &Db, d: &SessionDraft, actor: Option<Uuid>) -> Result<Uuid> {
    let id = new_id();
    let change = Change {
        actor,
        action: "labs.session_create",
        entity: "session",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!(d)),
    };
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            sqlx::query(
            "INSERT INTO lab_sessions (id, module_id, cohort_id, title, starts_at, ends_at, place, online_url, capacity, status, check_in_code, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'planned', $10, $11)",
        )
        .bind(id)
        .bind(d.module_id)
        .bind(d.cohort_id)
        .bind(&d.title)
        .bind(d.starts_at)
        .bind(d.ends_at)
        .bind(&d.place)
        .bind(&d.online_url)
        .bind(d.capacity)
        .bind(new_code())
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Saves an edited session if nobody saved it since `version`; the capacity may not drop below the
/// seats already taken.
pub async fn update(
    db: &Db,
    before: &Session,
    version: i64,
    d: &SessionDraft,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "labs.session_update",
        entity: "session",
        entity_id: before.id.to_string(),
        before: Some(json!(before.draft())),
        after: Some(json!(d)),
    };
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            let done = sqlx::query(
            "UPDATE lab_sessions SET module_id = $1, cohort_id = $2, title = $3, starts_at = $4, ends_at = $5, place = $6, online_url = $7,
                 capacity = $8, version = version + 1
             WHERE id = $9 AND version = $10 AND registered <= $8",
        )
        .bind(d.module_id)
        .bind(d.cohort_id)
        .bind(&d.title)
        .bind(d.starts_at)
        .bind(d.ends_at)
        .bind(&d.place)
        .bind(&d.online_url)
        .bind(d.capacity)
        .bind(before.id)
        .bind(version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Moves a session from `from` to `to`; refused (`Conflict`) if its status changed meanwhile.
pub async fn set_status(
    db: &Db,
    id: Uuid,
    from: Status,
    to: Status,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "labs.session_status",
        entity: "session",
        entity_id: id.to_string(),
        before: Some(json!({ "status": from.code() })),
        after: Some(json!({ "status": to.code() })),
    };
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            let done = sqlx::query("UPDATE lab_sessions SET status = $1, version = version + 1 WHERE id = $2 AND status = $3")
            .bind(to.code())
            .bind(id)
            .bind(from.code())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Records the outcomes and minutes of a session.
pub async fn set_outcomes(db: &Db, s: &Session, text: &str, actor: Option<Uuid>) -> Result<()> {
    let change = Change {
        actor,
        action: "labs.session_outcomes",
        entity: "session",
        entity_id: s.id.to_string(),
        before: Some(json!({ "outcomes": s.outcomes })),
        after: Some(json!({ "outcomes": text })),
    };
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            sqlx::query(
                "UPDATE lab_sessions SET outcomes = $1, version = version + 1 WHERE id = $2",
            )
            .bind(text)
            .bind(s.id)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// One item of a session's agenda.
#[derive(Debug, Clone, Serialize)]
pub struct AgendaItem {
    pub id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub title: String,
    pub speaker: String,
}

/// The agenda of a session, in time order.
pub async fn agenda(db: &Db, session: Uuid) -> Result<Vec<AgendaItem>> {
    Ok(agendas(db, &[session])
        .await?
        .into_iter()
        .map(|(_, item)| item)
        .collect())
}

/// The agendas of several sessions in one query: (session, item), in time order.
pub async fn agendas(db: &Db, sessions: &[Uuid]) -> Result<Vec<(Uuid, AgendaItem)>> {
    if sessions.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT session_id, id, starts_at, ends_at, title, speaker FROM agenda_items
         WHERE session_id IN ({}) ORDER BY starts_at, id",
        crate::placeholders(1, sessions.len())
    );
    run!(db, |pool| {
        let mut query = sqlx::query(&sql);
        for s in sessions {
            query = query.bind(*s);
        }
        let rows = query.fetch_all(pool).await?;
        Ok(rows
            .iter()
            .map(|r| {
                Ok((
                    r.try_get(0)?,
                    AgendaItem {
                        id: r.try_get(1)?,
                        starts_at: r.try_get(2)?,
                        ends_at: r.try_get(3)?,
                        title: r.try_get(4)?,
                        speaker: r.try_get(5)?,
                    },
                ))
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}

/// Adds an agenda item.
pub async fn add_agenda_item(
    db: &Db,
    session: Uuid,
    item: &AgendaItem,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "labs.agenda_add",
        entity: "session",
        entity_id: session.to_string(),
        before: None,
        after: Some(json!(item)),
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query("INSERT INTO agenda_items (id, session_id, starts_at, ends_at, title, speaker) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(item.id)
            .bind(session)
            .bind(item.starts_at)
            .bind(item.ends_at)
            .bind(&item.title)
            .bind(&item.speaker)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Removes an agenda item of `session`.
pub async fn remove_agenda_item(
    db: &Db,
    session: Uuid,
    item: Uuid,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "labs.agenda_remove",
        entity: "session",
        entity_id: session.to_string(),
        before: Some(json!({ "item": item })),
        after: None,
    };
    crate::change!(
        db,
        [],
        |tx| {
            let done = sqlx::query("DELETE FROM agenda_items WHERE id = $1 AND session_id = $2")
                .bind(item)
                .bind(session)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Err(DbError::NotFound);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// A file or link attached to a session.
#[derive(Debug, Clone, Serialize)]
pub struct Material {
    pub id: Uuid,
    pub session_id: Uuid,
    pub title: String,
    pub url: Option<String>,
    pub storage_key: Option<Uuid>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size: Option<i64>,
}

const MATERIAL: &str =
    "SELECT id, session_id, title, url, storage_key, file_name, content_type, size FROM session_materials";

fn material<R: Row>(r: &R) -> std::result::Result<Material, sqlx::Error>
where
    usize: sqlx::ColumnIndex<R>,
    Uuid: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    String: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    i64: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    Ok(Material {
        id: r.try_get(0)?,
        session_id: r.try_get(1)?,
        title: r.try_get(2)?,
        url: r.try_get(3)?,
        storage_key: r.try_get(4)?,
        file_name: r.try_get(5)?,
        content_type: r.try_get(6)?,
        size: r.try_get(7)?,
    })
}

/// The materials of a session, oldest first.
pub async fn materials(db: &Db, session: Uuid) -> Result<Vec<Material>> {
    run!(db, |pool| {
        let rows = sqlx::query(&format!(
            "{MATERIAL} WHERE session_id = $1 ORDER BY created_at, id"
        ))
        .bind(session)
        .fetch_all(pool)
        .await?;
        Ok(rows
            .iter()
            .map(material)
            .collect::<std::result::Result<Vec<_>, _>>()?)
    })
}

/// One material by id.
pub async fn material_by_id(db: &Db, id: Uuid) -> Result<Option<Material>> {
    run!(db, |pool| {
        let row = sqlx::query(&format!("{MATERIAL} WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?;
        Ok(row.as_ref().map(material).transpose()?)
    })
}

/// Attaches a material.
pub async fn add_material(db: &Db, m: &Material, actor: Option<Uuid>) -> Result<()> {
    let change = Change {
        actor,
        action: "labs.material_add",
        entity: "session",
        entity_id: m.session_id.to_string(),
        before: None,
        after: Some(
            json!({ "title": m.title, "url": m.url, "file_name": m.file_name, "size": m.size }),
        ),
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query(
            "INSERT INTO session_materials (id, session_id, title, url, storage_key, file_name, content_type, size, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(m.id)
        .bind(m.session_id)
        .bind(&m.title)
        .bind(&m.url)
        .bind(m.storage_key)
        .bind(&m.file_name)
        .bind(&m.content_type)
        .bind(m.size)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// A person registered or invited to a session, with their organisations.
#[derive(Debug, Clone, Serialize)]
pub struct Participant {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    /// `registered` or `invited`.
    pub status: String,
    pub organisations: Vec<(Uuid, String)>,
}

/// Everyone registered or invited to a session, by name.
pub async fn participants(db: &Db, session: Uuid) -> Result<Vec<Participant>> {
    run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT u.id, u.name, u.email, r.status, o.id, o.name FROM registrations r JOIN users u ON u.id = r.user_id
             LEFT JOIN grants g ON g.user_id = u.id AND g.space_kind = 'organisation'
             LEFT JOIN organisations o ON o.id = g.space_id
             WHERE r.session_id = $1 ORDER BY u.name, u.id, o.name",
        )
        .bind(session)
        .fetch_all(pool)
        .await?;
        let mut out: Vec<Participant> = Vec::new();
        for r in &rows {
            let id: Uuid = r.try_get(0)?;
            let org: Option<Uuid> = r.try_get(4)?;
            let org_name: Option<String> = r.try_get(5)?;
            if out.last().map(|p| p.user_id) != Some(id) {
                out.push(Participant {
                    user_id: id,
                    name: r.try_get(1)?,
                    email: r.try_get(2)?,
                    status: r.try_get(3)?,
                    organisations: Vec::new(),
                });
            }
            if let (Some(o), Some(n), Some(p)) = (org, org_name, out.last_mut()) {
                if !p.organisations.iter().any(|(id, _)| *id == o) {
                    p.organisations.push((o, n));
                }
            }
        }
        Ok(out)
    })
}

/// The status of `user`'s registration to `session` (`registered`, `invited`), if any.
pub async fn registration(db: &Db, session: Uuid, user: Uuid) -> Result<Option<String>> {
    run!(db, |pool| {
        Ok(sqlx::query_scalar::<_, String>(
            "SELECT status FROM registrations WHERE session_id = $1 AND user_id = $2",
        )
        .bind(session)
        .bind(user)
        .fetch_optional(pool)
        .await?)
    })
}

/// The half-days one person attended one session, folded into one number by a query (1 =
/// morning, 2 = afternoon) so that a report reads one row per registration.
const HALF_DAYS: &str = "COALESCE(SUM(CASE a.half_day WHEN 0 THEN 1 WHEN 1 THEN 2 ELSE 0 END), 0)";

/// The half-days a `HALF_DAYS` number stands for.
fn attended(mask: i64) -> Vec<i64> {
    [0, 1]
        .into_iter()
        .filter(|h| mask & (1 << h) != 0)
        .collect()
}

/// Where one person stands with one session, read in one query for the session page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    /// Their registration's status, if they have one.
    pub registration: Option<String>,
    /// The half-days they attended.
    pub present: Vec<i64>,
    /// Whether they gave feedback.
    pub gave_feedback: bool,
    /// Whether one of their organisations is in the session's cohort.
    pub in_cohort: bool,
}

/// `user`'s registration, attendance, feedback and cohort membership for `session`.
pub async fn standing(db: &Db, session: Uuid, user: Uuid) -> Result<Standing> {
    let sql = format!(
        "SELECT (SELECT status FROM registrations WHERE session_id = $1 AND user_id = $2),
                    (SELECT {HALF_DAYS} FROM attendance a WHERE a.session_id = $1 AND a.user_id = $2),
                    (SELECT COUNT(*) FROM feedback_given WHERE session_id = $1 AND user_id = $2),
                    (SELECT COUNT(*) FROM lab_sessions s
                     JOIN cohort_members cm ON cm.cohort_id = s.cohort_id
                     JOIN grants g ON g.space_id = cm.organisation_id AND g.space_kind = 'organisation'
                     WHERE s.id = $1 AND g.user_id = $2)"
    );
    run!(db, |pool| {
        let row = sqlx::query(&sql)
            .bind(session)
            .bind(user)
            .fetch_one(pool)
            .await?;
        let mask: i64 = row.try_get(1)?;
        let feedback: i64 = row.try_get(2)?;
        let cohort: i64 = row.try_get(3)?;
        Ok(Standing {
            registration: row.try_get(0)?,
            present: attended(mask),
            gave_feedback: feedback > 0,
            in_cohort: cohort > 0,
        })
    })
}

/// Every registration of `user`: (session, status, the half-days attended).
pub async fn registrations_of(db: &Db, user: Uuid) -> Result<Vec<(Uuid, String, Vec<i64>)>> {
    let sql = format!(
        "SELECT r.session_id, r.status,
                (SELECT {HALF_DAYS} FROM attendance a
                 WHERE a.session_id = r.session_id AND a.user_id = r.user_id)
         FROM registrations r WHERE r.user_id = $1"
    );
    run!(db, |pool| {
        let rows = sqlx::query(&sql).bind(user).fetch_all(pool).await?;
        Ok(rows
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, attended(r.try_get(2)?))))
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}

/// The sessions whose questionnaire `user` answered.
pub async fn feedback_given_by(db: &Db, user: Uuid) -> Result<Vec<Uuid>> {
    run!(db, |pool| {
        Ok(sqlx::query_scalar::<_, Uuid>(
            "SELECT session_id FROM feedback_given WHERE user_id = $1",
        )
        .bind(user)
        .fetch_all(pool)
        .await?)
    })
}

/// Takes a seat for `user` if one is free, the session is open and has not started. The count and
/// the check are one statement, so concurrent registrations never exceed the capacity. Returns
/// `false` when no seat could be taken; `Duplicate` when the person already holds one.
pub async fn register(db: &Db, session: Uuid, user: Uuid, now: DateTime<Utc>) -> Result<bool> {
    let change = Change {
        actor: Some(user),
        action: "labs.register",
        entity: "session",
        entity_id: session.to_string(),
        before: None,
        after: Some(json!({ "user": user })),
    };
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            let seat = sqlx::query(
            "UPDATE lab_sessions SET registered = registered + 1
             WHERE id = $1 AND registered < capacity AND status IN ('planned', 'confirmed') AND starts_at > $2",
        )
        .bind(session)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if seat == 0 {
                return Ok(false);
            }
            let taken = sqlx::query(
            "INSERT INTO registrations (session_id, user_id, status, created_at) VALUES ($1, $2, 'registered', $3)
             ON CONFLICT (session_id, user_id) DO UPDATE SET status = 'registered', created_at = excluded.created_at
             WHERE registrations.status = 'invited'",
        )
        .bind(session)
        .bind(user)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if taken == 0 {
                return Err(DbError::Duplicate);
            }
            Ok(true)
        },
        |done: &bool| Audit::when(*done, &change)
    )
}

/// Records a registration without the checks that guard participants' own registrations (past
/// sessions, capacity): for the demo loader and importers of past seasons.
pub async fn record_registration(db: &Db, session: Uuid, user: Uuid) -> Result<()> {
    let change = Change {
        actor: None,
        action: "labs.register_record",
        entity: "session",
        entity_id: session.to_string(),
        before: None,
        after: Some(json!({ "user": user })),
    };
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            sqlx::query("UPDATE lab_sessions SET registered = registered + 1 WHERE id = $1")
                .bind(session)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO registrations (session_id, user_id, status, created_at) VALUES ($1, $2, 'registered', $3)")
            .bind(session)
            .bind(user)
            .bind(Utc::now())
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_write)?;
            Ok(())
        },
        |_| change
    )?;
    Ok(())
}

/// Gives up a seat before the session starts. Returns whether there was one.
pub async fn unregister(db: &Db, session: Uuid, user: Uuid, now: DateTime<Utc>) -> Result<bool> {
    let change = Change {
        actor: Some(user),
        action: "labs.unregister",
        entity: "session",
        entity_id: session.to_string(),
        before: Some(json!({ "user": user })),
        after: None,
    };
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            let freed = sqlx::query(
            "UPDATE lab_sessions SET registered = registered - 1 WHERE id = $1 AND starts_at > $3 AND registered > 0
               AND EXISTS (SELECT 1 FROM registrations WHERE session_id = $1 AND user_id = $2 AND status = 'registered')",
        )
        .bind(session)
        .bind(user)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if freed == 0 {
                return Ok(false);
            }
            sqlx::query("DELETE FROM registrations WHERE session_id = $1 AND user_id = $2")
                .bind(session)
                .bind(user)
                .execute(&mut *tx)
                .await?;
            Ok(true)
        },
        |done: &bool| Audit::when(*done, &change)
    )
}

/// Invites `user` (no seat is taken until they register). Returns `false` if already there.
pub async fn invite(db: &Db, session: Uuid, user: Uuid, actor: Option<Uuid>) -> Result<bool> {
    let change = Change {
        actor,
        action: "labs.invite",
        entity: "session",
        entity_id: session.to_string(),
        before: None,
        after: Some(json!({ "invited": user })),
    };
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            let done = sqlx::query(
            "INSERT INTO registrations (session_id, user_id, status, created_at) VALUES ($1, $2, 'invited', $3)
             ON CONFLICT (session_id, user_id) DO NOTHING",
        )
        .bind(session)
        .bind(user)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if done == 0 {
                return Ok(false);
            }
            Ok(true)
        },
        |done: &bool| Audit::when(*done, &change)
    )
}

/// The half-days each person attended: (user, half-day, source).
pub async fn attendance(db: &Db, session: Uuid) -> Result<Vec<(Uuid, i64, String)>> {
    run!(db, |pool| {
        let rows = sqlx::query("SELECT user_id, half_day, source FROM attendance WHERE session_id = $1 ORDER BY user_id, half_day")
            .bind(session)
            .fetch_all(pool)
            .await?;
        Ok(rows
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}

/// Records a self check-in for one half-day. Returns `false` if it was already recorded.
pub async fn check_in(db: &Db, session: Uuid, user: Uuid, half_day: i64) -> Result<bool> {
    let change = Change {
        actor: Some(user),
        action: "labs.check_in",
        entity: "session",
        entity_id: session.to_string(),
        before: None,
        after: Some(json!({ "user": user, "half_day": half_day })),
    };
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            let done = sqlx::query(
            "INSERT INTO attendance (session_id, user_id, half_day, source, recorded_at) VALUES ($1, $2, $3, 'check_in', $4)
             ON CONFLICT (session_id, user_id, half_day) DO NOTHING",
        )
        .bind(session)
        .bind(user)
        .bind(half_day)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if done == 0 {
                return Ok(false);
            }
            Ok(true)
        },
        |done: &bool| Audit::when(*done, &change)
    )
}

/// Replaces the register of a session with `present` (user, half-day) pairs. Rows that stay keep
/// their source (a check-in stays a check-in); the change is audited with both registers.
pub async fn save_register(
    db: &Db,
    session: Uuid,
    present: &[(Uuid, i64)],
    actor: Option<Uuid>,
) -> Result<()> {
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            // Delete first (a write), so that SQLite takes the write lock before reading anything.
            let before = sqlx::query("DELETE FROM attendance WHERE session_id = $1 RETURNING user_id, half_day, source, recorded_at")
            .bind(session)
            .fetch_all(&mut *tx)
            .await?;
            let mut old: Vec<(Uuid, i64, String, DateTime<Utc>)> = Vec::new();
            for r in &before {
                old.push((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?));
            }
            old.sort_by_key(|(u, h, _, _)| (*u, *h));
            for (user, half) in present {
                let kept = old.iter().find(|(u, h, _, _)| u == user && h == half);
                let (source, at) = match kept {
                    Some((_, _, s, at)) => (s.clone(), *at),
                    None => ("register".to_string(), Utc::now()),
                };
                sqlx::query(
                "INSERT INTO attendance (session_id, user_id, half_day, source, recorded_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (session_id, user_id, half_day) DO NOTHING",
            )
            .bind(session)
            .bind(user)
            .bind(half)
            .bind(source)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            }
            let mut after: Vec<(Uuid, i64)> = present.to_vec();
            after.sort();
            after.dedup();
            let change = Change {
                actor,
                action: "labs.register_save",
                entity: "session",
                entity_id: session.to_string(),
                before: Some(json!(old
                    .iter()
                    .map(|(u, h, _, _)| (u, h))
                    .collect::<Vec<_>>())),
                after: Some(json!(after)),
            };
            Ok(change)
        },
        |change: &Change| change.clone()
    )?;
    Ok(())
}

/// One registration to a held session, for the attendance report.
#[derive(Debug, Clone)]
pub struct ReportRow {
    pub session_id: Uuid,
    pub module_id: Uuid,
    pub cohort_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub user_id: Uuid,
    pub user_name: String,
    pub present: Vec<i64>,
    /// The organisation the registration counts for: the person's organisation in the session's
    /// cohort when there is one, otherwise one of their organisations.
    pub organisation: Option<Uuid>,
}

/// Every registration to a held session with the half-days attended and the organisation it counts
/// for, ordered by session start and name.
pub async fn report_rows(db: &Db, person: Option<Uuid>) -> Result<Vec<ReportRow>> {
    // Read in pieces and put together here: the held sessions once (not their times on every
    // registration), the registrations with the half-days attended folded into one number (1 =
    // morning, 2 = afternoon) by a correlated sum on the attendance key, then the names and
    // organisations of the people found, once each. Joining all of it per registration cost the
    // season-wide report most of its time. Two spellings of the person filter rather than
    // `$1 IS NULL OR …`, which would keep the planner from using the per-person index. `CROSS
    // JOIN` keeps SQLite's planner to the held sessions first, then their registrations by key,
    // rather than every registration of the season (PostgreSQL plans it as the inner join it is).
    let who = if person.is_some() {
        "r.user_id = $1"
    } else {
        "$1 IS NULL"
    };
    let registrations = format!(
        "SELECT r.session_id, r.user_id,
                (SELECT {HALF_DAYS} FROM attendance a
                 WHERE a.session_id = r.session_id AND a.user_id = r.user_id)
         FROM lab_sessions s CROSS JOIN registrations r
         WHERE r.session_id = s.id AND r.status = 'registered' AND s.status = 'held' AND {who}"
    );
    type Held = (Uuid, Uuid, DateTime<Utc>, DateTime<Utc>);
    let (sessions, registered) = run!(db, |pool| {
        let mut sessions: HashMap<Uuid, Held> = HashMap::new();
        for r in sqlx::query(
            "SELECT id, module_id, cohort_id, starts_at, ends_at FROM lab_sessions WHERE status = 'held'",
        )
        .fetch_all(pool)
        .await?
        {
            sessions.insert(r.try_get(0)?, (r.try_get(1)?, r.try_get(2)?, r.try_get(3)?, r.try_get(4)?));
        }
        let mut registered: Vec<(Uuid, Uuid, i64)> = Vec::new();
        for r in sqlx::query(&registrations)
            .bind(person)
            .fetch_all(pool)
            .await?
        {
            registered.push((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?));
        }
        (sessions, registered)
    });
    let mut people: Vec<Uuid> = registered.iter().map(|r| r.1).collect();
    people.sort_unstable();
    people.dedup();
    if people.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "SELECT u.id, u.name, g.space_id FROM users u
         LEFT JOIN grants g ON g.user_id = u.id AND g.space_kind = 'organisation'
         WHERE u.id IN ({})",
        crate::placeholders(1, people.len())
    );
    // Per person: the name and every organisation, in id order so that the choice is stable.
    let (mut whom, members) = run!(db, |pool| {
        let mut q = sqlx::query(&sql);
        for id in &people {
            q = q.bind(*id);
        }
        let mut whom: HashMap<Uuid, (String, Vec<Uuid>)> = HashMap::new();
        for r in q.fetch_all(pool).await? {
            let entry = whom
                .entry(r.try_get(0)?)
                .or_insert_with(|| (String::new(), Vec::new()));
            entry.0 = r.try_get(1)?;
            if let Some(org) = r.try_get::<Option<Uuid>, _>(2)? {
                entry.1.push(org);
            }
        }
        let mut members: HashSet<(Uuid, Uuid)> = HashSet::new();
        for r in sqlx::query("SELECT cohort_id, organisation_id FROM cohort_members")
            .fetch_all(pool)
            .await?
        {
            members.insert((r.try_get(0)?, r.try_get(1)?));
        }
        (whom, members)
    });
    for (_, orgs) in whom.values_mut() {
        orgs.sort_unstable();
    }
    let mut out = Vec::with_capacity(registered.len());
    for (session_id, user_id, mask) in registered {
        let (Some(&(module_id, cohort_id, starts_at, ends_at)), Some((name, orgs))) =
            (sessions.get(&session_id), whom.get(&user_id))
        else {
            continue;
        };
        let organisation = orgs
            .iter()
            .find(|o| members.contains(&(cohort_id, **o)))
            .or(orgs.first())
            .copied();
        out.push(ReportRow {
            session_id,
            module_id,
            cohort_id,
            starts_at,
            ends_at,
            user_id,
            user_name: name.clone(),
            present: attended(mask),
            organisation,
        });
    }
    out.sort_by(|a, b| {
        (a.starts_at, &a.user_name, a.user_id).cmp(&(b.starts_at, &b.user_name, b.user_id))
    });
    Ok(out)
}

/// Records feedback once per person; an anonymous answer carries no user id and only the date.
pub async fn give_feedback(
    db: &Db,
    session: Uuid,
    user: Uuid,
    answer: &domain::labs::feedback::Answer,
    today: NaiveDate,
) -> Result<()> {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    // A random id, not a time-ordered one, so that the order of answers tells nothing.
    let id = uuid::Builder::from_random_bytes(bytes).into_uuid();
    let ratings = serde_json::to_string(&answer.ratings).unwrap_or_else(|_| "[]".into());
    // The entry says who answered (as `feedback_given` does), never which answer is theirs.
    let change = Change {
        actor: Some(user),
        action: "labs.feedback",
        entity: "session",
        entity_id: session.to_string(),
        before: None,
        after: None,
    };
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            sqlx::query("INSERT INTO feedback_given (session_id, user_id) VALUES ($1, $2)")
                .bind(session)
                .bind(user)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_write)?;
            sqlx::query(
            "INSERT INTO feedback_answers (id, session_id, user_id, ratings, went_well, to_improve, answered_on) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(session)
        .bind((!answer.anonymous).then_some(user))
        .bind(&ratings)
        .bind(&answer.went_well)
        .bind(&answer.to_improve)
        .bind(today)
        .execute(&mut *tx)
        .await?;
            // People's pages of their labs show whose feedback is still due.
            Ok(())
        },
        |_| change
    )?;
    Ok(())
}

/// Whether `user` already answered the questionnaire of `session`.
pub async fn gave_feedback(db: &Db, session: Uuid, user: Uuid) -> Result<bool> {
    run!(db, |pool| {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM feedback_given WHERE session_id = $1 AND user_id = $2",
        )
        .bind(session)
        .bind(user)
        .fetch_one(pool)
        .await?
            > 0)
    })
}

/// One stored answer, with its author's name unless it was anonymous.
#[derive(Debug, Clone, Serialize)]
pub struct StoredAnswer {
    pub author: Option<String>,
    pub ratings: [Option<i64>; 5],
    pub went_well: String,
    pub to_improve: String,
    pub answered_on: NaiveDate,
}

/// Every answer to the questionnaire of a session.
pub async fn feedback(db: &Db, session: Uuid) -> Result<Vec<StoredAnswer>> {
    run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT u.name, f.ratings, f.went_well, f.to_improve, f.answered_on FROM feedback_answers f
             LEFT JOIN users u ON u.id = f.user_id WHERE f.session_id = $1 ORDER BY f.answered_on, f.id",
        )
        .bind(session)
        .fetch_all(pool)
        .await?;
        let mut out = Vec::new();
        for r in &rows {
            let ratings: String = r.try_get(1)?;
            out.push(StoredAnswer {
                author: r.try_get(0)?,
                ratings: serde_json::from_str(&ratings).unwrap_or([None; 5]),
                went_well: r.try_get(2)?,
                to_improve: r.try_get(3)?,
                answered_on: r.try_get(4)?,
            });
        }
        Ok(out)
    })
}

/// Number of answers per session, for the dashboard.
pub async fn feedback_counts(db: &Db) -> Result<Vec<(Uuid, i64)>> {
    run!(db, |pool| {
        let rows =
            sqlx::query("SELECT session_id, COUNT(*) FROM feedback_answers GROUP BY session_id")
                .fetch_all(pool)
                .await?;
        Ok(rows
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
    })
}

/// Makes a new secret address for `user`'s calendar feed, replacing any earlier one; returns the
/// token (only its hash is stored).
pub async fn new_feed_token(db: &Db, user: Uuid) -> Result<String> {
    let (token, hash) = crate::new_token();
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query(
            "INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3)
             ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
        )
        .bind(user)
        .bind(&hash)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?;
            Ok(())
        },
        |_| Change {
            actor: Some(user),
            action: "labs.feed_token",
            entity: "user",
            entity_id: user.to_string(),
            before: None,
            after: None,
        }
    )?;
    Ok(token)
}

/// Whether `user` has a feed address.
pub async fn has_feed_token(db: &Db, user: Uuid) -> Result<bool> {
    run!(db, |pool| {
        Ok(
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM calendar_tokens WHERE user_id = $1")
                .bind(user)
                .fetch_one(pool)
                .await?
                > 0,
        )
    })
}

/// The active person whose feed `token` opens.
pub async fn feed_owner(db: &Db, token: &str) -> Result<Option<Uuid>> {
    let hash = crate::token_hash(token);
    run!(db, |pool| {
        Ok(sqlx::query_scalar::<_, Uuid>(
            "SELECT t.user_id FROM calendar_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND u.active = $2",
        )
        .bind(&hash)
        .bind(true)
        .fetch_optional(pool)
        .await?)
    })
}

/// The ids of the organisations in `cohort`.
pub async fn cohort_members(db: &Db, cohort: Uuid) -> Result<Vec<Uuid>> {
    run!(db, |pool| {
        Ok(sqlx::query_scalar::<_, Uuid>(
            "SELECT organisation_id FROM cohort_members WHERE cohort_id = $1",
        )
        .bind(cohort)
        .fetch_all(pool)
        .await?)
    })
}

/// Records an issued certificate: its code, its holder and what it states (JSON).
pub async fn issue_certificate(db: &Db, code: &str, user: Uuid, summary: &str) -> Result<()> {
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query(
            "INSERT INTO certificates (code, user_id, issued_at, summary) VALUES ($1, $2, $3, $4)",
        )
        .bind(code)
        .bind(user)
        .bind(Utc::now())
        .bind(summary)
        .execute(&mut *tx)
        .await
        .map_err(DbError::from_write)?;
            Ok(())
        },
        |_| Change {
            actor: Some(user),
            action: "labs.certificate_issue",
            entity: "certificate",
            entity_id: code.to_string(),
            before: None,
            after: None,
        }
    )?;
    Ok(())
}

/// A certificate by its verification code: when it was issued and what it states (JSON).
pub async fn certificate(db: &Db, code: &str) -> Result<Option<(DateTime<Utc>, String)>> {
    run!(db, |pool| {
        let row = sqlx::query("SELECT issued_at, summary FROM certificates WHERE code = $1")
            .bind(code)
            .fetch_optional(pool)
            .await?;
        Ok(match row {
            Some(r) => Some((r.try_get(0)?, r.try_get(1)?)),
            None => None,
        })
    })
}
