//! Planning lab sessions: creating and editing them, moving them through their statuses, and
//! recording their outcomes.

use super::*;

/// A new check-in code for a session.
fn new_code() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 6];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    domain::labs::check_in_code(&bytes)
}

/// An invitation to a session and the email that tells of it, queued with it.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub user: Uuid,
    /// The job that sends the email, with its key and payload; no payload when the person chose
    /// to get no email of labs (the invitation is still recorded and shown in the app).
    pub kind: &'static str,
    pub key: String,
    pub payload: Option<serde_json::Value>,
}

/// Inside a change: invites each person not already registered or invited, queueing their email
/// only then. Evaluates to the people it invited.
macro_rules! invite_in {
    ($tx:expr, $session:expr, $invitations:expr, $now:expr) => {{
        let mut invited: Vec<Uuid> = Vec::new();
        for i in $invitations {
            let done = sqlx::query(
                "INSERT INTO registrations (session_id, user_id, status, created_at) VALUES ($1, $2, 'invited', $3)
                 ON CONFLICT (session_id, user_id) DO NOTHING",
            )
            .bind($session)
            .bind(i.user)
            .bind($now)
            .execute(&mut *$tx)
            .await?
            .rows_affected();
            if done == 0 {
                continue;
            }
            if let Some(payload) = &i.payload {
                sqlx::query(
                    "INSERT INTO jobs (id, kind, key, payload, created_at, run_at) VALUES ($1, $2, $3, $4, $5, $5)",
                )
                .bind(new_id())
                .bind(i.kind)
                .bind(&i.key)
                .bind(payload.to_string())
                .bind($now)
                .execute(&mut *$tx)
                .await?;
            }
            invited.push(i.user);
        }
        invited
    }};
}

/// What a change records of a session: the draft, with the people invited along when there are.
fn with_invited(d: &SessionDraft, invitations: &[Invitation]) -> serde_json::Value {
    let mut after = json!(d);
    if !invitations.is_empty() {
        after["invited"] = json!(invitations.iter().map(|i| i.user).collect::<Vec<_>>());
    }
    after
}

/// Creates a planned session.
pub async fn create(db: &Db, d: &SessionDraft, actor: Option<Uuid>) -> Result<Uuid> {
    let id = new_id();
    create_inviting(db, id, d, &[], actor).await?;
    Ok(id)
}

/// Creates the planned session `id` and, in the same change, invites people to it (a session
/// for a territorial table invites the table's representatives with an account). Returns the
/// people invited.
pub async fn create_inviting(
    db: &Db,
    id: Uuid,
    d: &SessionDraft,
    invitations: &[Invitation],
    actor: Option<Uuid>,
) -> Result<Vec<Uuid>> {
    let change = Change {
        actor,
        action: "labs.session_create",
        entity: "session",
        entity_id: id.to_string(),
        before: None,
        after: Some(with_invited(d, invitations)),
    };
    let now = db.now();
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            sqlx::query(
            "INSERT INTO lab_sessions (id, module_id, cohort_id, title, starts_at, ends_at, place, online_url, capacity, status, check_in_code, created_at, table_id, group_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'planned', $10, $11, $12, $13)",
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
        .bind(now)
        .bind(d.table_id)
        .bind(d.group_id)
        .execute(&mut *tx)
        .await?;
            Ok(invite_in!(tx, id, invitations, now))
        },
        |_| &change
    )
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
    update_inviting(db, before, version, d, &[], actor)
        .await
        .map(drop)
}

/// [`update`], inviting people in the same change (the representatives of the table the session
/// is now for); someone registered or invited already is left as they are. Returns the people
/// it invited.
pub async fn update_inviting(
    db: &Db,
    before: &Session,
    version: i64,
    d: &SessionDraft,
    invitations: &[Invitation],
    actor: Option<Uuid>,
) -> Result<Vec<Uuid>> {
    let change = Change {
        actor,
        action: "labs.session_update",
        entity: "session",
        entity_id: before.id.to_string(),
        before: Some(json!(before.draft())),
        after: Some(with_invited(d, invitations)),
    };
    let now = db.now();
    crate::change!(
        db,
        [Part::Labs],
        |tx| {
            let done = sqlx::query(
            "UPDATE lab_sessions SET module_id = $1, cohort_id = $2, title = $3, starts_at = $4, ends_at = $5, place = $6, online_url = $7,
                 capacity = $8, table_id = $11, group_id = $12, version = version + 1
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
        .bind(d.table_id)
        .bind(d.group_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            Ok(invite_in!(tx, before.id, invitations, now))
        },
        |_| &change
    )
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
