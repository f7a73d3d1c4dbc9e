//! Sign-in attempts, counted per typed email and per client address for the throttle.

use super::*;

/// Records a sign-in attempt for the email typed (existing or not) and the client address.
pub async fn record_attempt(db: &Db, email: &str, ip: &str, success: bool) -> Result<()> {
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query(
            "INSERT INTO login_attempts (id, email, ip, at, success) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(new_id())
        .bind(email)
        .bind(ip)
        .bind(db.now())
        .bind(success)
        .execute(&mut *tx)
        .await?;
            Ok(())
        },
        |_| Audit::none("sign-in attempts are their own record")
    )?;
    Ok(())
}

/// Failed attempts since `since` for the email and for the address.
pub async fn recent_failures(
    db: &Db,
    email: &str,
    ip: &str,
    since: DateTime<Utc>,
) -> Result<(i64, i64)> {
    Ok(run!(db, |pool| {
        let by_email: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_attempts WHERE email = $1 AND at > $2 AND success = $3",
        )
        .bind(email)
        .bind(since)
        .bind(false)
        .fetch_one(pool)
        .await?;
        let by_ip: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_attempts WHERE ip = $1 AND at > $2 AND success = $3",
        )
        .bind(ip)
        .bind(since)
        .bind(false)
        .fetch_one(pool)
        .await?;
        (by_email, by_ip)
    }))
}
