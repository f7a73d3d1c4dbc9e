//! A table's members (organisations with a role and dates), the people who represent them, and
//! the secretariat the lead administration names.

use super::*;
use domain::roles::{Role, SpaceKind};
use domain::tables::access::Involved;
use domain::tables::members::{MemberRole, NewMember, NewRepresentative};

/// An organisation on a table.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Member {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation: String,
    pub category: String,
    pub actor_sector: Option<String>,
    pub pa_kind: Option<String>,
    #[sqlx(try_from = "String")]
    pub role: MemberRole,
    pub joined_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
}

/// A person who represents a member: with an account (`user_id`) or as a contact.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Representative {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub user_id: Option<Uuid>,
    pub name: String,
    pub email: String,
}

/// A person of the secretariat.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Secretary {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
}

/// The table's members, those still on it first, each by name.
pub async fn members(db: &Db, table: Uuid) -> Result<Vec<Member>> {
    let mut out: Vec<Member> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT m.id, m.organisation_id, o.name AS organisation, o.category, o.actor_sector,
               o.pa_kind, m.role, m.joined_on, m.left_on
             FROM table_members m JOIN organisations o ON o.id = m.organisation_id
             WHERE m.table_id = $1",
        )
        .bind(table)
        .fetch_all(pool)
        .await?
    });
    domain::locale::sort_by_name(&mut out, |m| m.organisation.as_str());
    out.sort_by_key(|m| (m.left_on.is_some(), m.role != MemberRole::Promoter));
    Ok(out)
}

/// Adds an organisation to a table; `Duplicate` when it is on it and has not left.
pub async fn add_member(db: &Db, table: Uuid, m: &NewMember, actor: Option<Uuid>) -> Result<Uuid> {
    let id = new_id();
    let change = Change {
        actor,
        action: "tables.member_add",
        entity: "table",
        entity_id: table.to_string(),
        before: None,
        after: Some(json!(m)),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "INSERT INTO table_members (id, table_id, organisation_id, role, joined_on)
                 SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (
                   SELECT 1 FROM table_members WHERE table_id = $2 AND organisation_id = $3
                   AND left_on IS NULL)",
            )
            .bind(id)
            .bind(table)
            .bind(m.organisation)
            .bind(m.role.code())
            .bind(m.joined_on)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Duplicate);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Registers a new local actor met at the table and adds it as a member, in one change: both or
/// neither. Returns the organisation's id.
pub async fn add_new_actor(
    db: &Db,
    table: Uuid,
    org: &domain::organisations::Organisation,
    role: MemberRole,
    joined_on: NaiveDate,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let changes = vec![
        Change {
            actor,
            action: "organisation.create",
            entity: "organisation",
            entity_id: id.to_string(),
            before: None,
            after: Some(json!(org)),
        },
        Change {
            actor,
            action: "tables.member_add",
            entity: "table",
            entity_id: table.to_string(),
            before: None,
            after: Some(json!({ "organisation": id, "role": role, "joined_on": joined_on })),
        },
    ];
    crate::change!(
        db,
        [Part::People, Part::Tables],
        |tx| {
            crate::organisations::insert_organisation!(&mut *tx, id, org, now)?;
            sqlx::query(
                "INSERT INTO table_members (id, table_id, organisation_id, role, joined_on)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(new_id())
            .bind(table)
            .bind(id)
            .bind(role.code())
            .bind(joined_on)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| changes.clone()
    )?;
    Ok(id)
}

/// Records that a member left the table on `left_on`; `NotFound` when it is not a current member
/// of this table.
pub async fn leave(
    db: &Db,
    table: Uuid,
    member: Uuid,
    left_on: NaiveDate,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "tables.member_leave",
        entity: "table",
        entity_id: table.to_string(),
        before: Some(json!({ "member": member })),
        after: Some(json!({ "member": member, "left_on": left_on })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "UPDATE table_members SET left_on = $1
                 WHERE id = $2 AND table_id = $3 AND left_on IS NULL",
            )
            .bind(left_on)
            .bind(member)
            .bind(table)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::NotFound);
            }
            Ok(())
        },
        |_| &change
    )
}

/// The people who represent the table's members, by name.
pub async fn representatives(db: &Db, table: Uuid) -> Result<Vec<Representative>> {
    let mut out: Vec<Representative> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT id, organisation_id, user_id, name, email FROM table_representatives
             WHERE table_id = $1",
        )
        .bind(table)
        .fetch_all(pool)
        .await?
    });
    domain::locale::sort_by_name(&mut out, |r| r.name.as_str());
    Ok(out)
}

/// Adds a representative (with the account `user` when they have one); `Duplicate` when the email
/// already represents someone on this table, `NotFound` when the organisation is not a current
/// member.
pub async fn add_representative(
    db: &Db,
    table: Uuid,
    r: &NewRepresentative,
    user: Option<Uuid>,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    add_representative_convened(db, table, r, user, &[], actor).await
}

