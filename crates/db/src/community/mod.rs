//! The community's discussions: the spaces a person may see (derived from the programme,
//! cohorts, grants and tables), their threads with unread markers, a thread's messages, the
//! earlier versions of a message and the staff's queue of reports. Writes are in `posts`.

#[macro_use]
mod posts;
mod search;

pub use posts::*;
pub use search::*;

use crate::{run, Db, DbError, Result};
use chrono::{DateTime, Utc};
use domain::community::spaces::{self, Access, Kind, Members};
use domain::roles::{Principal, Role};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

/// One space as the spaces list and the space page show it.
#[derive(Debug, Clone, Serialize)]
pub struct Space {
    pub kind: Kind,
    pub id: Uuid,
    pub name: String,
    #[serde(skip)]
    pub access: Access,
    pub moderator: bool,
    pub threads: i64,
    pub unread: i64,
}

/// The members of the space `kind`/`id` and its name, or `None` when there is no such space.
pub async fn members(db: &Db, kind: Kind, id: Uuid) -> Result<Option<(String, Members)>> {
    Ok(match kind {
        Kind::Programme => crate::programme::structure(db)
            .await?
            .filter(|s| s.programme.id == id)
            .map(|s| (s.programme.title, Members::Programme)),
        Kind::Strand => crate::programme::structure(db).await?.and_then(|s| {
            let strand = s.strands.iter().find(|x| x.id == id)?;
            let orgs = s
                .cohorts
                .iter()
                .filter(|c| c.strands.contains(&id))
                .flat_map(|c| c.organisations.iter().copied())
                .collect();
            Some((
                format!("{} {}", strand.code, strand.title),
                Members::Administrations(orgs),
            ))
        }),
        Kind::Cohort => crate::programme::structure(db).await?.and_then(|s| {
            let c = s.cohorts.into_iter().find(|x| x.id == id)?;
            Some((c.name, Members::Administrations(c.organisations)))
        }),
        Kind::Administration => match crate::organisations::get(db, id).await {
            Ok(o) => Some((o.data.name, Members::Administration(id))),
            Err(DbError::NotFound) => None,
            Err(e) => return Err(e),
        },
        Kind::Table => match crate::tables::get(db, id).await {
            Ok(t) => {
                let involved = crate::tables::involved(db, std::slice::from_ref(&t)).await?;
                let i = involved
                    .into_iter()
                    .next()
                    .map(|(_, i)| i)
                    .unwrap_or_default();
                Some((t.name, Members::Table(i)))
            }
            Err(DbError::NotFound) => None,
            Err(e) => return Err(e),
        },
        Kind::Group => match crate::network::group(db, id).await {
            Ok(g) => {
                let orgs = crate::network::members(db, &[id])
                    .await?
                    .into_iter()
                    .map(|m| m.organisation_id)
                    .collect();
                Some((g.name, Members::Group(orgs)))
            }
            Err(DbError::NotFound) => None,
            Err(e) => return Err(e),
        },
    })
}

/// What `who` may do in the space `kind`/`id`, with its name; `None` when the space does not
/// exist or the person may not see it (both answer "not found").
pub async fn space_for(
    db: &Db,
    who: &Principal,
    kind: Kind,
    id: Uuid,
) -> Result<Option<(String, Access)>> {
    Ok(members(db, kind, id).await?.and_then(|(name, m)| {
        let a = spaces::access(who, &m);
        (a > Access::None).then_some((name, a))
    }))
}

