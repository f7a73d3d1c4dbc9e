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
        .bind(db.now())
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

/// What issuing a season's certificate did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issued {
    /// The person's first certificate of the season, under the new code.
    New,
    /// The certificate existed and now states more (or other) attendance, under its code.
    Updated,
    /// The certificate existed and states the same: nothing was written.
    Same,
}

/// Issues `user`'s certificate for `season`: the first time under `code`, afterwards under the
/// code it got then. `summary` (what it states, JSON) replaces the stored one, dated now, when it
/// differs. Returns the code, the date of the statement and what was done.
pub async fn issue_certificate(
    db: &Db,
    code: &str,
    user: Uuid,
    season: &str,
    summary: &str,
) -> Result<(String, DateTime<Utc>, Issued)> {
    let now = db.now();
    crate::change!(
        db,
        [],
        |tx| {
            // A concurrent first download waits here for the other and then finds its row.
            sqlx::query(
                "INSERT INTO certificates (code, user_id, season, issued_at, summary) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (user_id, season) DO NOTHING",
            )
            .bind(code)
            .bind(user)
            .bind(season)
            .bind(now)
            .bind(summary)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_write)?;
            let row = sqlx::query(
                "SELECT code, issued_at, summary FROM certificates WHERE user_id = $1 AND season = $2",
            )
            .bind(user)
            .bind(season)
            .fetch_one(&mut *tx)
            .await?;
            let kept: String = row.try_get("code")?;
            let issued_at: DateTime<Utc> = row.try_get("issued_at")?;
            let stated: String = row.try_get("summary")?;
            if kept == code {
                Ok((kept, issued_at, Issued::New))
            } else if stated == summary {
                Ok((kept, issued_at, Issued::Same))
            } else {
                sqlx::query("UPDATE certificates SET summary = $1, issued_at = $2 WHERE code = $3")
                    .bind(summary)
                    .bind(now)
                    .bind(&kept)
                    .execute(&mut *tx)
                    .await?;
                Ok((kept, now, Issued::Updated))
            }
        },
        |(kept, _, issued): &(String, DateTime<Utc>, Issued)| match issued {
            Issued::Same => crate::write::Audit::Nothing,
            Issued::New | Issued::Updated => crate::write::Audit::Entries(vec![Change {
                actor: Some(user),
                action: if *issued == Issued::New {
                    "labs.certificate_issue"
                } else {
                    "labs.certificate_update"
                },
                entity: "certificate",
                entity_id: kept.clone(),
                before: None,
                after: None,
            }]),
        }
    )
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
