//! Personal addresses of a table's meetings calendar: calendar applications cannot sign in, so
//! each person who sees a table may have a secret address of its feed (one per person and table,
//! stored as a hash), replaced or revoked by its owner.

use super::*;

/// Makes a new secret address of `table`'s calendar for `user`, replacing their earlier one
/// (which stops working); returns the token (only its hash is stored).
pub async fn new_feed_token(db: &Db, table: Uuid, user: Uuid) -> Result<String> {
    let (token, hash) = crate::new_token();
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query(
                "INSERT INTO table_feed_tokens (table_id, user_id, token_hash, created_at)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (table_id, user_id) DO UPDATE
                   SET token_hash = excluded.token_hash, created_at = excluded.created_at",
            )
            .bind(table)
            .bind(user)
            .bind(&hash)
            .bind(db.now())
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| Change {
            actor: Some(user),
            action: "tables.feed_token",
            entity: "table",
            entity_id: table.to_string(),
            before: None,
            after: None,
        }
    )?;
    Ok(token)
}

/// Revokes `user`'s secret address of `table`'s calendar. Returns whether there was one.
pub async fn revoke_feed_token(db: &Db, table: Uuid, user: Uuid) -> Result<bool> {
    let change = Change {
        actor: Some(user),
        action: "tables.feed_revoke",
        entity: "table",
        entity_id: table.to_string(),
        before: None,
        after: None,
    };
    crate::change!(
        db,
        [],
        |tx| {
            let done =
                sqlx::query("DELETE FROM table_feed_tokens WHERE table_id = $1 AND user_id = $2")
                    .bind(table)
                    .bind(user)
                    .execute(&mut *tx)
                    .await?;
            Ok(done.rows_affected() > 0)
        },
        |done: &bool| crate::Audit::when(*done, &change)
    )
}

/// Whether `user` has a secret address of `table`'s calendar.
pub async fn has_feed_token(db: &Db, table: Uuid, user: Uuid) -> Result<bool> {
    run!(db, |pool| {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM table_feed_tokens WHERE table_id = $1 AND user_id = $2",
        )
        .bind(table)
        .bind(user)
        .fetch_one(pool)
        .await?
            > 0)
    })
}

/// The table and the active person whose secret address `token` is.
pub async fn feed_token_owner(db: &Db, token: &str) -> Result<Option<(Uuid, Uuid)>> {
    let hash = crate::token_hash(token);
    run!(db, |pool| {
        Ok(sqlx::query_as::<_, (Uuid, Uuid)>(
            "SELECT f.table_id, f.user_id FROM table_feed_tokens f JOIN users u ON u.id = f.user_id
             WHERE f.token_hash = $1 AND u.active = $2",
        )
        .bind(&hash)
        .bind(true)
        .fetch_optional(pool)
        .await?)
    })
}
