//! Writing in the discussions: a new thread with its opening message, replies (quoting a message
//! of the same thread), editing a message with its earlier text kept, pinning, locking and
//! hiding by moderators, reports and their closing, and the read markers.

use crate::audit::Change;
use crate::notifications::Tell;
use crate::{new_id, Db, DbError, Part, Result};
use chrono::{DateTime, Utc};
use domain::community::spaces::Kind;
use domain::community::ThreadDraft;
use serde_json::json;
use uuid::Uuid;

fn change(
    actor: Uuid,
    action: &'static str,
    entity: &'static str,
    id: Uuid,
    after: serde_json::Value,
) -> Change {
    Change {
        actor: Some(actor),
        action,
        entity,
        entity_id: id.to_string(),
        before: None,
        after: Some(after),
    }
}

/// Whom a message tells, besides being recorded: the people it mentions (checked to see the
/// space) and, for a new thread, the people of the space; with the space's name as people read
/// it. A reply also tells the thread's author. Nobody is told twice of one message, nor of their
/// own.
#[derive(Debug, Clone, Default)]
pub struct Audience {
    pub space_name: String,
    pub mentioned: Vec<Uuid>,
    pub members: Vec<Uuid>,
}

/// Writes on `$tx` what a message's text makes: its row of search terms (its thread's `$title`
/// with the opening message) and the library documents it attaches, in order, replacing those it
/// had.
macro_rules! keep_in {
    ($tx:expr, $post:expr, $title:expr, $body:expr, $documents:expr) => {{
        let row = crate::library::search_id($post);
        let (title, body) = domain::community::search_terms($title, $body);
        sqlx::query("UPDATE community_posts SET search_id = $2 WHERE id = $1")
            .bind($post)
            .bind(row)
            .execute(&mut *$tx)
            .await?;
        sqlx::query("DELETE FROM community_search WHERE rowid = $1")
            .bind(row)
            .execute(&mut *$tx)
            .await?;
        sqlx::query("INSERT INTO community_search (rowid, title, body) VALUES ($1, $2, $3)")
            .bind(row)
            .bind(title)
            .bind(body)
            .execute(&mut *$tx)
            .await?;
        sqlx::query("DELETE FROM community_post_documents WHERE post_id = $1")
            .bind($post)
            .execute(&mut *$tx)
            .await?;
        for (position, document) in $documents.iter().enumerate() {
            // A document removed from the library meanwhile is not attached.
            sqlx::query(
                "INSERT INTO community_post_documents (post_id, document_id, position)
                 SELECT $1, id, $3 FROM library_documents WHERE id = $2",
            )
            .bind($post)
            .bind(*document)
            .bind(position as i64)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

/// Records the mentions of `$post` on `$tx` and returns the people newly mentioned (an edit tells
/// only those it adds), leaving out the author.
macro_rules! mention_in {
    ($tx:expr, $post:expr, $author:expr, $audience:expr) => {{
        let mut added: Vec<Uuid> = Vec::new();
        for person in &$audience.mentioned {
            let done = sqlx::query(
                "INSERT INTO community_mentions (post_id, user_id) VALUES ($1, $2)
                 ON CONFLICT (post_id, user_id) DO NOTHING",
            )
            .bind($post)
            .bind(*person)
            .execute(&mut *$tx)
            .await?;
            if done.rows_affected() == 1 && *person != $author {
                added.push(*person);
            }
        }
        added
    }};
}

/// The notifications of one message: mentions first, then the others, each person once.
fn tells(
    audience: &Audience,
    mentioned: Vec<Uuid>,
    others: Option<(domain::notifications::Kind, Vec<Uuid>)>,
    about: (Option<(Kind, Uuid)>, Uuid, &str, String),
    author: Uuid,
) -> Vec<Tell> {
    let (space, thread, title, link) = about;
    let make = |kind, to| Tell {
        kind,
        to,
        actor: Some(author),
        space,
        space_name: audience.space_name.clone(),
        thread: Some(thread),
        title: title.to_string(),
        link: link.clone(),
    };
    let mut out = vec![];
    if let Some((kind, people)) = others {
        let mut to: Vec<Uuid> = people
            .into_iter()
            .filter(|p| *p != author && !mentioned.contains(p))
            .collect();
        to.sort();
        to.dedup();
        if !to.is_empty() {
            out.push(make(kind, to));
        }
    }
    if !mentioned.is_empty() {
        out.insert(0, make(domain::notifications::Kind::Mention, mentioned));
    }
    out
}

/// Starts a thread in the space `kind`/`space` with its opening message, seen by its author.
/// Returns the thread's id.
pub async fn create_thread(
    db: &Db,
    kind: Kind,
    space: Uuid,
    author: Uuid,
    draft: &ThreadDraft,
    documents: &[Uuid],
    audience: &Audience,
) -> Result<Uuid> {
    let id = new_id();
    let post = new_id();
    let now = db.now();
    let audit = change(
        author,
        "community.thread_create",
        "community_thread",
        id,
        json!({"space": format!("{}/{space}", kind.code()), "title": draft.title, "body": draft.body, "documents": documents}),
    );
    crate::change!(
        db,
        [Part::Community],
        |tx| {
            sqlx::query(
                "INSERT INTO community_threads (id, space_kind, space_id, title, author_id, pinned,
                   locked, replies, created_at, last_post_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $6, 0, $7, $7)",
            )
            .bind(id)
            .bind(kind.code())
            .bind(space)
            .bind(&draft.title)
            .bind(author)
            .bind(false)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO community_posts (id, thread_id, author_id, body, created_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(post)
            .bind(id)
            .bind(author)
            .bind(&draft.body)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            keep_in!(tx, post, Some(draft.title.as_str()), &draft.body, documents);
            sqlx::query(
                "INSERT INTO community_reads (user_id, thread_id, read_at) VALUES ($1, $2, $3)",
            )
            .bind(author)
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let mentioned = mention_in!(tx, post, author, audience);
            let link = format!("/community/threads/{id}");
            let about = (Some((kind, space)), id, draft.title.as_str(), link);
            let others = Some((
                domain::notifications::Kind::NewThread,
                audience.members.clone(),
            ));
            for tell in tells(audience, mentioned, others, about, author) {
                crate::tell_in!(tx, &tell, now);
            }
            Ok(())
        },
        |_| &audit
    )?;
    Ok(id)
}

/// Adds a reply to `thread`, quoting `quote` (a message of the same thread). Refused with
/// `Conflict` when the thread is locked (meanwhile) and `NotFound` when the quoted message is
/// not in it; nothing is stored then. Returns the message's id.
pub async fn reply(
    db: &Db,
    thread: Uuid,
    author: Uuid,
    body: &str,
    quote: Option<Uuid>,
    documents: &[Uuid],
    audience: &Audience,
) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let audit = change(
        author,
        "community.reply",
        "community_post",
        id,
        json!({"thread": thread, "quote": quote, "body": body, "documents": documents}),
    );
    crate::change!(
        db,
        [Part::Community],
        |tx| {
            let open = sqlx::query(
                "UPDATE community_threads SET replies = replies + 1, last_post_at = $2
                 WHERE id = $1 AND locked = $3",
            )
            .bind(thread)
            .bind(now)
            .bind(false)
            .execute(&mut *tx)
            .await?;
            if open.rows_affected() != 1 {
                return Err(DbError::Conflict);
            }
            if let Some(q) = quote {
                let found: Option<(Uuid,)> = sqlx::query_as(
                    "SELECT id FROM community_posts WHERE id = $1 AND thread_id = $2",
                )
                .bind(q)
                .bind(thread)
                .fetch_optional(&mut *tx)
                .await?;
                if found.is_none() {
                    return Err(DbError::NotFound);
                }
            }
            sqlx::query(
                "INSERT INTO community_posts (id, thread_id, author_id, body, quote_id, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(thread)
            .bind(author)
            .bind(body)
            .bind(quote)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            keep_in!(tx, id, None, body, documents);
            sqlx::query(
                "INSERT INTO community_reads (user_id, thread_id, read_at) VALUES ($1, $2, $3)
                 ON CONFLICT (user_id, thread_id) DO UPDATE SET read_at = excluded.read_at",
            )
            .bind(author)
            .bind(thread)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let (title, space_kind, space_id, starter): (String, String, Uuid, Uuid) =
                sqlx::query_as(
                    "SELECT title, space_kind, space_id, author_id FROM community_threads
                     WHERE id = $1",
                )
                .bind(thread)
                .fetch_one(&mut *tx)
                .await?;
            let mentioned = mention_in!(tx, id, author, audience);
            let link = format!("/community/posts/{id}");
            let space = Kind::parse(&space_kind).map(|k| (k, space_id));
            let about = (space, thread, title.as_str(), link);
            let others = Some((domain::notifications::Kind::Reply, vec![starter]));
            for tell in tells(audience, mentioned, others, about, author) {
                crate::tell_in!(tx, &tell, now);
            }
            Ok(())
        },
        |_| &audit
    )?;
    Ok(id)
}

/// What an edit replaces: the message's thread, text, times and the thread's title.
type Earlier = (
    Uuid,
    String,
    chrono::DateTime<chrono::Utc>,
    Option<chrono::DateTime<chrono::Utc>>,
    String,
);

/// A message as its author edits it: the thread's title (for the opening message only), the text
/// and the library documents it attaches.
#[derive(Debug, Clone, Copy)]
pub struct Edit<'a> {
    pub title: Option<&'a str>,
    pub body: &'a str,
    pub documents: &'a [Uuid],
}

/// Replaces a message's text (and its thread's title when `title` is given: the opening
/// message), keeping the earlier text as a revision. Refused with `Conflict` when the message
/// changed since `version` was read.
pub async fn update_post(
    db: &Db,
    post: Uuid,
    editor: Uuid,
    edit: &Edit<'_>,
    version: i64,
    audience: &Audience,
) -> Result<()> {
    let Edit {
        title,
        body,
        documents,
    } = *edit;
    let now = db.now();
    let audit = change(
        editor,
        "community.post_update",
        "community_post",
        post,
        json!({"title": title, "body": body, "documents": documents}),
    );
    crate::change!(
        db,
        [Part::Community],
        |tx| {
            let before: Option<Earlier> = sqlx::query_as(
                "SELECT p.thread_id, p.body, p.created_at, p.edited_at, t.title
                     FROM community_posts p JOIN community_threads t ON t.id = p.thread_id
                     WHERE p.id = $1 AND p.version = $2",
            )
            .bind(post)
            .bind(version)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((thread, old_body, created_at, edited_at, old_title)) = before else {
                return Err(DbError::Conflict);
            };
            sqlx::query(
                "INSERT INTO community_revisions (id, post_id, title, body, written_at, replaced_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(new_id())
            .bind(post)
            .bind(title.map(|_| old_title))
            .bind(old_body)
            .bind(edited_at.unwrap_or(created_at))
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE community_posts SET body = $2, edited_at = $3, version = version + 1
                 WHERE id = $1",
            )
            .bind(post)
            .bind(body)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if let Some(title) = title {
                sqlx::query(
                    "UPDATE community_threads SET title = $2, version = version + 1 WHERE id = $1",
                )
                .bind(thread)
                .bind(title)
                .execute(&mut *tx)
                .await?;
            }
            keep_in!(tx, post, title, body, documents);
            let mentioned = mention_in!(tx, post, editor, audience);
            if !mentioned.is_empty() {
                let (title, space_kind, space_id): (String, String, Uuid) = sqlx::query_as(
                    "SELECT title, space_kind, space_id FROM community_threads WHERE id = $1",
                )
                .bind(thread)
                .fetch_one(&mut *tx)
                .await?;
                let link = format!("/community/posts/{post}");
                let space = Kind::parse(&space_kind).map(|k| (k, space_id));
                let about = (space, thread, title.as_str(), link);
                for tell in tells(audience, mentioned, None, about, editor) {
                    crate::tell_in!(tx, &tell, now);
                }
            }
            Ok(())
        },
        |_| &audit
    )
}

/// Pins or unpins a thread (pinned threads come first in their space).
pub async fn set_pinned(db: &Db, thread: Uuid, pinned: bool, actor: Uuid) -> Result<()> {
    let audit = change(
        actor,
        "community.pin",
        "community_thread",
        thread,
        json!({ "pinned": pinned }),
    );
    crate::change!(
        db,
        [Part::Community],
        |tx| {
            let done = sqlx::query(
                "UPDATE community_threads SET pinned = $2 WHERE id = $1 AND pinned <> $2",
            )
            .bind(thread)
            .bind(pinned)
            .execute(&mut *tx)
            .await?;
            Ok(done.rows_affected() == 1)
        },
        |done: &bool| crate::Audit::when(*done, &audit)
    )?;
    Ok(())
}

/// Locks or unlocks a thread (nobody replies to a locked thread).
pub async fn set_locked(db: &Db, thread: Uuid, locked: bool, actor: Uuid) -> Result<()> {
    let audit = change(
        actor,
        "community.lock",
        "community_thread",
        thread,
        json!({ "locked": locked }),
    );
    crate::change!(
        db,
        [Part::Community],
        |tx| {
            let done = sqlx::query(
                "UPDATE community_threads SET locked = $2 WHERE id = $1 AND locked <> $2",
            )
            .bind(thread)
            .bind(locked)
            .execute(&mut *tx)
            .await?;
            Ok(done.rows_affected() == 1)
        },
        |done: &bool| crate::Audit::when(*done, &audit)
    )?;
    Ok(())
}

/// Hides a message with the moderator's reason (shown to its author). Its text is kept.
pub async fn hide(db: &Db, post: Uuid, reason: &str, actor: Uuid) -> Result<()> {
    let audit = change(
        actor,
        "community.hide",
        "community_post",
        post,
        json!({ "reason": reason }),
    );
    crate::change!(
        db,
        [Part::Community],
        |tx| {
            let done = sqlx::query(
                "UPDATE community_posts SET hidden_reason = $2, hidden_by = $3 WHERE id = $1",
            )
            .bind(post)
            .bind(reason)
            .bind(actor)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::NotFound);
            }
            Ok(())
        },
        |_| &audit
    )
}

/// Reports a message to the staff's queue. Refused with `Duplicate` when the person has
/// reported it already. Returns the report's id.
pub async fn report(db: &Db, post: Uuid, reporter: Uuid, reason: &str) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let audit = change(
        reporter,
        "community.report",
        "community_post",
        post,
        json!({ "report": id, "reason": reason }),
    );
    crate::change!(
        db,
        [Part::Community],
        |tx| {
            let done = sqlx::query(
                "INSERT INTO community_reports (id, post_id, reporter_id, reason, created_at)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (post_id, reporter_id) DO NOTHING",
            )
            .bind(id)
            .bind(post)
            .bind(reporter)
            .bind(reason)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::Duplicate);
            }
            Ok(())
        },
        |_| &audit
    )?;
    Ok(id)
}