/// Every space `who` may see, in the order programme, strands, cohorts, administrations, tables,
/// groups, with its number of threads and of threads with messages the person has not seen.
/// Staff see the administrations of every cohort and every other administration whose space has
/// a thread.
pub async fn spaces_for(db: &Db, who: &Principal) -> Result<Vec<Space>> {
    let mut found: Vec<(Kind, Uuid, String, Members)> = Vec::new();
    let staff = who.has_global(Role::Admin) || who.has_global(Role::Staff);
    let mut administrations: Vec<Uuid> = Vec::new();
    if let Some(s) = crate::programme::structure(db).await? {
        found.push((
            Kind::Programme,
            s.programme.id,
            s.programme.title.clone(),
            Members::Programme,
        ));
        for strand in &s.strands {
            let orgs = s
                .cohorts
                .iter()
                .filter(|c| c.strands.contains(&strand.id))
                .flat_map(|c| c.organisations.iter().copied())
                .collect();
            found.push((
                Kind::Strand,
                strand.id,
                format!("{} {}", strand.code, strand.title),
                Members::Administrations(orgs),
            ));
        }
        for c in &s.cohorts {
            if staff {
                administrations.extend(c.organisations.iter().copied());
            }
            found.push((
                Kind::Cohort,
                c.id,
                c.name.clone(),
                Members::Administrations(c.organisations.clone()),
            ));
        }
    }
    let counts = counts(db, who.user_id).await?;
    if staff {
        administrations.extend(
            counts
                .keys()
                .filter(|(kind, _)| kind == Kind::Administration.code())
                .map(|(_, id)| *id),
        );
    }
    administrations.extend(who.organisations());
    administrations.sort();
    administrations.dedup();
    for o in crate::organisations::by_ids(db, &administrations).await? {
        found.push((
            Kind::Administration,
            o.id,
            o.data.name,
            Members::Administration(o.id),
        ));
    }
    let tables = crate::tables::list(db).await?;
    let involved: HashMap<Uuid, _> = crate::tables::involved(db, &tables)
        .await?
        .into_iter()
        .collect();
    for t in tables {
        let i = involved.get(&t.id).cloned().unwrap_or_default();
        found.push((Kind::Table, t.id, t.name, Members::Table(i)));
    }
    let groups = crate::network::groups(db).await?;
    let mut members: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for m in crate::network::members(db, &[]).await? {
        members
            .entry(m.group_id)
            .or_default()
            .push(m.organisation_id);
    }
    for g in groups {
        let orgs = members.remove(&g.id).unwrap_or_default();
        found.push((Kind::Group, g.id, g.name, Members::Group(orgs)));
    }
    Ok(found
        .into_iter()
        .filter_map(|(kind, id, name, m)| {
            let access = spaces::access(who, &m);
            if access == Access::None {
                return None;
            }
            let (threads, unread) = counts
                .get(&(kind.code().to_string(), id))
                .copied()
                .unwrap_or((0, 0));
            Some(Space {
                kind,
                id,
                name,
                access,
                moderator: access == Access::Moderate,
                threads,
                unread,
            })
        })
        .collect())
}

/// Per space: its threads and those with a message `user` has not seen, in one query.
async fn counts(db: &Db, user: Uuid) -> Result<HashMap<(String, Uuid), (i64, i64)>> {
    let rows: Vec<(String, Uuid, i64, i64)> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT t.space_kind, t.space_id, COUNT(*),
                    SUM(CASE WHEN r.read_at IS NULL OR r.read_at < t.last_post_at THEN 1 ELSE 0 END)
             FROM community_threads t
             LEFT JOIN community_reads r ON r.thread_id = t.id AND r.user_id = $1
             GROUP BY t.space_kind, t.space_id",
        )
        .bind(user)
        .fetch_all(pool)
        .await?
    });
    Ok(rows
        .into_iter()
        .map(|(k, id, n, u)| ((k, id), (n, u)))
        .collect())
}

/// One thread in a space's list.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ThreadRow {
    pub id: Uuid,
    pub title: String,
    pub author_name: String,
    pub pinned: bool,
    pub locked: bool,
    pub replies: i64,
    pub last_post_at: DateTime<Utc>,
    pub unread: bool,
}

/// A page of the threads of a space, pinned ones first then by latest message, each marked
/// unread when `user` has not seen its latest message; with the number of threads.
pub async fn threads(
    db: &Db,
    kind: Kind,
    id: Uuid,
    user: Uuid,
    page: i64,
) -> Result<(Vec<ThreadRow>, i64)> {
    let size = domain::community::PAGE_SIZE;
    let offset = (page.max(1) - 1).saturating_mul(size);
    run!(db, |pool| {
        let rows: Vec<ThreadRow> = sqlx::query_as(
            "SELECT t.id, t.title, u.name AS author_name, t.pinned, t.locked, t.replies,
                    t.last_post_at,
                    (r.read_at IS NULL OR r.read_at < t.last_post_at) AS unread
             FROM community_threads t
             JOIN users u ON u.id = t.author_id
             LEFT JOIN community_reads r ON r.thread_id = t.id AND r.user_id = $3
             WHERE t.space_kind = $1 AND t.space_id = $2
             ORDER BY t.pinned DESC, t.last_post_at DESC, t.id
             LIMIT $4 OFFSET $5",
        )
        .bind(kind.code())
        .bind(id)
        .bind(user)
        .bind(size)
        .bind(offset)
        .fetch_all(pool)
        .await?;
        let (total,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM community_threads WHERE space_kind = $1 AND space_id = $2",
        )
        .bind(kind.code())
        .bind(id)
        .fetch_one(pool)
        .await?;
        Ok::<_, DbError>((rows, total))
    })
}

