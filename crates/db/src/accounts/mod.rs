//! Accounts: users and their grants, with sessions, sign-in attempts, invitations and password
//! resets in their own files.

mod attempts;
mod invitations;
mod resets;
mod sessions;

pub use attempts::*;
pub use invitations::*;
pub use resets::*;
pub use sessions::*;

use crate::audit::Change;
use crate::{new_id, new_token, run, token_hash, Audit, Db, DbError, Part, Result};
use chrono::{DateTime, Duration, Utc};
use domain::roles::{Grant, Principal, Role, SpaceKind};
use serde_json::json;
use sqlx::Row;
use uuid::Uuid;

/// A person's account as shown in the interface.
#[derive(Debug, Clone, serde::Serialize)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub languages: Vec<String>,
    pub competences: Vec<String>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub version: i64,
}

/// What sign-in needs to know about an account.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub id: Uuid,
    pub password_hash: String,
    pub active: bool,
}

/// An account to create.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub password_hash: String,
}

fn split_languages(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The id used in the grants table for the platform space, which has no id of its own.
pub const PLATFORM_SPACE: Uuid = Uuid::nil();

/// Creates an account with its grants; `Duplicate` when the email is taken.
pub async fn create_user(
    db: &Db,
    user: &NewUser,
    grants: &[Grant],
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let change = Change {
        actor,
        action: "user.create",
        entity: "user",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({"email": user.email, "name": user.name, "grants": grants})),
    };
    crate::change!(
        db,
        [Part::People],
        |tx| {
            sqlx::query("INSERT INTO users (id, email, name, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
            .bind(id)
            .bind(&user.email)
            .bind(&user.name)
            .bind(&user.password_hash)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_write)?;
            for g in grants {
                sqlx::query("INSERT INTO grants (user_id, role, space_kind, space_id, created_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(id)
                .bind(g.role.code())
                .bind(g.space.code())
                .bind(g.space_id.unwrap_or(PLATFORM_SPACE))
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_write)?;
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Grants a role to an existing account (no error if it already holds it).
pub async fn add_grant(db: &Db, user_id: Uuid, grant: Grant, actor: Option<Uuid>) -> Result<()> {
    let change = Change {
        actor,
        action: "grant.add",
        entity: "user",
        entity_id: user_id.to_string(),
        before: None,
        after: Some(json!({"grant": grant})),
    };
    crate::change!(
        db,
        [Part::People],
        |tx| {
            sqlx::query("INSERT INTO grants (user_id, role, space_kind, space_id, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING")
            .bind(user_id)
            .bind(grant.role.code())
            .bind(grant.space.code())
            .bind(grant.space_id.unwrap_or(PLATFORM_SPACE))
            .bind(db.now())
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// The credentials of the account with this (normalised) email, if any.
pub async fn credentials(db: &Db, email: &str) -> Result<Option<Credentials>> {
    Ok(run!(db, |pool| {
        let row = sqlx::query("SELECT id, password_hash, active FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(pool)
            .await?;
        match row {
            Some(r) => Some(Credentials {
                id: r.try_get(0)?,
                password_hash: r.try_get(1)?,
                active: r.try_get(2)?,
            }),
            None => None,
        }
    }))
}

/// The account with this id.
pub async fn user(db: &Db, id: Uuid) -> Result<User> {
    let users = users_where(db, Some(id), 1, 0).await?;
    users.into_iter().next().ok_or(DbError::NotFound)
}

/// A page of accounts, by name (Unicode collation, see `domain::locale::compare_names`).
pub async fn users(db: &Db, limit: i64, offset: i64) -> Result<Vec<User>> {
    users_where(db, None, limit, offset).await
}

async fn users_where(db: &Db, id: Option<Uuid>, limit: i64, offset: i64) -> Result<Vec<User>> {
    // Every account is read and sorted here: the databases order by code point (`Zeta` before
    // `alfa` and `Éco`), and the registry holds hundreds of people, not millions.
    let mut users: Vec<User> = run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT id, email, name, languages, competences, active, created_at, version FROM users
             WHERE ($1 IS NULL OR id = $1)",
        )
        .bind(id)
        .fetch_all(pool)
        .await?;
        rows.iter()
            .map(|r| {
                let languages: String = r.try_get(3)?;
                let competences: String = r.try_get(4)?;
                let id: Uuid = r.try_get(0)?;
                let competences = serde_json::from_str(&competences).map_err(|_| {
                    crate::unknown_code(
                        "competences",
                        format!("users/{id}/competences"),
                        &competences,
                    )
                })?;
                Ok(User {
                    id,
                    email: r.try_get(1)?,
                    name: r.try_get(2)?,
                    languages: split_languages(&languages),
                    competences,
                    active: r.try_get(5)?,
                    created_at: r.try_get(6)?,
                    version: r.try_get(7)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?
    });
    users.sort_by(|a, b| {
        domain::locale::compare_names(&a.name, &b.name).then_with(|| a.email.cmp(&b.email))
    });
    Ok(users
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(0))
        .take(usize::try_from(limit).unwrap_or(0))
        .collect())
}

/// Number of accounts.
pub async fn count_users(db: &Db) -> Result<i64> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(pool)
            .await?
    }))
}

/// A stored grant (role, space kind, space id); `None` for codes this version does not know.
/// A stored grant; a role or space this version does not know is an error naming it (a grant
/// silently dropped would change what the person may do).
pub(crate) fn grant_of(
    user: Uuid,
    role: String,
    space: String,
    id: Uuid,
) -> std::result::Result<Grant, sqlx::Error> {
    let record = || format!("grants/{user}/{role}/{space}/{id}");
    Ok(Grant {
        role: Role::parse(&role).ok_or_else(|| crate::unknown_code("role", record(), &role))?,
        space: SpaceKind::parse(&space)
            .ok_or_else(|| crate::unknown_code("space", record(), &space))?,
        space_id: (id != PLATFORM_SPACE).then_some(id),
    })
}

/// Everything a person may do rests on their grants.
pub async fn principal(db: &Db, user_id: Uuid) -> Result<Principal> {
    let grants = run!(db, |pool| {
        let rows = sqlx::query("SELECT role, space_kind, space_id FROM grants WHERE user_id = $1")
            .bind(user_id)
            .fetch_all(pool)
            .await?;
        rows.iter()
            .map(|r| grant_of(user_id, r.try_get(0)?, r.try_get(1)?, r.try_get(2)?))
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?
    });
    Ok(Principal { user_id, grants })
}

/// Saves a profile if nobody changed it since `version` was read.
pub async fn update_profile(
    db: &Db,
    id: Uuid,
    version: i64,
    profile: &domain::accounts::Profile,
) -> Result<()> {
    let before = user(db, id).await?;
    let change = Change {
        actor: Some(id),
        action: "user.profile",
        entity: "user",
        entity_id: id.to_string(),
        before: Some(
            json!({"name": before.name, "languages": before.languages, "competences": before.competences}),
        ),
        after: Some(
            json!({"name": profile.name, "languages": profile.languages, "competences": profile.competences}),
        ),
    };
    crate::change!(
        db,
        [Part::People],
        |tx| {
            let done = sqlx::query(
            "UPDATE users SET name = $1, languages = $2, competences = $3, updated_at = $4, version = version + 1
             WHERE id = $5 AND version = $6",
        )
        .bind(&profile.name)
        .bind(profile.languages.join(","))
        .bind(serde_json::to_string(&profile.competences).unwrap_or_else(|_| "[]".into()))
        .bind(db.now())
        .bind(id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Sets a new password and ends every session of the account.
pub async fn set_password(
    db: &Db,
    id: Uuid,
    password_hash: &str,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "user.password",
        entity: "user",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({"sessions": "revoked", "reset_links": "closed"})),
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
                .bind(password_hash)
                .bind(db.now())
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            resets::close_resets!(&mut *tx, id, db.now());
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Suspends or restores an account; suspending ends its sessions. `NotFound` for an unknown id.
pub async fn set_active(db: &Db, id: Uuid, active: bool, actor: Uuid) -> Result<()> {
    let before = user(db, id).await?;
    let change = Change {
        actor: Some(actor),
        action: if active {
            "user.reactivate"
        } else {
            "user.suspend"
        },
        entity: "user",
        entity_id: id.to_string(),
        before: Some(json!({"email": before.email, "active": before.active})),
        after: Some(json!({"email": before.email, "active": active})),
    };
    crate::change!(
        db,
        [Part::People],
        |tx| {
            sqlx::query(
            "UPDATE users SET active = $1, updated_at = $2, version = version + 1 WHERE id = $3",
        )
        .bind(active)
        .bind(db.now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
            if !active {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Someone holding a role in an organisation's workspace.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Member {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    pub role: String,
}

/// The people who hold a role in an organisation's workspace, by role and name.
pub async fn organisation_people(db: &Db, organisation: Uuid) -> Result<Vec<Member>> {
    let mut people: Vec<Member> = run!(db, |pool| {
        let rows = sqlx::query(
            "SELECT u.id, u.name, u.email, g.role FROM grants g JOIN users u ON u.id = g.user_id
             WHERE g.space_kind = $1 AND g.space_id = $2 ORDER BY g.role, u.name",
        )
        .bind(SpaceKind::Organisation.code())
        .bind(organisation)
        .fetch_all(pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Member {
                    user_id: r.try_get(0)?,
                    name: r.try_get(1)?,
                    email: r.try_get(2)?,
                    role: r.try_get(3)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?
    });
    people.sort_by(|a, b| {
        a.role
            .cmp(&b.role)
            .then_with(|| domain::locale::compare_names(&a.name, &b.name))
    });
    Ok(people)
}

/// Takes a role in an organisation's workspace away from someone; `NotFound` when they do not
/// hold it.
pub async fn revoke_grant(
    db: &Db,
    user_id: Uuid,
    role: Role,
    organisation: Uuid,
    actor: Uuid,
) -> Result<()> {
    let change = Change {
        actor: Some(actor),
        action: "grant.revoke",
        entity: "user",
        entity_id: user_id.to_string(),
        before: Some(json!({"role": role, "organisation": organisation})),
        after: None,
    };
    crate::change!(
        db,
        [Part::People],
        |tx| {
            let done = sqlx::query(
            "DELETE FROM grants WHERE user_id = $1 AND role = $2 AND space_kind = $3 AND space_id = $4",
        )
        .bind(user_id)
        .bind(role.code())
        .bind(SpaceKind::Organisation.code())
        .bind(organisation)
        .execute(&mut *tx)
        .await?;
            if done.rows_affected() == 0 {
                return Err(DbError::NotFound);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// The distinct roles each of these accounts holds, in one query.
pub async fn roles_of(
    db: &Db,
    users: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, Vec<String>>> {
    let mut out: std::collections::HashMap<Uuid, Vec<String>> = std::collections::HashMap::new();
    if users.is_empty() {
        return Ok(out);
    }
    let sql = format!(
        "SELECT DISTINCT user_id, role FROM grants WHERE user_id IN ({}) ORDER BY role",
        crate::placeholders(1, users.len())
    );
    run!(db, |pool| {
        let mut q = sqlx::query(&sql);
        for id in users {
            q = q.bind(*id);
        }
        for r in q.fetch_all(pool).await? {
            out.entry(r.try_get(0)?).or_default().push(r.try_get(1)?);
        }
    });
    Ok(out)
}
