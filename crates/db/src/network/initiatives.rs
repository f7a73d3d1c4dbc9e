//! Joint initiatives of a group: created, edited, moved through their states with every move
//! kept (the group's timeline), with their partners and the products that prepare them.

use super::*;
use chrono::NaiveDate;
use domain::network::initiatives::{InitiativeDraft, Move, State};

/// An initiative as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct Initiative {
    pub id: Uuid,
    pub group_id: Uuid,
    pub title: String,
    pub summary: String,
    pub state: State,
    pub state_on: NaiveDate,
    pub lead_id: Uuid,
    pub lead_name: String,
    pub countries: Vec<String>,
    pub call_name: String,
    pub call_deadline: Option<NaiveDate>,
    pub budget_cents: Option<i64>,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    group_id: Uuid,
    title: String,
    summary: String,
    #[sqlx(try_from = "String")]
    state: State,
    state_on: NaiveDate,
    lead_id: Uuid,
    lead_name: String,
    countries: String,
    call_name: String,
    call_deadline: Option<NaiveDate>,
    budget_cents: Option<i64>,
    version: i64,
}

impl Row {
    fn into_initiative(self) -> Result<Initiative> {
        Ok(Initiative {
            countries: read_list("network_initiatives", self.id, "countries", &self.countries)?,
            id: self.id,
            group_id: self.group_id,
            title: self.title,
            summary: self.summary,
            state: self.state,
            state_on: self.state_on,
            lead_id: self.lead_id,
            lead_name: self.lead_name,
            call_name: self.call_name,
            call_deadline: self.call_deadline,
            budget_cents: self.budget_cents,
            version: self.version,
        })
    }
}

const SELECT: &str = "SELECT i.id, i.group_id, i.title, i.summary, i.state, i.state_on, i.lead_id,
        o.name AS lead_name, i.countries, i.call_name, i.call_deadline, i.budget_cents, i.version
     FROM network_initiatives i JOIN organisations o ON o.id = i.lead_id";

/// The initiatives of `group` (of every group when `None`), by the date their state began.
pub async fn initiatives(db: &Db, group: Option<Uuid>) -> Result<Vec<Initiative>> {
    let rows: Vec<Row> = run!(db, |pool| {
        match group {
            Some(g) => {
                sqlx::query_as(&format!(
                    "{SELECT} WHERE i.group_id = $1 ORDER BY i.state_on, i.id"
                ))
                .bind(g)
                .fetch_all(pool)
                .await?
            }
            None => {
                sqlx::query_as(&format!("{SELECT} ORDER BY i.state_on, i.id"))
                    .fetch_all(pool)
                    .await?
            }
        }
    });
    rows.into_iter().map(Row::into_initiative).collect()
}

/// One initiative.
pub async fn initiative(db: &Db, id: Uuid) -> Result<Initiative> {
    let row: Option<Row> = run!(db, |pool| {
        sqlx::query_as(&format!("{SELECT} WHERE i.id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?
    });
    row.ok_or(DbError::NotFound)?.into_initiative()
}

/// A partner of an initiative.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct InitiativePartner {
    pub initiative_id: Uuid,
    pub organisation_id: Uuid,
    pub name: String,
    pub category: String,
    pub country: String,
}

/// The partners of these initiatives, by name.
pub async fn initiative_partners(db: &Db, ids: &[Uuid]) -> Result<Vec<InitiativePartner>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT x.initiative_id, x.organisation_id, o.name, o.category, o.country
         FROM network_initiative_partners x JOIN organisations o ON o.id = x.organisation_id
         WHERE x.initiative_id IN ({})",
        placeholders(1, ids.len())
    );
    let mut out: Vec<InitiativePartner> = run!(db, |pool| {
        let mut q = sqlx::query_as(&sql);
        for id in ids {
            q = q.bind(*id);
        }
        q.fetch_all(pool).await?
    });
    domain::locale::sort_by_name(&mut out, |p| p.name.as_str());
    Ok(out)
}

