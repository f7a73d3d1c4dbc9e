//! Tutoring: the sessions tutors hold with an administration (with their next steps), and each
//! tutor's workload for programme staff.

use super::*;

/// A logged tutoring session with its next steps.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct TutoringSession {
    pub id: Uuid,
    pub tutor_name: Option<String>,
    pub held_on: NaiveDate,
    pub minutes: i64,
    pub participants: String,
    pub notes: String,
    pub product_id: Option<Uuid>,
    pub product_title: Option<String>,
    /// Read by a second query.
    #[sqlx(skip)]
    pub steps: Vec<domain::products::tutoring::Step>,
}

/// One tutor's load, for programme staff.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Workload {
    pub tutor_id: Uuid,
    pub name: String,
    pub email: String,
    pub organisations: i64,
    pub sessions: i64,
    pub minutes: i64,
    pub last_session: Option<NaiveDate>,
    pub awaiting_review: i64,
    pub open_threads: i64,
}

/// Records a tutoring session of `organisation` held by `tutor`.
pub async fn log_tutoring(
    db: &Db,
    organisation: Uuid,
    entry: &domain::products::tutoring::Entry,
    product: Option<Uuid>,
    tutor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let change = Change {
        actor: tutor,
        action: "tutoring.record",
        entity: "organisation",
        entity_id: organisation.to_string(),
        before: None,
        after: Some(
            json!({ "session": id, "held_on": entry.held_on, "minutes": entry.minutes, "steps": entry.steps.len() }),
        ),
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query(
            "INSERT INTO tutoring_sessions (id, organisation_id, tutor_id, held_on, minutes, participants, notes, product_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(id)
        .bind(organisation)
        .bind(tutor)
        .bind(entry.held_on)
        .bind(entry.minutes)
        .bind(&entry.participants)
        .bind(&entry.notes)
        .bind(product)
        .bind(db.now())
        .execute(&mut *tx)
        .await?;
            for (position, step) in entry.steps.iter().enumerate() {
                sqlx::query(
                "INSERT INTO tutoring_steps (id, session_id, position, text, owner, due_on) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(new_id())
            .bind(id)
            .bind(position as i64)
            .bind(&step.text)
            .bind(&step.owner)
            .bind(step.due_on)
            .execute(&mut *tx)
            .await?;
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// An administration's tutoring log, most recent first.
pub async fn tutoring_log(db: &Db, organisation: Uuid) -> Result<Vec<TutoringSession>> {
    run!(db, |pool| {
        let mut sessions = sqlx::query_as::<_, TutoringSession>(
            "SELECT s.id, u.name AS tutor_name, s.held_on, s.minutes, s.participants, s.notes, s.product_id, p.title AS product_title
             FROM tutoring_sessions s LEFT JOIN users u ON u.id = s.tutor_id LEFT JOIN products p ON p.id = s.product_id
             WHERE s.organisation_id = $1 ORDER BY s.held_on DESC, s.created_at DESC",
        )
        .bind(organisation)
        .fetch_all(pool)
        .await?;
        let steps = sqlx::query(
            "SELECT t.session_id, t.text, t.owner, t.due_on FROM tutoring_steps t JOIN tutoring_sessions s ON s.id = t.session_id
             WHERE s.organisation_id = $1 ORDER BY t.position",
        )
        .bind(organisation)
        .fetch_all(pool)
        .await?;
        for session in &mut sessions {
            for s in &steps {
                let of: Uuid = s.try_get("session_id")?;
                if of == session.id {
                    session.steps.push(domain::products::tutoring::Step {
                        text: s.try_get("text")?,
                        owner: s.try_get("owner")?,
                        due_on: s.try_get("due_on")?,
                    });
                }
            }
        }
        Ok(sessions)
    })
}

/// Every tutor's load: administrations tutored, sessions logged and their time, products
/// waiting for review and open comment threads in their administrations.
pub async fn workload(db: &Db) -> Result<Vec<Workload>> {
    let mut tutors: Vec<Workload> = run!(db, |pool| {
        sqlx::query_as::<_, Workload>(
            "SELECT u.id AS tutor_id, u.name, u.email, COUNT(DISTINCT g.space_id) AS organisations,
                (SELECT COUNT(*) FROM tutoring_sessions s WHERE s.tutor_id = u.id) AS sessions,
                (SELECT CAST(COALESCE(SUM(s.minutes), 0) AS BIGINT) FROM tutoring_sessions s WHERE s.tutor_id = u.id) AS minutes,
                (SELECT MAX(s.held_on) FROM tutoring_sessions s WHERE s.tutor_id = u.id) AS last_session,
                (SELECT COUNT(*) FROM products p JOIN grants t ON t.space_id = p.organisation_id
                  WHERE t.user_id = u.id AND t.role = 'tutor' AND t.space_kind = 'organisation' AND p.state IN ('submitted', 'resubmitted')) AS awaiting_review,
                (SELECT CAST(COALESCE(SUM(p.open_threads), 0) AS BIGINT) FROM products p JOIN grants t ON t.space_id = p.organisation_id
                  WHERE t.user_id = u.id AND t.role = 'tutor' AND t.space_kind = 'organisation') AS open_threads
             FROM users u JOIN grants g ON g.user_id = u.id
             WHERE g.role = 'tutor' AND g.space_kind = 'organisation'
             GROUP BY u.id, u.name, u.email",
        )
        .fetch_all(pool)
        .await?
    });
    // By name (Unicode collation, not the databases' code points).
    domain::locale::sort_by_name(&mut tutors, |t| t.name.as_str());
    Ok(tutors)
}
