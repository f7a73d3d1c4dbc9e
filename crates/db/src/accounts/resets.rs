//! Password resets: single-use, expiring links; using one ends every session.

use super::*;

/// Closes every reset link of a person still open: a link must not outlive the password it was
/// sent to replace.
macro_rules! close_resets {
    ($tx:expr, $user:expr, $now:expr) => {
        sqlx::query(
            "UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL",
        )
        .bind($now)
        .bind($user)
        .execute($tx)
        .await?;
    };
}
pub(crate) use close_resets;

/// Stores a password-reset request and returns the token for its link.
pub async fn create_reset(db: &Db, user_id: Uuid) -> Result<String> {
    let (token, hash) = new_token();
    let now = db.now();
    let change = Change {
        actor: None,
        action: "password.reset_request",
        entity: "user",
        entity_id: user_id.to_string(),
        before: None,
        after: None,
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query("INSERT INTO password_resets (id, token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(new_id())
            .bind(&hash)
            .bind(user_id)
            .bind(now)
            .bind(now + domain::accounts::RESET_LIFETIME)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(token)
}

/// How many reset links were made for a person since `since`: what limits the reset emails one
/// address receives (the other emails a person gets, notifications or convocations, do not count).
pub async fn resets_since(db: &Db, user_id: Uuid, since: DateTime<Utc>) -> Result<i64> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM password_resets WHERE user_id = $1 AND created_at > $2",
        )
        .bind(user_id)
        .bind(since)
        .fetch_one(pool)
        .await?
    }))
}

/// Whether a reset token is still usable.
pub async fn reset_is_open(db: &Db, token: &str) -> Result<bool> {
    let hash = token_hash(token);
    Ok(run!(db, |pool| {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(&hash)
        .bind(db.now())
        .fetch_one(pool)
        .await?;
        n == 1
    }))
}

/// Uses a reset token: sets the password, closes the token and every session, all at once.
pub async fn complete_reset(db: &Db, token: &str, password_hash: &str) -> Result<Uuid> {
    let hash = token_hash(token);
    let now = db.now();
    crate::change!(
        db,
        [],
        |tx| {
            let user_id: Uuid = sqlx::query_scalar(
            "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
        )
        .bind(now)
        .bind(&hash)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(DbError::NotFound)?;
            sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
                .bind(password_hash)
                .bind(now)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            close_resets!(&mut *tx, user_id, now);
            Ok(user_id)
        },
        |user_id: &Uuid| Change {
            actor: Some(*user_id),
            action: "password.reset",
            entity: "user",
            entity_id: user_id.to_string(),
            before: None,
            after: Some(json!({"sessions": "revoked", "reset_links": "closed"})),
        }
    )
}
