//! Lab sessions: the session with the names it is shown with and the lists of sessions; planning,
//! agenda and materials, registrations (seats taken atomically), attendance by half-day, feedback,
//! calendar feeds and certificates are in their own files.

mod agenda;
mod attendance;
mod feedback;
mod feeds;
mod registrations;
mod sessions;

pub use agenda::*;
pub use attendance::*;
pub use feedback::*;
pub use feeds::*;
pub use registrations::*;
pub use sessions::*;

use crate::audit::Change;
use crate::{new_id, run, Audit, Db, DbError, Part, Result};
use chrono::{DateTime, NaiveDate, Utc};
use domain::labs::{SessionDraft, Status};
use serde::Serialize;
use serde_json::json;
use sqlx::Row;
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
    /// The territorial table whose members the session is for (a strand B lab), with its name.
    pub table_id: Option<Uuid>,
    pub table_name: Option<String>,
    /// The interregional group whose administrations the session is for (a strand C lab), with
    /// its name.
    pub group_id: Option<Uuid>,
    pub group_name: Option<String>,
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
            table_id: self.table_id,
            group_id: self.group_id,
        }
    }
}

const SELECT: &str = "SELECT s.id, s.module_id, s.cohort_id, s.title, s.starts_at, s.ends_at, s.place, s.online_url, s.capacity, s.registered, s.status, s.check_in_code, s.outcomes, s.version,
            m.title AS module_title, c.name AS cohort_name, st.id AS strand_id, st.code AS strand_code, s.table_id, tt.name AS table_name,
            s.group_id, ng.name AS group_name
     FROM lab_sessions s JOIN modules m ON m.id = s.module_id JOIN cohorts c ON c.id = s.cohort_id JOIN strands st ON st.id = m.strand_id
     LEFT JOIN territorial_tables tt ON tt.id = s.table_id LEFT JOIN network_groups ng ON ng.id = s.group_id";

/// Whether person `$2` is among the people session `$1` is for, as a count above zero: someone of
/// an organisation in the session's cohort, a representative with an account of a current member
/// of the table the session is for, or someone of an administration in the group it is for.
const AUDIENCE: &str = "((SELECT COUNT(*) FROM lab_sessions s
                     JOIN cohort_members cm ON cm.cohort_id = s.cohort_id
                     JOIN grants g ON g.space_id = cm.organisation_id AND g.space_kind = 'organisation'
                     WHERE s.id = $1 AND g.user_id = $2)
                  + (SELECT COUNT(*) FROM lab_sessions s
                     JOIN table_representatives r ON r.table_id = s.table_id
                     JOIN table_members tm ON tm.table_id = r.table_id AND tm.organisation_id = r.organisation_id
                                          AND tm.left_on IS NULL
                     WHERE s.id = $1 AND r.user_id = $2)
                  + (SELECT COUNT(*) FROM lab_sessions s
                     JOIN network_group_members gm ON gm.group_id = s.group_id
                     JOIN grants g ON g.space_id = gm.organisation_id AND g.space_kind = 'organisation'
                     WHERE s.id = $1 AND g.user_id = $2))";

/// Whether `user` is among the people `session` is for: its cohort's organisations, the
/// representatives of the table it is for, or the administrations of the group it is for.
pub async fn in_audience(db: &Db, session: Uuid, user: Uuid) -> Result<bool> {
    let sql = format!("SELECT {AUDIENCE}");
    run!(db, |pool| {
        let n: i64 = sqlx::query_scalar(&sql)
            .bind(session)
            .bind(user)
            .fetch_one(pool)
            .await?;
        Ok(n > 0)
    })
}

/// A session from a row of `SELECT`, by column name.
fn session<R: Row>(r: &R) -> std::result::Result<Session, sqlx::Error>
where
    for<'c> &'c str: sqlx::ColumnIndex<R>,
    Uuid: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    String: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    i64: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    DateTime<Utc>: for<'a> sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    let status: String = r.try_get("status")?;
    let id: Uuid = r.try_get("id")?;
    let status = Status::parse(&status).ok_or_else(|| {
        crate::unknown_code(
            "session status",
            format!("lab_sessions/{id}/status"),
            &status,
        )
    })?;
    Ok(Session {
        id,
        module_id: r.try_get("module_id")?,
        cohort_id: r.try_get("cohort_id")?,
        title: r.try_get("title")?,
        starts_at: r.try_get("starts_at")?,
        ends_at: r.try_get("ends_at")?,
        place: r.try_get("place")?,
        online_url: r.try_get("online_url")?,
        capacity: r.try_get("capacity")?,
        registered: r.try_get("registered")?,
        status,
        check_in_code: r.try_get("check_in_code")?,
        outcomes: r.try_get("outcomes")?,
        version: r.try_get("version")?,
        module_title: r.try_get("module_title")?,
        cohort_name: r.try_get("cohort_name")?,
        strand_id: r.try_get("strand_id")?,
        strand_code: r.try_get("strand_code")?,
        table_id: r.try_get("table_id")?,
        table_name: r.try_get("table_name")?,
        group_id: r.try_get("group_id")?,
        group_name: r.try_get("group_name")?,
    })
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
    /// Sessions this person is registered or invited to, or that their organisations' cohorts hold,
    /// or that are for a table they represent a member of.
    pub person: Option<Uuid>,
    /// Sessions for this territorial table.
    pub table: Option<Uuid>,
    /// Sessions for this interregional group.
    pub group: Option<Uuid>,
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
                                   WHERE g.user_id = $7 AND g.space_kind = 'organisation')
                OR s.table_id IN (SELECT r.table_id FROM table_representatives r
                                  JOIN table_members tm ON tm.table_id = r.table_id AND tm.organisation_id = r.organisation_id
                                  WHERE r.user_id = $7 AND tm.left_on IS NULL)
                OR s.group_id IN (SELECT gm.group_id FROM network_group_members gm JOIN grants g ON g.space_id = gm.organisation_id
                                  WHERE g.user_id = $7 AND g.space_kind = 'organisation'))
           AND ($9 IS NULL OR s.table_id = $9) AND ($10 IS NULL OR s.group_id = $10)
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
            .bind(filter.table)
            .bind(filter.group)
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
