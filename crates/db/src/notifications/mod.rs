//! Notifications: what each person was told of (listed in the app, counted unread in one row per
//! person), their preferences per kind, the emails that go out at once or gathered into
//! digests (claimed and queued in one transaction, so that none goes twice and none is lost),
//! and the server's key that signs unsubscribe links.

use crate::audit::Change;
use crate::{new_id, run, Audit, Db, DbError, Result};
use chrono::{DateTime, Utc};
use domain::community::spaces::Kind as SpaceKind;
use domain::notifications::{Delivery, Digest, Kind};
use domain::roles::Principal;
use serde::Serialize;
use serde_json::json;
use sqlx::Row;
use uuid::Uuid;

/// The job that emails the notifications to be sent at once.
pub const SEND_JOB: &str = "notifications.send";
/// The job that emails a digest (its payload names which and when).
pub const DIGEST_JOB: &str = "notifications.digest";

/// One thing to tell some people of, recorded with the change it tells of.
#[derive(Debug, Clone)]
pub struct Tell {
    pub kind: Kind,
    pub to: Vec<Uuid>,
    pub actor: Option<Uuid>,
    pub space: Option<(SpaceKind, Uuid)>,
    pub space_name: String,
    pub thread: Option<Uuid>,
    pub title: String,
    pub link: String,
}

/// Records `$tell` (a `Tell`) on `$tx` at `$now`: a notification per recipient with the delivery
/// they chose (or the kind's default), their unread count raised, and a job that emails those
/// to be told at once. Evaluates to the number recorded.
#[macro_export]
#[doc(hidden)]
macro_rules! tell_in {
    ($tx:expr, $tell:expr, $now:expr) => {{
        let tell: &$crate::notifications::Tell = $tell;
        let mut told = 0usize;
        for person in &tell.to {
            sqlx::query(
                "INSERT INTO notifications (id, user_id, kind, delivery, actor_id, space_kind,
                   space_id, space_name, thread_id, title, link, created_at)
                 VALUES ($1, $2, $3, COALESCE((SELECT delivery FROM notification_preferences
                   WHERE user_id = $2 AND kind = $3), $4), $5, $6, $7, $8, $9, $10, $11, $12)",
            )
            .bind($crate::new_id())
            .bind(*person)
            .bind(tell.kind.code())
            .bind(tell.kind.default_delivery().code())
            .bind(tell.actor)
            .bind(tell.space.map(|s| s.0.code()))
            .bind(tell.space.map(|s| s.1))
            .bind(&tell.space_name)
            .bind(tell.thread)
            .bind(&tell.title)
            .bind(&tell.link)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
            sqlx::query(
                "INSERT INTO notification_unread (user_id, unread) VALUES ($1, 1)
                 ON CONFLICT (user_id) DO UPDATE SET unread = notification_unread.unread + 1",
            )
            .bind(*person)
            .execute(&mut *$tx)
            .await?;
            told += 1;
        }
        if told > 0 {
            sqlx::query(
                "INSERT INTO jobs (id, kind, key, payload, created_at, run_at)
                 VALUES ($1, $2, NULL, '{}', $3, $3)",
            )
            .bind($crate::new_id())
            .bind($crate::notifications::SEND_JOB)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
        }
        told
    }};
}

/// Recomputes `$person`'s unread count on `$tx` (after notifications were marked read).
#[macro_export]
#[doc(hidden)]
macro_rules! recount_in {
    ($tx:expr, $person:expr) => {{
        sqlx::query(
            "INSERT INTO notification_unread (user_id, unread)
             VALUES ($1, (SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL))
             ON CONFLICT (user_id) DO UPDATE SET unread = excluded.unread",
        )
        .bind($person)
        .execute(&mut *$tx)
        .await?;
    }};
}

/// Records notifications on their own (for events whose change is recorded elsewhere).
pub async fn tell(db: &Db, tell: &Tell) -> Result<usize> {
    let now = db.now();
    crate::change!(db, [], |tx| { Ok(crate::tell_in!(tx, tell, now)) }, |_| {
        Audit::none("notifications of a change audited on its own")
    })
}

/// A person as mentions and audiences need them: id, name and what they may see.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: Uuid,
    pub name: String,
    pub principal: Principal,
}

