//! Sessions in the database, so that any instance can serve any request. Only the hash of a
//! session token is stored.

use super::*;

/// Opens a session and returns its token (to put in the cookie); only its hash is stored.
pub async fn open_session(db: &Db, user_id: Uuid, ip: &str) -> Result<String> {
    let (token, hash) = new_token();
    let now = db.now();
    let change = Change {
        actor: Some(user_id),
        action: "session.open",
        entity: "user",
        entity_id: user_id.to_string(),
        before: None,
        after: Some(json!({"ip": ip})),
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, ip) VALUES ($1, $2, $3, $3, $4, $5)")
            .bind(&hash)
            .bind(user_id)
            .bind(now)
            .bind(now + domain::accounts::SESSION_IDLE_LIFETIME)
            .bind(ip)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(token)
}

/// Who a live session belongs to.
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    /// Notifications not read yet, kept per person (read here at no extra query).
    pub unread: i64,
}

/// The account behind a session token, if the session is alive and the account active. Extends
/// the session at most once a minute, so that reading pages does not write on every request.
pub async fn session_user(db: &Db, token: &str) -> Result<Option<SessionUser>> {
    Ok(session_principal(db, token).await?.map(|(u, _)| u))
}

/// The account behind a session token with its grants, read in one query: every signed-in
/// request starts here. Extends the session at most once a minute.
pub async fn session_principal(db: &Db, token: &str) -> Result<Option<(SessionUser, Principal)>> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let hash = token_hash(token);
    let now = db.now();
    let found = run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT s.user_id, s.last_seen_at, u.name, u.email, g.role, g.space_kind, g.space_id,
                    COALESCE(c.unread, 0)
             FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN grants g ON g.user_id = u.id
             LEFT JOIN notification_unread c ON c.user_id = u.id
             WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.active = $3",
        )
        .bind(&hash)
        .bind(now)
        .bind(true)
        .fetch_all(pool)
        .await?;
        match rows.first() {
            None => None,
            Some(r) => {
                let seen: DateTime<Utc> = r.try_get(1)?;
                let stale = now - seen > Duration::minutes(1);
                let user = SessionUser {
                    id: r.try_get(0)?,
                    name: r.try_get(2)?,
                    email: r.try_get(3)?,
                    unread: r.try_get(7)?,
                };
                // A person without grants has one row with empty grant columns (left join).
                let mut grants = Vec::new();
                for r in &rows {
                    let role: Option<String> = r.try_get(4)?;
                    let space: Option<String> = r.try_get(5)?;
                    let id: Option<Uuid> = r.try_get(6)?;
                    if let (Some(role), Some(space), Some(id)) = (role, space, id) {
                        grants.push(grant_of(user.id, role, space, id)?);
                    }
                }
                let principal = Principal {
                    user_id: user.id,
                    grants,
                };
                Some((user, principal, stale))
            }
        }
    });
    let Some((user, principal, stale)) = found else {
        return Ok(None);
    };
    if stale {
        crate::change!(
            db,
            [],
            |tx| {
                sqlx::query(
                    "UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id_hash = $3",
                )
                .bind(now)
                .bind(now + domain::accounts::SESSION_IDLE_LIFETIME)
                .bind(&hash)
                .execute(&mut *tx)
                .await?;
                Ok(())
            },
            |_| Audit::none("a session kept alive by its use")
        )?;
    }
    Ok(Some((user, principal)))
}

/// Ends one session.
pub async fn close_session(db: &Db, token: &str, user_id: Uuid) -> Result<()> {
    let change = Change {
        actor: Some(user_id),
        action: "session.close",
        entity: "user",
        entity_id: user_id.to_string(),
        before: None,
        after: None,
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
                .bind(token_hash(token))
                .execute(&mut *tx)
                .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}
