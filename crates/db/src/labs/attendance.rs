//! Attendance by half-day: self check-in, the register kept by staff, and the rows of the
//! attendance report.

use super::*;
use std::collections::{HashMap, HashSet};

/// The half-days one person attended one session, folded into one number by a query (1 =
/// morning, 2 = afternoon) so that a report reads one row per registration.
pub(super) const HALF_DAYS: &str =
    "COALESCE(SUM(CASE a.half_day WHEN 0 THEN 1 WHEN 1 THEN 2 ELSE 0 END), 0)";

/// The half-days a `HALF_DAYS` number stands for.
pub(super) fn attended(mask: i64) -> Vec<i64> {
    [0, 1]
        .into_iter()
        .filter(|h| mask & (1 << h) != 0)
        .collect()
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
            .map(|r| {
                Ok((
                    r.try_get("user_id")?,
                    r.try_get("half_day")?,
                    r.try_get("source")?,
                ))
            })
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
                old.push((
                    r.try_get("user_id")?,
                    r.try_get("half_day")?,
                    r.try_get("source")?,
                    r.try_get("recorded_at")?,
                ));
            }
            old.sort_by_key(|(u, h, _, _)| (*u, *h));
            for (user, half) in present {
                let kept = old.iter().find(|(u, h, _, _)| u == user && h == half);
                let (source, at) = match kept {
                    Some((_, _, s, at)) => (s.clone(), *at),
                    None => ("register".to_string(), db.now()),
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
                 WHERE a.session_id = r.session_id AND a.user_id = r.user_id) AS half_days
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
            sessions.insert(
                r.try_get("id")?,
                (
                    r.try_get("module_id")?,
                    r.try_get("cohort_id")?,
                    r.try_get("starts_at")?,
                    r.try_get("ends_at")?,
                ),
            );
        }
        let mut registered: Vec<(Uuid, Uuid, i64)> = Vec::new();
        for r in sqlx::query(&registrations)
            .bind(person)
            .fetch_all(pool)
            .await?
        {
            registered.push((
                r.try_get("session_id")?,
                r.try_get("user_id")?,
                r.try_get("half_days")?,
            ));
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
                .entry(r.try_get("id")?)
                .or_insert_with(|| (String::new(), Vec::new()));
            entry.0 = r.try_get("name")?;
            if let Some(org) = r.try_get::<Option<Uuid>, _>("space_id")? {
                entry.1.push(org);
            }
        }
        let mut members: HashSet<(Uuid, Uuid)> = HashSet::new();
        for r in sqlx::query("SELECT cohort_id, organisation_id FROM cohort_members")
            .fetch_all(pool)
            .await?
        {
            members.insert((r.try_get("cohort_id")?, r.try_get("organisation_id")?));
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
        a.starts_at
            .cmp(&b.starts_at)
            .then_with(|| domain::locale::compare_names(&a.user_name, &b.user_name))
            .then_with(|| a.user_id.cmp(&b.user_id))
    });
    Ok(out)
}
