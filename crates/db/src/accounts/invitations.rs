//! Invitations: single-use, expiring links that create an account or add a role to one.

use super::*;

/// A pending invitation.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Invitation {
    pub email: String,
    pub role: String,
    pub organisation_id: Option<Uuid>,
    pub expires_at: DateTime<Utc>,
}

/// Stores an invitation and returns the token for its link.
pub async fn create_invitation(
    db: &Db,
    email: &str,
    role: Role,
    organisation: Option<Uuid>,
    by: Uuid,
) -> Result<String> {
    let (token, hash) = new_token();
    let id = new_id();
    let now = db.now();
    let change = Change {
        actor: Some(by),
        action: "invitation.create",
        entity: "invitation",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({"email": email, "role": role, "organisation": organisation})),
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query("INSERT INTO invitations (id, token_hash, email, role, organisation_id, invited_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
            .bind(id)
            .bind(&hash)
            .bind(email)
            .bind(role.code())
            .bind(organisation)
            .bind(by)
            .bind(now)
            .bind(now + domain::accounts::INVITATION_LIFETIME)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(token)
}

/// An invitation as the administrators' list shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SentInvitation {
    pub email: String,
    pub role: String,
    pub organisation: Option<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
}

/// The most recent invitations, newest first.
pub async fn recent_invitations(db: &Db, limit: i64) -> Result<Vec<SentInvitation>> {
    Ok(run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT i.email, i.role, o.name, i.created_at, i.expires_at, i.accepted_at
             FROM invitations i LEFT JOIN organisations o ON o.id = i.organisation_id
             ORDER BY i.created_at DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SentInvitation {
                    email: r.try_get(0)?,
                    role: r.try_get(1)?,
                    organisation: r.try_get(2)?,
                    created_at: r.try_get(3)?,
                    expires_at: r.try_get(4)?,
                    accepted_at: r.try_get(5)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?
    }))
}

/// The invitation behind a token, if it is still open.
pub async fn open_invitation(db: &Db, token: &str) -> Result<Option<Invitation>> {
    let hash = token_hash(token);
    Ok(run!(db, |pool| {
        let row = sqlx::query(
            "SELECT email, role, organisation_id, expires_at FROM invitations
             WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2",
        )
        .bind(&hash)
        .bind(db.now())
        .fetch_optional(pool)
        .await?;
        match row {
            None => None,
            Some(r) => Some(Invitation {
                email: r.try_get(0)?,
                role: r.try_get(1)?,
                organisation_id: r.try_get(2)?,
                expires_at: r.try_get(3)?,
            }),
        }
    }))
}

/// Accepts an invitation: creates the account (or extends an existing one with the role) and
/// closes the invitation, all at once. `NotFound` when the link is used, expired or unknown.
pub async fn accept_invitation(
    db: &Db,
    token: &str,
    name: &str,
    password_hash: &str,
) -> Result<Uuid> {
    let hash = token_hash(token);
    let now = db.now();
    crate::change!(db, [Part::People], |tx| {
        let row = sqlx::query(
            "UPDATE invitations SET accepted_at = $1 WHERE token_hash = $2 AND accepted_at IS NULL AND expires_at > $1
             RETURNING id, email, role, organisation_id",
        )
        .bind(now)
        .bind(&hash)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(DbError::NotFound)?;
        let invitation_id: Uuid = row.try_get(0)?;
        let email: String = row.try_get(1)?;
        let role: String = row.try_get(2)?;
        let organisation: Option<Uuid> = row.try_get(3)?;
        let role = Role::parse(&role).ok_or_else(|| DbError::Unreadable {
            record: format!("invitations/{invitation_id}/role"),
            value: role.clone(),
        })?;
        let existing: Option<Uuid> = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind(&email)
            .fetch_optional(&mut *tx)
            .await?;
        let user_id = match existing {
            Some(id) => id,
            None => {
                let id = new_id();
                sqlx::query("INSERT INTO users (id, email, name, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
                    .bind(id)
                    .bind(&email)
                    .bind(name)
                    .bind(password_hash)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                id
            }
        };
        let space_id = match role.space_kind() {
            SpaceKind::Organisation => organisation.unwrap_or(PLATFORM_SPACE),
            _ => PLATFORM_SPACE,
        };
        sqlx::query("INSERT INTO grants (user_id, role, space_kind, space_id, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING")
            .bind(user_id)
            .bind(role.code())
            .bind(role.space_kind().code())
            .bind(space_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE invitations SET accepted_user_id = $1 WHERE id = $2")
            .bind(user_id)
            .bind(invitation_id)
            .execute(&mut *tx)
            .await?;
        let change = Change {
            actor: Some(user_id),
            action: "invitation.accept",
            entity: "invitation",
            entity_id: invitation_id.to_string(),
            before: None,
            after: Some(
                json!({"user": user_id, "email": email, "role": role, "new_account": existing.is_none()}),
            ),
        };
        Ok((user_id, change))
    }, |(_, change): &(Uuid, Change)| change.clone())
    .map(|(user_id, _)| user_id)
}