/// A thread's record.
#[derive(Debug, Clone, Serialize)]
pub struct Thread {
    pub id: Uuid,
    pub space_kind: Kind,
    pub space_id: Uuid,
    pub title: String,
    pub author_id: Uuid,
    pub pinned: bool,
    pub locked: bool,
    pub replies: i64,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct ThreadDbRow {
    id: Uuid,
    space_kind: String,
    space_id: Uuid,
    title: String,
    author_id: Uuid,
    pinned: bool,
    locked: bool,
    replies: i64,
    version: i64,
}

/// The thread `id`, or `None`.
pub async fn thread(db: &Db, id: Uuid) -> Result<Option<Thread>> {
    let row: Option<ThreadDbRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT id, space_kind, space_id, title, author_id, pinned, locked, replies, version
             FROM community_threads WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(pool)
        .await?
    });
    row.map(|r| {
        let space_kind = Kind::parse(&r.space_kind).ok_or_else(|| DbError::Unreadable {
            record: format!("community_threads/{}", r.id),
            value: r.space_kind.clone(),
        })?;
        Ok(Thread {
            id: r.id,
            space_kind,
            space_id: r.space_id,
            title: r.title,
            author_id: r.author_id,
            pinned: r.pinned,
            locked: r.locked,
            replies: r.replies,
            version: r.version,
        })
    })
    .transpose()
}

/// One message of a thread.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Post {
    pub id: Uuid,
    pub thread_id: Uuid,
    pub author_id: Uuid,
    pub author_name: String,
    pub body: String,
    pub quote_id: Option<Uuid>,
    pub hidden_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub version: i64,
    pub revisions: i64,
    /// How many library documents it attaches.
    pub documents: i64,
}

const POST: &str =
    "SELECT p.id, p.thread_id, p.author_id, u.name AS author_name, p.body, p.quote_id,
        p.hidden_reason, p.created_at, p.edited_at, p.version,
        (SELECT COUNT(*) FROM community_revisions v WHERE v.post_id = p.id) AS revisions,
        (SELECT COUNT(*) FROM community_post_documents a WHERE a.post_id = p.id) AS documents
     FROM community_posts p JOIN users u ON u.id = p.author_id";

/// The messages of a thread, oldest first (the first is the thread's opening message).
pub async fn posts(db: &Db, thread: Uuid) -> Result<Vec<Post>> {
    Ok(run!(db, |pool| {
        sqlx::query_as(&format!(
            "{POST} WHERE p.thread_id = $1 ORDER BY p.created_at, p.id"
        ))
        .bind(thread)
        .fetch_all(pool)
        .await?
    }))
}

/// One page of a thread's messages, oldest first, `POSTS_PER_PAGE` to a page (page 1 opens with
/// the thread's first message).
pub async fn posts_page(db: &Db, thread: Uuid, page: i64) -> Result<Vec<Post>> {
    let size = domain::community::POSTS_PER_PAGE;
    let offset = (page.max(1) - 1).saturating_mul(size);
    Ok(run!(db, |pool| {
        sqlx::query_as(&format!(
            "{POST} WHERE p.thread_id = $1 ORDER BY p.created_at, p.id LIMIT $2 OFFSET $3"
        ))
        .bind(thread)
        .bind(size)
        .bind(offset)
        .fetch_all(pool)
        .await?
    }))
}

/// The messages `ids` (those that exist), in one query.
pub async fn posts_by_id(db: &Db, ids: &[Uuid]) -> Result<Vec<Post>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "{POST} WHERE p.id IN ({})",
        crate::placeholders(1, ids.len())
    );
    run!(db, |pool| {
        let mut q = sqlx::query_as::<_, Post>(&sql);
        for id in ids {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(pool).await?)
    })
}

