//! Relations: recorded, changed and deleted by their administration; listed for a viewer with
//! the sharing rule applied in the query.

use super::*;
use domain::network::relations::{Kind, Partner, ProjectRole, RelationDraft};
use domain::network::Sharing;

/// A relation as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct Relation {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub region_code: Option<String>,
    pub partner_id: Uuid,
    pub partner_name: String,
    pub kind: Kind,
    pub country: String,
    pub start_year: i32,
    pub end_year: Option<i32>,
    pub themes: Vec<String>,
    pub contact_name: String,
    pub contact_email: String,
    pub funding_programme: String,
    pub project_role: Option<ProjectRole>,
    pub amount_cents: Option<i64>,
    pub notes: String,
    pub sharing: Sharing,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    organisation_id: Uuid,
    organisation_name: String,
    region_code: Option<String>,
    partner_id: Uuid,
    partner_name: String,
    #[sqlx(try_from = "String")]
    kind: Kind,
    country: String,
    start_year: i32,
    end_year: Option<i32>,
    themes: String,
    contact_name: String,
    contact_email: String,
    funding_programme: String,
    project_role: Option<String>,
    amount_cents: Option<i64>,
    notes: String,
    #[sqlx(try_from = "String")]
    sharing: Sharing,
    version: i64,
}

impl Row {
    fn into_relation(self) -> Result<Relation> {
        let themes = read_list("network_relations", self.id, "themes", &self.themes)?;
        let project_role = match self.project_role {
            None => None,
            Some(code) => Some(
                ProjectRole::try_from(code).map_err(|u| DbError::Unreadable {
                    record: format!("network_relations/{}/project_role", self.id),
                    value: u.code,
                })?,
            ),
        };
        Ok(Relation {
            id: self.id,
            organisation_id: self.organisation_id,
            organisation_name: self.organisation_name,
            region_code: self.region_code,
            partner_id: self.partner_id,
            partner_name: self.partner_name,
            kind: self.kind,
            country: self.country,
            start_year: self.start_year,
            end_year: self.end_year,
            themes,
            contact_name: self.contact_name,
            contact_email: self.contact_email,
            funding_programme: self.funding_programme,
            project_role,
            amount_cents: self.amount_cents,
            notes: self.notes,
            sharing: self.sharing,
            version: self.version,
        })
    }
}

const SELECT: &str = "SELECT r.id, r.organisation_id, o.name AS organisation_name, o.region_code,
        r.partner_id, p.name AS partner_name, r.kind, r.country, r.start_year, r.end_year, r.themes,
        r.contact_name, r.contact_email, r.funding_programme, r.project_role, r.amount_cents,
        r.notes, r.sharing, r.version
     FROM network_relations r JOIN organisations o ON o.id = r.organisation_id
     JOIN organisations p ON p.id = r.partner_id";

/// What a list of relations is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct RelationFilter {
    pub organisation: Option<Uuid>,
    pub country: Option<String>,
    pub kind: Option<Kind>,
    /// Only relations pooled into this group.
    pub group: Option<Uuid>,
}

/// The relations `viewer` sees, narrowed by `filter`, by administration then start year, one
/// page (`page` from 0) of `PAGE_SIZE`; with whether there is a next page.
pub async fn relations(
    db: &Db,
    viewer: &Viewer,
    filter: &RelationFilter,
    page: i64,
) -> Result<(Vec<Relation>, bool)> {
    let mut conditions: Vec<String> = Vec::new();
    let mut binds: Vec<Bind> = Vec::new();
    if let Some(o) = filter.organisation {
        binds.push(Bind::Id(o));
        conditions.push(format!("r.organisation_id = ${}", binds.len()));
    }
    if let Some(c) = &filter.country {
        binds.push(Bind::Owned(c.clone()));
        conditions.push(format!("r.country = ${}", binds.len()));
    }
    if let Some(k) = filter.kind {
        binds.push(Bind::Text(k.code()));
        conditions.push(format!("r.kind = ${}", binds.len()));
    }
    if let Some(g) = filter.group {
        binds.push(Bind::Id(g));
        conditions.push(format!(
            "r.id IN (SELECT relation_id FROM network_group_relations WHERE group_id = ${})",
            binds.len()
        ));
    }
    if let Some((condition, more)) = visible(viewer, binds.len() + 1, true) {
        conditions.push(condition);
        binds.extend(more);
    }
    let sql = page_sql(SELECT, &conditions, "o.name, r.start_year DESC, r.id", page);
    let rows: Vec<Row> = run!(db, |pool| {
        bind_all!(sqlx::query_as(&sql), &binds)
            .fetch_all(pool)
            .await?
    });
    let (rows, more) = split_page(rows);
    let out = rows
        .into_iter()
        .map(Row::into_relation)
        .collect::<Result<Vec<_>>>()?;
    Ok((out, more))
}