/// Closes a report once staff have dealt with it. Refused with `NotFound` when it is not open.
pub async fn close_report(db: &Db, report: Uuid, actor: Uuid) -> Result<()> {
    let now = db.now();
    let audit = change(
        actor,
        "community.report_close",
        "community_report",
        report,
        json!({ "closed": true }),
    );
    crate::change!(
        db,
        [Part::Community],
        |tx| {
            let done = sqlx::query(
                "UPDATE community_reports SET closed_at = $2, closed_by = $3
                 WHERE id = $1 AND closed_at IS NULL",
            )
            .bind(report)
            .bind(now)
            .bind(actor)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(DbError::NotFound);
            }
            Ok(())
        },
        |_| &audit
    )
}

/// Records that `user` has seen the messages of `thread` up to `up_to` (a read marker only moves
/// forward), and reads what they were told through `links` (the addresses of what the page they
/// read shows; none when they have nothing unread); returns their new count of unread
/// notifications when that changed it. Writes nothing when there is nothing new to record.
/// Bookkeeping of one person's reading, not a change to the discussion: unaudited, and no kept
/// value depends on it.
pub async fn mark_read(
    db: &Db,
    user: Uuid,
    thread: Uuid,
    up_to: DateTime<Utc>,
    links: &[String],
) -> Result<Option<i64>> {
    let before = super::read_up_to(db, user, thread).await?;
    let moves = before.is_none_or(|at| at < up_to);
    // What they were told of the messages the page shows and have not read, read first: most
    // views have nothing of it, and then write nothing. Only those are read back (a thread's
    // author may have been told of hundreds of replies on other pages).
    let told: Vec<Uuid> = if links.is_empty() {
        Vec::new()
    } else {
        let sql = format!(
            "SELECT id FROM notifications
             WHERE user_id = $1 AND thread_id = $2 AND read_at IS NULL AND link IN ({})",
            crate::placeholders(3, links.len())
        );
        crate::run!(db, |pool| {
            let mut q = sqlx::query_scalar(&sql).bind(user).bind(thread);
            for link in links {
                q = q.bind(link);
            }
            q.fetch_all(pool).await?
        })
    };
    if !moves && told.is_empty() {
        return Ok(None);
    }
    let read_sql = format!(
        "UPDATE notifications SET read_at = $1 WHERE read_at IS NULL AND id IN ({})",
        crate::placeholders(2, told.len().max(1))
    );
    crate::change!(
        db,
        [],
        |tx| {
            if moves {
                sqlx::query(
                    "INSERT INTO community_reads (user_id, thread_id, read_at)
                     SELECT $1, id, $3 FROM community_threads WHERE id = $2
                     ON CONFLICT (user_id, thread_id) DO UPDATE SET read_at = excluded.read_at
                     WHERE community_reads.read_at < excluded.read_at",
                )
                .bind(user)
                .bind(thread)
                .bind(up_to)
                .execute(&mut *tx)
                .await?;
            }
            if told.is_empty() {
                return Ok(None);
            }
            // Reading a page reads what one was told of the messages it shows.
            let mut read = sqlx::query(&read_sql).bind(db.now());
            for id in &told {
                read = read.bind(*id);
            }
            let read = read.execute(&mut *tx).await?;
            if read.rows_affected() == 0 {
                return Ok(None);
            }
            crate::recount_in!(tx, user);
            let unread: i64 =
                sqlx::query_scalar("SELECT unread FROM notification_unread WHERE user_id = $1")
                    .bind(user)
                    .fetch_one(&mut *tx)
                    .await?;
            Ok(Some(unread))
        },
        |_| crate::Audit::none("a person's read marker")
    )
}