/// How many messages come before `post` in its thread (the thread's order: time, then id).
pub async fn place(db: &Db, post: &Post) -> Result<i64> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM community_posts
             WHERE thread_id = $1 AND (created_at < $2 OR (created_at = $2 AND id < $3))",
        )
        .bind(post.thread_id)
        .bind(post.created_at)
        .bind(post.id)
        .fetch_one(pool)
        .await?
    }))
}

/// When `user` last read `thread` up to, if ever.
pub async fn read_up_to(db: &Db, user: Uuid, thread: Uuid) -> Result<Option<DateTime<Utc>>> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar(
            "SELECT read_at FROM community_reads WHERE user_id = $1 AND thread_id = $2",
        )
        .bind(user)
        .bind(thread)
        .fetch_optional(pool)
        .await?
    }))
}

/// The message `id`, or `None`.
pub async fn post(db: &Db, id: Uuid) -> Result<Option<Post>> {
    Ok(run!(db, |pool| {
        sqlx::query_as(&format!("{POST} WHERE p.id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?
    }))
}

/// Whether `post` opens its thread (its title is edited with it).
pub async fn opens_thread(db: &Db, post: &Post) -> Result<bool> {
    let first: Option<(Uuid,)> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT id FROM community_posts WHERE thread_id = $1 ORDER BY created_at, id LIMIT 1",
        )
        .bind(post.thread_id)
        .fetch_optional(pool)
        .await?
    });
    Ok(first.is_some_and(|(id,)| id == post.id))
}

/// An earlier version of a message.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Revision {
    pub title: Option<String>,
    pub body: String,
    pub written_at: DateTime<Utc>,
    pub replaced_at: DateTime<Utc>,
}

/// The earlier versions of a message, newest first.
pub async fn revisions(db: &Db, post: Uuid) -> Result<Vec<Revision>> {
    Ok(run!(db, |pool| {
        sqlx::query_as(
            "SELECT title, body, written_at, replaced_at FROM community_revisions
             WHERE post_id = $1 ORDER BY replaced_at DESC, id DESC",
        )
        .bind(post)
        .fetch_all(pool)
        .await?
    }))
}

/// A report waiting in the staff's queue.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Report {
    pub id: Uuid,
    pub post_id: Uuid,
    pub thread_id: Uuid,
    pub thread_title: String,
    pub reporter_name: String,
    pub author_name: String,
    pub body: String,
    pub hidden: bool,
    pub reason: String,
    pub created_at: DateTime<Utc>,
}

/// The open reports, oldest first.
pub async fn open_reports(db: &Db) -> Result<Vec<Report>> {
    Ok(run!(db, |pool| {
        sqlx::query_as(
            "SELECT r.id, r.post_id, p.thread_id, t.title AS thread_title,
                    ru.name AS reporter_name, au.name AS author_name, p.body,
                    (p.hidden_reason IS NOT NULL) AS hidden, r.reason, r.created_at
             FROM community_reports r
             JOIN community_posts p ON p.id = r.post_id
             JOIN community_threads t ON t.id = p.thread_id
             JOIN users ru ON ru.id = r.reporter_id
             JOIN users au ON au.id = p.author_id
             WHERE r.closed_at IS NULL
             ORDER BY r.created_at, r.id",
        )
        .fetch_all(pool)
        .await?
    }))
}

/// The names of the people each of `posts` mentions (as checked when it was written), in one
/// query.
pub async fn mentions(db: &Db, posts: &[Uuid]) -> Result<HashMap<Uuid, Vec<String>>> {
    if posts.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT m.post_id, u.name FROM community_mentions m
         JOIN users u ON u.id = m.user_id
         WHERE m.post_id IN ({})",
        crate::placeholders(1, posts.len())
    );
    let rows: Vec<(Uuid, String)> = run!(db, |pool| {
        let mut q = sqlx::query_as(&sql);
        for id in posts {
            q = q.bind(*id);
        }
        q.fetch_all(pool).await?
    });
    let mut out: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (post, name) in rows {
        out.entry(post).or_default().push(name);
    }
    Ok(out)
}
