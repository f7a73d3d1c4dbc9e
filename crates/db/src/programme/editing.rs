//! Changes staff make to the programme structure: modules (added, edited, reordered), the texts of
//! phases, strands and dimensions, new phases and dimensions, and cohorts. Every change checks the
//! version it was based on and is audited in the same transaction.

use super::{Cohort, Module};
use crate::audit::Change;
use crate::{new_id, Db, DbError, Part, Result};
use domain::programme::editing::{CohortDraft, ModuleDraft};
use serde_json::json;
use uuid::Uuid;

fn module_json(m: &Module) -> serde_json::Value {
    json!({
        "title": m.title, "description": m.description, "objectives": m.objectives,
        "dimension_id": m.dimension_id, "days": m.days, "delivery": m.delivery, "products": m.products,
    })
}

/// Adds a module at the end of its strand.
pub async fn create_module(
    db: &Db,
    strand: Uuid,
    d: &ModuleDraft,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let change = Change {
        actor,
        action: "programme.module_create",
        entity: "module",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!(d)),
    };
    let products = serde_json::to_string(&d.products).unwrap_or_else(|_| "[]".into());
    crate::change!(
        db,
        [Part::Programme],
        |tx| {
            sqlx::query(
            "INSERT INTO modules (id, strand_id, dimension_id, position, title, description, objectives, days_min_tenths, days_max_tenths, delivery, products)
             VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM modules WHERE strand_id = $2), $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id)
        .bind(strand)
        .bind(d.dimension_id)
        .bind(&d.title)
        .bind(&d.description)
        .bind(&d.objectives)
        .bind(d.days.min_tenths)
        .bind(d.days.max_tenths)
        .bind(d.delivery.code())
        .bind(&products)
        .execute(&mut *tx)
        .await?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Saves an edited module if nobody saved it since `version`.
pub async fn update_module(
    db: &Db,
    before: &Module,
    version: i64,
    d: &ModuleDraft,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "programme.module_update",
        entity: "module",
        entity_id: before.id.to_string(),
        before: Some(module_json(before)),
        after: Some(json!(d)),
    };
    let products = serde_json::to_string(&d.products).unwrap_or_else(|_| "[]".into());
    crate::change!(
        db,
        [Part::Programme],
        |tx| {
            let done = sqlx::query(
            "UPDATE modules SET dimension_id = $1, title = $2, description = $3, objectives = $4, days_min_tenths = $5, days_max_tenths = $6,
                 delivery = $7, products = $8, version = version + 1
             WHERE id = $9 AND version = $10",
        )
        .bind(d.dimension_id)
        .bind(&d.title)
        .bind(&d.description)
        .bind(&d.objectives)
        .bind(d.days.min_tenths)
        .bind(d.days.max_tenths)
        .bind(d.delivery.code())
        .bind(&products)
        .bind(before.id)
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

/// Swaps the places of two modules of the same strand, given the positions they were seen at; if
/// either moved meanwhile, nothing changes (`Conflict`).
pub async fn swap_modules(
    db: &Db,
    a: (Uuid, i64),
    b: (Uuid, i64),
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "programme.module_move",
        entity: "module",
        entity_id: a.0.to_string(),
        before: Some(json!({ "position": a.1, "swapped_with": b.0 })),
        after: Some(json!({ "position": b.1 })),
    };
    crate::change!(
        db,
        [Part::Programme],
        |tx| {
            let done = sqlx::query(
            "UPDATE modules SET position = CASE WHEN id = $1 THEN $4 ELSE $3 END, version = version + 1
             WHERE (id = $1 AND position = $3) OR (id = $2 AND position = $4)",
        )
        .bind(a.0)
        .bind(b.0)
        .bind(a.1)
        .bind(b.1)
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if done != 2 {
                return Err(DbError::Conflict);
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}

/// Which record's texts are edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    Phase,
    Strand,
    Dimension,
}

impl Texts {
    /// Parses the kind named in an address: `phases`, `strands`, `dimensions`.
    pub fn parse(kind: &str) -> Option<Texts> {
        match kind {
            "phases" => Some(Texts::Phase),
            "strands" => Some(Texts::Strand),
            "dimensions" => Some(Texts::Dimension),
            _ => None,
        }
    }

    fn sql(self) -> &'static str {
        match self {
            Texts::Phase => "UPDATE phases SET title = $1, description = $2, version = version + 1 WHERE id = $3 AND version = $4",
            Texts::Strand => "UPDATE strands SET title = $1, description = $2, version = version + 1 WHERE id = $3 AND version = $4",
            Texts::Dimension => "UPDATE dimensions SET title = $1, question = $2, version = version + 1 WHERE id = $3 AND version = $4",
        }
    }

    fn entity(self) -> &'static str {
        match self {
            Texts::Phase => "phase",
            Texts::Strand => "strand",
            Texts::Dimension => "dimension",
        }
    }
}

/// Saves the title and text of a phase, strand or dimension if nobody saved them since `version`.
#[allow(clippy::too_many_arguments)]
pub async fn update_texts(
    db: &Db,
    kind: Texts,
    id: Uuid,
    version: i64,
    before: (&str, &str),
    title: &str,
    text: &str,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "programme.texts_update",
        entity: kind.entity(),
        entity_id: id.to_string(),
        before: Some(json!({ "title": before.0, "text": before.1 })),
        after: Some(json!({ "title": title, "text": text })),
    };
    crate::change!(
        db,
        [Part::Programme],
        |tx| {
            let done = sqlx::query(kind.sql())
                .bind(title)
                .bind(text)
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

/// Adds a phase after the last one.
pub async fn create_phase(
    db: &Db,
    programme: Uuid,
    title: &str,
    text: &str,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let change = Change {
        actor,
        action: "programme.phase_create",
        entity: "phase",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "title": title, "text": text })),
    };
    crate::change!(
        db,
        [Part::Programme],
        |tx| {
            sqlx::query(
            "INSERT INTO phases (id, programme_id, number, title, description)
             VALUES ($1, $2, (SELECT COALESCE(MAX(number), 0) + 1 FROM phases WHERE programme_id = $2), $3, $4)",
        )
        .bind(id)
        .bind(programme)
        .bind(title)
        .bind(text)
        .execute(&mut *tx)
        .await
        .map_err(DbError::from_write)?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Adds a dimension after the last one of its strand.
pub async fn create_dimension(
    db: &Db,
    strand: Uuid,
    title: &str,
    question: &str,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let change = Change {
        actor,
        action: "programme.dimension_create",
        entity: "dimension",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!({ "title": title, "question": question })),
    };
    crate::change!(
        db,
        [Part::Programme],
        |tx| {
            sqlx::query(
            "INSERT INTO dimensions (id, strand_id, number, title, question)
             VALUES ($1, $2, (SELECT COALESCE(MAX(number), 0) + 1 FROM dimensions WHERE strand_id = $2), $3, $4)",
        )
        .bind(id)
        .bind(strand)
        .bind(title)
        .bind(question)
        .execute(&mut *tx)
        .await
        .map_err(DbError::from_write)?;
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Creates a cohort with its organisations and strands.
pub async fn create_cohort(
    db: &Db,
    programme: Uuid,
    d: &CohortDraft,
    actor: Option<Uuid>,
) -> Result<Uuid> {
    let id = new_id();
    let change = Change {
        actor,
        action: "programme.cohort_create",
        entity: "cohort",
        entity_id: id.to_string(),
        before: None,
        after: Some(json!(d)),
    };
    crate::change!(
        db,
        [Part::Programme],
        |tx| {
            sqlx::query("INSERT INTO cohorts (id, programme_id, phase_id, name, description) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(programme)
            .bind(d.phase_id)
            .bind(&d.name)
            .bind(&d.description)
            .execute(&mut *tx)
            .await?;
            for o in &d.organisations {
                sqlx::query(
                    "INSERT INTO cohort_members (cohort_id, organisation_id) VALUES ($1, $2)",
                )
                .bind(id)
                .bind(o)
                .execute(&mut *tx)
                .await?;
            }
            for s in &d.strands {
                sqlx::query("INSERT INTO cohort_strands (cohort_id, strand_id) VALUES ($1, $2)")
                    .bind(id)
                    .bind(s)
                    .execute(&mut *tx)
                    .await?;
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(id)
}

/// Saves an edited cohort (members and strands replaced) if nobody saved it since `version`.
pub async fn update_cohort(
    db: &Db,
    before: &Cohort,
    version: i64,
    d: &CohortDraft,
    actor: Option<Uuid>,
) -> Result<()> {
    let change = Change {
        actor,
        action: "programme.cohort_update",
        entity: "cohort",
        entity_id: before.id.to_string(),
        before: Some(json!(before)),
        after: Some(json!(d)),
    };
    crate::change!(
        db,
        [Part::Programme],
        |tx| {
            let done = sqlx::query(
            "UPDATE cohorts SET phase_id = $1, name = $2, description = $3, version = version + 1 WHERE id = $4 AND version = $5",
        )
        .bind(d.phase_id)
        .bind(&d.name)
        .bind(&d.description)
        .bind(before.id)
        .bind(version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
            if done == 0 {
                return Err(DbError::Conflict);
            }
            sqlx::query("DELETE FROM cohort_members WHERE cohort_id = $1")
                .bind(before.id)
                .execute(&mut *tx)
                .await?;
            for o in &d.organisations {
                sqlx::query(
                    "INSERT INTO cohort_members (cohort_id, organisation_id) VALUES ($1, $2)",
                )
                .bind(before.id)
                .bind(o)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query("DELETE FROM cohort_strands WHERE cohort_id = $1")
                .bind(before.id)
                .execute(&mut *tx)
                .await?;
            for s in &d.strands {
                sqlx::query("INSERT INTO cohort_strands (cohort_id, strand_id) VALUES ($1, $2)")
                    .bind(before.id)
                    .bind(s)
                    .execute(&mut *tx)
                    .await?;
            }
            Ok(())
        },
        |_| &change
    )?;
    Ok(())
}
