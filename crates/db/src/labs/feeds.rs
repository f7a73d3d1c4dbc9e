//! Personal calendar feeds (secret addresses, stored as hashes) and issued certificates.

use super::*;

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
            Some(r) => Some((r.try_get("issued_at")?, r.try_get("summary")?)),
            None => None,
        })
    })
}