/// A product linked to an initiative.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct LinkedProduct {
    pub initiative_id: Uuid,
    pub product_id: Uuid,
    pub title: String,
    pub kind: String,
    pub organisation_id: Uuid,
}

/// The products linked to these initiatives, by title.
pub async fn initiative_products(db: &Db, ids: &[Uuid]) -> Result<Vec<LinkedProduct>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT x.initiative_id, x.product_id, p.title, p.kind, p.organisation_id
         FROM network_initiative_products x JOIN products p ON p.id = x.product_id
         WHERE x.initiative_id IN ({}) ORDER BY p.title",
        placeholders(1, ids.len())
    );
    run!(db, |pool| {
        let mut q = sqlx::query_as(&sql);
        for id in ids {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(pool).await?)
    })
}

/// The initiatives that link `product`: where each is in its life, and whether it was ever
/// funded (its history records a move to funded).
pub async fn carrying(db: &Db, product: Uuid) -> Result<Vec<(String, bool)>> {
    run!(db, |pool| {
        Ok(sqlx::query_as(
            "SELECT i.state,
                    EXISTS (SELECT 1 FROM network_initiative_events e
                            WHERE e.initiative_id = i.id AND e.to_state = 'funded')
             FROM network_initiative_products x
             JOIN network_initiatives i ON i.id = x.initiative_id
             WHERE x.product_id = $1",
        )
        .bind(product)
        .fetch_all(pool)
        .await?)
    })
}

/// A product of one of `organisations` that an initiative can link to.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ProductChoice {
    pub id: Uuid,
    pub title: String,
    pub kind: String,
    pub organisation_id: Uuid,
}

/// The products of these administrations (not models), by title.
pub async fn products_of(db: &Db, organisations: &[Uuid]) -> Result<Vec<ProductChoice>> {
    if organisations.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT id, title, kind, organisation_id FROM products
         WHERE organisation_id IN ({}) ORDER BY title",
        placeholders(1, organisations.len())
    );
    run!(db, |pool| {
        let mut q = sqlx::query_as(&sql);
        for id in organisations {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(pool).await?)
    })
}

/// One move of an initiative's state.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Event {
    pub initiative_id: Uuid,
    pub from_state: Option<String>,
    pub to_state: String,
    pub on_date: NaiveDate,
    pub reason: String,
}

/// The moves of these initiatives' states, by date.
pub async fn events(db: &Db, ids: &[Uuid]) -> Result<Vec<Event>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT initiative_id, from_state, to_state, on_date, reason FROM network_initiative_events
         WHERE initiative_id IN ({}) ORDER BY on_date, created_at, id",
        placeholders(1, ids.len())
    );
    run!(db, |pool| {
        let mut q = sqlx::query_as(&sql);
        for id in ids {
            q = q.bind(*id);
        }
        Ok(q.fetch_all(pool).await?)
    })
}