/// Every active person with their grants, in one query.
pub async fn people(db: &Db) -> Result<Vec<Person>> {
    let rows = run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT u.id, u.name, g.role, g.space_kind, g.space_id
             FROM users u LEFT JOIN grants g ON g.user_id = u.id
             WHERE u.active = $1 ORDER BY u.id",
        )
        .bind(true)
        .fetch_all(pool)
        .await?;
        let mut out: Vec<Person> = Vec::new();
        for r in &rows {
            let id: Uuid = r.try_get(0)?;
            if out.last().map(|p| p.id) != Some(id) {
                out.push(Person {
                    id,
                    name: r.try_get(1)?,
                    principal: Principal {
                        user_id: id,
                        grants: Vec::new(),
                    },
                });
            }
            let role: Option<String> = r.try_get(2)?;
            let space: Option<String> = r.try_get(3)?;
            let sid: Option<Uuid> = r.try_get(4)?;
            if let (Some(role), Some(space), Some(sid), Some(p)) =
                (role, space, sid, out.last_mut())
            {
                p.principal
                    .grants
                    .push(crate::accounts::grant_of(id, role, space, sid)?);
            }
        }
        out
    });
    let mut rows = rows;
    rows.sort_by(|a, b| domain::locale::compare_names(&a.name, &b.name));
    Ok(rows)
}

/// A person's delivery for every kind (their choices, the defaults for the rest).
pub async fn preferences(db: &Db, person: Uuid) -> Result<Vec<(Kind, Delivery)>> {
    let saved: Vec<(String, String)> = run!(db, |pool| {
        sqlx::query_as("SELECT kind, delivery FROM notification_preferences WHERE user_id = $1")
            .bind(person)
            .fetch_all(pool)
            .await?
    });
    Ok(domain::notifications::preferences(&saved))
}

fn save(
    person: Uuid,
    action: &'static str,
    choices: &[(Kind, Delivery)],
) -> (Change, Vec<(String, String)>) {
    let pairs: Vec<(String, String)> = choices
        .iter()
        .map(|(k, d)| (k.code().to_string(), d.code().to_string()))
        .collect();
    let change = Change {
        actor: Some(person),
        action,
        entity: "user",
        entity_id: person.to_string(),
        before: None,
        after: Some(json!(pairs
            .iter()
            .cloned()
            .collect::<std::collections::BTreeMap<_, _>>())),
    };
    (change, pairs)
}

/// Saves a person's choices (the kinds not named keep theirs).
pub async fn save_preferences(db: &Db, person: Uuid, choices: &[(Kind, Delivery)]) -> Result<()> {
    let (audit, pairs) = save(person, "notifications.preferences", choices);
    let now = db.now();
    crate::change!(
        db,
        [],
        |tx| {
            for (kind, delivery) in &pairs {
                sqlx::query(
                    "INSERT INTO notification_preferences (user_id, kind, delivery, updated_at)
                     VALUES ($1, $2, $3, $4)
                     ON CONFLICT (user_id, kind) DO UPDATE
                     SET delivery = excluded.delivery, updated_at = excluded.updated_at",
                )
                .bind(person)
                .bind(kind)
                .bind(delivery)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            Ok(())
        },
        |_| &audit
    )
}

/// Turns one kind off for a person, from a signed link in an email (no sign-in). Refused with
/// `NotFound` when the account no longer exists.
pub async fn unsubscribe(db: &Db, person: Uuid, kind: Kind) -> Result<()> {
    let (audit, _) = save(
        person,
        "notifications.unsubscribe",
        &[(kind, Delivery::Off)],
    );
    let now = db.now();
    crate::change!(
        db,
        [],
        |tx| {
            let exists: Option<(Uuid,)> = sqlx::query_as("SELECT id FROM users WHERE id = $1")
                .bind(person)
                .fetch_optional(&mut *tx)
                .await?;
            if exists.is_none() {
                return Err(DbError::NotFound);
            }
            sqlx::query(
                "INSERT INTO notification_preferences (user_id, kind, delivery, updated_at)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (user_id, kind) DO UPDATE
                 SET delivery = excluded.delivery, updated_at = excluded.updated_at",
            )
            .bind(person)
            .bind(kind.code())
            .bind(Delivery::Off.code())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &audit
    )
}

/// A person's unread count as kept (what the header shows).
pub async fn unread(db: &Db, person: Uuid) -> Result<i64> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar("SELECT unread FROM notification_unread WHERE user_id = $1")
            .bind(person)
            .fetch_optional(pool)
            .await?
            .unwrap_or(0)
    }))
}

/// A notification to email, with its recipient.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Pending {
    pub id: Uuid,
    pub user_id: Uuid,
    pub email: String,
    pub languages: String,
    pub kind: String,
    pub actor_name: Option<String>,
    pub space_name: String,
    pub title: String,
    pub link: String,
    pub created_at: DateTime<Utc>,
}

/// Which notifications an email run takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Batch {
    /// Those to send at once.
    Immediate,
    /// Those gathered by a digest.
    Digest(Digest),
}

/// An email to queue: its recipient and its job payload.
pub type Outgoing = (String, serde_json::Value);

