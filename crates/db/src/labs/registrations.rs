//! Registrations to sessions: seats taken and given up atomically, invitations, the people
//! registered, and where one person stands with a session.

use super::attendance::{attended, HALF_DAYS};
use super::*;

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
            "SELECT u.id AS user_id, u.name, u.email, r.status, o.id AS organisation_id, o.name AS organisation_name
             FROM registrations r JOIN users u ON u.id = r.user_id
             LEFT JOIN grants g ON g.user_id = u.id AND g.space_kind = 'organisation'
             LEFT JOIN organisations o ON o.id = g.space_id
             WHERE r.session_id = $1 ORDER BY u.id, o.name",
        )
        .bind(session)
        .fetch_all(pool)
        .await?;
        let mut out: Vec<Participant> = Vec::new();
        for r in &rows {
            let id: Uuid = r.try_get("user_id")?;
            let org: Option<Uuid> = r.try_get("organisation_id")?;
            let org_name: Option<String> = r.try_get("organisation_name")?;
            if out.last().map(|p| p.user_id) != Some(id) {
                out.push(Participant {
                    user_id: id,
                    name: r.try_get("name")?,
                    email: r.try_get("email")?,
                    status: r.try_get("status")?,
                    organisations: Vec::new(),
                });
            }
            if let (Some(o), Some(n), Some(p)) = (org, org_name, out.last_mut()) {
                if !p.organisations.iter().any(|(id, _)| *id == o) {
                    p.organisations.push((o, n));
                }
            }
        }
        // By name (Unicode collation, not the databases' code points).
        for p in &mut out {
            p.organisations
                .sort_by(|a, b| domain::locale::compare_names(&a.1, &b.1));
        }
        out.sort_by(|a, b| {
            domain::locale::compare_names(&a.name, &b.name).then_with(|| a.user_id.cmp(&b.user_id))
        });
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

/// Where one person stands with one session, read in one query for the session page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    /// Their registration's status, if they have one.
    pub registration: Option<String>,
    /// The half-days they attended.
    pub present: Vec<i64>,
    /// Whether they gave feedback.
    pub gave_feedback: bool,
    /// Whether they are among the people the session is for: one of their organisations is in
    /// the session's cohort or in the group it is for, or they represent a member of the table
    /// it is for.
    pub in_cohort: bool,
}

/// `user`'s registration, attendance, feedback and cohort membership for `session`.
pub async fn standing(db: &Db, session: Uuid, user: Uuid) -> Result<Standing> {
    let sql = format!(
        "SELECT (SELECT status FROM registrations WHERE session_id = $1 AND user_id = $2) AS registration,
                    (SELECT {HALF_DAYS} FROM attendance a WHERE a.session_id = $1 AND a.user_id = $2) AS half_days,
                    (SELECT COUNT(*) FROM feedback_given WHERE session_id = $1 AND user_id = $2) AS answered,
                    {AUDIENCE} AS in_cohort"
    );
    run!(db, |pool| {
        let row = sqlx::query(&sql)
            .bind(session)
            .bind(user)
            .fetch_one(pool)
            .await?;
        let mask: i64 = row.try_get("half_days")?;
        let feedback: i64 = row.try_get("answered")?;
        let cohort: i64 = row.try_get("in_cohort")?;
        Ok(Standing {
            registration: row.try_get("registration")?,
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
                 WHERE a.session_id = r.session_id AND a.user_id = r.user_id) AS half_days
         FROM registrations r WHERE r.user_id = $1"
    );
    run!(db, |pool| {
        let rows = sqlx::query(&sql).bind(user).fetch_all(pool).await?;
        Ok(rows
            .iter()
            .map(|r| {
                Ok((
                    r.try_get("session_id")?,
                    r.try_get("status")?,
                    attended(r.try_get("half_days")?),
                ))
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?)
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
            .bind(db.now())
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
        .bind(db.now())
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
