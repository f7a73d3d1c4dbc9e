//! News (with their texts per language and their image's key) and events: published by staff,
//! read newest first (news) or soonest first (events).

use crate::audit::Change;
use crate::{new_id, run, Db, Result};
use chrono::{DateTime, Utc};
use domain::locale::Locale;
use domain::news::{EventDraft, NewsDraft, Text};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

/// A published news item.
#[derive(Debug, Clone, Serialize)]
pub struct News {
    pub id: Uuid,
    pub texts: Vec<Text>,
    /// The stored image's key and content type.
    pub image: Option<(Uuid, String)>,
    pub image_alt: Option<String>,
    pub published_at: DateTime<Utc>,
}

/// An event.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub place: String,
    pub url: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub version: i64,
}

/// Publishes a news item now; `image` is the stored image's key and content type.
pub async fn create_news(
    db: &Db,
    author: Uuid,
    draft: &NewsDraft,
    image: Option<(Uuid, &str)>,
) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let change = Change {
        actor: Some(author),
        action: "news.create",
        entity: "news",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "texts": draft.texts, "image": image.is_some() })),
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query(
                "INSERT INTO news_items (id, author_id, image_key, image_type, image_alt,
                     published_at, version)
                 VALUES ($1, $2, $3, $4, $5, $6, 1)",
            )
            .bind(id)
            .bind(author)
            .bind(image.map(|(k, _)| k))
            .bind(image.map(|(_, t)| t))
            .bind(&draft.image_alt)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            for t in &draft.texts {
                sqlx::query(
                    "INSERT INTO news_texts (news_id, language, title, body)
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(id)
                .bind(t.language.code())
                .bind(&t.title)
                .bind(&t.body)
                .execute(&mut *tx)
                .await?;
            }
            Ok(id)
        },
        |_| &change
    )
}

type NewsRow = (
    Uuid,
    Option<Uuid>,
    Option<String>,
    Option<String>,
    DateTime<Utc>,
);

async fn with_texts(db: &Db, rows: Vec<NewsRow>) -> Result<Vec<News>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT news_id, language, title, body FROM news_texts WHERE news_id IN ({})",
        crate::placeholders(1, rows.len())
    );
    let texts: Vec<(Uuid, String, String, String)> = run!(db, |pool| {
        let mut q = sqlx::query_as(&sql);
        for r in &rows {
            q = q.bind(r.0);
        }
        q.fetch_all(pool).await?
    });
    Ok(rows
        .into_iter()
        .map(|(id, key, kind, alt, published_at)| {
            let mut mine: Vec<Text> = texts
                .iter()
                .filter(|t| t.0 == id)
                .filter_map(|(_, l, title, body)| {
                    Some(Text {
                        language: Locale::parse(l)?,
                        title: title.clone(),
                        body: body.clone(),
                    })
                })
                .collect();
            mine.sort_by_key(|t| Locale::ALL.iter().position(|l| *l == t.language));
            News {
                id,
                texts: mine,
                image: key.zip(kind),
                image_alt: alt,
                published_at,
            }
        })
        .collect())
}

/// The newest news, `limit` from `offset`.
pub async fn latest(db: &Db, limit: i64, offset: i64) -> Result<Vec<News>> {
    let rows: Vec<NewsRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT id, image_key, image_type, image_alt, published_at FROM news_items
             ORDER BY published_at DESC, id DESC LIMIT $1 OFFSET $2",
        )
        .bind(limit)
        .bind(offset)
        .fetch_all(pool)
        .await?
    });
    with_texts(db, rows).await
}

/// How many news items there are.
pub async fn count(db: &Db) -> Result<i64> {
    Ok(run!(db, |pool| {
        sqlx::query_scalar("SELECT COUNT(*) FROM news_items")
            .fetch_one(pool)
            .await?
    }))
}

/// One news item.
pub async fn news(db: &Db, id: Uuid) -> Result<Option<News>> {
    let rows: Vec<NewsRow> = run!(db, |pool| {
        sqlx::query_as(
            "SELECT id, image_key, image_type, image_alt, published_at FROM news_items
             WHERE id = $1",
        )
        .bind(id)
        .fetch_all(pool)
        .await?
    });
    Ok(with_texts(db, rows).await?.into_iter().next())
}