/// Claims the notifications of `batch` not emailed yet (of active people, whose current choice
/// for the kind still asks for it) and queues the emails `compose` makes of them, in one
/// transaction: a notification is emailed once, and none is marked without its email queued.
/// Returns how many were emailed.
pub async fn mail_pending(
    db: &Db,
    batch: Batch,
    compose: &(dyn Fn(&[Pending]) -> Vec<Outgoing> + Sync),
) -> Result<usize> {
    let now = db.now();
    let (condition, delivery) = match batch {
        Batch::Immediate => (
            "n.delivery = 'immediate' AND COALESCE(p.delivery, n.delivery) = $1",
            Delivery::Immediate,
        ),
        Batch::Digest(d) => ("COALESCE(p.delivery, n.delivery) = $1", d.delivery()),
    };
    let select = format!(
        "SELECT n.id, n.user_id, u.email, u.languages, n.kind, a.name AS actor_name,
                n.space_name, n.title, n.link, n.created_at
         FROM notifications n
         JOIN users u ON u.id = n.user_id
         LEFT JOIN users a ON a.id = n.actor_id
         LEFT JOIN notification_preferences p ON p.user_id = n.user_id AND p.kind = n.kind
         WHERE n.mailed_at IS NULL AND n.delivery IS NOT NULL AND u.active = $2
           AND {condition}
         ORDER BY n.user_id, n.space_name, n.created_at, n.id"
    );
    crate::change!(
        db,
        [],
        |tx| {
            let found: Vec<Pending> = sqlx::query_as(&select)
                .bind(delivery.code())
                .bind(true)
                .fetch_all(&mut *tx)
                .await?;
            // Claimed one by one: on PostgreSQL a concurrent run waits on the row and then finds
            // it mailed, so it skips it.
            let mut claimed: Vec<Pending> = Vec::with_capacity(found.len());
            for p in found {
                let done = sqlx::query(
                    "UPDATE notifications SET mailed_at = $2 WHERE id = $1 AND mailed_at IS NULL",
                )
                .bind(p.id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 1 {
                    claimed.push(p);
                }
            }
            for (to, payload) in compose(&claimed) {
                sqlx::query(
                    "INSERT INTO jobs (id, kind, key, payload, created_at, run_at)
                     VALUES ($1, 'email', $2, $3, $4, $4)",
                )
                .bind(new_id())
                .bind(&to)
                .bind(payload.to_string())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            Ok(claimed.len())
        },
        |n: &usize| if *n > 0 {
            Audit::none("emails of notifications, queued")
        } else {
            Audit::Nothing
        }
    )
}

/// Queues `digest` for `at` unless one for that moment is queued already (any instance may ask;
/// the job's key names the digest and the moment). Returns whether it was queued now.
pub async fn schedule_digest(db: &Db, digest: Digest, at: DateTime<Utc>) -> Result<bool> {
    let now = db.now();
    let key = format!("{}@{}", digest.code(), at.to_rfc3339());
    let payload = json!({ "digest": digest, "at": at }).to_string();
    crate::change!(
        db,
        [],
        |tx| {
            let done = sqlx::query(
                "INSERT INTO jobs (id, kind, key, payload, created_at, run_at)
                 SELECT $1, $2, $3, $4, $5, $6
                 WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE kind = $2 AND key = $3)",
            )
            .bind(new_id())
            .bind(DIGEST_JOB)
            .bind(&key)
            .bind(&payload)
            .bind(now)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            Ok(done.rows_affected() == 1)
        },
        |queued: &bool| if *queued {
            Audit::none("the job queue is bookkeeping")
        } else {
            Audit::Nothing
        }
    )
}

/// The server's key that signs unsubscribe links: made at random on first use and kept in the
/// database, so that every instance signs and checks with the same one.
pub async fn signing_key(db: &Db) -> Result<Vec<u8>> {
    const NAME: &str = "unsubscribe";
    let found: Option<Vec<u8>> = run!(db, |pool| {
        sqlx::query_scalar("SELECT secret FROM server_keys WHERE name = $1")
            .bind(NAME)
            .fetch_optional(pool)
            .await?
    });
    if let Some(key) = found {
        return Ok(key);
    }
    let fresh: Vec<u8> = {
        use rand::RngCore;
        let mut bytes = vec![0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        bytes
    };
    let now = db.now();
    crate::change!(
        db,
        [],
        |tx| {
            // Two instances starting at once: the first key stays, both read it back.
            sqlx::query(
                "INSERT INTO server_keys (name, secret, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT (name) DO NOTHING",
            )
            .bind(NAME)
            .bind(&fresh)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let key: Vec<u8> = sqlx::query_scalar("SELECT secret FROM server_keys WHERE name = $1")
                .bind(NAME)
                .fetch_one(&mut *tx)
                .await?;
            Ok(key)
        },
        |_| Audit::none("the server's own key, never shown")
    )
}
