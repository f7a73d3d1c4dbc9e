//! What a session holds: its agenda items and its materials (files and links).

use super::*;

/// One item of a session's agenda.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct AgendaItem {
    pub id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub title: String,
    pub speaker: String,
}

/// An agenda item with the session it belongs to.
#[derive(sqlx::FromRow)]
struct SessionItem {
    session_id: Uuid,
    #[sqlx(flatten)]
    item: AgendaItem,
}

/// The agenda of a session, in time order.
pub async fn agenda(db: &Db, session: Uuid) -> Result<Vec<AgendaItem>> {
    Ok(agendas(db, &[session])
        .await?
        .into_iter()
        .map(|(_, item)| item)
        .collect())
}

/// The agendas of several sessions in one query: (session, item), in time order.
pub async fn agendas(db: &Db, sessions: &[Uuid]) -> Result<Vec<(Uuid, AgendaItem)>> {
    if sessions.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT session_id, id, starts_at, ends_at, title, speaker FROM agenda_items
         WHERE session_id IN ({}) ORDER BY starts_at, id",
        crate::placeholders(1, sessions.len())
    );
    run!(db, |pool| {
        let mut query = sqlx::query_as::<_, SessionItem>(&sql);
        for s in sessions {
            query = query.bind(*s);
        }
        let rows = query.fetch_all(pool).await?;
        Ok(rows.into_iter().map(|r| (r.session_id, r.item)).collect())
    })
}

/// Adds an agenda item.
pub async fn add_agenda_item(
    db: &Db,
    session: Uuid,
    item: &AgendaItem,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "labs.agenda_add",
        entity: "session",
        entity_id: session.to_string(),
        before: None,
        after: Some(json!(item)),
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query("INSERT INTO agenda_items (id, session_id, starts_at, ends_at, title, speaker) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(item.id)
            .bind(session)
            .bind(item.starts_at)
            .bind(item.ends_at)
            .bind(&item.title)
            .bind(&item.speaker)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Removes an agenda item of `session`.
pub async fn remove_agenda_item(
    db: &Db,
    session: Uuid,
    item: Uuid,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "labs.agenda_remove",
        entity: "session",
        entity_id: session.to_string(),
        before: Some(json!({ "item": item })),
        after: None,
    };
    crate::change!(
        db,
        [],
        |tx| {
            let done = sqlx::query("DELETE FROM agenda_items WHERE id = $1 AND session_id = $2")
                .bind(item)
                .bind(session)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Err(DbError::NotFound);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// A file or link attached to a session.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Material {
    pub id: Uuid,
    pub session_id: Uuid,
    pub title: String,
    pub url: Option<String>,
    pub storage_key: Option<Uuid>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size: Option<i64>,
}

const MATERIAL: &str =
    "SELECT id, session_id, title, url, storage_key, file_name, content_type, size FROM session_materials";

/// The materials of a session, oldest first.
pub async fn materials(db: &Db, session: Uuid) -> Result<Vec<Material>> {
    run!(db, |pool| {
        Ok(sqlx::query_as::<_, Material>(&format!(
            "{MATERIAL} WHERE session_id = $1 ORDER BY created_at, id"
        ))
        .bind(session)
        .fetch_all(pool)
        .await?)
    })
}

/// One material by id.
pub async fn material_by_id(db: &Db, id: Uuid) -> Result<Option<Material>> {
    run!(db, |pool| {
        Ok(
            sqlx::query_as::<_, Material>(&format!("{MATERIAL} WHERE id = $1"))
                .bind(id)
                .fetch_optional(pool)
                .await?,
        )
    })
}

/// Attaches a material.
pub async fn add_material(db: &Db, m: &Material, actor: Option<Uuid>) -> Result<()> {
    let change = Change {
        actor,
        action: "labs.material_add",
        entity: "session",
        entity_id: m.session_id.to_string(),
        before: None,
        after: Some(
            json!({ "title": m.title, "url": m.url, "file_name": m.file_name, "size": m.size }),
        ),
    };
    crate::change!(
        db,
        [],
        |tx| {
            sqlx::query(
            "INSERT INTO session_materials (id, session_id, title, url, storage_key, file_name, content_type, size, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(m.id)
        .bind(m.session_id)
        .bind(&m.title)
        .bind(&m.url)
        .bind(m.storage_key)
        .bind(&m.file_name)
        .bind(&m.content_type)
        .bind(m.size)
        .bind(db.now())
        .execute(&mut *tx)
        .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}