/// [`add_representative`], queueing in the same change the convocations of the table's coming
/// meetings (`convocations`: each with its meeting) and recording them among those told of each
/// meeting: a representative who joins after a meeting was convened is convened too, and nobody
/// is told of a representative that was not added.
pub async fn add_representative_convened(
    db: &Db,
    table: Uuid,
    r: &NewRepresentative,
    user: Option<Uuid>,
    convocations: &[(Uuid, Outgoing)],
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let meetings: Vec<Uuid> = convocations.iter().map(|(m, _)| *m).collect();
    let change = Change {
        actor,
        action: "tables.representative_add",
        entity: "table",
        entity_id: table.to_string(),
        before: None,
        after: Some(json!({ "representative": r, "account": user, "convened_to": meetings })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            let done = sqlx::query(
                "INSERT INTO table_representatives (id, table_id, organisation_id, user_id, name, email, created_at)
                 SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (
                   SELECT 1 FROM table_members WHERE table_id = $2 AND organisation_id = $3
                   AND left_on IS NULL)",
            )
            .bind(id)
            .bind(table)
            .bind(r.organisation)
            .bind(user)
            .bind(&r.name)
            .bind(&r.email)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_write)?;
            if done.rows_affected() != 1 {
                return Err(DbError::NotFound);
            }
            for (meeting, o) in convocations {
                // Told already (a change of the meeting reached the address meanwhile): no
                // second convocation.
                let told = sqlx::query(
                    "INSERT INTO table_meeting_notices (meeting_id, email, name, user_id)
                     VALUES ($1, $2, $3, $4) ON CONFLICT (meeting_id, email) DO NOTHING",
                )
                .bind(*meeting)
                .bind(&o.recipient.email)
                .bind(&o.recipient.name)
                .bind(o.recipient.user_id)
                .execute(&mut *tx)
                .await?;
                if told.rows_affected() == 0 {
                    continue;
                }
                let Some(payload) = &o.payload else {
                    continue;
                };
                sqlx::query(
                    "INSERT INTO jobs (id, kind, key, payload, created_at, run_at)
                     VALUES ($1, $2, $3, $4, $5, $5)",
                )
                .bind(new_id())
                .bind(o.kind)
                .bind(&o.key)
                .bind(payload.to_string())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// The secretariat the lead administration named, by name.
pub async fn secretariat(db: &Db, table: Uuid) -> Result<Vec<Secretary>> {
    let mut out: Vec<Secretary> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT s.user_id, u.name, u.email FROM table_secretariat s
             JOIN users u ON u.id = s.user_id WHERE s.table_id = $1",
        )
        .bind(table)
        .fetch_all(pool)
        .await?
    });
    domain::locale::sort_by_name(&mut out, |s| s.name.as_str());
    Ok(out)
}

/// Names a person to the table's secretariat; `Duplicate` when they are in it already.
pub async fn add_secretary(db: &Db, table: Uuid, user: Uuid, actor: Option<Uuid>) -> Result<()> {
    let change = Change {
        actor,
        action: "tables.secretariat_add",
        entity: "table",
        entity_id: table.to_string(),
        before: None,
        after: Some(json!({ "user": user })),
    };
    crate::change!(
        db,
        [Part::Tables],
        |tx| {
            sqlx::query(
                "INSERT INTO table_secretariat (table_id, user_id, created_at) VALUES ($1, $2, $3)",
            )
            .bind(table)
            .bind(user)
            .bind(db.now())
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_write)?;
            Ok(())
        },
        |_| &change
    )
}

/// A table and a person: `(table id, user id)`.
type TablePerson = (Uuid, Uuid);

/// Who each table gives access to (see `domain::tables::access`), for every table at once: the
/// secretariat and the representatives with an account of members that have not left. A row
/// gives access only while the person still holds a role in the organisation it rests on (a
/// secretary: member or coordinator of the lead administration; a representative: actor, member
/// or coordinator of the organisation represented), so revoking a grant ends it.
pub async fn involved(db: &Db, tables: &[Table]) -> Result<Vec<(Uuid, Involved)>> {
    let organisation = SpaceKind::Organisation.code();
    let (secretaries, representatives): (Vec<TablePerson>, Vec<TablePerson>) = run!(db, |pool| {
        let s = sqlx::query_as(
            "SELECT s.table_id, s.user_id FROM table_secretariat s
                 JOIN territorial_tables t ON t.id = s.table_id
                 WHERE EXISTS (SELECT 1 FROM grants g WHERE g.user_id = s.user_id
                   AND g.space_kind = $1 AND g.space_id = t.lead_id AND g.role IN ($2, $3))",
        )
        .bind(organisation)
        .bind(Role::Member.code())
        .bind(Role::Coordinator.code())
        .fetch_all(pool)
        .await?;
        let r = sqlx::query_as(
            "SELECT r.table_id, r.user_id FROM table_representatives r
                 JOIN table_members m ON m.table_id = r.table_id
                   AND m.organisation_id = r.organisation_id AND m.left_on IS NULL
                 WHERE r.user_id IS NOT NULL
                   AND EXISTS (SELECT 1 FROM grants g WHERE g.user_id = r.user_id
                     AND g.space_kind = $1 AND g.space_id = r.organisation_id
                     AND g.role IN ($2, $3, $4))",
        )
        .bind(organisation)
        .bind(Role::Actor.code())
        .bind(Role::Member.code())
        .bind(Role::Coordinator.code())
        .fetch_all(pool)
        .await?;
        (s, r)
    });
    Ok(tables
        .iter()
        .map(|t| {
            let of = |pairs: &[TablePerson]| {
                pairs
                    .iter()
                    .filter(|(table, _)| *table == t.id)
                    .map(|(_, user)| *user)
                    .collect()
            };
            (
                t.id,
                Involved {
                    lead: t.lead_id,
                    public: t.public,
                    secretariat: of(&secretaries),
                    representatives: of(&representatives),
                },
            )
        })
        .collect())
}
