//! The discussions' search, over the messages of the spaces a person sees, with the library's
//! query (words stemmed in Italian, English and French, quoted phrases, `prefix*`), and the
//! rebuilding of its terms when the indexing rules change.

use super::*;
use domain::library::query::Query;

/// One message a search found.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Found {
    pub id: Uuid,
    pub thread_id: Uuid,
    pub thread_title: String,
    pub space_kind: String,
    pub space_id: Uuid,
    pub author_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// Messages found per page.
pub const FOUND_PER_PAGE: i64 = 20;

/// A page of the visible messages of `spaces` that match every clause of `query` (newest first),
/// with how many match. Hidden messages are never found: their text is for their author and the
/// moderators, who read it in its thread.
pub async fn search(
    db: &Db,
    query: &Query,
    spaces: &[(Kind, Uuid)],
    page: i64,
) -> Result<(Vec<Found>, i64)> {
    if query.is_empty() || spaces.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let (matching, text) = match db.pool() {
        crate::Pool::Sqlite(_) => (
            "SELECT rowid FROM community_search WHERE community_search MATCH $1",
            query.fts5(),
        ),
        crate::Pool::Postgres(_) => (
            "SELECT rowid FROM community_search WHERE search @@ to_tsquery('simple', $1)",
            query.tsquery(),
        ),
    };
    let mut within = Vec::with_capacity(spaces.len());
    for n in 0..spaces.len() {
        within.push(format!(
            "(t.space_kind = ${} AND t.space_id = ${})",
            2 * n + 2,
            2 * n + 3
        ));
    }
    let condition = format!(
        "FROM community_posts p
         JOIN community_threads t ON t.id = p.thread_id
         JOIN users u ON u.id = p.author_id
         WHERE p.search_id IN ({matching}) AND p.hidden_reason IS NULL AND ({})",
        within.join(" OR ")
    );
    let size = FOUND_PER_PAGE;
    let offset = (page.max(1) - 1).saturating_mul(size);
    let n = 2 * spaces.len() + 2;
    let rows_sql = format!(
        "SELECT p.id, p.thread_id, t.title AS thread_title, t.space_kind, t.space_id,
                u.name AS author_name, p.body, p.created_at
         {condition}
         ORDER BY p.created_at DESC, p.id DESC LIMIT ${n} OFFSET ${}",
        n + 1
    );
    let count_sql = format!("SELECT COUNT(*) {condition}");
    run!(db, |pool| {
        let mut rows = sqlx::query_as::<_, Found>(&rows_sql).bind(&text);
        let mut count = sqlx::query_scalar::<_, i64>(&count_sql).bind(&text);
        for (kind, id) in spaces {
            rows = rows.bind(kind.code()).bind(*id);
            count = count.bind(kind.code()).bind(*id);
        }
        let found = rows.bind(size).bind(offset).fetch_all(pool).await?;
        let total = count.fetch_one(pool).await?;
        Ok::<_, DbError>((found, total))
    })
}

/// The row of `generations` that holds the version of the indexing rules the discussions' terms
/// were written with (`domain::library::text::INDEX_VERSION`, shared with the library).
const INDEX_MARK: &str = "community-index";
/// Messages re-indexed per transaction.
const REINDEX_BATCH: usize = 500;

/// Rewrites every message's search terms when they were written by another version of the
/// indexing rules, or never (messages written before the search existed); called once the
/// migrations ran. Returns how many messages were indexed.
pub async fn refresh_index(db: &Db) -> Result<usize> {
    use domain::library::text::INDEX_VERSION;
    let stored: Option<i64> = run!(db, |pool| {
        sqlx::query_scalar("SELECT value FROM generations WHERE part = $1")
            .bind(INDEX_MARK)
            .fetch_optional(pool)
            .await?
    });
    if stored == Some(INDEX_VERSION) {
        return Ok(0);
    }
    // In batches by id, each message with its thread's title when it opens the thread.
    let mut after = Uuid::nil();
    let mut indexed = 0;
    loop {
        let rows: Vec<(Uuid, String, Option<String>)> = run!(db, |pool| {
            sqlx::query_as(
                "SELECT p.id, p.body,
                        CASE WHEN p.id = (SELECT f.id FROM community_posts f
                                          WHERE f.thread_id = p.thread_id
                                          ORDER BY f.created_at, f.id LIMIT 1)
                             THEN t.title END
                 FROM community_posts p JOIN community_threads t ON t.id = p.thread_id
                 WHERE p.id > $1 ORDER BY p.id LIMIT $2",
            )
            .bind(after)
            .bind(REINDEX_BATCH as i64)
            .fetch_all(pool)
            .await?
        });
        let ids: Vec<Uuid> = rows.iter().map(|(id, _, _)| *id).collect();
        let documents = attached(db, &ids).await?;
        let mark = rows.len() < REINDEX_BATCH;
        crate::change!(
            db,
            [],
            |tx| {
                for (post, body, title) in &rows {
                    let attached = documents.get(post).map_or(&[][..], Vec::as_slice);
                    keep_in!(tx, *post, title.as_deref(), body, attached);
                }
                if mark {
                    sqlx::query(
                        "INSERT INTO generations (part, value) VALUES ($1, $2)
                         ON CONFLICT (part) DO UPDATE SET value = excluded.value",
                    )
                    .bind(INDEX_MARK)
                    .bind(INDEX_VERSION)
                    .execute(&mut *tx)
                    .await?;
                }
                Ok(())
            },
            |_| crate::Audit::none("the search terms are derived from the messages")
        )?;
        indexed += rows.len();
        match ids.last() {
            Some(last) if !mark => after = *last,
            _ => return Ok(indexed),
        }
    }
}

/// The library documents each of `posts` attaches, in their order, in one query.
pub async fn attached(db: &Db, posts: &[Uuid]) -> Result<HashMap<Uuid, Vec<Uuid>>> {
    if posts.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT post_id, document_id FROM community_post_documents
         WHERE post_id IN ({}) ORDER BY post_id, position",
        crate::placeholders(1, posts.len())
    );
    let rows: Vec<(Uuid, Uuid)> = run!(db, |pool| {
        let mut q = sqlx::query_as(&sql);
        for id in posts {
            q = q.bind(*id);
        }
        q.fetch_all(pool).await?
    });
    let mut out: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (post, document) in rows {
        out.entry(post).or_default().push(document);
    }
    Ok(out)
}