/// One relation, whoever may see it (the caller checks with `pooled_into`).
pub async fn relation(db: &Db, id: Uuid) -> Result<Relation> {
    let row: Option<Row> = run!(db, |pool| {
        sqlx::query_as(&format!("{SELECT} WHERE r.id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?
    });
    row.ok_or(DbError::NotFound)?.into_relation()
}

/// The groups a relation is pooled into.
pub async fn pooled_into(db: &Db, relation: Uuid) -> Result<Vec<Uuid>> {
    run!(db, |pool| {
        Ok(sqlx::query_scalar(
            "SELECT group_id FROM network_group_relations WHERE relation_id = $1",
        )
        .bind(relation)
        .fetch_all(pool)
        .await?)
    })
}

/// A library document attached to a relation.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct AttachedDocument {
    pub id: Uuid,
    pub title: String,
}

/// The documents attached to a relation, by title.
pub async fn relation_documents(db: &Db, relation: Uuid) -> Result<Vec<AttachedDocument>> {
    run!(db, |pool| {
        Ok(sqlx::query_as(
            "SELECT d.id, d.title FROM network_relation_documents x
             JOIN library_documents d ON d.id = x.document_id
             WHERE x.relation_id = $1 ORDER BY d.title",
        )
        .bind(relation)
        .fetch_all(pool)
        .await?)
    })
}

/// A new partner to register with a relation: checked by the registry's rules.
pub type NewPartner = domain::organisations::Organisation;

/// Records a relation of `organisation`; a partner typed on the spot (`new_partner`, when the
/// draft names a new one) is registered in the same change. Returns the relation's id.
pub async fn create_relation(
    db: &Db,
    organisation: Uuid,
    draft: &RelationDraft,
    new_partner: Option<&NewPartner>,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let now = db.now();
    let (partner_id, register) = match (&draft.partner, new_partner) {
        (Partner::Registry(p), _) => (*p, None),
        (Partner::New { .. }, Some(org)) => (new_id(), Some(org)),
        (Partner::New { .. }, None) => {
            return Err(DbError::Unsupported(
                "a new partner needs its registry record",
            ))
        }
    };
    let mut changes = Vec::new();
    if let Some(org) = register {
        changes.push(Change {
            actor,
            action: "organisation.create",
            entity: "organisation",
            entity_id: partner_id.to_string(),
            before: None,
            after: Some(json!(org)),
        });
    }
    changes.push(Change {
        actor,
        action: "network.relation_create",
        entity: "network_relation",
        entity_id: id.to_string(),
        before: None,
        after: Some(
            json!({ "organisation": organisation, "partner": partner_id, "relation": draft }),
        ),
    });
    crate::change!(
        db,
        [Part::Network, Part::People],
        |tx| {
            if let Some(org) = register {
                crate::organisations::insert_organisation!(&mut *tx, partner_id, org, now)?;
            }
            sqlx::query(
                "INSERT INTO network_relations (id, organisation_id, partner_id, kind, country,
                   start_year, end_year, themes, contact_name, contact_email, funding_programme,
                   project_role, amount_cents, notes, sharing, created_by, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)",
            )
            .bind(id)
            .bind(organisation)
            .bind(partner_id)
            .bind(draft.kind.code())
            .bind(&draft.country)
            .bind(draft.start_year)
            .bind(draft.end_year)
            .bind(json_list(&draft.themes))
            .bind(&draft.contact_name)
            .bind(&draft.contact_email)
            .bind(&draft.funding_programme)
            .bind(draft.project_role.map(|r| r.code()))
            .bind(draft.amount_cents)
            .bind(&draft.notes)
            .bind(draft.sharing.code())
            .bind(actor)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            for d in &draft.documents {
                // A document removed meanwhile is left out rather than failing the save.
                sqlx::query(
                    "INSERT INTO network_relation_documents (relation_id, document_id)
                     SELECT $1, id FROM library_documents WHERE id = $2",
                )
                .bind(id)
                .bind(*d)
                .execute(&mut *tx)
                .await?;
            }
            Ok(())
        },
        |_| changes.clone()
    )?;
    Ok(id)
}

/// Saves a relation if nobody changed it since `version` was read (`Conflict` otherwise); its
/// administration does not change. The partner must be one of the registry's.
pub async fn update_relation(
    db: &Db,
    id: Uuid,
    version: i64,
    draft: &RelationDraft,
    actor: Option<Uuid>,
) -> Result<()> {
    let Partner::Registry(partner_id) = draft.partner else {
        return Err(DbError::Unsupported(
            "a relation's partner is changed to a registered one",
        ));
    };
    let before = relation(db, id).await?;
    let change = Change {
        actor,
        action: "network.relation_update",
        entity: "network_relation",
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
                "UPDATE network_relations SET partner_id = $1, kind = $2, country = $3,
                   start_year = $4, end_year = $5, themes = $6, contact_name = $7,
                   contact_email = $8, funding_programme = $9, project_role = $10,
                   amount_cents = $11, notes = $12, sharing = $13, updated_at = $14,
                   version = version + 1
                 WHERE id = $15 AND version = $16",
            )
            .bind(partner_id)
            .bind(draft.kind.code())
            .bind(&draft.country)
            .bind(draft.start_year)
            .bind(draft.end_year)
            .bind(json_list(&draft.themes))
            .bind(&draft.contact_name)
            .bind(&draft.contact_email)
            .bind(&draft.funding_programme)
            .bind(draft.project_role.map(|r| r.code()))
            .bind(draft.amount_cents)
            .bind(&draft.notes)
            .bind(draft.sharing.code())
            .bind(now)
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            sqlx::query("DELETE FROM network_relation_documents WHERE relation_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            for d in &draft.documents {
                // A document removed meanwhile is left out rather than failing the save.
                sqlx::query(
                    "INSERT INTO network_relation_documents (relation_id, document_id)
                     SELECT $1, id FROM library_documents WHERE id = $2",
                )
                .bind(id)
                .bind(*d)
                .execute(&mut *tx)
                .await?;
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Deletes a relation (and its pooling into groups) if nobody changed it since `version`.
pub async fn delete_relation(db: &Db, id: Uuid, version: i64, actor: Option<Uuid>) -> Result<()> {
    let before = relation(db, id).await?;
    let change = Change {
        actor,
        action: "network.relation_delete",
        entity: "network_relation",
        entity_id: id.to_string(),
        before: Some(json!(before)),
        after: None,
    };
    crate::change!(
        db,
        [Part::Network],
        |tx| {
            let done = sqlx::query("DELETE FROM network_relations WHERE id = $1 AND version = $2")
                .bind(id)
                .bind(version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}