macro_rules! write_links {
    ($tx:expr, $id:expr, $draft:expr) => {{
        sqlx::query("DELETE FROM network_initiative_partners WHERE initiative_id = $1")
            .bind($id)
            .execute(&mut *$tx)
            .await?;
        sqlx::query("DELETE FROM network_initiative_products WHERE initiative_id = $1")
            .bind($id)
            .execute(&mut *$tx)
            .await?;
        for p in &$draft.partners {
            sqlx::query(
                "INSERT INTO network_initiative_partners (initiative_id, organisation_id) VALUES ($1, $2)",
            )
            .bind($id)
            .bind(*p)
            .execute(&mut *$tx)
            .await?;
        }
        for p in &$draft.products {
            sqlx::query(
                "INSERT INTO network_initiative_products (initiative_id, product_id) VALUES ($1, $2)",
            )
            .bind($id)
            .bind(*p)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

/// Adds an initiative to `group` as an idea on `on`. Returns its id.
pub async fn create_initiative(
    db: &Db,
    group: Uuid,
    draft: &InitiativeDraft,
    on: NaiveDate,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let change = Change {
        actor,
        action: "network.initiative_create",
        entity: "network_initiative",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "group": group, "initiative": draft })),
    };
    crate::change!(
        db,
        [Part::Network],
        |tx| {
            sqlx::query(
                "INSERT INTO network_initiatives (id, group_id, title, summary, state, state_on,
                   lead_id, countries, call_name, call_deadline, budget_cents, created_by,
                   created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)",
            )
            .bind(id)
            .bind(group)
            .bind(&draft.title)
            .bind(&draft.summary)
            .bind(State::Idea.code())
            .bind(on)
            .bind(draft.lead)
            .bind(json_list(&draft.countries))
            .bind(&draft.call_name)
            .bind(draft.call_deadline)
            .bind(draft.budget_cents)
            .bind(actor)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO network_initiative_events (id, initiative_id, from_state, to_state,
                   on_date, reason, by_user, created_at) VALUES ($1, $2, NULL, $3, $4, '', $5, $6)",
            )
            .bind(new_id())
            .bind(id)
            .bind(State::Idea.code())
            .bind(on)
            .bind(actor)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            write_links!(tx, id, draft);
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Saves an initiative's details if nobody changed it since `version` (`Conflict` otherwise);
/// its state moves only through `move_initiative`.
pub async fn update_initiative(
    db: &Db,
    id: Uuid,
    version: i64,
    draft: &InitiativeDraft,
    actor: Option<Uuid>,
) -> Result<()> {
    let before = initiative(db, id).await?;
    let change = Change {
        actor,
        action: "network.initiative_update",
        entity: "network_initiative",
        entity_id: id.to_string(),
        before: Some(json!(before)),
        after: Some(json!(draft)),
    };
    let now = db.now();
    crate::change!(
        db,
        [Part::Network],
        |tx| {
            let done = sqlx::query(
                "UPDATE network_initiatives SET title = $1, summary = $2, lead_id = $3,
                   countries = $4, call_name = $5, call_deadline = $6, budget_cents = $7,
                   updated_at = $8, version = version + 1
                 WHERE id = $9 AND version = $10",
            )
            .bind(&draft.title)
            .bind(&draft.summary)
            .bind(draft.lead)
            .bind(json_list(&draft.countries))
            .bind(&draft.call_name)
            .bind(draft.call_deadline)
            .bind(draft.budget_cents)
            .bind(now)
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            write_links!(tx, id, draft);
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Moves an initiative's state (a move checked by `domain::network::initiatives::transition`)
/// if it is still in `mv.from` at `version` (`Conflict` otherwise), keeping the move.
pub async fn move_initiative(
    db: &Db,
    id: Uuid,
    version: i64,
    mv: &Move,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "network.initiative_move",
        entity: "network_initiative",
        entity_id: id.to_string(),
        before: Some(json!({ "state": mv.from })),
        after: Some(json!({ "state": mv.to, "on": mv.on, "reason": mv.reason })),
    };
    let now = db.now();
    crate::change!(
        db,
        [Part::Network],
        |tx| {
            let done = sqlx::query(
                "UPDATE network_initiatives SET state = $1, state_on = $2, updated_at = $3,
                   version = version + 1
                 WHERE id = $4 AND version = $5 AND state = $6",
            )
            .bind(mv.to.code())
            .bind(mv.on)
            .bind(now)
            .bind(id)
            .bind(version)
            .bind(mv.from.code())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            sqlx::query(
                "INSERT INTO network_initiative_events (id, initiative_id, from_state, to_state,
                   on_date, reason, by_user, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(new_id())
            .bind(id)
            .bind(mv.from.code())
            .bind(mv.to.code())
            .bind(mv.on)
            .bind(&mv.reason)
            .bind(actor)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}