/// Adds an event.
pub async fn create_event(db: &Db, author: Uuid, draft: &EventDraft) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let change = Change {
        actor: Some(author),
        action: "news.event_create",
        entity: "event",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!(draft)),
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query(
                "INSERT INTO events (id, author_id, title, description, place, url, starts_at,
                     ends_at, created_at, version)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)",
            )
            .bind(id)
            .bind(author)
            .bind(&draft.title)
            .bind(&draft.description)
            .bind(&draft.place)
            .bind(&draft.url)
            .bind(draft.starts_at)
            .bind(draft.ends_at)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            Ok(id)
        },
        |_| &change
    )
}

/// An event's row, as the queries read it.
type EventRow = (
    Uuid,
    String,
    String,
    String,
    String,
    DateTime<Utc>,
    DateTime<Utc>,
    i64,
);

const EVENT_COLUMNS: &str = "id, title, description, place, url, starts_at, ends_at, version";

fn event_of((id, title, description, place, url, starts_at, ends_at, version): EventRow) -> Event {
    Event {
        id,
        title,
        description,
        place,
        url,
        starts_at,
        ends_at,
        version,
    }
}

/// The events that end after `from`, soonest first, at most `limit`.
pub async fn events_from(db: &Db, from: DateTime<Utc>, limit: i64) -> Result<Vec<Event>> {
    let rows: Vec<EventRow> = run!(db, |pool| {
        sqlx::query_as(&format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE ends_at > $1 ORDER BY starts_at, id LIMIT $2"
        ))
        .bind(from)
        .bind(limit)
        .fetch_all(pool)
        .await?
    });
    Ok(rows.into_iter().map(event_of).collect())
}

/// One event, or `None`.
pub async fn event(db: &Db, id: Uuid) -> Result<Option<Event>> {
    let row: Option<EventRow> = run!(db, |pool| {
        sqlx::query_as(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?
    });
    Ok(row.map(event_of))
}

/// Changes event `id` if it is still at `version` (`Conflict` otherwise; `NotFound` when it is
/// gone). The calendar then offers it at the next SEQUENCE.
pub async fn update_event(
    db: &Db,
    id: Uuid,
    version: i64,
    draft: &EventDraft,
    actor: Uuid,
) -> Result<()> {
    let before = event(db, id).await?.ok_or(crate::DbError::NotFound)?;
    let change = Change {
        actor: Some(actor),
        action: "news.event_update",
        entity: "event",
        entity_id: id.to_string(),
        before: Some(json!(before)),
        after: Some(json!(draft)),
    };
    crate::change!(
        db,
        [],
        |tx| {
            let done = sqlx::query(
                "UPDATE events SET title = $1, description = $2, place = $3, url = $4,
                     starts_at = $5, ends_at = $6, version = version + 1
                 WHERE id = $7 AND version = $8",
            )
            .bind(&draft.title)
            .bind(&draft.description)
            .bind(&draft.place)
            .bind(&draft.url)
            .bind(draft.starts_at)
            .bind(draft.ends_at)
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(crate::DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )
}

/// Removes event `id` if it is still at `version` (`Conflict` otherwise; `NotFound` when it is
/// gone already).
pub async fn delete_event(db: &Db, id: Uuid, version: i64, actor: Uuid) -> Result<()> {
    let before = event(db, id).await?.ok_or(crate::DbError::NotFound)?;
    let change = Change {
        actor: Some(actor),
        action: "news.event_delete",
        entity: "event",
        entity_id: id.to_string(),
        before: Some(json!(before)),
        after: None,
    };
    crate::change!(
        db,
        [],
        |tx| {
            let done = sqlx::query("DELETE FROM events WHERE id = $1 AND version = $2")
                .bind(id)
                .bind(version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Err(crate::DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )
}

/// Withdraws news item `id` (its texts with it); returns the key of its stored image, for the
/// caller to remove once the change is committed. `NotFound` when it is gone already.
pub async fn delete_news(db: &Db, id: Uuid, actor: Uuid) -> Result<Option<Uuid>> {
    let before = news(db, id).await?.ok_or(crate::DbError::NotFound)?;
    let change = Change {
        actor: Some(actor),
        action: "news.delete",
        entity: "news",
        entity_id: id.to_string(),
        before: Some(json!({ "texts": before.texts, "image": before.image.is_some() })),
        after: None,
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query("DELETE FROM news_texts WHERE news_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let done = sqlx::query("DELETE FROM news_items WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Err(crate::DbError::NotFound);
            }
            Ok(before.image.map(|(key, _)| key))
        },
        |_| &change
    )
}
